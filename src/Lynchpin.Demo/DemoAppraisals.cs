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
internal static class DemoAppraisals
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

    // ---------------------------------------------------------------- 2025/26: the whole year

    private static void Complete(Appraisal appraisal, Story story, Recorder payRecorder, List<PayRecommendation> pay)
    {
        var person = story.Person;
        var objectives = Objectives(story, shared: true);
        appraisal.Objectives.AddRange(objectives);
        appraisal.ObjectivesStatus = ObjectivesStatus.Agreed;
        appraisal.AgreedAt = At(Day(new DateOnly(story.Year, 9, 29), story.Random.Next(24)), 15, 40 + story.Random.Next(120));
        if (story.Is(ReopenedObjectives))
        {
            appraisal.ObjectivesReopenedAt = At(new DateOnly(story.Year + 1, 1, 12), 16, 5);
            appraisal.ObjectivesReopenedByName = story.AppraiserName;
            appraisal.ObjectivesReopenReason =
                "The move to the new management information system was put back from February to the Easter holiday, so the dates in the data objective change.";
            appraisal.AgreedAt = At(new DateOnly(story.Year + 1, 1, 19), 15, 50);
            var data = objectives.Single(o => o.Type == ObjectiveType.RoleSpecific);
            data.SuccessCriteria = $"Every pupil's record, timetable and assessment history moves to the new system over the Easter holiday {story.Year + 1}, "
                + "checked against the old system for 20 pupils in each year group before the summer term starts.";
        }

        // Left before the mid-year review: objectives only.
        var midYearDate = Day(new DateOnly(story.Year + 1, 1, 26), story.Random.Next(24));
        if (!person.InPostOn(midYearDate))
        {
            return;
        }
        story.Has(Concerns, out var concern);
        var concernObjective = concern is null ? null
            : concern.OnDevelopment ? objectives.First(o => o.Type == ObjectiveType.ProfessionalDevelopment)
            : objectives.First(o => o.Type == ObjectiveType.PupilProgress);
        var midYear = Review(ReviewKind.MidYear, midYearDate, story);
        foreach (var objective in objectives)
        {
            var rating = objective == concernObjective ? concern!.MidYear : Rating.OnTrack;
            midYear.Ratings.Add(new ObjectiveRating { Objective = objective, Rating = rating, Comment = RatingComment(objective, rating, story) });
        }
        midYear.AppraiserComments = concern is null ? Fill(story.Pick(MidYearOnTrack), person) : concern.AppraiserComment;
        midYear.AppraiseeComments = concern is null ? story.Pick(MidYearReplies) : concern.Reply;
        Sign(midYear, midYearDate, story, story.Has(MidYearUnsigned, out var midYearUnsigned) ? midYearUnsigned : null);
        if (concern is not null)
        {
            concernObjective!.SupportPlan = new SupportPlan
            {
                Actions = concern.Actions,
                CoachId = person.CoachId,
                ReviewBy = Day(midYearDate.AddDays(42), 0),
                CreatedAt = At(midYearDate.AddDays(1), 16, 20),
                CreatedByName = story.AppraiserName,
            };
        }
        if (EvidenceLinks.TryGetValue(story.Ref, out var link))
        {
            midYear.Evidence.Add(new Evidence
            {
                Objective = objectives.First(o => o.Type == ObjectiveType.PupilProgress),
                Link = link,
                UploadedAt = At(midYearDate.AddDays(-2), 16, 0),
                UploadedByName = person.FullName,
            });
        }
        appraisal.Reviews.Add(midYear);
        if (story.Is(ReopenedMidYear))
        {
            appraisal.Reviews.Add(Reopen(midYear, midYearDate.AddDays(14), story,
                $"{person.FirstName} asked to add the log of the work-experience placements, which came in after we signed.",
                review => review.Evidence.Add(new Evidence
                {
                    Objective = objectives.First(o => o.Type == ObjectiveType.PupilProgress),
                    Link = "https://willow-bank.sharepoint.example/post-16/work-experience-log",
                    UploadedAt = At(midYearDate.AddDays(15), 15, 45),
                    UploadedByName = person.FullName,
                })));
        }

        // Left before the final review (the music teacher left at the end of July, after it).
        var finalDate = Day(new DateOnly(story.Year + 1, 6, 22), story.Random.Next(16));
        if (!person.InPostOn(finalDate))
        {
            return;
        }
        var final = Review(ReviewKind.Final, finalDate, story);
        foreach (var objective in objectives)
        {
            var rating = objective == concernObjective ? concern!.Final
                : story.Ref == DemoTeachingAssistantRef ? Rating.Met
                : story.Random.NextDouble() < (person.Category == StaffCategory.Teaching ? 0.12 : 0.06) ? Rating.PartlyMet
                : Rating.Met;
            final.Ratings.Add(new ObjectiveRating { Objective = objective, Rating = rating, Comment = RatingComment(objective, rating, story) });
        }
        final.OverallComments = Fill(story.Pick(FinalOverall), person);
        final.AppraiserComments = concern is null ? story.Pick(FinalComments) : "The support plan helped: we reviewed it twice and it is now closed.";
        final.AppraiseeComments = story.Pick(FinalReplies);
        final.Reflection = story.Pick(Reflections[Group(person.RoleFamily)]);
        if (story.Ref == DemoTeachingAssistantRef)
        {
            final.Reflection = "Leading the reading group has been the best part of the year. Five of the six pupils gained a year or more. "
                + "Next year I'd like to train in precision teaching and use it with a new group.";
        }
        Sign(final, finalDate, story, story.Has(FinalUnsigned, out var finalUnsigned) ? finalUnsigned : null);
        appraisal.Reviews.Add(final);
        if (story.Is(ReopenedFinal))
        {
            // Signed in July on the provisional results; the August results show the pupil-progress target was met.
            var progress = final.Ratings.Single(r => r.Objective.Type == ObjectiveType.PupilProgress);
            progress.Rating = Rating.PartlyMet;
            progress.Comment = "Partly met on the provisional results: 64% on or above target grade.";
            appraisal.Reviews.Add(Reopen(final, new DateOnly(story.Year + 1, 9, 7), story,
                "The Year 11 results published in August show 71% of the class on or above their target grade: the pupil-progress objective was met, not partly met.",
                review =>
                {
                    var reopened = review.Ratings.Single(r => r.Objective.Type == ObjectiveType.PupilProgress);
                    reopened.Rating = Rating.Met;
                    reopened.Comment = "Met on the published results: 71% on or above target grade.";
                }));
        }
        if (story.Has(PayTexts, out var payText))
        {
            pay.Add(new PayRecommendation
            {
                Appraisal = appraisal,
                Text = payText,
                // After the published results for the reopened review; otherwise in the week after the final review.
                RecordedAt = story.Ref == ReopenedFinal ? At(new DateOnly(story.Year + 1, 9, 10), 17, 10) : At(Day(finalDate.AddDays(5), 0), 17, 10),
                RecordedByUserId = payRecorder.UserId,
                RecordedByName = payRecorder.Name,
            });
        }
    }

    /// <summary>A new review version copying a locked one, as a reopen makes it, signed again a few days later.</summary>
    private static AppraisalReview Reopen(AppraisalReview locked, DateOnly on, Story story, string reason, Action<AppraisalReview> change)
    {
        locked.IsCurrent = false;
        var reopened = new AppraisalReview
        {
            Kind = locked.Kind,
            Version = locked.Version + 1,
            IsCurrent = true,
            AppraiserComments = locked.AppraiserComments,
            AppraiseeComments = locked.AppraiseeComments,
            OverallComments = locked.OverallComments,
            Reflection = locked.Reflection,
            ReopenedAt = At(on, 16, 0),
            ReopenedByName = story.AppraiserName,
            ReopenReason = reason,
            RecordedAt = At(on, 16, 0),
            Ratings = locked.Ratings.Select(r => new ObjectiveRating { Objective = r.Objective, Rating = r.Rating, Comment = r.Comment }).ToList(),
            Evidence = locked.Evidence.Select(e => new Evidence
            {
                Objective = e.Objective,
                Link = e.Link,
                UploadedAt = e.UploadedAt,
                UploadedByName = e.UploadedByName,
            }).ToList(),
        };
        change(reopened);
        Sign(reopened, Day(on, 1), story, null);
        return reopened;
    }

    private static AppraisalReview Review(ReviewKind kind, DateOnly date, Story story) => new()
    {
        Kind = kind,
        RecordedAt = At(date.AddDays(-3), 15, 30 + story.Random.Next(60)),
    };

    /// <summary>The appraiser signs on the day; the person a few days later, unless the story leaves it unsigned.</summary>
    private static void Sign(AppraisalReview review, DateOnly date, Story story, Unsigned? unsigned)
    {
        if (unsigned == Unsigned.Both)
        {
            return;
        }
        review.AppraiserSignedAt = At(date, 16, story.Random.Next(90));
        review.AppraiserSignedByName = story.AppraiserName;
        if (unsigned == Unsigned.ByThePerson)
        {
            return;
        }
        review.AppraiseeSignedAt = At(Day(date.AddDays(1 + story.Random.Next(4)), 0), 15, 30 + story.Random.Next(150));
    }

    // ---------------------------------------------------------------- 2026/27: under way

    private static void UnderWay(Appraisal appraisal, Story story)
    {
        var teaching = story.Person.Category == StaffCategory.Teaching;
        if (!story.Has(CurrentYearUnagreed, out var state))
        {
            appraisal.Objectives.AddRange(Objectives(story, shared: teaching));
            appraisal.ObjectivesStatus = ObjectivesStatus.Agreed;
            appraisal.AgreedAt = At(Day(new DateOnly(story.Year, 9, 21), story.Random.Next(38)), 15, 40 + story.Random.Next(120));
            return;
        }
        // The whole-school priority went to every teacher in one step when the cycle opened, whatever else is written.
        var objectives = Objectives(story, shared: teaching);
        appraisal.Objectives.AddRange(state switch
        {
            Unagreed.NoneWritten => objectives.Where(o => o.Type == ObjectiveType.SchoolPriority),
            Unagreed.HalfWritten => objectives.Where(o => o.Type is ObjectiveType.SchoolPriority or ObjectiveType.PupilProgress),
            _ => objectives,
        });
        // Sort orders as written: no gaps after leaving some out.
        for (var i = 0; i < appraisal.Objectives.Count; i++)
        {
            appraisal.Objectives[i].SortOrder = i + 1;
        }
        switch (state)
        {
            case Unagreed.NotAgreed:
                appraisal.ObjectivesStatus = ObjectivesStatus.NotAgreed;
                appraisal.NotAgreedReason = "The pupil-progress target was set on last year's Year 10 history group, but eight pupils have joined the class "
                    + "from other schools since, most without any history GCSE teaching. I'd like the target to be set on the pupils I actually teach.";
                break;
            case Unagreed.Reopened:
                appraisal.ObjectivesStatus = ObjectivesStatus.Draft;
                appraisal.ObjectivesReopenedAt = At(new DateOnly(story.Year, 11, 16), 16, 30);
                appraisal.ObjectivesReopenedByName = story.AppraiserName;
                appraisal.ObjectivesReopenReason =
                    "The boiler replacement has moved from the October to the February half term, so the target for lessons lost to heating faults needs to change.";
                break;
        }
    }

    // ---------------------------------------------------------------- Objectives

    /// <summary>The whole-school priority (when <paramref name="shared"/>), the pupil-progress objective, and often a development and a role objective.</summary>
    private static List<Objective> Objectives(Story story, bool shared)
    {
        var objectives = new List<Objective>();
        if (shared)
        {
            var priority = SharedPriorities[(story.Urn, story.Year)];
            objectives.Add(new Objective
            {
                Title = priority.Title,
                SuccessCriteria = priority.Criteria,
                Type = ObjectiveType.SchoolPriority,
                SchoolPriority = priority.Priority,
            });
        }
        var goal = story.Has(Goals.Where(g => g.Key.Year == story.Year).ToDictionary(g => g.Key.Ref, g => g.Value), out var written)
            ? written
            : PupilProgress(story);
        objectives.Add(new Objective
        {
            Title = goal.Title,
            SuccessCriteria = goal.Criteria(story.End),
            Type = ObjectiveType.PupilProgress,
            PupilGroup = goal.Group,
            Measure = goal.Measure,
            Baseline = goal.Baseline,
            Target = goal.Target,
            SchoolPriority = goal.Priority,
        });
        // Without the shared objective, two objectives of one's own; with it, sometimes one more, rarely two.
        var roll = story.Random.NextDouble();
        var developments = Developments.Where(d => d.Key.Year == story.Year).ToDictionary(d => d.Key.Ref, d => d.Value);
        if (story.Has(developments, out var development))
        {
            objectives.Add(development.Objective(story.End));
        }
        else if (!shared || roll < 0.7 || (story.Year == CompletedYear && Concerns.TryGetValue(story.Ref, out var c) && c.OnDevelopment))
        {
            objectives.Add(story.Pick(DevelopmentPool[Group(story.Person.RoleFamily)]).Objective(story.End));
        }
        if (story.Ref == ReopenedObjectives && story.Year == CompletedYear)
        {
            objectives.Add(new Objective
            {
                Title = "Move the school's data to the new management information system",
                SuccessCriteria = $"Every pupil's record, timetable and assessment history moves to the new system in February {story.Year + 1}, "
                    + "checked against the old system for 20 pupils in each year group.",
                Type = ObjectiveType.RoleSpecific,
            });
        }
        else if (roll < 0.25 && objectives.Count < 4)
        {
            objectives.Add(story.Pick(RolePool[Group(story.Person.RoleFamily)]).Objective(story.End));
        }
        for (var i = 0; i < objectives.Count; i++)
        {
            objectives[i].SortOrder = i + 1;
        }
        return objectives;
    }

    private static ObjectiveInput Input(Objective o) =>
        new(o.Title, o.SuccessCriteria, o.Type, o.SchoolPriority, o.PupilGroup, o.Measure, o.Baseline, o.Target);

    /// <summary>A pupil-progress objective with a group of pupils, a measure, a baseline and a target, written for the role.</summary>
    private sealed record Goal(string Title, string Group, string Measure, string Baseline, string Target, string How, bool Fewer = false, string? Priority = null)
    {
        public string Criteria(string end) =>
            $"{char.ToUpperInvariant(Group[0])}{Group[1..]}: {Measure}, from {Baseline} to {Target}{(Fewer ? " or fewer" : " or better")} by {end}. {How}";
    }

    private static Goal PupilProgress(Story story)
    {
        var p = story.Person;
        var r = story.Random;
        var title = p.JobTitle;
        string Pct(double from, double to) => (from + r.NextDouble() * (to - from)).ToString("0", CultureInfo.InvariantCulture) + "%";
        string Up(string pct, int by) => (int.Parse(pct.TrimEnd('%'), CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture) + "%";
        string Attendance(double from) => (from + r.NextDouble() * 1.5).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        string AttendanceUp(string pct, double by) =>
            (double.Parse(pct.TrimEnd('%'), CultureInfo.InvariantCulture) + by).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        int N(int from, int to) => r.Next(from, to + 1);

        switch (p.RoleFamily)
        {
            case RoleFamily.Teaching when story.Urn == DemoData.SecondaryUrn:
                {
                    if (title == "Headteacher")
                    {
                        return new("Progress of disadvantaged pupils", "disadvantaged pupils in Year 11", "Progress 8 score", "-0.42", "-0.20",
                            "Read from the published results, with the gap to other pupils checked at each data drop.");
                    }
                    if (title.StartsWith("Deputy Headteacher (Curriculum)", StringComparison.Ordinal))
                    {
                        return new("Progress across the key stage 4 curriculum", "all Year 11 pupils", "Progress 8 score", "+0.04", "+0.20",
                            "Estimated at each data drop; the published figure decides.");
                    }
                    if (title.StartsWith("Deputy Headteacher (Pastoral)", StringComparison.Ordinal))
                    {
                        return new("Attendance of pupils with a social worker", "pupils on child in need and child protection plans", "attendance %", "83.6%", "88.0%",
                            "Checked every half term with the attendance officer.");
                    }
                    if (title.Contains("Teaching and Learning", StringComparison.Ordinal))
                    {
                        return new("Progress of pupils with SEND in key stage 3", "Year 7 to 9 pupils on SEN support", "share working at or above their expected step",
                            "47%", "60%", "Read from the three key stage 3 data drops.");
                    }
                    if (title.Contains("Behaviour and Attendance", StringComparison.Ordinal))
                    {
                        return new("Fewer pupils persistently absent", "all pupils", "persistent absence %", "19.8%", "16.0%",
                            "From the attendance register each half term.", Fewer: true);
                    }
                    if (title.Contains("Key Stage 4 and Data", StringComparison.Ordinal))
                    {
                        return new("Year 11 on track in English and maths", "Year 11 pupils", "share on track for grade 4 or above in English and maths",
                            "61%", "68%", "Checked at the three Year 11 data drops and the mocks.");
                    }
                    if (title == "SENCo")
                    {
                        return new("Reading of pupils on SEN support", "Year 7 and 8 pupils on SEN support", "average reading age gain in the year",
                            "+4 months", "+12 months", "Measured by the reading test in September, February and July.", Priority: "Reading for all");
                    }
                    var subject = Subject(title);
                    if (title.StartsWith("Head of", StringComparison.Ordinal))
                    {
                        var score = Math.Round(-0.3 + r.NextDouble() * 0.28, 2);
                        var from = score.ToString("0.00", CultureInfo.InvariantCulture);
                        return new($"Year 11 progress in {subject}", $"Year 11 {subject} pupils", "subject progress score", from, "+0.10",
                            "Estimated at each data drop and read from the published results.");
                    }
                    if (title.StartsWith("Second in", StringComparison.Ordinal))
                    {
                        var from = Pct(52, 62);
                        return new($"Year 10 {subject} on target", $"Year 10 {subject} pupils", "share on or above their target grade", from, Up(from, 10),
                            "From the department's data drops in December, March and June.");
                    }
                    if (title.Contains("(ECT)", StringComparison.Ordinal))
                    {
                        var from = Pct(55, 63);
                        return new($"Year 7 {subject}: end-of-unit assessments", $"my Year 7 {subject} classes", "share meeting the end-of-unit expectation",
                            from, Up(from, 10), "From the department's common end-of-unit assessments.");
                    }
                    switch (r.Next(3))
                    {
                        case 0:
                            {
                                var from = Pct(52, 63);
                                return new($"Year 11 {subject} class on target", $"my Year 11 {subject} class", "share on or above their target grade",
                                    from, Up(from, 10), "From the mocks in December and March and the summer results.");
                            }
                        case 1:
                            {
                                var from = Pct(54, 62);
                                return new($"Year 8 {subject}: end-of-unit assessments", $"my Year 8 {subject} classes", "average end-of-unit assessment score",
                                    from, Up(from, 8), "From the department's common assessments, moderated each term.");
                            }
                        default:
                            {
                                var from = (-0.5 - r.NextDouble() * 0.3).ToString("0.0", CultureInfo.InvariantCulture);
                                return new($"Progress of disadvantaged pupils in Year 10 {subject}", $"disadvantaged pupils in my Year 10 {subject} classes",
                                    "average grades against target", from, "-0.2", "From the department's data drops.", Priority: "Progress of disadvantaged pupils");
                            }
                    }
                }
            case RoleFamily.Teaching when story.Urn == DemoData.PrimaryUrn:
                {
                    if (title == "Headteacher")
                    {
                        return new("Reading, writing and maths at the end of key stage 2", "Year 6 pupils", "share at the expected standard in reading, writing and maths",
                            "64%", "72%", "From the key stage 2 results, with teacher assessment checked each term.");
                    }
                    if (title.Contains("Year 6", StringComparison.Ordinal))
                    {
                        return new("Year 6 at the expected standard", "my Year 6 class", "share at the expected standard in reading, writing and maths",
                            "63%", "72%", "From the autumn and spring practice papers and the summer results.");
                    }
                    if (title.Contains("SENCo", StringComparison.Ordinal))
                    {
                        return new("Reading of pupils on SEN support", "pupils on SEN support in Years 2 to 6", "average reading age gain in the year",
                            "+5 months", "+12 months", "From the termly reading test.");
                    }
                    if (title.StartsWith("EYFS", StringComparison.Ordinal))
                    {
                        return new("A good level of development in Reception", "the Reception class", "share reaching a good level of development",
                            "67%", "75%", "From the EYFS profile, tracked each half term.");
                    }
                    if (title.StartsWith("Year 1", StringComparison.Ordinal))
                    {
                        return new("Phonics in Year 1", "my Year 1 class", "share passing the phonics screening check", "78%", "86%",
                            "From the practice checks in December and March and the June check.");
                    }
                    if (title.StartsWith("Year 2", StringComparison.Ordinal))
                    {
                        return new("Reading in Year 2", "my Year 2 class", "share reading at the expected standard", "69%", "78%",
                            "From the termly reading assessments.");
                    }
                    if (title.StartsWith("Year 3", StringComparison.Ordinal))
                    {
                        return new("Writing in Year 3", "my Year 3 class", "share writing at the expected standard", "61%", "70%",
                            "From termly moderated writing.", Priority: "Writing");
                    }
                    if (title.StartsWith("Year 4", StringComparison.Ordinal))
                    {
                        return new("Times tables in Year 4", "my Year 4 class", "average multiplication tables check score (out of 25)", "19.6", "22.0",
                            "From the practice checks each half term and the June check.");
                    }
                    if (title.StartsWith("Year 5", StringComparison.Ordinal))
                    {
                        return new("Reading in Year 5", "my Year 5 class", "share reading at the expected standard", "68%", "76%",
                            "From the termly reading assessments.");
                    }
                    if (title.StartsWith("Music", StringComparison.Ordinal))
                    {
                        return new("Year 4 ensemble", "the Year 4 whole-class ensemble", "share meeting the end-of-year music expectation", "70%", "85%",
                            "From the end-of-term performance assessments.");
                    }
                    return new("Science across key stage 2", "pupils in Years 3 to 6", "share working at the expected standard in science", "66%", "74%",
                        "From the end-of-unit assessments.");
                }
            case RoleFamily.Teaching:
                {
                    if (title == "Headteacher")
                    {
                        return new("Outcomes of pupils' EHC plans", "all pupils", "share of EHC plan outcomes met at annual review", "61%", "70%",
                            "From the annual reviews held this year.");
                    }
                    if (title.StartsWith("Deputy", StringComparison.Ordinal))
                    {
                        return new("Communication outcomes in the secondary department", "pupils in the secondary and post-16 classes",
                            "share meeting their communication targets", "58%", "70%", "From the termly EHC plan target reviews.");
                    }
                    if (title.StartsWith("Assistant", StringComparison.Ordinal))
                    {
                        return new("Progress on each pupil's learning pathway", "all pupils", "share making the expected steps on their pathway", "72%", "80%",
                            "From the termly pathway assessments, moderated across classes.");
                    }
                    if (title.Contains("Sensory", StringComparison.Ordinal))
                    {
                        return new("Independent access to learning", "the 8 pupils I teach with switch or eye-gaze access", "pupils using their access device without help",
                            "3 of 8", "6 of 8", "Observed and recorded each half term.");
                    }
                    var from = Pct(52, 62);
                    return new("Progress on EHC plan targets", "the pupils in my class", "share of termly EHC plan targets met", from, Up(from, 12),
                        "From the termly target reviews with parents.");
                }
            case RoleFamily.LearningSupport:
                {
                    if (title == "Cover Supervisor")
                    {
                        var from = Pct(66, 74);
                        return new("Learning goes on in cover lessons", "classes I cover", "share of cover lessons in which the set work is completed",
                            from, Up(from, 15), "From the cover log, checked every half term with the cover manager.");
                    }
                    if (title.Contains("1:1", StringComparison.Ordinal))
                    {
                        return new("Time in class for the pupil I support", "the pupil I support one to one", "minutes a day learning in class",
                            "120 minutes", "200 minutes", "From the daily log, reviewed each half term with the SENCo.");
                    }
                    if (title.Contains("Personal Care", StringComparison.Ordinal))
                    {
                        return new("Pupils' time in learning", "the pupils whose personal care I lead", "minutes of lessons missed for care routines each day",
                            "45 minutes", "25 minutes", "From the care log, reviewed each half term.", Fewer: true);
                    }
                    if (title.Contains("(Reception)", StringComparison.Ordinal))
                    {
                        return new("Early reading in Reception", "the Reception class", "share knowing all Phase 2 and 3 sounds by Easter", "55%", "80%",
                            "From the half-termly phonics checks.");
                    }
                    if (title.Contains("(SEND)", StringComparison.Ordinal))
                    {
                        return new("Progress of pupils with EHC plans", "the 5 pupils with EHC plans I support", "share of their termly targets met", "50%", "70%",
                            "From the termly target reviews.");
                    }
                    if (story.Urn == DemoData.SpecialUrn)
                    {
                        var group = N(5, 7);
                        return title.StartsWith("Higher Level", StringComparison.Ordinal)
                            ? new("Early reading with symbols", $"the {group} pupils in my class's reading group", "symbols read on the class reading programme",
                                "12 on average", "25 on average", "Recorded each half term on the reading programme.")
                            : new("Communicating choices", $"the {group} pupils in my group", "pupils making a choice with their AAC device without prompting",
                                $"2 of {group}", $"{group - 1} of {group}", "Observed and recorded each half term.");
                    }
                    if (story.Urn == DemoData.PrimaryUrn)
                    {
                        return title.StartsWith("Higher Level", StringComparison.Ordinal)
                            ? new("Year 6 reading booster group", "the 8 pupils in the Year 6 booster group", "average reading scaled score", "96", "101",
                                "From the practice papers in December and March and the summer results.")
                            : r.Next(2) == 0
                                ? new("Phonics catch-up group", "the 6 pupils in the Year 2 phonics catch-up group", "phonics check score (out of 40)", "22", "32",
                                    "From the half-termly practice checks.")
                                : new("Reading fluency group", "the 6 pupils in the Year 3 fluency group", "words read correctly a minute", "58", "90",
                                    "From the half-termly fluency checks.");
                    }
                    return r.Next(3) switch
                    {
                        0 => new("Year 8 maths intervention group", "the 6 pupils in the Year 8 maths intervention group", "number fluency check score (out of 30)",
                            $"{N(10, 13)}", $"{N(20, 22)}", "From the fluency check each half term."),
                        1 => ReadingGroup("Year 9 literacy group", "the 6 pupils in the Year 9 literacy group", 10, N(0, 6)),
                        _ => ReadingGroup("Year 7 reading intervention group", "the 6 pupils in the Year 7 reading intervention group", 9, N(0, 6)),
                    };
                }
            case RoleFamily.Pastoral:
                {
                    if (title.StartsWith("Achievement Coordinator", StringComparison.Ordinal))
                    {
                        var yearGroup = title[(title.IndexOf('(') + 1)..title.IndexOf(')')];
                        var from = Attendance(91.2);
                        return new($"Attendance in {yearGroup}", $"pupils in {yearGroup}", "attendance %", from, AttendanceUp(from, 2.0),
                            "From the register every half term; morning calls for every first-day absence.");
                    }
                    if (title == "Attendance Officer")
                    {
                        return new("Whole-school attendance", "all pupils", "attendance %", "92.4%", "94.5%", "From the register every half term.");
                    }
                    if (title.Contains("Behaviour", StringComparison.Ordinal))
                    {
                        return new("Pupils' time in learning", "pupils I support", "lessons missed after incidents each week", "18", "8",
                            "From the incident log, reviewed weekly.", Fewer: true);
                    }
                    var mentees = N(10, 14);
                    var mentored = Attendance(83);
                    return new("Attendance of the pupils I mentor", $"the {mentees} pupils I mentor", "attendance %", mentored, AttendanceUp(mentored, 6),
                        "From the register every half term.");
                }
            case RoleFamily.Inclusion:
                {
                    if (title.Contains("Safeguarding", StringComparison.Ordinal) || title.StartsWith("Head of Care", StringComparison.Ordinal))
                    {
                        return new("Attendance of pupils with a social worker", "pupils on child in need and child protection plans", "attendance %", "82.1%", "88.0%",
                            "From the register every half term.");
                    }
                    if (title.Contains("Family Liaison", StringComparison.Ordinal) || title.Contains("Parent Support", StringComparison.Ordinal))
                    {
                        var families = N(14, 22);
                        var from = Attendance(84);
                        return new("Attendance of the families I support", $"the pupils of the {families} families I support", "attendance %", from,
                            AttendanceUp(from, 5), "From the register every half term.");
                    }
                    if (title.Contains("Counsellor", StringComparison.Ordinal))
                    {
                        return new("Back to full-time lessons", "pupils referred for counselling", "share back in full-time lessons within 6 weeks", "55%", "75%",
                            "From the referral log each term.");
                    }
                    if (title.Contains("Emotional Literacy", StringComparison.Ordinal))
                    {
                        return new("Wellbeing of pupils in ELSA sessions", "the pupils in ELSA sessions this year", "average wellbeing scale score", "18", "26",
                            "Scored at the start and end of each 6-week block.");
                    }
                    if (title.Contains("Speech and Language", StringComparison.Ordinal))
                    {
                        return new("Speech and language targets", "the 12 pupils on my caseload", "share of their speech and language targets met", "45%", "65%",
                            "From the termly reviews with the therapist.");
                    }
                    return new("Progress of pupils with EHC plans", "pupils with EHC plans", "share whose annual review shows progress on most outcomes", "60%", "75%",
                        "From the annual reviews held this year.");
                }
            case RoleFamily.Business:
                {
                    if (title == "School Business Manager")
                    {
                        return new("Pupils' time in learning: vacancies", "all pupils", "teaching days covered by supply because a post is vacant", "210", "80",
                            "From the cover and supply records each half term.", Fewer: true);
                    }
                    if (title.Contains("HR", StringComparison.Ordinal))
                    {
                        return new("Pupils' time in learning: recruitment", "all pupils", "lessons taught by long-term supply while posts are vacant", "640", "300",
                            "From the cover records each half term.", Fewer: true);
                    }
                    if (title == "Finance Officer")
                    {
                        return new("Resources ready for learning", "pupils in every department", "departments with resources ready on the first day of each term",
                            "6 of 9", "9 of 9", "Checked with each head of department at the start of each term.");
                    }
                    return new("Disadvantaged pupils on trips and visits", "disadvantaged pupils", "share going on at least one trip or visit", "58%", "75%",
                        "From the trips register each term; help with costs paid within 5 days of a request.");
                }
            case RoleFamily.Administration:
                {
                    if (title.Contains("Data Manager", StringComparison.Ordinal))
                    {
                        return new("Interventions start sooner", "pupils below their target after a data drop", "share given an intervention within 3 weeks",
                            "45%", "80%", "From the intervention register after each data drop.");
                    }
                    if (title.Contains("Exams", StringComparison.Ordinal))
                    {
                        return new("Access arrangements in place", "pupils entitled to access arrangements", "share with them in place for every mock and exam",
                            "88%", "100%", "From the access arrangements register after each exam series.");
                    }
                    if (title.Contains("Cover Manager", StringComparison.Ordinal))
                    {
                        return new("Pupils' time in learning: cover", "classes being covered", "share of cover lessons with work set by the class teacher", "74%", "95%",
                            "From the cover log every half term.");
                    }
                    if (title.Contains("PA to", StringComparison.Ordinal))
                    {
                        return new("Parents at Year 11 parents' evening", "Year 11 pupils", "share whose parents attend parents' evening", "71%", "85%",
                            "From the booking system after each evening.");
                    }
                    if (title.Contains("Transport", StringComparison.Ordinal))
                    {
                        return new("Pupils' time in learning: transport", "pupils who come by school transport", "lessons missed through late transport each term",
                            "40", "15", "From the arrivals log each term.", Fewer: true);
                    }
                    if (title.Contains("Administrative", StringComparison.Ordinal))
                    {
                        return new("First-day absence calls", "pupils absent without a reason", "share of first-day absence calls made by 9:30", "70%", "100%",
                            "From the absence log each half term.");
                    }
                    return new("Late pupils into lessons quickly", "pupils arriving late", "share signed in and in their lesson within 5 minutes", "58%", "90%",
                        "From the late book each half term.");
                }
            case RoleFamily.Site:
                {
                    if (title == "Site Manager")
                    {
                        return new("Pupils' time in learning: the site", "all pupils", "lessons lost to site problems (heating, leaks, rooms closed)",
                            $"{N(12, 16)}", "4", "From the site log, reported each half term.", Fewer: true);
                    }
                    if (title.Contains("Catering", StringComparison.Ordinal) || title.Contains("Cook in Charge", StringComparison.Ordinal))
                    {
                        return new("Pupils eating a hot lunch", "pupils entitled to free school meals", "share taking their free school meal", "79%", "88%",
                            "From the till records each half term.");
                    }
                    if (title == "Cook")
                    {
                        return new("Breakfast before lessons", "pupils at breakfast club", "pupils eating breakfast before lessons each day", "60", "90",
                            "From the breakfast club register each half term.");
                    }
                    if (title.Contains("Kitchen", StringComparison.Ordinal))
                    {
                        return new("Back to lessons on time after lunch", "all pupils", "lessons starting late because lunch ran over, each half term", "12", "3",
                            "From the duty log.", Fewer: true);
                    }
                    return new("Rooms ready for learning", "pupils in the rooms I look after", "rooms reported not ready for period 1, each half term",
                        $"{N(8, 11)}", "2", "From the site log.", Fewer: true);
                }
            case RoleFamily.Community:
                {
                    if (title.StartsWith("Director", StringComparison.Ordinal))
                    {
                        return new("Disadvantaged pupils in clubs and study sessions", "disadvantaged pupils", "share attending a club or study session each week",
                            "34%", "50%", "From the club registers each term.", Priority: "Progress of disadvantaged pupils");
                    }
                    if (title.Contains("Extended Services", StringComparison.Ordinal))
                    {
                        return new("Homework club", "pupils at homework club", "homework completion", "62%", "85%", "From the homework records each half term.");
                    }
                    if (title.Contains("Youth", StringComparison.Ordinal) && story.Urn == DemoData.SecondaryUrn)
                    {
                        return new("Attendance of the youth programme group", "the 15 Year 9 pupils in the youth programme", "attendance %", "83.0%", "90.0%",
                            "From the register every half term.");
                    }
                    if (title.Contains("Breakfast", StringComparison.Ordinal))
                    {
                        return new("On time for lessons", "pupils at breakfast club", "late arrivals each term", "22", "5", "From the late book.", Fewer: true);
                    }
                    if (title.Contains("Playworker", StringComparison.Ordinal))
                    {
                        return new("Calm afternoons", "pupils at lunchtime", "lunchtime incidents followed up in lesson time, each half term", "30", "10",
                            "From the incident log.", Fewer: true);
                    }
                    return new("Clubs for communication and independence", "pupils", "pupils taking part in a weekly club", "20", "32", "From the club registers.");
                }
            default:
                {
                    if (title.Contains("Network", StringComparison.Ordinal))
                    {
                        return new("Pupils' time in learning: IT", "all pupils", "lessons disrupted by network or device failures, each term", "38", "10",
                            "From the helpdesk log.", Fewer: true);
                    }
                    if (title.Contains("Assistive", StringComparison.Ordinal))
                    {
                        return new("Communication devices ready", "pupils who use communication devices", "share of devices working at the start of each day",
                            "85%", "100%", "From the morning device check.");
                    }
                    if (title.Contains("Science", StringComparison.Ordinal))
                    {
                        return new("Required practicals done", "Year 10 and 11 science pupils", "share of required practicals carried out as planned", "82%", "100%",
                            "From the practical log each term.");
                    }
                    if (title.Contains("Design Technology", StringComparison.Ordinal))
                    {
                        return new("Coursework finished on time", "Year 11 design technology pupils", "share completing their coursework on time", "76%", "95%",
                            "From the coursework tracker.");
                    }
                    return new("Classroom IT working", "pupils in every classroom", "share of classroom IT faults fixed within one school day", "70%", "95%",
                        "From the helpdesk log each half term.");
                }
        }
    }

    private static Goal ReadingGroup(string title, string group, int years, int months) =>
        new(title, group, "average reading age", $"{years}y {months}m", $"{years + 1}y {months}m",
            "From the reading test in September, February and July.", Priority: "Reading for all");

    /// <summary>"Teacher of Science (ECT)" → "Science"; "Head of Art and Design Technology" → "Art and Design Technology".</summary>
    private static string Subject(string jobTitle)
    {
        var subject = jobTitle;
        foreach (var prefix in new[] { "Head of ", "Second in ", "Teacher of " })
        {
            if (subject.StartsWith(prefix, StringComparison.Ordinal))
            {
                subject = subject[prefix.Length..];
            }
        }
        var bracket = subject.IndexOf(" (", StringComparison.Ordinal);
        return bracket < 0 ? subject : subject[..bracket];
    }

    /// <summary>An objective with no pupil group: development or role. "{end}" in the criteria becomes the end of the year.</summary>
    private sealed record Plain(string Title, string Criteria, ObjectiveType Type)
    {
        public Objective Objective(string end) => new() { Title = Title, SuccessCriteria = Criteria.Replace("{end}", end, StringComparison.Ordinal), Type = Type };
    }

    private static Plain Development(string title, string criteria) => new(title, criteria, ObjectiveType.ProfessionalDevelopment);

    private static Plain Role(string title, string criteria) => new(title, criteria, ObjectiveType.RoleSpecific);

    private enum Kind { Teaching, PupilSupport, Operations }

    private static Kind Group(RoleFamily family) => family switch
    {
        RoleFamily.Teaching => Kind.Teaching,
        RoleFamily.LearningSupport or RoleFamily.Pastoral or RoleFamily.Inclusion => Kind.PupilSupport,
        _ => Kind.Operations,
    };

    private static readonly IReadOnlyDictionary<Kind, Plain[]> DevelopmentPool = new Dictionary<Kind, Plain[]>
    {
        [Kind.Teaching] =
        [
            Development("Adaptive teaching through coaching", "Six coaching sessions by March; two new adaptive-teaching strategies seen in drop-ins by {end}."),
            Development("National professional qualification", "Complete the NPQ for Leading Teaching: all 4 modules and the final assessment by {end}."),
            Development("Share practice with the department", "Lead 1 department CPD session on retrieval practice by Easter and collect colleagues' feedback."),
            Development("Questioning", "Two peer observations focused on questioning by February; one change seen in a drop-in by {end}."),
        ],
        [Kind.PupilSupport] =
        [
            Development("Precision teaching", "Two half-day training sessions by December; use precision teaching with one group from January to {end}."),
            Development("Level 3 qualification", "Complete the level 3 certificate in supporting teaching and learning by {end}."),
            Development("Mental health first aid", "Complete the 2-day mental health first aid course by March and join the school's rota."),
            Development("Restorative conversations", "Complete the 3 restorative practice sessions by February and lead 5 restorative meetings by {end}."),
        ],
        [Kind.Operations] =
        [
            Development("Managing safely", "Complete the IOSH Managing Safely course (4 days) by March."),
            Development("Learn from the trust's other schools", "Spend 2 days with the same team at another school of the trust by February and bring back one improvement."),
            Development("Microsoft 365 skills", "Complete the 5 online modules by Easter and use shared calendars for the team's bookings by {end}."),
            Development("Customer service", "Complete the 1-day course by December; no complaints about response times in the spring term."),
        ],
    };

    private static readonly IReadOnlyDictionary<Kind, Plain[]> RolePool = new Dictionary<Kind, Plain[]>
    {
        [Kind.Teaching] =
        [
            Role("Moderation", "Lead the moderation of 1 key assessment with the department in January and in June."),
            Role("Schemes of work", "Rewrite 2 units of the Year 8 scheme of work by Easter, with the end-of-unit assessments."),
        ],
        [Kind.PupilSupport] =
        [
            Role("Pupil passports", "Update the pupil passports of the pupils I support every term: 3 times by {end}."),
            Role("Transition", "Visit 4 feeder primary schools in June to meet the pupils I will support in September."),
        ],
        [Kind.Operations] =
        [
            Role("Statutory checks", "Complete every termly statutory check on time: 12 of 12 by {end}."),
            Role("Procedures written down", "Write down the 6 main procedures of the role by March so a colleague can cover them."),
        ],
    };

    /// <summary>A whole-school priority, given to a group in one step when the cycle opened.</summary>
    private sealed record Shared(string Priority, string Title, string Criteria);

    private static readonly IReadOnlyDictionary<(int Urn, int Year), Shared> SharedPriorities = new Dictionary<(int, int), Shared>
    {
        [(DemoData.SecondaryUrn, 2025)] = new("Reading for all", "Reading for all",
            "Take part in the 3 reading CPD sessions and use the agreed reading routine with every group I work with; reading ages in Years 7 and 8 up by 12 months on average by July 2026."),
        [(DemoData.PrimaryUrn, 2025)] = new("Writing", "Writing across the curriculum",
            "Take part in the 3 writing CPD sessions; 70% of pupils in Years 1 to 6 writing at the expected standard by July 2026."),
        [(DemoData.SpecialUrn, 2025)] = new("Communication for every pupil", "Communication for every pupil",
            "Every pupil I work with has a communication passport reviewed each term; 3 sessions of signing and symbols training completed by March 2026."),
        [(DemoData.SecondaryUrn, 2026)] = new("Adaptive teaching", "Adaptive teaching",
            "Take part in the 4 adaptive-teaching CPD sessions; 2 strategies from them seen in drop-ins by March 2027."),
        [(DemoData.PrimaryUrn, 2026)] = new("Maths fluency", "Maths fluency",
            "Daily 10-minute fluency practice in every class; average multiplication tables check score of 22 or more in June 2027."),
        [(DemoData.SpecialUrn, 2026)] = new("Preparing for adulthood", "Preparing for adulthood",
            "Every pupil's EHC plan has 1 preparing-for-adulthood outcome taught each week and reviewed each term by July 2027."),
    };

    // ---------------------------------------------------------------- The people the story is about

    private const string DemoTeachingAssistantRef = "NA063";

    /// <summary>Pupil-progress objectives written by hand, where the demo tells a story.</summary>
    private static readonly IReadOnlyDictionary<(string Ref, int Year), Goal> Goals = new Dictionary<(string, int), Goal>
    {
        // The demo teaching assistant led the Year 7 reading group from the spring (see her progression reflections).
        [(DemoTeachingAssistantRef, 2025)] = new("Year 7 reading group", "the 6 pupils in the Year 7 reading intervention group", "average reading age",
            "8y 10m", "9y 10m", "Measured by the reading test in September, February and July; every pupil gains at least 6 months.", Priority: "Reading for all"),
        [("NA064", 2025)] = new("Year 7 reading intervention", "the 8 pupils in the Year 7 reading intervention group", "average reading age", "8y 7m", "9y 7m",
            "Measured by the reading test in September, February and July.", Priority: "Reading for all"),
        // Those whose mid-year review or reopen tells of a particular group.
        [(ReopenedFinal, 2025)] = new("Year 11 maths class on target", "my Year 11 maths class", "share on or above their target grade", "58%", "70%",
            "From the mocks in December and March and the summer results."),
        [("NA037", 2025)] = new("Year 11 science class on target", "my Year 11 combined science class", "share on or above their target grade", "52%", "64%",
            "From the mocks in December and March and the summer results."),
        [("NA028", 2025)] = new("Year 8 maths: end-of-unit assessments", "my Year 8 maths classes", "average end-of-unit assessment score", "56%", "64%",
            "From the department's common assessments, moderated each term."),
        [("NA023", 2025)] = new("Progress of disadvantaged pupils in Year 10 English", "disadvantaged pupils in my Year 10 English classes",
            "average grades against target", "-0.7", "-0.2", "From the department's data drops.", Priority: "Progress of disadvantaged pupils"),
        [("NA068", 2025)] = new("Year 8 maths intervention group", "the 6 pupils in the Year 8 maths intervention group", "number fluency check score (out of 30)",
            "11", "21", "From the fluency check each half term."),
        [("BP017", 2025)] = new("Phonics catch-up group", "the 6 pupils in the Year 2 phonics catch-up group", "phonics check score (out of 40)", "21", "32",
            "From the half-termly practice checks."),
        [("NA043", 2026)] = new("Year 10 history class on target", "my Year 10 history class", "share on or above their target grade", "60%", "72%",
            "From the mocks in December and March and the end-of-year exams."),
        // A site manager's pupil progress: pupils' time in learning.
        [("NA094", 2026)] = new("Pupils' time in learning: the site", "all pupils", "lessons lost to site problems (heating, leaks, rooms closed)", "9", "3",
            "From the site log, reported each half term; the boiler replacement in the October half term.", Fewer: true),
    };

    /// <summary>Development objectives written by hand.</summary>
    private static readonly IReadOnlyDictionary<(string Ref, int Year), Plain> Developments = new Dictionary<(string, int), Plain>
    {
        [(DemoTeachingAssistantRef, 2025)] = Development("Lead the reading group",
            "Shadow Janet's reading sessions in the autumn term and lead the Year 7 group on my own from January 2026."),
        [("NA054", 2025)] = Development("National professional qualification", "Complete the NPQ for Leading Teaching: all 4 modules and the final assessment by {end}."),
    };

    /// <summary>At the mid-year review, one objective at risk or off track: a support plan with a coach and a date.</summary>
    private sealed record Concern(Rating MidYear, Rating Final, string Actions, string AppraiserComment, string Reply, bool OnDevelopment = false);

    private static readonly IReadOnlyDictionary<string, Concern> Concerns = new Dictionary<string, Concern>
    {
        // Northfield Academy: six teachers and three support staff.
        ["NA041"] = new(Rating.AtRisk, Rating.Met,
            "Fortnightly planning with Nathan on the end-of-unit assessments; two observed lessons on checking for understanding; the head of science looks at the February assessment with us.",
            "The lesson routines are now secure, but the Year 7 assessment results are behind. We agreed a support plan to focus on checking for understanding.",
            "I agree. The planning time with Nathan will help most."),
        ["NA037"] = new(Rating.OffTrack, Rating.PartlyMet,
            "Weekly 20-minute planning meeting with Amara; the department's revision resources for Year 11; a mock re-sit in March for the pupils furthest behind.",
            "The December mocks put the Year 11 class well below target. We agreed a support plan and will look at it again after the March mocks.",
            "The class changed teacher twice last year, which I think explains part of it, but I agree with the plan."),
        ["NA028"] = new(Rating.AtRisk, Rating.Met,
            "Share the Year 8 assessments with Yusuf before teaching each unit; one joint planning session a half term.",
            "Good teaching, but the Year 8 assessment average has not moved yet. A light support plan until Easter.",
            "Happy with this."),
        ["NA023"] = new(Rating.AtRisk, Rating.PartlyMet,
            "Coaching with Benjamin on feedback to disadvantaged pupils, every fortnight; a check of 6 pupils' books at Easter.",
            "Disadvantaged pupils in the Year 10 classes are still half a grade further behind than planned. We agreed a support plan.",
            "I'd like the coaching to start straight after half term."),
        ["NA054"] = new(Rating.AtRisk, Rating.Met,
            "Time to finish the NPQ assignment: two PPA sessions swapped for study time before the deadline in May.",
            "The pupil-progress objective is on track; the NPQ assignment is behind because of the DT room move. A plan to make time for it.",
            "Thank you for the study time.", OnDevelopment: true),
        ["NA017"] = new(Rating.AtRisk, Rating.Met,
            "Look at the Year 11 GCSE PE coursework tracker with Eleanor each half term; a catch-up session for the 9 pupils behind.",
            "The written paper is on course but the coursework is behind. We agreed what will help.",
            "Agreed."),
        ["NA068"] = new(Rating.OffTrack, Rating.PartlyMet,
            "Precision-teaching training with Sunita in March; Sunita to watch two sessions and give feedback; the group's test moved to June to allow a full term.",
            "The maths group has not yet moved: sessions were lost to cover in the autumn. We agreed a support plan with a coach and protected time.",
            "Half my sessions were taken for cover in the autumn. I'm glad they are protected now."),
        ["NA073"] = new(Rating.AtRisk, Rating.Met,
            "Weekly check-in with Lorraine on the cover log; the cover manager to chase work not set by 8:15.",
            "In the first year in the role; the share of cover lessons with the work completed is rising but is behind the target.",
            "Lorraine's checklist is helping a lot."),
        ["NA104"] = new(Rating.AtRisk, Rating.Met,
            "Shadow Christopher on the network fault log for two days; a daily 8am room check in the science block until Easter.",
            "Faults fixed within the day are up, but the science block's projectors still fail often. A support plan until Easter.",
            "Fine with this."),
        // Brookside Primary Academy.
        ["BP007"] = new(Rating.AtRisk, Rating.Met,
            "Weekly guided-reading planning with Sian; a reading assessment of the 8 pupils furthest behind at Easter.",
            "Reading in Year 2 is behind the target at the half-way point. We agreed a support plan with the English lead.",
            "Planning with Sian is really useful."),
        ["BP017"] = new(Rating.AtRisk, Rating.Met,
            "Two phonics sessions a week observed by Donna, with feedback; the group's check moved to after Easter.",
            "The phonics group's scores are behind; we agreed a support plan with Donna as coach.",
            "I agree."),
        // Willow Bank School.
        ["WB013"] = new(Rating.OffTrack, Rating.NotMet,
            "A fortnightly review of the class's EHC plan targets with Farah; the speech and language therapist to join two sessions; targets rewritten with parents in March.",
            "The class's termly targets are well behind, partly because three pupils were in hospital for long periods. We agreed a support plan.",
            "Three of my pupils missed most of the autumn term. The plan is fair."),
        ["WB021"] = new(Rating.AtRisk, Rating.Met,
            "Signing training with Sarah in February; Sarah to model the AAC choices in two sessions a week until Easter.",
            "Choices with the AAC devices are improving but are behind the target. Support plan agreed.",
            "The signing training will help."),
        ["WB037"] = new(Rating.AtRisk, Rating.Met,
            "Meet the transport company each fortnight with Carol; a text to parents when a bus is more than 10 minutes late.",
            "Late buses are still costing lessons. We agreed a support plan.",
            "Most of it is the one contractor, but I'll keep the log."),
    };

    private enum Unsigned { ByThePerson, Both }

    /// <summary>2025/26 mid-year reviews still unsigned: by the person only, or by both (the appraiser's ratings not yet signed).</summary>
    private static readonly IReadOnlyDictionary<string, Unsigned> MidYearUnsigned = new Dictionary<string, Unsigned>
    {
        ["NA052"] = Unsigned.ByThePerson,
        ["NA087"] = Unsigned.Both,
        ["NA056"] = Unsigned.Both,
        ["BP030"] = Unsigned.ByThePerson,
        ["WB036"] = Unsigned.Both,
    };

    private static readonly IReadOnlyDictionary<string, Unsigned> FinalUnsigned = new Dictionary<string, Unsigned>
    {
        ["NA099"] = Unsigned.ByThePerson,
        ["NA089"] = Unsigned.Both,
        ["WB039"] = Unsigned.Both,
    };

    /// <summary>A final review signed in July on provisional results and reopened in September when the published ones came.</summary>
    private const string ReopenedFinal = "NA026";

    /// <summary>A mid-year review reopened to add evidence.</summary>
    private const string ReopenedMidYear = "WB014";

    /// <summary>Objectives reopened in January because a date in one moved, then agreed again.</summary>
    private const string ReopenedObjectives = "NA090";

    private static readonly IReadOnlyDictionary<string, string> EvidenceLinks = new Dictionary<string, string>
    {
        [DemoTeachingAssistantRef] = "https://northfield-academy.sharepoint.example/send/year-7-reading-group-tracker",
        ["NA094"] = "https://northfield-academy.sharepoint.example/site/lost-lessons-log",
        ["NA076"] = "https://northfield-academy.sharepoint.example/pastoral/year-9-attendance",
    };

    /// <summary>Pay recommendations after the final review: a few of the secondary's teachers.</summary>
    private static readonly IReadOnlyDictionary<string, string> PayTexts = new Dictionary<string, string>
    {
        ["NA024"] = "Progress from M1 to M2 from 1 September 2026: induction year 1 completed successfully.",
        ["NA020"] = "Progress from M4 to M5 from 1 September 2026.",
        ["NA027"] = "Progress from UPS1 to UPS2 from 1 September 2026: sustained, substantial contribution beyond the classroom.",
        ["NA035"] = "Progress from M5 to M6 from 1 September 2026.",
        ["NA026"] = "Progress from UPS2 to UPS3 from 1 September 2026, confirmed after the published results.",
    };

    private enum Unagreed { NoneWritten, HalfWritten, ReadyToAgree, NotAgreed, Reopened }

    /// <summary>2026/27 objectives not agreed by the due date; everyone else agreed theirs in September or October.</summary>
    private static readonly IReadOnlyDictionary<string, Unagreed> CurrentYearUnagreed = new Dictionary<string, Unagreed>
    {
        // The demo teaching assistant: the SENCo has not written her objectives yet, so a demo user can.
        [DemoTeachingAssistantRef] = Unagreed.NoneWritten,
        ["NA069"] = Unagreed.ReadyToAgree,
        ["NA029"] = Unagreed.NoneWritten,
        ["NA097"] = Unagreed.NoneWritten,
        ["NA062"] = Unagreed.HalfWritten,
        ["NA043"] = Unagreed.NotAgreed,
        ["NA094"] = Unagreed.Reopened,
        ["BP034"] = Unagreed.ReadyToAgree,
        ["WB025"] = Unagreed.NoneWritten,
        ["WB031"] = Unagreed.HalfWritten,
    };

    // ---------------------------------------------------------------- Words

    private static string RatingComment(Objective objective, Rating rating, Story story)
    {
        if (objective.Type != ObjectiveType.PupilProgress && story.Random.NextDouble() < 0.5)
        {
            return rating is Rating.OnTrack or Rating.Met ? story.Pick(RatingComments[rating]) : RatingComments[rating][0];
        }
        return story.Pick(RatingComments[rating]);
    }

    private static readonly IReadOnlyDictionary<Rating, string[]> RatingComments = new Dictionary<Rating, string[]>
    {
        [Rating.OnTrack] = ["On course at the February check.", "The half-way figures show steady improvement.", "The evidence so far puts this on track.", "Ahead of the planned steps."],
        [Rating.AtRisk] = ["Behind the planned progress at the February check; see the support plan."],
        [Rating.OffTrack] = ["Well short of where it should be at the half-way point; see the support plan."],
        [Rating.Met] = ["Met: the final figures reached the target.", "Met, with the evidence in the review folder.", "Met, and in places exceeded.", "Met."],
        [Rating.PartlyMet] = ["Partly met: real progress, but short of the target.", "Partly met; carried into next year's objectives."],
        [Rating.NotMet] = ["Not met this year, for reasons we both understand; carried into next year with more support."],
    };

    private static string Fill(string text, StaffMember person) => text.Replace("{first}", person.FirstName, StringComparison.Ordinal);

    private static readonly string[] MidYearOnTrack =
    [
        "{first} is on course with every objective. We agreed to keep the same focus for the spring and summer terms.",
        "Good progress at the half-way point; the figures so far put the targets within reach.",
        "A strong first half of the year. The next step is to keep the evidence up to date for the final review.",
        "On track across the board. We talked about what would stretch {first} further next year.",
    ];

    private static readonly string[] MidYearReplies =
    [
        "I agree with the ratings.",
        "Happy with how it's going. The spring term is busier, so I've planned the next steps now.",
        "Thanks. I'd like some time with my coach before the final review.",
        "Agreed.",
    ];

    private static readonly string[] FinalOverall =
    [
        "A successful year. {first}'s work on the pupil-progress objective made a real difference to the pupils involved.",
        "{first} met what we set out to do in September and has grown in confidence in the role.",
        "A good year, with the objectives met or close to it. We have talked about next year's focus.",
        "Thank you, {first}, for a year of steady, reliable work that pupils have gained from.",
    ];

    private static readonly string[] FinalComments =
    [
        "The evidence for each objective is in the review folder and we went through it together.",
        "We talked about next year's objectives and the training that would help.",
        "The figures for the pupil-progress objective were checked against the school's data before the meeting.",
    ];

    private static readonly string[] FinalReplies =
    [
        "I agree with the ratings.",
        "Thank you for the support this year.",
        "A fair summary of the year.",
        "Agreed. I'd like to keep the same pupil group next year if I can.",
    ];

    private static readonly IReadOnlyDictionary<Kind, string[]> Reflections = new Dictionary<Kind, string[]>
    {
        [Kind.Teaching] =
        [
            "Looking at the data every half term kept me honest about which pupils were slipping. Next year I want to act on it sooner.",
            "The coaching sessions were the most useful CPD I've had. I'd like to coach someone myself next year.",
            "A tough year with Year 11, but the results showed the revision plan worked. I'd like to share it with the department.",
            "I've changed how I start lessons because of the reading work, and it has helped the weaker readers most.",
        ],
        [Kind.PupilSupport] =
        [
            "Seeing the group's progress in numbers made me proud of the work. I'd like to run two groups next year.",
            "It helped to have a target about pupils rather than only about tasks. I'd like more training in the summer term.",
            "The morning calls took time, but the attendance figures show they were worth it.",
            "I'd like to share what worked with the other schools in the trust.",
        ],
        [Kind.Operations] =
        [
            "I hadn't thought of my job as being about pupils' learning before, but the lost-lessons figure showed me it is.",
            "Keeping the log every week was a chore at first; it made the final review easy.",
            "Good year. I'd like to do the next level of the course.",
            "It was good to be appraised the same way as everyone else, with a target about pupils.",
        ],
    };

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
