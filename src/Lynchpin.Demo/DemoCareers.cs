using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

/// <summary>
/// The careers story, told at Northfield Academy and filled in across the trust. The teaching assistant Kayleigh Brooks holds
/// the level 3 and is working towards HLTA status; the business manager went from the CSBM to the DSBM and is on the NPQLBC;
/// the site manager has the school's own site standards (edited from the starter set) and certificates running out; the
/// SENCo's NPQSENCO is due within three years of her taking the role. Two years of CPD with impact evaluations: in 2024/25
/// support staff came to two of the five INSET days and few courses, so they had far fewer CPD hours per head than
/// teachers; in 2025/26 they came to four and everyone had a course, so the gap closed. Pay for every year since 2021/22
/// (illustrative figures, not the published scales), so the parity report shows the award since its base year.
/// </summary>
public static class DemoCareers
{
    private const string Recorder = "Demo data";

    /// <summary>What the careers story adds, in the order it is saved.</summary>
    public sealed record Seed(
        List<StandardSet> StandardSets, List<StandardAssessment> Assessments, List<PersonQualification> Qualifications, List<CareerStep> Steps,
        List<CpdActivity> Activities, List<CpdRequest> Requests, List<CpdBudget> Budgets, List<PayRecord> Pay);

    private static readonly DateTime RecordedAt = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Five INSET days a year; support staff came to the first two in 2024/25 and the first four in 2025/26.</summary>
    private static readonly (int Year, DateOnly[] Days, int SupportDays)[] Inset =
    [
        (2024, [new(2024, 9, 2), new(2024, 9, 3), new(2025, 1, 6), new(2025, 4, 22), new(2025, 6, 2)], 2),
        (2025, [new(2025, 9, 1), new(2025, 9, 2), new(2026, 1, 5), new(2026, 4, 13), new(2026, 6, 1)], 4),
    ];

    /// <summary>The yearly award (awards, not progression) from the year before: illustrative.</summary>
    private static readonly Dictionary<int, (decimal Teaching, decimal Support)> Awards = new()
    {
        [2022] = (0.050m, 0.075m),
        [2023] = (0.065m, 0.055m),
        [2024] = (0.055m, 0.045m),
        [2025] = (0.040m, 0.032m),
        [2026] = (0.040m, 0.030m),
    };

    public static Seed Create(IReadOnlyDictionary<int, IReadOnlyList<StaffMember>> staffByUrn)
    {
        var seed = new Seed([], [], [], [], [], [], [], []);
        foreach (var (urn, staff) in staffByUrn)
        {
            var schoolId = staff[0].SchoolId;
            var budgetHolder = staff.FirstOrDefault(s => s.JobTitle.Contains("Business Manager", StringComparison.Ordinal));
            foreach (var year in new[] { 2024, 2025, 2026 })
            {
                seed.Budgets.Add(new CpdBudget
                {
                    SchoolId = schoolId,
                    Year = year,
                    Amount = urn == DemoData.SecondaryUrn ? 18_000m : 7_500m,
                    BudgetHolderId = budgetHolder?.Id,
                });
            }
            AddCpd(seed, schoolId, staff);
            AddPay(seed, staff);
            AddQualifications(seed, staff);
        }
        var northfield = staffByUrn[DemoData.SecondaryUrn].ToDictionary(s => s.StaffRef);
        AddStory(seed, northfield);
        return seed;
    }

    /// <summary>When the person started (every demo record has a start date).</summary>
    private static DateOnly Started(StaffMember s) => s.StartDate ?? new DateOnly(2015, 9, 1);

    private static bool Support(StaffMember s) => s.RoleFamily != RoleFamily.Teaching;

    private static CpdActivity Activity(int schoolId, string title, CpdKind kind, string? provider, DateOnly start, DateOnly? end = null) => new()
    {
        SchoolId = schoolId,
        Title = title,
        Kind = kind,
        Provider = provider,
        StartDate = start,
        EndDate = end ?? start,
        RecordedAt = RecordedAt,
        RecordedByName = Recorder,
    };

    /// <summary>The INSET days, a course for each teacher every year, and for support staff a few in 2024/25 and one each in 2025/26.</summary>
    private static void AddCpd(Seed seed, int schoolId, IReadOnlyList<StaffMember> staff)
    {
        foreach (var (year, days, supportDays) in Inset)
        {
            for (var d = 0; d < days.Length; d++)
            {
                var inset = Activity(schoolId, $"INSET day {d + 1}", CpdKind.Inset, "In school", days[d]);
                inset.Attendances.AddRange(staff.Where(s => s.InPostOn(days[d]) && (!Support(s) || d < supportDays))
                    .Select(s => new CpdAttendance { StaffMemberId = s.Id, Hours = 6m, Cost = 0m }));
                seed.Activities.Add(inset);
            }
            var courseDay = new DateOnly(year, 11, 12);
            string[] teacherCourses = ["Adaptive teaching in practice", "Retrieval practice that sticks", "Exam board subject update", "Behaviour hub network"];
            for (var c = 0; c < teacherCourses.Length; c++)
            {
                var course = Activity(schoolId, teacherCourses[c], CpdKind.Course, c == 3 ? "Trust hub" : "Kirklees Learning Partnership", courseDay.AddDays(7 * c));
                course.Attendances.AddRange(staff.Where(s => !Support(s) && s.InPostOn(course.StartDate) && s.Id % teacherCourses.Length == c)
                    .Select(s => new CpdAttendance { StaffMemberId = s.Id, Hours = c == 1 ? 3m : 6m, Cost = c == 3 ? 0m : 95m }));
                seed.Activities.Add(course);
            }
            foreach (var family in staff.Where(Support).Select(s => s.RoleFamily).Distinct())
            {
                var (title, kind, hours, cost) = SupportCourse(family);
                var course = Activity(schoolId, title, kind, "Kirklees Learning Partnership", new DateOnly(year + 1, 2, 10));
                // 2024/25: one in four went; 2025/26: everyone.
                course.Attendances.AddRange(staff.Where(s => s.RoleFamily == family && s.InPostOn(course.StartDate) && (year == 2025 || s.Id % 4 == 0))
                    .Select(s => new CpdAttendance { StaffMemberId = s.Id, Hours = hours, Cost = cost }));
                if (course.Attendances.Count > 0)
                {
                    seed.Activities.Add(course);
                }
            }
        }
        foreach (var activity in seed.Activities.Where(a => a.SchoolId == schoolId && a.Kind != CpdKind.Inset))
        {
            foreach (var attendance in activity.Attendances.Where(a => a.StaffMemberId % 5 != 0))
            {
                attendance.Evaluation = Evaluation(attendance.StaffMemberId, activity.EndDate, staff.First(s => s.Id == attendance.StaffMemberId));
            }
        }
    }

    private static (string Title, CpdKind Kind, decimal Hours, decimal Cost) SupportCourse(RoleFamily family) => family switch
    {
        RoleFamily.LearningSupport => ("Precision teaching for reading", CpdKind.Course, 6m, 75m),
        RoleFamily.Business => ("School finance conference", CpdKind.Conference, 6m, 150m),
        RoleFamily.Administration => ("MIS and exams data training", CpdKind.Course, 6m, 40m),
        RoleFamily.Site => ("Manual handling and COSHH", CpdKind.Course, 6m, 35m),
        RoleFamily.Pastoral => ("Emotion coaching", CpdKind.Course, 6m, 60m),
        RoleFamily.Technical => ("Technicians' network day", CpdKind.Course, 6m, 90m),
        RoleFamily.Inclusion => ("Youth mental health first aid", CpdKind.Course, 12m, 150m),
        _ => ("Safeguarding in the community", CpdKind.Course, 6m, 0m),
    };

    private static readonly string[] Comments =
    [
        "I use the routine every day now; the group's reading ages moved more this term than last.",
        "Useful ideas; I have tried two of them with my groups and the pupils are more confident.",
        "Good refresher. I changed how I start sessions and pupils settle faster.",
        "I shared it with the team and we changed our checklist.",
    ];

    private static CpdEvaluation Evaluation(int staffId, DateOnly ended, StaffMember person) => new()
    {
        Reaction = ImpactRating.Strong,
        Learning = staffId % 3 == 0 ? ImpactRating.Some : ImpactRating.Strong,
        UseInPractice = staffId % 4 == 0 ? ImpactRating.Little : ImpactRating.Some,
        EffectOnPupils = staffId % 3 == 0 ? ImpactRating.Little : ImpactRating.Some,
        Comment = Comments[staffId % Comments.Length],
        EvaluatedOn = ended.AddDays(45),
        LineManagerView = staffId % 2 == 0 && person.LineManager is { } manager ? "I have seen it in practice when I dropped in; keep going." : null,
        LineManagerName = staffId % 2 == 0 ? person.LineManager?.FullName : null,
        LineManagerViewOn = staffId % 2 == 0 && person.LineManager is not null ? ended.AddDays(60) : null,
    };

    /// <summary>A year's FTE salary of 2025/26 by role, and its scale.</summary>
    private static (string Scale, int? Point, decimal Salary) Pay2025(StaffMember s)
    {
        if (s.RoleFamily == RoleFamily.Teaching)
        {
            if (s.JobTitle.Contains("Headteacher", StringComparison.Ordinal) && !s.JobTitle.Contains("Deputy", StringComparison.Ordinal))
            {
                return ("LPS", 24, 98_000m);
            }
            if (s.Slt)
            {
                return ("LPS", 12, 68_000m);
            }
            var years = Math.Max(0, 2025 - Started(s).Year);
            decimal[] mps = [32_916m, 34_823m, 37_101m, 39_556m, 42_057m, 45_352m];
            decimal[] ups = [47_472m, 49_232m, 51_048m];
            return years >= 8 ? ("UPS", Math.Min(3, (years - 8) / 2 + 1), ups[Math.Min(2, (years - 8) / 2)]) : ("MPS", Math.Min(6, years + 1), mps[Math.Min(5, years)]);
        }
        var title = s.JobTitle;
        (int Point, decimal Salary) njc =
            title.Contains("Business Manager", StringComparison.Ordinal) ? (0, 58_000m)
            : title.Contains("Director", StringComparison.Ordinal) ? (38, 45_000m)
            : title.Contains("Network Manager", StringComparison.Ordinal) ? (31, 40_476m)
            : title.Contains("Higher Level", StringComparison.Ordinal) ? (17, 28_142m)
            : title.Contains("Manager", StringComparison.Ordinal) || title.Contains("Officer", StringComparison.Ordinal)
                || title.Contains("Coordinator", StringComparison.Ordinal) || title.Contains("Senior", StringComparison.Ordinal) ? (22, 30_060m)
            : title.Contains("Cleaner", StringComparison.Ordinal) || title.Contains("Kitchen", StringComparison.Ordinal) ? (3, 23_656m)
            : title.Contains("Cover Supervisor", StringComparison.Ordinal) || title.Contains("Mentor", StringComparison.Ordinal)
                || title.Contains("Technician", StringComparison.Ordinal) ? (12, 26_409m)
            : (8, 24_790m);
        return njc.Point == 0 ? ("SBM", null, njc.Salary) : ("NJC", njc.Point, njc.Salary);
    }

    /// <summary>Pay for every year from 2021/22 to 2026/27 that the person was in post, worked back and forward from 2025/26 by the awards.</summary>
    private static void AddPay(Seed seed, IReadOnlyList<StaffMember> staff)
    {
        foreach (var s in staff)
        {
            var (scale, point, salary2025) = Pay2025(s);
            for (var year = 2021; year <= 2026; year++)
            {
                if (!(Started(s) <= new DateOnly(year + 1, 8, 31) && (s.LeavingDate is null || s.LeavingDate >= new DateOnly(year, 9, 1))))
                {
                    continue;
                }
                var salary = salary2025;
                for (var y = year; y < 2025; y++)
                {
                    salary /= 1m + Award(s, y + 1);
                }
                for (var y = 2026; y <= year; y++)
                {
                    salary *= 1m + Award(s, y);
                }
                seed.Pay.Add(new PayRecord
                {
                    StaffMemberId = s.Id,
                    Year = year,
                    Scale = scale,
                    Point = point,
                    FteSalary = Math.Round(salary, 0),
                    RecordedAt = RecordedAt,
                    RecordedByName = Recorder,
                });
            }
        }
    }

    private static decimal Award(StaffMember s, int year) => Support(s) ? Awards[year].Support : Awards[year].Teaching;

    private static PersonQualification Held(StaffMember s, string code, DateOnly gained) =>
        new() { StaffMemberId = s.Id, QualificationCode = code, Held = true, GainedOn = gained, UpdatedAt = RecordedAt, UpdatedByName = Recorder };

    private static PersonQualification Studying(StaffMember s, string code, DateOnly expected, DateOnly? requiredBy = null) =>
        new() { StaffMemberId = s.Id, QualificationCode = code, InProgress = true, ExpectedOn = expected, RequiredBy = requiredBy, UpdatedAt = RecordedAt, UpdatedByName = Recorder };

    /// <summary>Everyone's usual qualifications: QTS and a degree for teachers, TA and business qualifications for support staff by role.</summary>
    private static void AddQualifications(Seed seed, IReadOnlyList<StaffMember> staff)
    {
        foreach (var s in staff)
        {
            var start = Started(s);
            if (s.Qts)
            {
                seed.Qualifications.Add(Held(s, "DEGREE", start.AddMonths(-15)));
                seed.Qualifications.Add(Held(s, "QTS", start.AddMonths(-2)));
            }
            var title = s.JobTitle;
            if (title.StartsWith("Teaching Assistant", StringComparison.Ordinal))
            {
                seed.Qualifications.Add(Held(s, s.Id % 3 == 0 ? "TA-L3" : "TA-L2", start.AddMonths(10)));
            }
            else if (title.Contains("Higher Level", StringComparison.Ordinal) || title.Contains("Cover Supervisor", StringComparison.Ordinal))
            {
                seed.Qualifications.Add(Held(s, "TA-L3", start.AddMonths(-12)));
            }
            else if (title.Contains("Finance", StringComparison.Ordinal) || title.Contains("Office Manager", StringComparison.Ordinal))
            {
                seed.Qualifications.Add(Held(s, title.Contains("Finance", StringComparison.Ordinal) ? "AAT-L3" : "BUS-ADMIN-L3", start.AddMonths(-6)));
            }
            else if (title.Contains("Cook", StringComparison.Ordinal))
            {
                seed.Qualifications.Add(Held(s, "FOOD-L2", new DateOnly(2025, 3, 10)));
            }
        }
    }

    /// <summary>Northfield's people whose careers the demo shows, their steps, standards, requests and their own activities.</summary>
    private static void AddStory(Seed seed, Dictionary<string, StaffMember> na)
    {
        var schoolId = na["NA001"].SchoolId;
        StaffMember kayleigh = na["NA063"], janet = na["NA064"], sunita = na["NA065"], imran = na["NA007"], siobhan = na["NA009"], graham = na["NA094"];
        CareerStep Step(StaffMember s, string pathway, string step, DateOnly from, DateOnly? to = null, string? aim = null) =>
            new() { StaffMemberId = s.Id, PathwayCode = pathway, StepCode = step, StartedOn = from, EndedOn = to, AimStepCode = aim };

        // The TA on her way to HLTA: level 2 then level 3 held, HLTA in progress (replacing the usual TA's qualification above).
        seed.Qualifications.RemoveAll(q => q.StaffMemberId == kayleigh.Id);
        seed.Qualifications.AddRange([
            Held(kayleigh, "L2-EM", new(2015, 8, 20)), Held(kayleigh, "TA-L2", new(2020, 7, 15)), Held(kayleigh, "TA-L3", new(2022, 7, 14)),
            Studying(kayleigh, "HLTA", new(2027, 7, 1)),
        ]);
        seed.Qualifications.AddRange([Held(janet, "HLTA", new(2010, 6, 30)), Held(sunita, "HLTA", new(2016, 6, 30)), Held(janet, "L2-EM", new(2004, 8, 19))]);
        // The business manager: CSBM, then DSBM, now the NPQ in leading behaviour and culture.
        seed.Qualifications.AddRange([
            Held(imran, "DEGREE", new(2005, 7, 1)), Held(imran, "CSBM", new(2013, 6, 30)), Held(imran, "DSBM", new(2018, 6, 30)),
            Studying(imran, "NPQLBC", new(2027, 6, 30)),
        ]);
        // The SENCo took the role in March 2024: her NPQSENCO is due within three years (the role's rule gives the date).
        seed.Qualifications.Add(Studying(siobhan, "NPQSENCO", new(2027, 2, 28)));
        // The site manager: IOSH and asbestos awareness running out soon, emergency first aid already out of date.
        seed.Qualifications.AddRange([
            Held(graham, "NVQ-L3", new(2001, 7, 1)), Held(graham, "IOSH", new(2024, 2, 20)), Held(graham, "EFAW", new(2023, 5, 10)), Held(graham, "ASBESTOS", new(2026, 1, 15)),
        ]);
        // The deputy DSL's training ran out in June: to renew.
        seed.Qualifications.Add(Held(na["NA081"], "DSL", new(2024, 6, 10)));

        seed.Steps.AddRange([
            Step(kayleigh, "learning-support", "ta2", Started(kayleigh), new(2022, 8, 31)),
            Step(kayleigh, "learning-support", "ta3", new(2022, 9, 1), aim: "hlta"),
            Step(janet, "learning-support", "ta3", new(2006, 9, 1), new(2010, 8, 31)),
            Step(janet, "learning-support", "hlta", new(2010, 9, 1)),
            Step(sunita, "learning-support", "ta3", Started(sunita), new(2025, 8, 31)),
            Step(sunita, "learning-support", "hlta", new(2025, 9, 1)),
            Step(na["NA073"], "learning-support", "ta3", Started(na["NA073"]), new(2024, 8, 31)),
            Step(na["NA073"], "learning-support", "cover", new(2024, 9, 1)),
            Step(na["NA070"], "learning-support", "ta2", Started(na["NA070"]), new(2025, 8, 31)),
            Step(na["NA070"], "learning-support", "ta3", new(2025, 9, 1), aim: "hlta"),
            Step(imran, "business", "sbm", new(2013, 9, 1), new(2019, 8, 31)),
            Step(imran, "business", "sbl", new(2019, 9, 1), aim: "director"),
            Step(na["NA085"], "business", "fin-officer", Started(na["NA085"]), aim: "sbm"),
            Step(na["NA087"], "business", "fin-assistant", Started(na["NA087"]), aim: "fin-officer"),
            Step(siobhan, "teaching", "middle-leader", Started(siobhan), new(2024, 2, 29)),
            Step(siobhan, "teaching", "senco", new(2024, 3, 1)),
            Step(graham, "site", "site-manager", Started(graham), aim: "estates-manager"),
            Step(na["NA095"], "site", "site-assistant", Started(na["NA095"]), aim: "site-manager"),
        ]);

        // The school's own site standards: the starter set, one descriptor rewritten and one added; the site manager's
        // self-assessment and his line manager's against it.
        var site = BuiltInCareers.StandardSet("own-site")!;
        site.SchoolId = schoolId;
        site.Name = "Northfield Academy site and premises standards";
        site.Standards[0].Text = "Carries out and records the statutory checks (fire, water, legionella, lifts, equipment) on time, on the compliance tracker";
        site.Standards.Add(new Standard { Code = "SITE-NA1", Section = "The learning environment", Text = "Plans summer works with the business manager so every room is ready on the first INSET day", SortOrder = site.Standards.Count });
        seed.StandardSets.Add(site);
        StandardRating[] selfRatings = [StandardRating.Strength, StandardRating.Secure, StandardRating.Secure, StandardRating.Developing];
        foreach (var (standard, i) in site.Standards.Select((s, i) => (s, i)))
        {
            seed.Assessments.Add(Assessment(graham, "own-site", standard.Code, selfRatings[i % selfRatings.Length], AssessedBy.Self, new(2026, 10, 1), graham.FullName));
            seed.Assessments.Add(Assessment(graham, "own-site", standard.Code, i == 1 ? StandardRating.Developing : selfRatings[i % selfRatings.Length], AssessedBy.LineManager,
                new(2026, 10, 8), imran.FullName));
        }
        var ta = BuiltInCareers.StandardSet("ta-2016")!;
        foreach (var (standard, i) in ta.Standards.Select((s, i) => (s, i)))
        {
            seed.Assessments.Add(Assessment(kayleigh, "ta-2016", standard.Code, i % 3 == 0 ? StandardRating.Strength : StandardRating.Secure, AssessedBy.Self, new(2026, 9, 20), kayleigh.FullName));
        }

        // Their own activities: her HLTA preparation, his NPQ and the trust's finance network, the team's Team Teach refresher this autumn.
        var hlta = Activity(schoolId, "HLTA preparation programme", CpdKind.QualificationStudy, "Kirklees Learning Partnership", new(2025, 10, 6), new(2026, 3, 16));
        hlta.Attendances.Add(new CpdAttendance
        {
            StaffMemberId = kayleigh.Id,
            Hours = 18m,
            Cost = 350m,
            Evaluation = new CpdEvaluation
            {
                Reaction = ImpactRating.Strong,
                Learning = ImpactRating.Strong,
                UseInPractice = ImpactRating.Some,
                EffectOnPupils = ImpactRating.Some,
                Comment = "I plan and lead the Year 8 reading group on my own now; three of the six pupils have caught up.",
                EvaluatedOn = new(2026, 5, 1),
                LineManagerView = "Kayleigh leads the group confidently; ready for the HLTA assessment.",
                LineManagerName = siobhan.FullName,
                LineManagerViewOn = new(2026, 5, 12),
            }
        });
        var npq = Activity(schoolId, "NPQ in Leading Behaviour and Culture", CpdKind.QualificationStudy, "Trust teaching school hub", new(2025, 10, 1), new(2027, 6, 30));
        npq.Attendances.Add(new CpdAttendance { StaffMemberId = imran.Id, Hours = 30m, Cost = 0m });
        var teamTeach = Activity(schoolId, "Team Teach refresher", CpdKind.Course, "Team Teach trainer", new(2026, 10, 5));
        teamTeach.Attendances.AddRange(na.Values.Where(s => s.RoleFamily == RoleFamily.LearningSupport && s.InPostOn(teamTeach.StartDate))
            .Select(s => new CpdAttendance { StaffMemberId = s.Id, Hours = 6m, Cost = 25m }));
        // Janet has evaluated it already: the SENCo is asked for her view.
        teamTeach.Attendances.Single(a => a.StaffMemberId == janet.Id).Evaluation = new CpdEvaluation
        {
            Reaction = ImpactRating.Strong,
            Learning = ImpactRating.Some,
            UseInPractice = ImpactRating.Some,
            EffectOnPupils = ImpactRating.Little,
            Comment = "De-escalation first: two incidents in the base this half-term ended without a restraint.",
            EvaluatedOn = new(2026, 11, 20),
        };
        seed.Activities.AddRange([hlta, npq, teamTeach]);

        // Requests: the HLTA programme done; this year one waiting for the SENCo, one cost for the business manager, one declined, one approved.
        CpdRequest Request(StaffMember s, string title, CpdKind kind, DateOnly start, decimal hours, decimal cost, string reason, CpdRequestStatus status) => new()
        {
            SchoolId = schoolId,
            StaffMemberId = s.Id,
            Title = title,
            Kind = kind,
            Provider = "Kirklees Learning Partnership",
            StartDate = start,
            EndDate = start,
            Hours = hours,
            Cost = cost,
            Reason = reason,
            Status = status,
            RequestedAt = RecordedAt.AddDays(-30),
            LineManagerName = status is CpdRequestStatus.WithLineManager ? null : siobhan.FullName,
            LineManagerDecidedAt = status is CpdRequestStatus.WithLineManager ? null : RecordedAt.AddDays(-25),
            BudgetHolderName = status is CpdRequestStatus.Approved or CpdRequestStatus.Recorded && cost > 0 ? imran.FullName : null,
            BudgetDecidedAt = status is CpdRequestStatus.Approved or CpdRequestStatus.Recorded && cost > 0 ? RecordedAt.AddDays(-20) : null,
        };
        var done = Request(kayleigh, "HLTA preparation programme", CpdKind.QualificationStudy, new(2025, 10, 6), 18m, 350m,
            "To prepare for HLTA status: planning and leading learning for whole classes.", CpdRequestStatus.Recorded);
        done.EndDate = new(2026, 3, 16);
        done.Activity = hlta;
        done.RequestedAt = new DateTime(2025, 6, 20, 10, 0, 0, DateTimeKind.Utc);
        var declined = Request(na["NA068"], "Level 5 diploma in counselling", CpdKind.QualificationStudy, new(2027, 1, 11), 120m, 2_400m,
            "I would like to move into pastoral work.", CpdRequestStatus.Declined);
        declined.DeclinedReason = "Not from the CPD budget this year; let's talk about the learning mentor pathway at your review.";
        seed.Requests.AddRange([
            done, declined,
            Request(na["NA066"], "Team Teach advanced modules", CpdKind.Course, new(2027, 2, 3), 6m, 0m,
                "To support the two pupils in the base whose plans include positive handling.", CpdRequestStatus.WithLineManager),
            Request(sunita, "HLTA cluster conference", CpdKind.Conference, new(2027, 3, 4), 6m, 85m,
                "To meet the other HLTAs of the cluster and share cover planning.", CpdRequestStatus.WithBudgetHolder),
            Request(kayleigh, "Maths for TAs (twilight)", CpdKind.Course, new(2027, 1, 20), 4m, 30m,
                "To support the Year 7 numeracy group with the same methods the teachers use.", CpdRequestStatus.Approved),
        ]);
    }

    private static StandardAssessment Assessment(StaffMember s, string set, string code, StandardRating rating, AssessedBy by, DateOnly on, string recorder) => new()
    {
        StaffMemberId = s.Id,
        SetCode = set,
        StandardCode = code,
        Rating = rating,
        By = by,
        AssessedOn = on,
        RecordedAt = RecordedAt,
        RecordedByName = recorder,
    };
}
