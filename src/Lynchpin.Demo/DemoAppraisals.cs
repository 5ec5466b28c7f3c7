using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Demo;

/// <summary>
/// The demo's appraisals in every school of the trust. 2025/26 is a finished year: everyone in post agreed two to four
/// objectives, among them a pupil-progress one that fits their role (a site manager's lessons lost to site problems,
/// a teaching assistant's reading group, an achievement coordinator's year-group attendance) and the school's
/// whole-school priority; most mid-year reviews are signed by both, support staff nearly all on track, a few people
/// at risk or off track with a support plan, a few reviews still unsigned; most final reviews are signed with the
/// person's reflection; two reviews and one set of objectives were reopened with a reason; a few teachers have a pay
/// recommendation. 2026/27 opened in September: most objectives are agreed, a handful are late, among them the demo
/// teaching assistant's, which her line manager (the SENCo) has not yet written, so a demo user can do the whole year.
/// </summary>
/// <remarks>
/// Built as entities rather than through the services (one insert for the lot, and dates in the past); every rule the
/// services apply is checked on the result by <see cref="Check"/> once it is saved, so the demo cannot break one silently.
/// Like <see cref="DemoAssessments"/>, a random generator seeded per person and year keeps the demo the same on every start.
/// </remarks>
internal static partial class DemoAppraisals
{
    /// <summary>The finished year, told from start to end.</summary>
    public const int CompletedYear = 2025;

    /// <summary>The year under way: objectives set, mid-year review not yet due.</summary>
    public const int CurrentYear = 2026;

    /// <summary>Heads are appraised by the trust's chief executive, who has no staff record: their appraisals have no appraiser.</summary>
    private const string HeadsAppraiser = "Chief Executive, Northfield Learning Trust";

    public sealed record Seed(List<AppraisalCycle> Cycles, List<PayRecommendation> PayRecommendations);

    public static Seed Create(IReadOnlyDictionary<int, IReadOnlyList<StaffMember>> staffByUrn, IReadOnlyDictionary<int, string> userIdByStaffId)
    {
        var cycles = new List<AppraisalCycle>();
        var pay = new List<PayRecommendation>();
        var used = new HashSet<string>();
        foreach (var (urn, staff) in staffByUrn)
        {
            var byId = staff.ToDictionary(s => s.Id);
            var head = staff.Single(s => s.LineManagerId is null);
            // Pay recommendations are recorded by the head, who has pay access.
            var payRecorder = new Recorder(userIdByStaffId.GetValueOrDefault(head.Id), head.FullName);
            foreach (var year in new[] { CompletedYear, CurrentYear })
            {
                var opened = Opened[(urn, year)];
                var cycle = new AppraisalCycle
                {
                    SchoolId = head.SchoolId,
                    Year = year,
                    ObjectivesDue = CycleDueDates.Default(year).ObjectivesDue,
                    MidYearDue = CycleDueDates.Default(year).MidYearDue,
                    FinalDue = CycleDueDates.Default(year).FinalDue,
                    OpenedAt = At(opened, 8, 10),
                    OpenedByName = head.FullName,
                };
                cycles.Add(cycle);
                // Everyone in post when the cycle opened, and anyone who started later in the year (given one on their first day).
                foreach (var person in staff.Where(s => s.InPostOn(opened) || (s.StartDate > opened && s.StartDate <= SchoolYear.End(year))))
                {
                    var joined = person.StartDate > opened ? person.StartDate.Value : opened;
                    var manager = person.LineManagerId is int id && byId[id].InPostOn(joined) ? byId[id] : null;
                    var appraisal = new Appraisal
                    {
                        Cycle = cycle,
                        StaffMemberId = person.Id,
                        AppraiserId = manager?.Id,
                        CreatedAt = At(joined, 8, 10),
                    };
                    cycle.Appraisals.Add(appraisal);
                    var story = new Story(person, manager, urn, year, new Random(Seeds[urn] * 10_000 + (year % 100) * 1000 + Number(person)), used);
                    if (year == CompletedYear)
                    {
                        Complete(appraisal, story, payRecorder, pay);
                    }
                    else
                    {
                        UnderWay(appraisal, story);
                    }
                }
            }
        }

        // A story written for someone who has no appraisal would silently vanish.
        var lost = Concerns.Keys.Concat(CurrentYearUnagreed.Keys).Concat(MidYearUnsigned.Keys).Concat(FinalUnsigned.Keys)
            .Concat(PayTexts.Keys).Concat(Goals.Keys.Select(k => k.Ref)).Concat(Developments.Keys.Select(k => k.Ref))
            .Concat([ReopenedFinal, ReopenedMidYear, ReopenedObjectives])
            .Where(r => !used.Contains(r)).Distinct().ToList();
        if (lost.Count > 0)
        {
            throw new InvalidOperationException($"Demo appraisal stories for people without an appraisal: {string.Join(", ", lost)}.");
        }
        return new Seed(cycles, pay);
    }

    /// <summary>
    /// Once saved (so objectives have ids), checks the rules the services enforce: two to five objectives with a
    /// pupil-progress one and measurable criteria before agreement, every objective rated before the appraiser signs,
    /// one current review of each kind, support plans only for objectives at risk or off track.
    /// </summary>
    public static void Check(IEnumerable<AppraisalCycle> cycles)
    {
        var broken = new List<string>();
        foreach (var appraisal in cycles.SelectMany(c => c.Appraisals))
        {
            var who = $"{appraisal.Cycle.Year} staff {appraisal.StaffMemberId}";
            if (appraisal.ObjectivesStatus != ObjectivesStatus.Draft || appraisal.Reviews.Count > 0)
            {
                broken.AddRange(AppraisalRules.AgreementErrors(appraisal.Objectives).Select(e => $"{who}: {e.Message}"));
            }
            if (appraisal.Objectives.Count > AppraisalRules.MaxObjectives
                || appraisal.Objectives.Any(o => AppraisalRules.ValidateObjective(Input(o)).Count > 0))
            {
                broken.Add($"{who}: an objective breaks the objective rules");
            }
            foreach (var kind in new[] { ReviewKind.MidYear, ReviewKind.Final })
            {
                if (appraisal.Reviews.Count(r => r.Kind == kind && r.IsCurrent) > 1)
                {
                    broken.Add($"{who}: more than one current {kind} review");
                }
            }
            foreach (var review in appraisal.Reviews.Where(r => r.AppraiserSignedAt is not null))
            {
                // The rule is asked as it stood just before the appraiser signed.
                var unsigned = new AppraisalReview { Kind = review.Kind, Ratings = review.Ratings };
                broken.AddRange(AppraisalRules.AppraiserSignErrors(unsigned, appraisal.Objectives).Select(e => $"{who}: {e.Message}"));
            }
            var midYear = appraisal.CurrentReview(ReviewKind.MidYear);
            foreach (var objective in appraisal.Objectives.Where(o => o.SupportPlan is not null))
            {
                var rating = midYear?.Ratings.SingleOrDefault(r => r.ObjectiveId == objective.Id)?.Rating;
                if (!AppraisalRules.MayHaveSupportPlan(rating))
                {
                    broken.Add($"{who}: a support plan for an objective that is not at risk or off track");
                }
            }
        }
        if (broken.Count > 0)
        {
            throw new InvalidOperationException($"The demo appraisals break the appraisal rules: {string.Join("; ", broken)}.");
        }
    }

    /// <summary>The audit record the pay service writes with each recommendation, once the appraisals have ids.</summary>
    public static IEnumerable<AuditEvent> PayAudit(IEnumerable<PayRecommendation> recommendations) =>
        recommendations.Select(p => new AuditEvent
        {
            At = p.RecordedAt,
            UserId = p.RecordedByUserId,
            UserName = p.RecordedByName,
            Action = AuditActions.PayRecommendationRecorded,
            StaffMemberId = p.Appraisal.StaffMemberId,
            Detail = $"Appraisal {p.AppraisalId} ({SchoolYear.Name(p.Appraisal.Cycle.Year)})",
        });

    /// <summary>Who the appraisal is for and what is needed to write it.</summary>
    private sealed class Story(StaffMember person, StaffMember? appraiser, int urn, int year, Random random, HashSet<string> used)
    {
        public StaffMember Person { get; } = person;
        public StaffMember? Appraiser { get; } = appraiser;
        public int Urn { get; } = urn;
        public int Year { get; } = year;
        public Random Random { get; } = random;
        public string Ref => Person.StaffRef;
        public string AppraiserName => Appraiser?.FullName ?? HeadsAppraiser;
        public string End => $"July {Year + 1}";

        public bool Has<T>(IReadOnlyDictionary<string, T> stories, [MaybeNullWhen(false)] out T value)
        {
            if (stories.TryGetValue(Ref, out value))
            {
                used.Add(Ref);
                return true;
            }
            return false;
        }

        public bool Is(string reference)
        {
            if (Ref != reference)
            {
                return false;
            }
            used.Add(Ref);
            return true;
        }

        public T Pick<T>(IReadOnlyList<T> pool) => pool[Random.Next(pool.Count)];

        public void Used() => used.Add(Ref);
    }

    // ---------------------------------------------------------------- Dates

    /// <summary>When each school opened its cycles: early in the first week back.</summary>
    private static readonly IReadOnlyDictionary<(int Urn, int Year), DateOnly> Opened = new Dictionary<(int, int), DateOnly>
    {
        [(DemoData.SecondaryUrn, 2025)] = new(2025, 9, 8),
        [(DemoData.PrimaryUrn, 2025)] = new(2025, 9, 10),
        [(DemoData.SpecialUrn, 2025)] = new(2025, 9, 9),
        [(DemoData.SecondaryUrn, 2026)] = new(2026, 9, 7),
        [(DemoData.PrimaryUrn, 2026)] = new(2026, 9, 9),
        [(DemoData.SpecialUrn, 2026)] = new(2026, 9, 8),
    };

    private static readonly IReadOnlyDictionary<int, int> Seeds = new Dictionary<int, int>
    {
        [DemoData.SecondaryUrn] = 347,
        [DemoData.PrimaryUrn] = 349,
        [DemoData.SpecialUrn] = 350,
    };

    /// <summary>Refs are a school prefix and a number: a stable seed, unlike string.GetHashCode.</summary>
    private static int Number(StaffMember person) => int.Parse(person.StaffRef.AsSpan(2), CultureInfo.InvariantCulture);

    /// <summary>The given day plus <paramref name="days"/>, moved on to a Monday if it falls at a weekend.</summary>
    private static DateOnly Day(DateOnly from, int days)
    {
        var day = from.AddDays(days);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static DateTime At(DateOnly day, int hour, int minutes) =>
        DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, 0)).AddMinutes(minutes), DateTimeKind.Utc);
}
