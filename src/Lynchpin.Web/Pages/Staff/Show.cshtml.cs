using Lynchpin.Core.Community;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Staff;

/// <summary>A person's page: their details, their learning triad and the people they line-manage or coach.</summary>
public class ShowModel(Frameworks frameworks, ProfessionalConversations conversations) : PersonPageModel
{
    private record Related(int Id, int SchoolId, int? LineManagerId, int? CoachId, string Name, string JobTitle, string SchoolName);

    public record Person(int Id, string Name, string JobTitle, string SchoolName, bool Visible);

    public Person? LineManager { get; private set; }
    public Person? Coach { get; private set; }
    public List<Person> DirectReports { get; private set; } = [];
    public List<Person> Coachees { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Whether the reader may see the person's progression; only then is the section shown.</summary>
    public bool CanReadProgression { get; private set; }

    /// <summary>The person's latest current assessment, with its stage's name, if they have one.</summary>
    public (Assessment Assessment, string StageName)? LatestStage { get; private set; }

    /// <summary>Whether the reader may see the person's appraisal; only then is the section shown.</summary>
    public bool CanReadAppraisal { get; private set; }

    /// <summary>The person's appraisal for this school year, if the school has opened its cycle.</summary>
    public Appraisal? ThisYearsAppraisal { get; private set; }

    public int ThisYear { get; private set; }

    /// <summary>Whether the reader may see the person's pay (pay access for their school, never one's own).</summary>
    public bool CanReadPay { get; private set; }

    /// <summary>Whether the reader may open the person's professional conversations (their triad, their school's leaders).</summary>
    public bool CanReadConversations { get; private set; }

    /// <summary>The person's conversations: how many, the latest, and whether they are due one (no conversation for a half term).</summary>
    public ConversationSummary Conversations { get; private set; } = new(0, null, false);

    /// <summary>On one's own page: the people one line-manages or coaches who are due a professional conversation.</summary>
    public IReadOnlySet<int> DueConversation { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var member = Member;
        CanReadConversations = await MayAsync(member, Operations.ReadConversations);
        if (CanReadConversations)
        {
            Conversations = await conversations.SummaryAsync(member, ct);
        }
        CanEdit = await MayAsync(member, Operations.Manage);
        CanReadPay = await MayAsync(member, Operations.ReadPay);
        CanReadProgression = await MayAsync(member, Operations.ReadProgression);
        if (CanReadProgression)
        {
            var latest = await Db.Assessments.AsNoTracking()
                .Where(a => a.StaffMemberId == member.Id && a.IsCurrent)
                .OrderByDescending(a => a.Year).ThenByDescending(a => a.Checkpoint)
                .FirstOrDefaultAsync(ct);
            if (latest is not null)
            {
                var framework = await frameworks.ForSchoolAsync(member.School, ct);
                LatestStage = (latest, framework.Framework.Stages.FirstOrDefault(s => s.Number == latest.Stage)?.Name ?? "");
            }
        }

        var scope = await Access.GetAsync(ct);
        ThisYear = SchoolYear.Of(Today);
        ThisYearsAppraisal = await Db.Appraisals.AsNoTracking().Include(a => a.Cycle).Include(a => a.Reviews.Where(r => r.IsCurrent))
            .SingleOrDefaultAsync(a => a.StaffMemberId == member.Id && a.Cycle.Year == ThisYear, ct);
        // Without an appraisal this year, asked of one as opening the cycle would make it (no appraiser yet).
        var appraisal = ThisYearsAppraisal
            ?? new Appraisal { StaffMemberId = member.Id, Cycle = new AppraisalCycle { SchoolId = member.SchoolId, Year = ThisYear, OpenedByName = "" } };
        CanReadAppraisal = await MayAsync(appraisal, Operations.ReadAppraisal);
        if (!CanReadAppraisal)
        {
            ThisYearsAppraisal = null;
        }

        var today = Today;
        var related = await Db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == member.LineManagerId || s.Id == member.CoachId
                || ((s.LineManagerId == member.Id || s.CoachId == member.Id) && (s.LeavingDate == null || s.LeavingDate >= today)))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new Related(s.Id, s.SchoolId, s.LineManagerId, s.CoachId, s.FirstName + " " + s.LastName, s.JobTitle, s.School.Name))
            .ToListAsync(ct);
        // The triad's names are shown to the person; links only where the reader may open the record.
        Person ToPerson(Related s) => new(s.Id, s.Name, s.JobTitle, s.SchoolName, scope.CanSeeStaff(s.Id, s.SchoolId));
        LineManager = related.Where(s => s.Id == member.LineManagerId).Select(ToPerson).SingleOrDefault();
        Coach = related.Where(s => s.Id == member.CoachId).Select(ToPerson).SingleOrDefault();
        DirectReports = related.Where(s => s.LineManagerId == member.Id).Select(ToPerson).ToList();
        Coachees = related.Where(s => s.CoachId == member.Id).Select(ToPerson).ToList();
        if (IsOwn && DirectReports.Count + Coachees.Count > 0)
        {
            // The gentle reminder for one's own triads: the people due a conversation, wherever their school.
            var mine = DirectReports.Concat(Coachees).Select(p => p.Id).ToHashSet();
            var due = new HashSet<int>();
            foreach (var schoolId in related.Where(r => mine.Contains(r.Id)).Select(r => r.SchoolId).Distinct())
            {
                due.UnionWith((await conversations.DueAsync(schoolId, mine, ct)).Select(s => s.Id));
            }
            DueConversation = due;
        }
    }
}
