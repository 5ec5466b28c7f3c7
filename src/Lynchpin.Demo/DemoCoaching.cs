using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pupils;
using Lynchpin.Core.Schools;

namespace Lynchpin.Demo;

/// <summary>
/// The achievement coaching story: the coach's eleven schools (the trust's three and eight of the neighbouring authority)
/// in 2025/26 and 2026/27, a year of visits and this autumn's, a four-area action plan at each trust school, twelve
/// looked-after pupils in the trust's schools with attendance since the baseline year 2024/25 (one rising from 91 % to
/// 100 %, one falling), PEPs with the child's voice (one overdue, one without the child's views), and reference figures.
/// The reference figures are illustrative, in the layout of the DfE's published file, not the published numbers.
/// </summary>
public static class DemoCoaching
{
    public const int FirstYear = 2025;
    public const int CurrentYear = 2026;
    public const string KirkleesOld = "382";
    public const string KirkleesNew = "E08000034";
    public const string CalderdaleOld = "381";
    public const string CalderdaleNew = "E08000033";

    /// <summary>Visits before this day are done; later ones are planned.</summary>
    public static readonly DateOnly SeededOn = new(2026, 12, 4);

    /// <summary>The neighbouring authority's eight schools in the coach's caseload (not in the trust).</summary>
    public static readonly (int Urn, string Name, string Phase)[] NeighbourSchools =
    [
        (107501, "Hebden Vale Primary School", "Primary"),
        (107502, "Calder Bridge Academy", "Secondary"),
        (107503, "Ryburn Moor Junior and Infant School", "Primary"),
        (107504, "Shibden Park High School", "Secondary"),
        (107505, "Sowerby Green Primary School", "Primary"),
        (107506, "Elland Riverside Primary School", "Primary"),
        (107507, "Todmorden Hill School", "Secondary"),
        (107508, "Luddenden Foot Primary School", "Primary"),
    ];

    /// <summary>
    /// The looked-after pupils: school, names, year group, entered care, the authority, and attendance (%) in 2024/25,
    /// 2025/26 and this autumn. Tyler rises from 91 % to 100 %; Kayden falls.
    /// </summary>
    private static readonly (int Urn, string First, string Last, string Year, string EnteredCare, string La, int[] Attendance)[] Pupils =
    [
        (DemoData.SecondaryUrn, "Tyler", "Marsden", "9", "2021-02-15", KirkleesOld, [91, 96, 100]),
        (DemoData.SecondaryUrn, "Kayden", "Holroyd", "10", "2020-06-01", KirkleesOld, [97, 93, 86]),
        (DemoData.SecondaryUrn, "Amira", "Sadiq", "7", "2022-11-07", KirkleesNew, [89, 92, 95]),
        (DemoData.SecondaryUrn, "Jade", "Whiteley", "11", "2019-03-20", CalderdaleOld, [84, 88, 90]),
        (DemoData.SecondaryUrn, "Connor", "Firth", "8", "2023-01-09", KirkleesOld, [93, 95, 96]),
        (DemoData.SecondaryUrn, "Lena", "Kowalczyk", "9", "2022-04-25", KirkleesOld, [90, 94, 97]),
        (DemoData.PrimaryUrn, "Ruby", "Haigh", "5", "2022-09-12", KirkleesOld, [94, 96, 98]),
        (DemoData.PrimaryUrn, "Alfie", "Brook", "3", "2023-05-02", KirkleesOld, [92, 93, 95]),
        (DemoData.PrimaryUrn, "Zain", "Hussain", "6", "2021-10-18", KirkleesNew, [95, 97, 97]),
        (DemoData.SpecialUrn, "Morgan", "Lockwood", "8", "2020-01-13", KirkleesOld, [88, 90, 93]),
        (DemoData.SpecialUrn, "Evie", "Sykes", "4", "2022-07-04", CalderdaleOld, [91, 92, 94]),
        (DemoData.SpecialUrn, "Harvey", "Crowther", "10", "2019-11-25", KirkleesOld, [86, 89, 92]),
    ];

    /// <summary>The pupil whose PEP is overdue (none since the spring) and the one whose latest PEP lacks their views.</summary>
    public const string OverduePepPupil = "Jade";
    public const string NoVoicePupil = "Connor";

    public sealed record Seed(
        IReadOnlyList<LocalAuthority> Authorities, IReadOnlyList<CaseloadSchool> Caseloads,
        IReadOnlyList<CoachingVisit> Visits, IReadOnlyList<SchoolCoachingContacts> Contacts, IReadOnlyList<ActionPlan> Plans,
        IReadOnlyList<Pupil> Pupils, IReadOnlyList<AttendanceRecord> Attendance, IReadOnlyList<Pep> Peps, IReadOnlyList<ImpactPlan> ImpactPlans,
        IReadOnlyList<OutcomeReference> References, IReadOnlyList<FocusGroup> FocusGroups);

    /// <summary>The neighbouring authority's schools, to be saved before <see cref="Create"/>.</summary>
    public static List<School> Neighbours() => NeighbourSchools.Select(s => new School
    {
        Urn = s.Urn,
        Name = s.Name,
        Phase = s.Phase,
        LocalAuthority = "Calderdale",
        IsOpen = true,
    }).ToList();

    /// <param name="trustSchools">The trust's schools, saved, with their staff (read only: rows refer to them by id).</param>
    /// <param name="neighbours">The neighbouring authority's schools, saved.</param>
    /// <param name="coachId">The coach's account.</param>
    public static Seed Create(IReadOnlyList<School> trustSchools, IReadOnlyList<School> neighbours, string coachId)
    {
        var at = new DateTime(2026, 12, 4, 16, 0, 0, DateTimeKind.Utc);
        var all = trustSchools.Concat(neighbours).ToList();
        var calendar = new TermCalendar();

        var caseloads = new List<CaseloadSchool>();
        var visits = new List<CoachingVisit>();
        foreach (var year in new[] { FirstYear, CurrentYear })
        {
            foreach (var school in all)
            {
                var planned = trustSchools.Contains(school) ? 15 : 12;
                caseloads.Add(new CaseloadSchool { CoachUserId = coachId, SchoolId = school.Id, Year = year, PlannedVisits = planned, AddedAt = at });
                foreach (var (date, i) in VisitPlanner.Spread(year, planned, calendar).Select((d, i) => (d, i)))
                {
                    var done = date < SeededOn;
                    var areas = new[] { (CoachingArea)(i % 4), (CoachingArea)((i + 1) % 4) };
                    visits.Add(new CoachingVisit
                    {
                        CoachUserId = coachId,
                        SchoolId = school.Id,
                        Year = year,
                        Date = date,
                        Status = done ? VisitStatus.Done : VisitStatus.Planned,
                        WhoMet = done ? "The School Champion and the designated teacher" : null,
                        Areas = done ? [.. areas] : [],
                        Notes = done ? VisitNotes[i % VisitNotes.Length] : null,
                        ActionsAgreed = done ? "Actions updated on the plan; PEP dates checked against the term calendar." : null,
                        RecordedAt = done ? at : null,
                        RecordedByName = done ? "Achievement Coach" : null,
                    });
                }
            }
        }

        var authorities = new List<LocalAuthority>
        {
            new() { OldCode = KirkleesOld, NewCode = KirkleesNew, Name = "Kirklees" },
            new() { OldCode = CalderdaleOld, NewCode = CalderdaleNew, Name = "Calderdale" },
        };

        var secondary = trustSchools.Single(s => s.Urn == DemoData.SecondaryUrn);
        StaffMember Staff(School school, string staffRef) => school.Staff.Single(s => s.StaffRef == staffRef);
        var contacts = new List<SchoolCoachingContacts>
        {
            // The deputy head (pastoral) champions it; the assistant head for attendance is the designated teacher.
            new() { SchoolId = secondary.Id, ChampionId = Staff(secondary, "NA003").Id, DesignatedTeacherId = Staff(secondary, "NA005").Id },
        };
        foreach (var school in trustSchools.Where(s => s != secondary))
        {
            var head = school.Staff.Single(s => s.StaffRef.EndsWith("001", StringComparison.Ordinal));
            contacts.Add(new SchoolCoachingContacts { SchoolId = school.Id, ChampionId = head.Id, DesignatedTeacherId = head.Id });
        }

        StaffMember ById(School school, int? id) => school.Staff.Single(s => s.Id == id);
        var plans = trustSchools.Select(school =>
        {
            var c = contacts.Single(c => c.SchoolId == school.Id);
            return Plan(school, ById(school, c.ChampionId), ById(school, c.DesignatedTeacherId), visits, at);
        }).ToList();

        var pupils = new List<Pupil>();
        var attendance = new List<AttendanceRecord>();
        var peps = new List<Pep>();
        var serial = 0;
        foreach (var p in Pupils)
        {
            var school = trustSchools.Single(s => s.Urn == p.Urn);
            var entered = DateOnly.Parse(p.EnteredCare, System.Globalization.CultureInfo.InvariantCulture);
            var digits = $"{KirkleesOld}{p.Urn % 10000:0000}24{++serial:000}";
            var pupil = new Pupil
            {
                SchoolId = school.Id,
                Upn = Upn.CheckLetterFor(digits) + digits,
                FirstName = p.First,
                LastName = p.Last,
                DateOfBirth = new DateOnly(CurrentYear - 5 - YearNumber(p.Year), 3 + serial % 9, 1 + serial),
                YearGroup = p.Year,
                LaCode = p.La,
                EnteredCareOn = entered,
                CarerName = $"{CarerNames[serial % CarerNames.Length]} (foster carer)",
                CarerContact = "07700 900" + (100 + serial),
                SocialWorkerName = SocialWorkers[serial % SocialWorkers.Length],
                SocialWorkerContact = "01484 221000",
                Flags = [new PupilFlagPeriod { Flag = PupilFlag.LookedAfter, From = entered }, new PupilFlagPeriod { Flag = PupilFlag.PupilPremium, From = entered }],
                CreatedAt = at,
                UpdatedAt = at,
            };
            pupils.Add(pupil);
            attendance.AddRange(Attendance(pupil, p.Attendance, at));
            peps.AddRange(PepsOf(pupil, ById(school, contacts.Single(c => c.SchoolId == school.Id).DesignatedTeacherId), at));
        }

        // Northfield chose attendance before the coaching began, as an honest comparison needs.
        var impactPlans = trustSchools.Select(s => new ImpactPlan
        {
            SchoolId = s.Id,
            Measure = ImpactMeasure.Attendance,
            FirstYear = FirstYear,
            RegisteredAt = new DateTime(2025, 7, 10, 9, 0, 0, DateTimeKind.Utc),
            RegisteredByName = "Achievement Coach",
        }).ToList();

        var focusGroups = new List<FocusGroup>
        {
            new()
            {
                SchoolId = secondary.Id, HeldOn = new DateOnly(2026, 11, 12), Kind = FocusGroupKind.Pupils, Participants = 5,
                Themes = ["Being asked before a PEP meeting", "A trusted adult at break times", "Homework when moving placement"],
                Notes = "Pupils want to see their PEP targets in their own words.", RecordedAt = at, RecordedByName = "Achievement Coach",
            },
            new()
            {
                SchoolId = secondary.Id, HeldOn = new DateOnly(2026, 10, 8), Kind = FocusGroupKind.Carers, Participants = 4,
                Themes = ["Knowing who to call at school", "Reports that arrive after the meeting"], RecordedAt = at, RecordedByName = "Achievement Coach",
            },
        };

        return new Seed(authorities, caseloads, visits, contacts, plans, pupils, attendance, peps, impactPlans, References(at), focusGroups);
    }

    private static int YearNumber(string year) => int.Parse(year, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] VisitNotes =
    [
        "Walked the PEP tracker with the designated teacher: every child has a date for this term.",
        "Met the School Champion on governor reporting; looked-after children to be a standing item.",
        "Observed a Year 9 lesson with two of the children; seating and check-ins discussed after.",
        "Structured conversation with a foster carer and the child about mornings and lateness.",
        "Reviewed attendance since the last visit; two children below 90 % followed up with the virtual school.",
    ];

    private static readonly string[] CarerNames = ["Karen Ellis", "Mark and Jo Bentley", "Susan Ahmed", "Paul Greenwood", "Lorraine Shaw"];

    private static readonly string[] SocialWorkers = ["Dev Patel", "Nicola Barker", "Sam Oduya", "Fiona Hirst"];

    private static ActionPlan Plan(School school, StaffMember champion, StaffMember teacher, List<CoachingVisit> visits, DateTime at)
    {
        var firstVisit = visits.Where(v => v.SchoolId == school.Id && v.Year == CurrentYear && v.Status == VisitStatus.Done).OrderBy(v => v.Date).ToList();
        return new ActionPlan
        {
            SchoolId = school.Id,
            Year = CurrentYear,
            UpdatedAt = at,
            UpdatedByName = "Achievement Coach",
            Aims =
            [
                new() { Area = CoachingArea.Leadership, Text = "Governors and leaders know how each looked-after child is doing and act on it." },
                new() { Area = CoachingArea.TeachingAndLearning, Text = "Every teacher knows the children's PEP targets and plans for them." },
                new() { Area = CoachingArea.ParentCarerEngagement, Text = "Carers hear from school before a problem, not after." },
                new() { Area = CoachingArea.WiderOutcomes, Text = "Attendance of every looked-after child at or above 95 %; no suspensions." },
            ],
            Actions =
            [
                new() { Area = CoachingArea.Leadership, Description = "Looked-after children a standing item at every governors' meeting", OwnerId = champion.Id, DueOn = new DateOnly(2026, 10, 16), Status = PlanActionStatus.Done, Evidence = "Minutes of 14 October", UpdatedAt = at },
                new() { Area = CoachingArea.Leadership, Description = "Designated teacher's termly report to the SLT", OwnerId = teacher.Id, DueOn = new DateOnly(2026, 12, 18), Status = PlanActionStatus.InProgress, UpdatedAt = at },
                new() { Area = CoachingArea.TeachingAndLearning, Description = "PEP targets on each child's class profile", OwnerId = teacher.Id, DueOn = new DateOnly(2026, 11, 6), Status = PlanActionStatus.InProgress, UpdatedAt = at },
                new() { Area = CoachingArea.TeachingAndLearning, Description = "Staff training: attachment-aware classrooms", OwnerId = champion.Id, DueOn = new DateOnly(2027, 1, 5), Status = PlanActionStatus.NotStarted, UpdatedAt = at },
                new() { Area = CoachingArea.ParentCarerEngagement, Description = "A named contact and a half-termly call for every carer", OwnerId = teacher.Id, DueOn = new DateOnly(2026, 11, 20), Status = PlanActionStatus.NotStarted, UpdatedAt = at },
                new() { Area = CoachingArea.WiderOutcomes, Description = "Breakfast club places for children below 95 % attendance", OwnerId = champion.Id, DueOn = new DateOnly(2026, 9, 30), Status = PlanActionStatus.Done, Evidence = "Register of places, October", UpdatedAt = at },
                new() { Area = CoachingArea.WiderOutcomes, Description = "Mentoring for children at risk of suspension", OwnerId = teacher.Id, DueOn = new DateOnly(2026, 11, 27), Status = PlanActionStatus.InProgress, UpdatedAt = at },
            ],
            Reviews =
            [
                new() { Area = CoachingArea.Leadership, ReviewedOn = new DateOnly(2026, 10, 15), Status = Rag.Green, Note = "Governors now see the tracker each meeting.", Visit = firstVisit.ElementAtOrDefault(1), ReviewedByName = "Achievement Coach" },
                new() { Area = CoachingArea.TeachingAndLearning, ReviewedOn = new DateOnly(2026, 11, 19), Status = Rag.Amber, Note = "Profiles updated in English and maths only so far.", Visit = firstVisit.ElementAtOrDefault(2), ReviewedByName = "Achievement Coach" },
                new() { Area = CoachingArea.ParentCarerEngagement, ReviewedOn = new DateOnly(2026, 11, 19), Status = Rag.Red, Note = "Calls not yet started; carers' focus group asked for them.", Visit = firstVisit.ElementAtOrDefault(2), ReviewedByName = "Achievement Coach" },
                new() { Area = CoachingArea.WiderOutcomes, ReviewedOn = new DateOnly(2026, 11, 19), Status = Rag.Amber, Note = "Most children above 95 %; one falling, followed up with the virtual school.", Visit = firstVisit.ElementAtOrDefault(2), ReviewedByName = "Achievement Coach" },
            ],
        };
    }

    /// <summary>2024/25 as one period, 2025/26 by term, and this autumn's first half term, at the given rates.</summary>
    private static IEnumerable<AttendanceRecord> Attendance(Pupil pupil, int[] rates, DateTime at)
    {
        (DateOnly Start, DateOnly End, int Possible, int Rate)[] periods =
        [
            (new(2024, 9, 2), new(2025, 7, 18), 380, rates[0]),
            (new(2025, 9, 1), new(2025, 12, 19), 150, (rates[0] + 2 * rates[1]) / 3),
            (new(2026, 1, 5), new(2026, 3, 27), 114, rates[1]),
            (new(2026, 4, 13), new(2026, 7, 17), 124, (2 * rates[1] + rates[2]) / 3),
            (new(2026, 9, 2), new(2026, 10, 23), 74, rates[2]),
        ];
        foreach (var (start, end, possible, rate) in periods)
        {
            var attended = possible * rate / 100;
            var absent = possible - attended;
            yield return new AttendanceRecord
            {
                Pupil = pupil,
                PeriodStart = start,
                PeriodEnd = end,
                SessionsPossible = possible,
                SessionsAttended = attended,
                Authorised = absent - absent / 3,
                Unauthorised = absent / 3,
                ImportedAt = at,
            };
        }
    }

    /// <summary>A summer PEP and an autumn one with the child's views and SMART targets; the overdue child's last was in spring.</summary>
    private static IEnumerable<Pep> PepsOf(Pupil pupil, StaffMember designatedTeacher, DateTime at)
    {
        Pep Make(DateOnly on, string? views, DateOnly next) => new()
        {
            Pupil = pupil,
            MeetingOn = on,
            SocialWorker = pupil.SocialWorkerName!,
            DesignatedTeacher = designatedTeacher.FullName,
            Carer = pupil.CarerName!,
            ChildAttended = views is not null,
            CoachAttended = on.Month == 10,
            ChildViews = views,
            ChildViewsMissingReason = views is null ? "Not asked before the meeting; to be gathered by the key adult." : null,
            Needs = "Reading age below chronological age; anxious at transitions between lessons.",
            AttainmentAndProgress = "Working towards the expected standard in English; at it in maths.",
            Transition = TransitionKind.None,
            NextPepOn = next,
            RecordedAt = at,
            RecordedByName = designatedTeacher.FullName,
            Targets =
            [
                new() { Outcome = "Read aloud with an adult three times a week", Why = "Reading age 2 years behind", How = "Reading mentor sessions", Who = "Reading mentor", ByWhen = next, PupilPremiumPlusCost = 300m },
                new() { Outcome = "Attendance at 96 % or above this term", Why = "Missed mornings in the last term", How = "Breakfast club place", Who = "Carer and form tutor", ByWhen = next, PupilPremiumPlusCost = 150m },
                new() { Outcome = "Join one after-school club", Why = $"{pupil.FirstName} asked for it", How = "Club fees and transport", Who = "Designated teacher", ByWhen = next, PupilPremiumPlusCost = 120m },
            ],
        };

        if (pupil.FirstName == OverduePepPupil)
        {
            yield return Make(new DateOnly(2026, 3, 10), "I want to do my exams here and not move again.", new DateOnly(2026, 6, 16));
            yield break;
        }
        var summer = Make(new DateOnly(2026, 6, 16), $"I like it when Miss checks in with me in the morning. I want to be better at reading.", new DateOnly(2026, 10, 14));
        yield return summer;
        var autumn = Make(new DateOnly(2026, 10, 14),
            pupil.FirstName == NoVoicePupil ? null : "Football club is the best bit. I still get worried in corridors when it's loud.",
            new DateOnly(2027, 2, 3));
        foreach (var target in summer.Targets)
        {
            target.Achievement = target.Outcome.StartsWith("Join", StringComparison.Ordinal) ? TargetOutcome.Achieved : TargetOutcome.PartlyAchieved;
            target.Evaluation = target.Achievement == TargetOutcome.Achieved ? "Goes every week." : "Better, not there yet; carried forward.";
        }
        yield return autumn;
    }

    /// <summary>Illustrative figures in the published layout: looked-after children's absence, England and the two authorities.</summary>
    private static List<OutcomeReference> References(DateTime at)
    {
        var rows = new List<OutcomeReference>();
        void Add(int year, ReferenceLevel level, string code, string? old, string name, decimal? absence, decimal? persistent, string? symbol = null)
        {
            foreach (var (measure, value) in new[] { (OutcomeReferenceRow.OverallAbsence, absence), (OutcomeReferenceRow.PersistentAbsence, persistent) })
            {
                rows.Add(new OutcomeReference
                {
                    Year = year,
                    Level = level,
                    AreaCode = code,
                    OldLaCode = old,
                    AreaName = name,
                    SocialCareGroup = OutcomeReferenceRow.LookedAfterGroup,
                    Phase = OutcomeReferenceRow.TotalPhase,
                    Measure = measure,
                    Value = value,
                    Symbol = value is null ? symbol ?? "c" : null,
                    ImportedAt = at,
                });
            }
        }
        Add(2024, ReferenceLevel.National, OutcomeReferenceRow.EnglandCode, null, "England", 8.1m, 31.5m);
        Add(2025, ReferenceLevel.National, OutcomeReferenceRow.EnglandCode, null, "England", 7.9m, 30.2m);
        Add(2024, ReferenceLevel.LocalAuthority, KirkleesNew, KirkleesOld, "Kirklees", 8.6m, 33.0m);
        Add(2025, ReferenceLevel.LocalAuthority, KirkleesNew, KirkleesOld, "Kirklees", 8.3m, null);
        Add(2024, ReferenceLevel.LocalAuthority, CalderdaleNew, CalderdaleOld, "Calderdale", 7.7m, 29.8m);
        Add(2025, ReferenceLevel.LocalAuthority, CalderdaleNew, CalderdaleOld, "Calderdale", 7.5m, 28.9m);
        return rows;
    }
}
