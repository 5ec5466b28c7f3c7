namespace Lynchpin.Core.Progression;

/// <summary>
/// Computes Professional Progression Profiles in the database with grouped queries: a school's
/// four checkpoints, movement between two of them, one checkpoint year on year, and a trust's schools.
/// Who counts at a checkpoint: staff in post on its date (started on or before it, not left before it);
/// only the current version of each assessment counts. Each answer is cached per school at the school's data version
/// (<see cref="AggregateCache"/>): computed once per change to the school's staff or assessments, never stale.
/// </summary>
public class ProfileCalculator(LynchpinDbContext db, AggregateCache cache)
{
    /// <summary>The request's data versions: tell them a school already read, to save reading its version again.</summary>
    public DataVersions Versions => cache.Versions;

    /// <summary>The school's checkpoint dates for a year: its own where set, otherwise the defaults.</summary>
    public async Task<IReadOnlyList<CheckpointInfo>> CheckpointsAsync(int schoolId, int year, CancellationToken cancellationToken = default)
    {
        var own = await db.CheckpointDates.AsNoTracking().Where(c => c.SchoolId == schoolId && c.Year == year)
            .ToDictionaryAsync(c => c.Checkpoint, c => c.Date, cancellationToken);
        return SchoolYear.Checkpoints
            .Select(n => new CheckpointInfo(n, own.TryGetValue(n, out var date) ? date : SchoolYear.DefaultDate(year, n)))
            .ToList();
    }

    /// <summary>Each school's four checkpoint dates for a year in one query: its own where set, otherwise the defaults.</summary>
    public Task<IReadOnlyDictionary<int, IReadOnlyList<CheckpointInfo>>> CheckpointsAsync(IReadOnlyCollection<int> schoolIds, int year, CancellationToken cancellationToken = default) =>
        cache.SchoolsAsync<IReadOnlyList<CheckpointInfo>>(schoolIds, ("checkpoints", year), async ids =>
        {
            var own = (await db.CheckpointDates.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Year == year)
                .Select(c => new { c.SchoolId, c.Checkpoint, c.Date }).ToListAsync(cancellationToken))
                .ToDictionary(c => (c.SchoolId, c.Checkpoint), c => c.Date);
            return ids.ToDictionary(id => id, id => (IReadOnlyList<CheckpointInfo>)SchoolYear.Checkpoints
                .Select(n => new CheckpointInfo(n, own.TryGetValue((id, n), out var date) ? date : SchoolYear.DefaultDate(year, n)))
                .ToList());
        }, cancellationToken);

    public Task<SchoolProfile> SchoolAsync(int schoolId, int year, ProfileFilter filter, CancellationToken cancellationToken = default) =>
        cache.SchoolAsync(schoolId, ("profile", year, filter.Key), () => ComputeSchoolAsync(schoolId, year, filter, cancellationToken), cancellationToken);

    private async Task<SchoolProfile> ComputeSchoolAsync(int schoolId, int year, ProfileFilter filter, CancellationToken cancellationToken)
    {
        var checkpoints = await CheckpointsAsync(schoolId, year, cancellationToken);
        var staff = Filtered(db.StaffMembers.Where(s => s.SchoolId == schoolId), filter);
        // The four checkpoints in one round trip (UNION ALL): at a school's size the round trips cost more than the queries.
        // Each person's stage is looked up by a correlated subquery (the assessments index, a probe per person) rather
        // than joined: a join lets PostgreSQL plan a parallel append over the four, whose workers cost more than the work.
        var rows = await checkpoints
            .Select(checkpoint =>
            {
                var number = checkpoint.Number;
                return from s in InPost(staff, checkpoint.Date)
                       let stage = db.Assessments
                           .Where(a => a.StaffMemberId == s.Id && a.Year == year && a.Checkpoint == number && a.IsCurrent)
                           .Select(a => (int?)a.Stage).FirstOrDefault()
                       group s by stage into g
                       select new { Checkpoint = number, Stage = g.Key, Count = g.Count() };
            })
            .Aggregate((all, next) => all.Concat(next))
            .ToListAsync(cancellationToken);
        var counts = rows.ToLookup(r => r.Checkpoint, r => (r.Stage, r.Count));
        var profiles = checkpoints.Select(c => new CheckpointProfile(c, ToDistribution(counts[c.Number]))).ToList();
        return new SchoolProfile(year, profiles);
    }

    public Task<Transitions> TransitionsAsync(int schoolId, int year, int fromCheckpoint, int toCheckpoint, ProfileFilter filter, CancellationToken cancellationToken = default) =>
        cache.SchoolAsync(schoolId, ("transitions", year, fromCheckpoint, toCheckpoint, filter.Key),
            () => ComputeTransitionsAsync(schoolId, year, fromCheckpoint, toCheckpoint, filter, cancellationToken), cancellationToken);

    private async Task<Transitions> ComputeTransitionsAsync(int schoolId, int year, int fromCheckpoint, int toCheckpoint, ProfileFilter filter, CancellationToken cancellationToken)
    {
        var staff = Filtered(db.StaffMembers.Where(s => s.SchoolId == schoolId), filter);
        var counts = await (
            from a in Current(year, fromCheckpoint)
            join b in Current(year, toCheckpoint) on a.StaffMemberId equals b.StaffMemberId
            join s in staff on a.StaffMemberId equals s.Id
            group a by new { FromStage = a.Stage, ToStage = b.Stage } into g
            select new { g.Key.FromStage, g.Key.ToStage, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var matrix = Enumerable.Range(0, StageDistribution.StageCount).Select(_ => new int[StageDistribution.StageCount]).ToArray();
        foreach (var cell in counts)
        {
            matrix[cell.FromStage][cell.ToStage] += cell.Count;
        }
        return new Transitions(fromCheckpoint, toCheckpoint, matrix);
    }

    /// <summary>One checkpoint in each of up to <paramref name="years"/> years ending with <paramref name="year"/>, oldest first.</summary>
    public Task<IReadOnlyList<YearDistribution>> YearOnYearAsync(int schoolId, int year, int checkpoint, ProfileFilter filter, int years = 5, CancellationToken cancellationToken = default) =>
        cache.SchoolAsync(schoolId, ("year-on-year", year, checkpoint, years, filter.Key),
            () => ComputeYearOnYearAsync(schoolId, year, checkpoint, filter, years, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<YearDistribution>> ComputeYearOnYearAsync(int schoolId, int year, int checkpoint, ProfileFilter filter, int years, CancellationToken cancellationToken)
    {
        var staff = Filtered(db.StaffMembers.Where(s => s.SchoolId == schoolId), filter);
        var result = new List<YearDistribution>();
        for (var y = year - years + 1; y <= year; y++)
        {
            var info = (await CheckpointsAsync(schoolId, y, cancellationToken)).Single(c => c.Number == checkpoint);
            var counts = await DistributionQuery(staff, y, checkpoint, info.Date).ToListAsync(cancellationToken);
            result.Add(new YearDistribution(y, info, ToDistribution(counts.Select(c => (c.Stage, c.Count)))));
        }
        return result;
    }

    /// <summary>Each school's distribution at one checkpoint, each on its own checkpoint date.</summary>
    public async Task<IReadOnlyList<SchoolDistribution>> SchoolsAsync(IReadOnlyCollection<School> schools, int year, int checkpoint, ProfileFilter filter, CancellationToken cancellationToken = default)
    {
        // Cached school by school, so a change at one school recomputes only its row; the rest of a trust comes from the cache.
        var bySchool = await cache.SchoolsAsync(schools.Select(s => s.Id).ToList(), ("distribution", year, checkpoint, filter.Key),
            ids => ComputeSchoolsAsync(ids, year, checkpoint, filter, cancellationToken), cancellationToken);
        return schools
            .Select(s => new SchoolDistribution(s.Id, s.Urn, s.Name, bySchool[s.Id].Checkpoint, bySchool[s.Id].Distribution))
            .ToList();
    }

    private async Task<IReadOnlyDictionary<int, CheckpointProfile>> ComputeSchoolsAsync(IReadOnlyList<int> ids, int year, int checkpoint, ProfileFilter filter, CancellationToken cancellationToken)
    {
        var defaultDate = SchoolYear.DefaultDate(year, checkpoint);
        // Limited to the schools asked for, so PostgreSQL looks their dates up by school rather than reading every school's.
        var ownDates = db.CheckpointDates.Where(c => ids.Contains(c.SchoolId) && c.Year == year && c.Checkpoint == checkpoint);
        var own = await ownDates.AsNoTracking().ToDictionaryAsync(c => c.SchoolId, c => c.Date, cancellationToken);

        // One grouped query whatever dates the schools chose: each person is tested against their own school's date.
        var staff = Filtered(db.StaffMembers.Where(s => ids.Contains(s.SchoolId)), filter);
        var rows = await (
            from s in staff
            join c in ownDates on s.SchoolId equals c.SchoolId into owned
            from c in owned.DefaultIfEmpty()
            let date = c != null ? c.Date : defaultDate
            where (s.StartDate == null || s.StartDate <= date) && (s.LeavingDate == null || s.LeavingDate >= date)
            join a in Current(year, checkpoint) on s.Id equals a.StaffMemberId into assessed
            from a in assessed.DefaultIfEmpty()
            group s by new { s.SchoolId, Stage = (int?)a.Stage } into g
            select new { g.Key.SchoolId, g.Key.Stage, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = rows.ToLookup(r => r.SchoolId, r => (r.Stage, r.Count));
        return ids.ToDictionary(id => id, id => new CheckpointProfile(
            new CheckpointInfo(checkpoint, own.TryGetValue(id, out var date) ? date : defaultDate),
            ToDistribution(counts[id])));
    }

    /// <summary>
    /// The school years in which each school has assessments, each with the last checkpoint assessed in it: what the
    /// profile pages offer and open at.
    /// </summary>
    public Task<IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>>> AssessedYearsAsync(IReadOnlyCollection<int> schoolIds, CancellationToken cancellationToken = default) =>
        cache.SchoolsAsync<IReadOnlyDictionary<int, int>>(schoolIds, "assessed-years", async ids =>
        {
            var rows = await db.Assessments.Where(a => a.IsCurrent && ids.Contains(a.StaffMember.SchoolId))
                .GroupBy(a => new { a.StaffMember.SchoolId, a.Year })
                .Select(g => new { g.Key.SchoolId, g.Key.Year, Last = g.Max(a => a.Checkpoint) })
                .ToListAsync(cancellationToken);
            var bySchool = rows.ToLookup(r => r.SchoolId);
            return ids.ToDictionary(id => id, id => (IReadOnlyDictionary<int, int>)bySchool[id].ToDictionary(r => r.Year, r => r.Last));
        }, cancellationToken);

    /// <summary>
    /// The people behind one count of the profile: those in post at <paramref name="checkpoint"/> at <paramref name="stage"/>
    /// (<see cref="StageChoice.NotAssessed"/>: not assessed there; <see cref="StageChoice.Any"/>: everyone in post), or, with
    /// <paramref name="from"/>, those at a stage there and at <paramref name="stage"/> at the checkpoint (a movement cell).
    /// Ordered by name. Not cached: a list is asked for one click at a time.
    /// </summary>
    public async Task<IReadOnlyList<ProfilePerson>> PeopleAsync(int schoolId, int year, int checkpoint, StageChoice stage, ProfileFilter filter,
        (int Checkpoint, int Stage)? from = null, CancellationToken cancellationToken = default)
    {
        var staff = Filtered(db.StaffMembers.Where(s => s.SchoolId == schoolId), filter);
        if (from is { } moved)
        {
            // As TransitionsAsync counts them: assessed at both checkpoints, whether in post at either date or not.
            var (fromCheckpoint, fromStage) = moved;
            staff = staff.Where(s => Current(year, fromCheckpoint).Any(a => a.StaffMemberId == s.Id && a.Stage == fromStage)
                && Current(year, checkpoint).Any(a => a.StaffMemberId == s.Id && a.Stage == stage.Stage));
        }
        else
        {
            var date = (await CheckpointsAsync(schoolId, year, cancellationToken)).Single(c => c.Number == checkpoint).Date;
            staff = InPost(staff, date);
            if (stage.Stage is int at)
            {
                staff = staff.Where(s => Current(year, checkpoint).Any(a => a.StaffMemberId == s.Id && a.Stage == at));
            }
            else if (stage == StageChoice.NotAssessed)
            {
                staff = staff.Where(s => !Current(year, checkpoint).Any(a => a.StaffMemberId == s.Id));
            }
        }
        return await staff.OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new ProfilePerson(s.Id, s.FirstName + " " + s.LastName, s.JobTitle, s.RoleFamily,
                Current(year, checkpoint).Where(a => a.StaffMemberId == s.Id).Select(a => (int?)a.Stage).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Everyone below a line manager, however many levels down (not the manager).</summary>
    public async Task<IReadOnlyCollection<int>> TeamAsync(int managerId, CancellationToken cancellationToken = default)
    {
        var schoolId = await db.StaffMembers.Where(s => s.Id == managerId).Select(s => s.SchoolId).SingleAsync(cancellationToken);
        // A school's reporting lines are small; walk them in memory rather than with a recursive query per provider.
        var links = await db.StaffMembers.Where(s => s.LineManagerId != null && (s.SchoolId == schoolId || s.LineManager!.SchoolId == schoolId))
            .Select(s => new { s.Id, Manager = s.LineManagerId!.Value }).ToListAsync(cancellationToken);
        var reportsOf = links.ToLookup(l => l.Manager, l => l.Id);
        var team = new HashSet<int>();
        var frontier = new Stack<int>([managerId]);
        while (frontier.TryPop(out var next))
        {
            foreach (var report in reportsOf[next])
            {
                if (team.Add(report))
                {
                    frontier.Push(report);
                }
            }
        }
        team.Remove(managerId);
        return team;
    }

    /// <summary>People in post on <paramref name="date"/>, left-joined to their current assessment, counted by stage (null: not assessed).</summary>
    public IQueryable<StageCount> DistributionQuery(IQueryable<StaffMember> staff, int year, int checkpoint, DateOnly date) =>
        from s in InPost(staff, date)
        join a in Current(year, checkpoint) on s.Id equals a.StaffMemberId into assessed
        from a in assessed.DefaultIfEmpty()
        group s by (int?)a.Stage into g
        select new StageCount(g.Key, g.Count());

    public static StageDistribution ToDistribution(IEnumerable<(int? Stage, int Count)> counts)
    {
        var stages = new int[StageDistribution.StageCount];
        var notAssessed = 0;
        foreach (var (stage, count) in counts)
        {
            if (stage is int s)
            {
                stages[s] += count;
            }
            else
            {
                notAssessed += count;
            }
        }
        return new StageDistribution(stages, notAssessed);
    }

    public static IQueryable<StaffMember> Filtered(IQueryable<StaffMember> staff, ProfileFilter filter)
    {
        if (filter.Category == StaffCategory.Teaching)
        {
            staff = staff.Where(s => s.RoleFamily == RoleFamily.Teaching);
        }
        else if (filter.Category == StaffCategory.Support)
        {
            staff = staff.Where(s => s.RoleFamily != RoleFamily.Teaching);
        }
        if (filter.RoleFamily is RoleFamily family)
        {
            staff = staff.Where(s => s.RoleFamily == family);
        }
        if (filter.Slt is bool slt)
        {
            staff = staff.Where(s => s.Slt == slt);
        }
        if (filter.Team is { } team)
        {
            var ids = team.ToList();
            staff = staff.Where(s => ids.Contains(s.Id));
        }
        return staff;
    }

    private static IQueryable<StaffMember> InPost(IQueryable<StaffMember> staff, DateOnly date) =>
        staff.Where(s => (s.StartDate == null || s.StartDate <= date) && (s.LeavingDate == null || s.LeavingDate >= date));

    private IQueryable<Assessment> Current(int year, int checkpoint) =>
        db.Assessments.Where(a => a.Year == year && a.Checkpoint == checkpoint && a.IsCurrent);
}

public record StageCount(int? Stage, int Count);

/// <summary>A person behind a count of the profile, with their stage at the checkpoint (null: not assessed).</summary>
public record ProfilePerson(int Id, string Name, string JobTitle, RoleFamily RoleFamily, int? Stage);

/// <summary>Which count of a checkpoint: a stage, those not assessed, or everyone in post.</summary>
public readonly record struct StageChoice(int? Stage, bool Assessed)
{
    public static readonly StageChoice NotAssessed = new(null, false);
    public static readonly StageChoice Any = new(null, true);

    public static StageChoice At(int stage) => new(stage, true);

    /// <summary>"0" to "6", "none" (not assessed), or nothing (everyone in post): the <c>stage</c> of a profile link.</summary>
    public static bool TryParse(string? text, out StageChoice choice)
    {
        choice = Any;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (text == "none")
        {
            choice = NotAssessed;
            return true;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stage)
            && stage is >= ProgressionStage.Lowest and <= ProgressionStage.Highest)
        {
            choice = At(stage);
            return true;
        }
        return false;
    }

    public string? Code => Stage is int s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : Assessed ? null : "none";
}
