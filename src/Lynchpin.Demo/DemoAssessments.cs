using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Demo;

/// <summary>
/// The demo's progression assessments, from each school's first demo year to the first checkpoint of the current year.
/// Northfield Academy tells the worked example of the domain reading in 2025/26: ten experienced staff left in the
/// summer of 2025 and ten new staff start at stage 0, reach 1 and (all but two) 2 by the end of autumn, and the
/// other two reach 2 by the end of spring, while most staff sit at 3-5 and move upward; 2023 and 2024 show the
/// profile before the dip. Brookside is a strong primary; Willow Bank a special school improving year by year.
/// </summary>
/// <remarks>
/// Hand-written paths fix the people the story depends on; everyone else walks from a baseline (years in post, role)
/// with a few steps up each term and very few down, from a random generator seeded per person so the demo is the same
/// on every start and changing one person leaves everyone else as they were.
/// </remarks>
internal static partial class DemoAssessments
{
    /// <summary>The last checkpoint the demo has assessed: the first of 2026/27, the current year.</summary>
    public const int LastYear = 2026;
    public const int LastCheckpoint = 1;

    private const string TrustAssessor = "Chief Executive, Northfield Learning Trust";

    private sealed record Correction(string Ref, int Year, int Checkpoint, int Delta, string Reason, string? By = null);

    private sealed record SchoolPlan(
        int FirstYear, int Seed, double Lift, double UpChance, double DownChance,
        IReadOnlyDictionary<string, int[]> Paths, string[] MayReachSix, string[] NotYetAssessed);

    /// <summary>One assessment before notes and recording details are added.</summary>
    private sealed record Step(StaffMember Person, int Year, int Checkpoint, DateOnly Date, int Stage, int? Previous, Random Random);

    public static List<Assessment> Create(
        IReadOnlyDictionary<int, IReadOnlyList<StaffMember>> staffByUrn, IReadOnlyDictionary<int, string> userIdByStaffId)
    {
        var assessments = new List<Assessment>();
        var byRef = staffByUrn.Values.SelectMany(s => s).ToDictionary(s => s.StaffRef);
        var corrections = Corrections.ToDictionary(c => (c.Ref, c.Year, c.Checkpoint));
        var reflections = Reflections.ToDictionary(r => (r.Ref, r.Year, r.Checkpoint), r => r.Text);
        var used = new HashSet<(string, int, int)>();

        foreach (var (urn, staff) in staffByUrn)
        {
            var plan = Plans[urn];
            var byId = staff.ToDictionary(s => s.Id);
            foreach (var person in staff)
            {
                foreach (var step in Walk(person, plan))
                {
                    var assessor = AssessorOf(person, step.Date, byId);
                    var recordedAt = RecordedAt(step, step.Random);
                    var key = (person.StaffRef, step.Year, step.Checkpoint);
                    var current = New(step, assessor, Note(step), recordedAt, userIdByStaffId);
                    if (corrections.TryGetValue(key, out var correction))
                    {
                        used.Add(key);
                        var earlierStage = step.Stage + correction.Delta is >= ProgressionStage.Lowest and <= ProgressionStage.Highest
                            ? step.Stage + correction.Delta
                            : step.Stage - correction.Delta;
                        var earlier = New(step with { Stage = earlierStage }, assessor, Note(step with { Stage = earlierStage }), recordedAt, userIdByStaffId);
                        earlier.IsCurrent = false;
                        assessments.Add(earlier);

                        var by = correction.By is null ? assessor : byRef[correction.By];
                        current = New(step, assessor, correction.Reason, CorrectedAt(step, step.Random), userIdByStaffId);
                        current.Version = 2;
                        current.RecordedByName = by?.FullName ?? TrustAssessor;
                        current.RecordedByUserId = by is not null && userIdByStaffId.TryGetValue(by.Id, out var userId) ? userId : null;
                    }
                    if (reflections.TryGetValue(key, out var reflection))
                    {
                        used.Add(key);
                        current.Reflection = reflection;
                        current.ReflectionAt = current.RecordedAt.AddDays(2 + step.Random.Next(7)).AddHours(3 + step.Random.Next(4));
                    }
                    assessments.Add(current);
                }
            }
        }

        // A correction or reflection written for a checkpoint nobody was assessed at would silently vanish.
        var lost = Corrections.Select(c => (c.Ref, c.Year, c.Checkpoint)).Concat(Reflections.Select(r => (r.Ref, r.Year, r.Checkpoint)))
            .Where(k => !used.Contains(k)).ToList();
        if (lost.Count > 0)
        {
            throw new InvalidOperationException($"Demo corrections or reflections without an assessment: {string.Join(", ", lost)}.");
        }
        return assessments;
    }

    /// <summary>The person's stage at each checkpoint they were in post on, from the school's first demo year on.</summary>
    private static IEnumerable<Step> Walk(StaffMember person, SchoolPlan plan)
    {
        // Refs are a school prefix and a number: a stable seed, unlike string.GetHashCode.
        var random = new Random(plan.Seed * 1000 + int.Parse(person.StaffRef.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture));
        plan.Paths.TryGetValue(person.StaffRef, out var path);
        var mayReachSix = plan.MayReachSix.Contains(person.StaffRef);
        int? stage = null;
        var assessedSoFar = 0;
        for (var year = plan.FirstYear; year <= LastYear; year++)
        {
            foreach (var checkpoint in SchoolYear.Checkpoints)
            {
                if (year == LastYear && checkpoint > LastCheckpoint)
                {
                    yield break;
                }
                var date = SchoolYear.DefaultDate(year, checkpoint);
                if (!person.InPostOn(date))
                {
                    continue;
                }
                var next = path is not null && assessedSoFar < path.Length ? path[assessedSoFar]
                    : stage is int s ? Move(s, checkpoint == SchoolYear.FirstCheckpoint, mayReachSix, plan, random)
                    : Baseline(person, date, plan, random);
                assessedSoFar++;
                var previous = stage;
                stage = next;
                if (year == LastYear && plan.NotYetAssessed.Contains(person.StaffRef))
                {
                    continue;
                }
                yield return new Step(person, year, checkpoint, date, next, previous, random);
            }
        }
    }

    /// <summary>Where someone already in post stood at their first demo checkpoint: by time in post and role, give or take.</summary>
    private static int Baseline(StaffMember person, DateOnly date, SchoolPlan plan, Random random)
    {
        var months = person.StartDate is DateOnly start ? (date.Year - start.Year) * 12 + date.Month - start.Month : 120;
        if (months < 3)
        {
            return 0;
        }
        if (months < 6)
        {
            return 1;
        }
        var years = months / 12.0;
        var leads = person.JobTitle.StartsWith("Head of", StringComparison.Ordinal) || person.JobTitle.StartsWith("Second in", StringComparison.Ordinal)
            || person.JobTitle.Contains("Lead", StringComparison.Ordinal) || person.JobTitle.Contains("Manager", StringComparison.Ordinal)
            || person.JobTitle.Contains("Higher Level", StringComparison.Ordinal);
        var score = person.Slt ? 4.8 : leads ? 4.3 : years >= 8 ? 4.0 : years >= 3 ? 3.4 : 2.6;
        score += plan.Lift + random.NextDouble() * 1.2 - 0.6;
        return Math.Clamp((int)Math.Round(score), 2, 5);
    }

    /// <summary>
    /// One checkpoint on: new staff move through the mandatory stages quickly; others sometimes move up a stage
    /// in a term and rarely down; over the summer most stay where they were. Stage 6 is only for a named few.
    /// </summary>
    private static int Move(int stage, bool newYear, bool mayReachSix, SchoolPlan plan, Random random)
    {
        if (stage < 2)
        {
            return 2;
        }
        // Each stage is harder to leave upward than the one below it.
        var up = newYear ? 0.03 : plan.UpChance * stage switch { 2 => 3, 3 => 1.2, 4 => 0.7, _ => 0.4 };
        if (stage == 6 || (stage == 5 && !mayReachSix))
        {
            up = 0;
        }
        var down = stage is >= 3 and <= 5 ? (newYear ? 0.02 : plan.DownChance) : 0;
        var roll = random.NextDouble();
        return roll < up ? stage + 1 : roll < up + down ? stage - 1 : stage;
    }

    /// <summary>The line manager, or theirs if the line manager had not started yet; the trust assesses the heads.</summary>
    private static StaffMember? AssessorOf(StaffMember person, DateOnly date, IReadOnlyDictionary<int, StaffMember> byId)
    {
        for (var id = person.LineManagerId; id is int managerId; id = byId[managerId].LineManagerId)
        {
            if (byId[managerId].InPostOn(date))
            {
                return byId[managerId];
            }
        }
        return null;
    }

    /// <summary>
    /// After school: on the day, or early the next week for the first checkpoint; the other three are the last day
    /// of a term, so they are recorded before the holiday.
    /// </summary>
    private static DateTime RecordedAt(Step step, Random random)
    {
        int[] daysAfter = step.Checkpoint == SchoolYear.FirstCheckpoint ? [0, 0, 3, 4, 5] : [0];
        return AfterSchool(step.Date.AddDays(daysAfter[random.Next(daysAfter.Length)]), random);
    }

    /// <summary>A week after the first checkpoint; in the first days of the next term after the others.</summary>
    private static DateTime CorrectedAt(Step step, Random random)
    {
        var day = step.Checkpoint switch
        {
            1 => step.Date.AddDays(7),
            2 => new DateOnly(step.Date.Year + 1, 1, 6),
            3 => step.Date.AddDays(17),
            _ => new DateOnly(step.Date.Year, 9, 3),
        };
        day = day.AddDays(random.Next(3));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return AfterSchool(day, random);
    }

    private static DateTime AfterSchool(DateOnly day, Random random) =>
        DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(15, 20)).AddMinutes(random.Next(160)), DateTimeKind.Utc);

    private static Assessment New(Step step, StaffMember? assessor, string? note, DateTime recordedAt, IReadOnlyDictionary<int, string> userIdByStaffId) => new()
    {
        StaffMemberId = step.Person.Id,
        Year = step.Year,
        Checkpoint = step.Checkpoint,
        Stage = step.Stage,
        AssessedOn = step.Date,
        AssessorId = assessor?.Id,
        CriteriaMet = CriteriaMet(step.Person.RoleFamily, step.Stage),
        Note = note,
        Version = 1,
        IsCurrent = true,
        RecordedAt = recordedAt,
        RecordedByUserId = assessor is not null && userIdByStaffId.TryGetValue(assessor.Id, out var userId) ? userId : null,
        RecordedByName = assessor?.FullName ?? TrustAssessor,
    };

    /// <summary>The default framework's criteria for the role up to the stage; at stage 0 only the safeguarding training is done.</summary>
    private static List<string> CriteriaMet(RoleFamily family, int stage)
    {
        var criteria = DefaultFramework.Stages
            .Where(s => s.Number >= 1 && s.Number <= Math.Max(stage, 1))
            .SelectMany(s => s.Criteria.Where(c => c.Family is null || c.Family == family).Select(c => c.Text));
        return stage == 0 ? criteria.Take(1).ToList() : criteria.ToList();
    }

    private static string? Note(Step step)
    {
        var random = step.Random;
        var pool = NotePools[Group(step.Person.RoleFamily)][step.Stage];
        var note = pool[random.Next(pool.Length)];
        if (step.Previous is int previous && previous > step.Stage)
        {
            return $"Down from stage {previous}: {DownReasons[random.Next(DownReasons.Length)]}";
        }
        if (step.Previous is int before && before < step.Stage && before >= 2)
        {
            return $"Up from stage {before}. {note}";
        }
        // Not every unchanged stage gets a note: assessors write when there is something to say.
        return step.Previous == step.Stage && random.NextDouble() < 0.3 ? null : note;
    }

    private enum NoteGroup { Teaching, PupilSupport, Operations }

    private static NoteGroup Group(RoleFamily family) => family switch
    {
        RoleFamily.Teaching => NoteGroup.Teaching,
        RoleFamily.LearningSupport or RoleFamily.Pastoral or RoleFamily.Inclusion => NoteGroup.PupilSupport,
        _ => NoteGroup.Operations,
    };
}
