using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Imports;

namespace Lynchpin.Web.Pages;

/// <summary>
/// Home: the signed-in person's to-do list (their visits today and this week, visits to write up, stages to record for
/// their team or school, appraisal tasks) and, for leaders, a few headline figures for each school with links.
/// </summary>
public class IndexModel(AppraisalTasks appraisalTasks, CpdTasks cpdTasks, ProfileCalculator profiles) : LynchpinPageModel
{
    public record SchoolSummary(int Id, int Urn, string Name, int Teaching, int Support);

    /// <summary>Stages not yet recorded at the latest checkpoint due, for a school (a leader's) or a team (a line manager's).</summary>
    /// <param name="ToDo">The person's to do: a line manager's for their team, a school leader's for their school (a trust admin sees the figure only).</param>
    public record StagesToRecord(int Urn, string Whose, int Year, CheckpointInfo Checkpoint, int NotRecorded, int InPost, bool Team, bool ToDo);

    /// <summary>The signed-in person's visits as an observer today and later this week (Monday to Sunday).</summary>
    public IReadOnlyList<RotaVisit> VisitsToday { get; private set; } = [];
    public IReadOnlyList<RotaVisit> VisitsThisWeek { get; private set; } = [];

    /// <summary>Their visits that have taken place with nothing recorded yet.</summary>
    public int VisitsToWriteUp { get; private set; }

    public IReadOnlyList<StagesToRecord> Stages { get; private set; } = [];

    /// <summary>Visits planned at each led school this week, by school id.</summary>
    public IReadOnlyDictionary<int, int> SchoolVisitsThisWeek { get; private set; } = new Dictionary<int, int>();

    /// <summary>An import the person ran in the last fortnight that was refused, and has not been done at that school since.</summary>
    public record FailedImport(int Urn, string School, SchoolImport Import, string Detail, DateTime At);

    public IReadOnlyList<FailedImport> FailedImports { get; private set; } = [];

    /// <summary>Whether anything at all is waiting for the person.</summary>
    public bool HasWork => VisitsToday.Count + VisitsThisWeek.Count + VisitsToWriteUp + AppraisalTasks.Count + CpdTasks.Count + FailedImports.Count > 0
        || Stages.Any(s => s.ToDo && s.NotRecorded > 0);

    public string Greeting { get; private set; } = "Welcome to Lynchpin";
    public StaffMember? Me { get; private set; }
    public List<SchoolSummary> Schools { get; private set; } = [];
    public bool LeadsAnySchool { get; private set; }

    /// <summary>The signed-in person's due and overdue appraisal tasks, as appraiser and as appraisee; empty without a staff record.</summary>
    public IReadOnlyList<AppraisalTask> AppraisalTasks { get; private set; } = [];

    /// <summary>CPD requests waiting for the person's decision and evaluations for them to write or add a view to.</summary>
    public IReadOnlyList<CpdTask> CpdTasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        // Coaches and virtual schools have no school of their own: their home is their schools' or children's.
        switch (scope.Role)
        {
            case UserRole.Coach:
                return RedirectTo<Coaching.IndexModel>();
            case UserRole.VirtualSchool:
                return RedirectTo<Pupils.IndexModel>();
        }
        LeadsAnySchool = scope.LedSchoolIds.Count > 0;
        if (scope.User is { } user)
        {
            FailedImports = await FailedImportsAsync(user.Id, ct);
        }
        if (scope.User?.StaffMemberId is int staffId)
        {
            Me = await Db.StaffMembers.AsNoTracking().Include(s => s.School).SingleOrDefaultAsync(s => s.Id == staffId, ct);
            if (Me is not null)
            {
                Greeting = $"Welcome, {Me.FirstName}";
                AppraisalTasks = await appraisalTasks.ForStaffAsync(Me.Id, Today, ct);
                CpdTasks = await cpdTasks.ForStaffAsync(Me.Id, scope.VisibleStaffIds, scope.LedSchoolIds, ct);
                await LoadVisitsAsync(Me.Id, ct);
                if (!scope.LeadsSchool(Me.SchoolId) && scope.CanSeeProfile(Me.SchoolId))
                {
                    var team = await profiles.TeamAsync(Me.Id, ct);
                    if (team.Count > 0)
                    {
                        Stages = [await StagesAsync(Me.School, "your team", team, toDo: true, ct)];
                    }
                }
            }
        }

        var today = Today;
        var led = scope.LedSchoolIds.ToList();
        // Counts are grouped in the database: a trust may have thousands of staff.
        var counts = await Db.StaffMembers
            .Where(s => led.Contains(s.SchoolId) && (s.LeavingDate == null || s.LeavingDate >= today))
            .GroupBy(s => new { s.SchoolId, Teaching = s.RoleFamily == RoleFamily.Teaching })
            .Select(g => new { g.Key.SchoolId, g.Key.Teaching, Count = g.Count() })
            .ToListAsync(ct);
        var ledSchools = await Db.Schools.AsNoTracking().Where(s => led.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        DataVersions.Know(ledSchools);
        Schools = ledSchools
            .Select(s => new SchoolSummary(s.Id, s.Urn, s.Name,
                counts.Where(c => c.SchoolId == s.Id && c.Teaching).Sum(c => c.Count),
                counts.Where(c => c.SchoolId == s.Id && !c.Teaching).Sum(c => c.Count)))
            .ToList();
        // A trust's admin sees the figures of every school, but the stages to record are each school's leaders' to do.
        var stages = new List<StagesToRecord>();
        foreach (var school in ledSchools)
        {
            stages.Add(await StagesAsync(school, school.Name, null, toDo: scope.IsSchoolLeaderOf(school.Id), ct));
        }
        Stages = [.. Stages, .. stages];
        var (monday, sunday) = Week(today);
        SchoolVisitsThisWeek = (await Db.RotaVisits.Where(v => led.Contains(v.Rota.SchoolId) && v.Date >= monday && v.Date <= sunday)
                .GroupBy(v => v.Rota.SchoolId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        return Page();
    }

    /// <summary>
    /// The person's refused imports of the last fortnight not followed by a successful one of the same kind at the same
    /// school (by anyone), from the audit trail, in one statement; the latest of each kind and school.
    /// </summary>
    private async Task<IReadOnlyList<FailedImport>> FailedImportsAsync(string userId, CancellationToken ct)
    {
        var since = Clock.UtcNow.AddDays(-14);
        var refused = Db.AuditEvents.Where(r => r.Action == AuditActions.ImportRefused && r.UserId == userId && r.At >= since);
        var rows = await Db.AuditEvents.AsNoTracking()
            .Where(e => e.At >= since && e.SchoolId != null && e.Detail != null
                && ((e.Action == AuditActions.ImportRefused && e.UserId == userId)
                    || (e.Action == AuditActions.Imported && refused.Any(r => r.SchoolId == e.SchoolId))))
            .Select(e => new { e.At, e.Action, e.Detail, School = Db.Schools.Where(s => s.Id == e.SchoolId).Select(s => new { s.Urn, s.Name }).First() })
            .ToListAsync(ct);
        // The detail starts with the import's key: "staff from staff.csv: 3 problem(s), nothing imported".
        static string KeyOf(string detail) => detail.Split(" from ", 2)[0];
        return rows.Where(e => e.Action == AuditActions.ImportRefused)
            .Where(e => !rows.Any(ok => ok.Action == AuditActions.Imported && ok.School.Urn == e.School.Urn && KeyOf(ok.Detail!) == KeyOf(e.Detail!) && ok.At > e.At))
            .GroupBy(e => (e.School.Urn, Key: KeyOf(e.Detail!)))
            .Select(g => g.MaxBy(e => e.At)!)
            .Where(e => ImportTable.Find(KeyOf(e.Detail!)) is not null)
            .OrderByDescending(e => e.At)
            .Select(e => new FailedImport(e.School.Urn, e.School.Name, ImportTable.Find(KeyOf(e.Detail!))!, e.Detail!, e.At))
            .ToList();
    }

    /// <summary>The person's visits today and later this week, and how many past ones have no record yet.</summary>
    private async Task LoadVisitsAsync(int staffId, CancellationToken ct)
    {
        var today = Today;
        var (_, sunday) = Week(today);
        var coming = await Db.RotaVisits.AsNoTracking().Include(v => v.Observee)
            .Where(v => v.ObserverId == staffId && v.Date >= today && v.Date <= sunday)
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ToListAsync(ct);
        VisitsToday = coming.Where(v => v.Date == today).ToList();
        VisitsThisWeek = coming.Where(v => v.Date > today).ToList();
        VisitsToWriteUp = await Db.RotaVisits.CountAsync(v => v.ObserverId == staffId && v.Date < today
            && !Db.ObservationRecords.Any(r => r.VisitId == v.Id), ct);
    }

    /// <summary>How many in post at the latest checkpoint due this year have no stage there, at a school or in a team.</summary>
    private async Task<StagesToRecord> StagesAsync(School school, string whose, IReadOnlyCollection<int>? team, bool toDo, CancellationToken ct)
    {
        var year = SchoolYear.Of(Today);
        var profile = await profiles.SchoolAsync(school.Id, year, new ProfileFilter(Team: team), ct);
        // Before the first checkpoint of the year is due, the last one of the year before is still the one to finish.
        var due = profile.Checkpoints.LastOrDefault(c => c.Checkpoint.Date <= Today);
        if (due is null)
        {
            year--;
            profile = await profiles.SchoolAsync(school.Id, year, new ProfileFilter(Team: team), ct);
            due = profile.Checkpoints[^1];
        }
        return new StagesToRecord(school.Urn, whose, year, due.Checkpoint, due.Distribution.NotAssessed, due.Distribution.InPost, team is not null, toDo);
    }

    private static (DateOnly Monday, DateOnly Sunday) Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }
}
