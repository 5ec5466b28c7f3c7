using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Bench.Profile;

/// <summary>How big a generated database is. Staff are records over the whole period, joiners and leavers included.</summary>
public sealed record ProfileScale(string Name, int Schools, int Staff, int FirstYear, int Years, double ShareInTrusts, int MaxTrustSize = 40)
{
    // Five years for a trust, as the issue asks. Nationally six, so that a million staff records with
    // joiners and leavers come to about twenty million assessments.
    public static readonly ProfileScale Trust = new("trust", 100, 10_000, 2021, 5, 1.0);
    public static readonly ProfileScale National = new("national", 22_000, 1_000_000, 2020, 6, 0.6);

    /// <summary>The load run's trust: the same size as <see cref="Trust"/>, but all 100 schools in one trust, the largest there is.</summary>
    public static readonly ProfileScale OneTrust = new("one-trust", 100, 10_000, 2021, 5, 1.0, MaxTrustSize: 100);

    public int LastYear => FirstYear + Years - 1;

    public static ProfileScale? Parse(string name) => name switch
    {
        "trust" => Trust,
        "national" => National,
        "one-trust" => OneTrust,
        _ => null,
    };
}

public sealed record TrustRow(int Id, string Code, string Name, int Size);

public sealed record SchoolRow(int Id, int Urn, string Name, string Phase, int Pupils, string LocalAuthority, int? TrustId, double Weight);

public record struct CheckpointDateRow(int Id, int SchoolId, int Year, int Checkpoint, DateOnly Date);

/// <summary>A staff record; names, emails and job titles are made from the id when written.</summary>
public record struct StaffRow(int Id, int SchoolId, RoleFamily Family, bool Slt, DateOnly? Start, DateOnly? Leaving, int? LineManagerId, float Talent)
{
    public readonly bool InPostOn(DateOnly date) => (Start is null || Start <= date) && (Leaving is null || Leaving >= date);
}

public record struct AssessmentRow(int Id, int StaffMemberId, int Year, int Checkpoint, int Stage, DateOnly AssessedOn, int? AssessorId,
    string[] CriteriaMet, string? Note, int Version, bool IsCurrent, string RecordedByName);

/// <summary>
/// Deterministic data for timing the progression profile: trusts of 10-40 schools (or one of 100); schools of realistic sizes by
/// phase; staff who joined before the period or during it (most on 1 September, some mid-year) and some who leave;
/// some schools with their own checkpoint dates; and each checkpoint's assessments, written school by school in the
/// order a school would record them, with stages drifting upward through the year and with experience, a few
/// corrections (an earlier version kept, not current) and some people not assessed.
/// Everything but the assessments is held in memory (about 40 MB nationally); the assessments are streamed.
/// </summary>
public sealed class ProfileGenerator
{
    public const int Seed = 20261128;
    private const double NotAssessedRate = 0.03, SchoolSkipsCheckpointRate = 0.01, CorrectionRate = 0.02, OwnDatesRate = 0.2;

    private static readonly (string Phase, double Share, double Weight)[] Phases =
        [("Primary", 0.70, 1.0), ("Secondary", 0.18, 3.6), ("Special", 0.05, 1.6), ("All-through", 0.03, 4.5), ("Nursery", 0.04, 0.5)];

    private static readonly (RoleFamily Family, double Share)[] Families =
    [
        (RoleFamily.Teaching, 0.48), (RoleFamily.LearningSupport, 0.26), (RoleFamily.Administration, 0.08), (RoleFamily.Pastoral, 0.05),
        (RoleFamily.Site, 0.04), (RoleFamily.Inclusion, 0.03), (RoleFamily.Business, 0.02), (RoleFamily.Technical, 0.03), (RoleFamily.Community, 0.01),
    ];

    private static readonly string[] Notes =
    [
        "Observed in class and discussed at the line management meeting.",
        "Evidence from the learning walk and the coaching log.",
        "Agreed with the person at their review; see the triad notes.",
        "Training records checked.",
    ];

    private static readonly string[][] CriteriaByStage = DefaultFramework.Stages
        .Select(s => s.Criteria.Where(c => c.Family is null).Select(c => c.Text).ToArray()).ToArray();

    private readonly Random random = new(Seed);
    private int[][] staffBySchool = [];

    public ProfileGenerator(ProfileScale scale)
    {
        Scale = scale;
        Build();
    }

    public ProfileScale Scale { get; }
    public IReadOnlyList<TrustRow> Trusts { get; private set; } = [];
    public IReadOnlyList<SchoolRow> Schools { get; private set; } = [];
    public IReadOnlyList<CheckpointDateRow> CheckpointDates { get; private set; } = [];
    public StaffRow[] Staff { get; private set; } = [];

    /// <summary>A school's staff records' ids, in id order.</summary>
    public IReadOnlyList<int> StaffIdsOf(int schoolId) => staffBySchool[schoolId - 1];

    /// <summary>The trust with the most schools (the first such), for timing the trust profile.</summary>
    public TrustRow LargestTrust => Trusts.OrderByDescending(t => t.Size).ThenBy(t => t.Id).First();

    private void Build()
    {
        // Schools, with a phase and a size weight.
        var schools = new List<SchoolRow>(Scale.Schools);
        for (var i = 0; i < Scale.Schools; i++)
        {
            var (phase, weight) = PickPhase();
            var pupils = (int)(weight * random.Next(180, 320));
            var place = Places[i % Places.Length];
            schools.Add(new SchoolRow(i + 1, 200000 + i, $"{place} {phase} School {i + 1}", phase, pupils, $"Local Authority {300 + i % 150}", null, weight));
        }

        // Trusts of 10-40 schools; which schools join them is shuffled, as a trust's schools were never registered together.
        var inTrusts = (int)Math.Round(Scale.Schools * Scale.ShareInTrusts);
        var order = Enumerable.Range(0, Scale.Schools).ToArray();
        random.Shuffle(order);
        var trusts = new List<TrustRow>();
        var next = 0;
        while (next < inTrusts)
        {
            var remaining = inTrusts - next;
            var size = remaining <= Scale.MaxTrustSize ? remaining : random.Next(10, Math.Min(Scale.MaxTrustSize, remaining - 10) + 1);
            var trust = new TrustRow(trusts.Count + 1, $"TR{10001 + trusts.Count}", $"{Places[trusts.Count % Places.Length]} Learning Trust {trusts.Count + 1}", size);
            trusts.Add(trust);
            for (var k = 0; k < size; k++, next++)
            {
                var index = order[next];
                schools[index] = schools[index] with { TrustId = trust.Id };
            }
        }
        Trusts = trusts;
        Schools = schools;

        // Some schools set their own checkpoint dates for a year (term dates differ between local authorities).
        var dates = new List<CheckpointDateRow>();
        for (var year = Scale.FirstYear; year <= Scale.LastYear; year++)
        {
            foreach (var school in schools)
            {
                if (random.NextDouble() >= OwnDatesRate)
                {
                    continue;
                }
                var shift = random.Next(2) == 0 ? -7 : 7;
                foreach (var checkpoint in SchoolYear.Checkpoints)
                {
                    dates.Add(new CheckpointDateRow(dates.Count + 1, school.Id, year, checkpoint, SchoolYear.DefaultDate(year, checkpoint).AddDays(shift)));
                }
            }
        }
        CheckpointDates = dates;

        BuildStaff();
    }

    private void BuildStaff()
    {
        var cumulative = new double[Schools.Count];
        var total = 0.0;
        for (var i = 0; i < Schools.Count; i++)
        {
            total += Schools[i].Weight;
            cumulative[i] = total;
        }
        var periodStart = SchoolYear.Start(Scale.FirstYear);
        var periodEnd = SchoolYear.End(Scale.LastYear);
        var longServing = new List<StaffRow>();
        var joiners = new List<StaffRow>();
        for (var i = 0; i < Scale.Staff; i++)
        {
            var schoolIndex = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var schoolId = Schools[schoolIndex < 0 ? ~schoolIndex : schoolIndex].Id;
            var family = PickFamily();
            var talent = (float)(0.2 + 0.6 * Gaussian(random));
            if (random.NextDouble() < 0.85)
            {
                // In post before the period; one in eight leaves during it, mostly at the end of a school year.
                var start = random.NextDouble() < 0.05 ? (DateOnly?)null : SeptemberOrAnyDay(random.Next(1995, Scale.FirstYear), SchoolYear.Start(Scale.FirstYear).AddDays(-1));
                DateOnly? leaving = random.NextDouble() < 0.125 ? LeavingDate(periodStart.AddDays(30), periodEnd) : null;
                longServing.Add(new StaffRow(0, schoolId, family, false, start, leaving, null, talent));
            }
            else
            {
                var year = random.Next(Scale.FirstYear, Scale.LastYear + 1);
                var start = SeptemberOrAnyDay(year, SchoolYear.End(year).AddDays(-45));
                DateOnly? leaving = random.NextDouble() < 0.2 && start.AddDays(120) < periodEnd ? LeavingDate(start.AddDays(120), periodEnd) : null;
                joiners.Add(new StaffRow(0, schoolId, family, false, start, leaving, null, talent));
            }
        }

        // Ids in the order a real database would have them: each school's staff imported together, then joiners as they came.
        var staff = longServing.OrderBy(s => s.SchoolId).Concat(joiners.OrderBy(s => s.Start)).ToArray();
        var slt = new Dictionary<int, List<int>>();
        for (var i = 0; i < staff.Length; i++)
        {
            var s = staff[i];
            var id = i + 1;
            var leaders = slt.TryGetValue(s.SchoolId, out var list) ? list : slt[s.SchoolId] = [];
            var isSlt = i < longServing.Count && leaders.Count < 4;
            int? manager = leaders.Count == 0 ? null : leaders[isSlt ? 0 : random.Next(leaders.Count)];
            if (isSlt)
            {
                s = s with { Family = RoleFamily.Teaching, Start = s.Start ?? new DateOnly(2010, 9, 1), Leaving = null };
                leaders.Add(id);
            }
            staff[i] = s with { Id = id, Slt = isSlt, LineManagerId = manager };
        }
        Staff = staff;
        // School ids are 1..n, so a school's staff are at its id less one.
        var bySchool = staff.ToLookup(s => s.SchoolId, s => s.Id);
        staffBySchool = Schools.Select(s => bySchool[s.Id].ToArray()).ToArray();
    }

    /// <summary>Every assessment, checkpoint by checkpoint and school by school, streamed.</summary>
    public IEnumerable<AssessmentRow> Assessments()
    {
        var ownDates = CheckpointDates.ToDictionary(d => (d.SchoolId, d.Year, d.Checkpoint), d => d.Date);
        var id = 0;
        for (var year = Scale.FirstYear; year <= Scale.LastYear; year++)
        {
            foreach (var checkpoint in SchoolYear.Checkpoints)
            {
                var defaultDate = SchoolYear.DefaultDate(year, checkpoint);
                for (var schoolIndex = 0; schoolIndex < Schools.Count; schoolIndex++)
                {
                    var school = Schools[schoolIndex];
                    var date = ownDates.TryGetValue((school.Id, year, checkpoint), out var own) ? own : defaultDate;
                    if (random.NextDouble() < SchoolSkipsCheckpointRate)
                    {
                        continue;
                    }
                    var ids = staffBySchool[schoolIndex];
                    var assessor = ids.Length > 0 ? ids[0] : (int?)null;
                    foreach (var staffId in ids)
                    {
                        var person = Staff[staffId - 1];
                        if (!person.InPostOn(date) || random.NextDouble() < NotAssessedRate)
                        {
                            continue;
                        }
                        var stage = StageOf(person, date, year, checkpoint, Gaussian(random));
                        var assessedOn = date.AddDays(-random.Next(0, 10));
                        var byForm = random.NextDouble() < 0.3;
                        var criteria = byForm ? CriteriaByStage[stage] : [];
                        var note = byForm ? Notes[random.Next(Notes.Length)] : null;
                        var recorder = byForm ? "Line manager" : "Bench import";
                        int? assessorId = person.Id == assessor ? null : person.LineManagerId ?? assessor;
                        if (random.NextDouble() < CorrectionRate)
                        {
                            var first = Math.Clamp(stage + (random.Next(2) == 0 ? -1 : 1), ProgressionStage.Lowest, ProgressionStage.Highest);
                            yield return new AssessmentRow(++id, staffId, year, checkpoint, first, assessedOn, assessorId, CriteriaByStage[first], note, 1, false, recorder);
                            yield return new AssessmentRow(++id, staffId, year, checkpoint, stage, assessedOn.AddDays(2), assessorId, criteria, "Corrected after moderation.", 2, true, recorder);
                        }
                        else
                        {
                            yield return new AssessmentRow(++id, staffId, year, checkpoint, stage, assessedOn, assessorId, criteria, note, 1, true, recorder);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// New staff start at stage 0 (mandatory requirements not yet assured), pass 1 and 2 within their first terms, then
    /// rise with experience and through each year; a person's talent and a little noise spread them over 2-5; 6 is rare.
    /// </summary>
    private static int StageOf(StaffRow person, DateOnly date, int year, int checkpoint, double noise)
    {
        var days = person.Start is { } start ? date.DayNumber - start.DayNumber : 10_000;
        if (days < 60)
        {
            return noise > 1.5 ? 1 : 0;
        }
        if (days < 120)
        {
            return noise > 0.3 ? 2 : 1;
        }
        var level = 2.3 + person.Talent + 1.8 * (1 - Math.Exp(-days / 365.25 / 3)) + 0.15 * (checkpoint - 1)
            + 0.3 * YearNoise(person.Id, year) + 0.15 * noise;
        if (days < 240)
        {
            level = Math.Min(level, 3.5);
        }
        return Math.Clamp((int)Math.Floor(level), 2, level >= 6.3 ? 6 : 5);
    }

    /// <summary>A person's form in a year: the same at all four checkpoints, so movement within a year is mostly upward.</summary>
    private static double YearNoise(int staffId, int year)
    {
        var h = (uint)(staffId * 2654435761u) ^ (uint)(year * 40503u);
        h ^= h >> 15;
        h *= 2246822519u;
        h ^= h >> 13;
        return (h / (double)uint.MaxValue - 0.5) * 3.4; // roughly -1.7 to 1.7
    }

    private DateOnly SeptemberOrAnyDay(int year, DateOnly latest)
    {
        if (random.NextDouble() < 0.65)
        {
            return SchoolYear.Start(year);
        }
        var first = SchoolYear.Start(year);
        var span = latest.DayNumber - first.DayNumber;
        return span <= 0 ? first : first.AddDays(random.Next(span));
    }

    private DateOnly LeavingDate(DateOnly earliest, DateOnly latest)
    {
        var span = Math.Max(1, latest.DayNumber - earliest.DayNumber);
        var date = earliest.AddDays(random.Next(span));
        // Most leave at the end of a school year.
        var endOfYear = SchoolYear.End(SchoolYear.Of(date));
        return random.NextDouble() < 0.6 && endOfYear <= latest ? endOfYear : date;
    }

    private (string Phase, double Weight) PickPhase()
    {
        var r = random.NextDouble();
        foreach (var (phase, share, weight) in Phases)
        {
            if ((r -= share) < 0)
            {
                return (phase, weight);
            }
        }
        return (Phases[0].Phase, Phases[0].Weight);
    }

    private RoleFamily PickFamily()
    {
        var r = random.NextDouble();
        foreach (var (family, share) in Families)
        {
            if ((r -= share) < 0)
            {
                return family;
            }
        }
        return RoleFamily.Teaching;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static readonly string[] Places =
        ["Northfield", "St Mary's", "Riverside", "Oakwood", "Hillcrest", "Kingsmead", "Ashford", "Brookside", "Elmhurst", "Westgate", "Fairfield", "Moorland"];

    public static readonly string[] FirstNames =
        ["Amelia", "Oliver", "Priya", "Mohammed", "Sophie", "Jack", "Aisha", "Harry", "Grace", "Daniel", "Chloe", "Tomasz", "Fatima", "Liam", "Ella", "Kwame"];

    public static readonly string[] LastNames =
        ["Smith", "Jones", "Patel", "Khan", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Nowak", "Ahmed", "Okafor", "Murphy", "Hughes", "Clarke"];

    public static string JobTitle(RoleFamily family, bool slt) => slt ? "Senior leader" : family switch
    {
        RoleFamily.Teaching => "Teacher",
        RoleFamily.LearningSupport => "Teaching assistant",
        RoleFamily.Pastoral => "Year coordinator",
        RoleFamily.Inclusion => "Family liaison officer",
        RoleFamily.Business => "Finance officer",
        RoleFamily.Administration => "Administrator",
        RoleFamily.Site => "Site officer",
        RoleFamily.Community => "Community coordinator",
        RoleFamily.Technical => "IT technician",
        _ => "Staff",
    };
}
