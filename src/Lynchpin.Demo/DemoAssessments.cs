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
internal static class DemoAssessments
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

    private static readonly IReadOnlyDictionary<int, SchoolPlan> Plans = new Dictionary<int, SchoolPlan>
    {
        [DemoData.SecondaryUrn] = new(2023, 147, -0.35, 0.08, 0.012,
            new Dictionary<string, int[]>
            {
                // The head and the deputy (DSL) lead beyond the school's practice; the head of humanities gets there in 2024,
                // the senior HLTA in the spring of 2025.
                ["NA001"] = [6],
                ["NA003"] = [6],
                ["NA013"] = [5, 5, 5, 5, 5, 5, 6, 6],
                ["NA064"] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6],
                // The demo teaching assistant: leads the Year 7 reading group from the spring of 2025/26 and moves up (see her reflections).
                ["NA063"] = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4],
                // The ten who left in the summer of 2025: experienced, mostly at 4-6 (2023 and 2024, four checkpoints each).
                ["NA108"] = [5, 5, 5, 6, 6, 6, 6, 6],
                ["NA109"] = [5, 5, 5, 5, 5, 5, 5, 5],
                ["NA110"] = [4, 4, 5, 5, 5, 5, 5, 5],
                ["NA111"] = [4, 4, 4, 4, 4, 5, 5, 5],
                ["NA112"] = [6, 6, 6, 6, 6, 6, 6, 6],
                ["NA113"] = [5, 5, 5, 5, 5, 5, 5, 5],
                ["NA114"] = [4, 4, 4, 5, 5, 5, 5, 5],
                ["NA115"] = [4, 4, 4, 4, 4, 4, 5, 5],
                ["NA116"] = [3, 3, 4, 4, 4, 4, 4, 4],
                ["NA117"] = [5, 5, 5, 5, 5, 5, 5, 5],
                // The ten who replaced them (2025 checkpoints 1-4, then 2026's first): through the mandatory requirements
                // by the end of autumn, all but two through the non-negotiables; those two in the spring.
                ["NA024"] = [0, 2, 2, 3, 3],
                ["NA032"] = [0, 2, 2, 2, 3],
                ["NA033"] = [0, 2, 3, 4, 4],
                ["NA040"] = [0, 2, 3, 3, 3],
                ["NA041"] = [0, 1, 2, 2, 2],
                ["NA045"] = [0, 2, 2, 3, 3],
                ["NA049"] = [0, 2, 3, 3, 4],
                ["NA069"] = [0, 2, 2, 3, 3],
                ["NA073"] = [0, 1, 2, 2, 3],
                ["NA080"] = [0, 2, 3, 3, 3],
                // Earlier and later starters.
                ["NA058"] = [0, 2, 2, 3, 3, 3, 3, 4],
                ["NA104"] = [1, 2, 2, 2, 3, 3, 3, 3],
                ["NA106"] = [1, 2, 2, 2, 3, 3],
                ["NA062"] = [0],
            },
            ["NA001", "NA003", "NA013", "NA064", "NA108", "NA112"],
            // On maternity leave and on long-term sick leave since before the first checkpoint of 2026.
            ["NA029", "NA097"]),

        [DemoData.PrimaryUrn] = new(2024, 149, 0.5, 0.06, 0.01,
            new Dictionary<string, int[]>
            {
                ["BP001"] = [6],
                ["BP013"] = [6],
                ["BP009"] = [5, 5, 5, 6],
                ["BP012"] = [2, 3, 3, 3],
                ["BP019"] = [0, 2, 3, 3, 3],
                ["BP027"] = [2, 2, 3, 3],
            },
            ["BP001", "BP009", "BP013"],
            []),

        [DemoData.SpecialUrn] = new(2024, 150, -0.6, 0.14, 0.01,
            new Dictionary<string, int[]>
            {
                ["WB017"] = [5, 5, 5, 5, 5, 5, 6, 6],
                ["WB010"] = [0, 2, 2, 3, 3, 3, 3, 4],
                ["WB028"] = [0, 1, 2, 2, 2, 3, 3, 3],
                ["WB031"] = [1, 2, 2, 2, 3, 3],
            },
            ["WB017"],
            ["WB025"]),
    };

    private static readonly Correction[] Corrections =
    [
        new("NA063", 2025, 3, -1, "Corrected: the reading intervention results came in after the first entry and show the group's reading ages up by nine months on average."),
        new("NA045", 2025, 2, -1, "Corrected: the fire safety induction was completed in November and is on file; the mandatory stage was recorded in error."),
        new("NA022", 2024, 4, +1, "Corrected after moderation with the assistant head for teaching and learning: coaching a colleague starts next term, so the next stage is not yet met.", By: "NA004"),
        new("NA090", 2026, 1, -1, "Corrected: the wrong stage was selected when this was first recorded."),
        new("BP016", 2024, 3, -1, "Corrected: the phonics assessment results arrived after the first entry."),
        new("WB024", 2025, 2, +1, "Corrected after trust moderation: leading the intervention group is planned but has not started yet.", By: "WB003"),
    ];

    private static readonly (string Ref, int Year, int Checkpoint, string Text)[] Reflections =
    [
        ("NA024", 2025, 1, "A fair start. The safeguarding and first-aid sessions are done and I'm waiting on the last induction sign-off. Laura has been great at explaining how the department does things."),
        ("NA024", 2025, 2, "Glad to have the routines secure with all my classes. Next I want to work on questioning with my Year 10 group."),
        ("NA041", 2025, 2, "I agree the lesson starts aren't consistent yet, especially after lunch. Nathan is going to watch two lessons and we'll plan the entry routine together."),
        ("NA041", 2025, 3, "The routines are working now. The feedback from drop-ins helped more than I expected."),
        ("NA073", 2025, 2, "Covering a different class every lesson makes the routines harder, but I can see why they matter. Lorraine has given me her checklist."),
        ("NA063", 2025, 2, "I'd like to lead the Year 7 reading group next term. Janet has offered to let me shadow her sessions first."),
        ("NA063", 2025, 4, "Leading the reading group has been the best part of the year. I'd like to train in precision teaching next."),
        ("NA064", 2025, 3, "It's good to see the intervention model used across the trust. Tanya and I are planning joint training for September."),
        ("NA033", 2025, 3, "Coming from another school, the non-negotiables took a few weeks to learn, but the coaching has helped me bring what I did before into how we teach here."),
        ("NA020", 2024, 4, "Happy with the year. I'd like to run a session for the department on the retrieval quizzes next year."),
        ("NA095", 2025, 4, "I've taken on the legionella checks and the log is up to date. I'd like to do the next level of the premises course."),
        ("NA076", 2025, 2, "Attendance for my year group is up since we started the morning calls. I'd like to share how we do it at the pastoral briefing."),
        ("BP014", 2025, 4, "Reception has been a big year. I'd like more time planning with Holly before each half term."),
        ("WB023", 2025, 3, "The signing training has made a real difference with my class. I'd like to help run it for the new TAs."),
        ("WB010", 2024, 2, "A steep first term. The sensory curriculum is new to me and Simon's support has been invaluable."),
    ];

    private static readonly string[] DownReasons =
    [
        "a difficult term with a challenging group; a support plan is agreed and reviewed every fortnight.",
        "a long absence this term; reassessed on return and a phased plan agreed.",
        "new responsibilities this term and some of the agreed routines have slipped; coaching focus agreed.",
        "agreed routines not consistent in the drop-ins this term; a coaching cycle has started.",
    ];

    /// <summary>Short evidence notes by the kind of role and the stage reached.</summary>
    private static readonly IReadOnlyDictionary<NoteGroup, string[][]> NotePools = new Dictionary<NoteGroup, string[][]>
    {
        [NoteGroup.Teaching] =
        [
            [
                "New to the school this term. Safeguarding induction done; the induction checklist and the checks on professional conduct still to be signed off.",
                "Joined in September. DBS, references and safeguarding training checked; health and safety induction and the fire walk-through still to complete.",
                "First six weeks: mandatory training under way. Not yet seen against part two of the Teachers' Standards.",
            ],
            [
                "All mandatory requirements assured. Entry routine and seating plans not yet consistent in every lesson: the focus for next half term.",
                "Mandatory checks signed off. Still learning the school's behaviour routines; the agreed lesson start is not there yet with Year 9.",
            ],
            [
                "Meets the non-negotiables: lessons follow the agreed structure, routines are consistent and homework is set on time.",
                "Non-negotiables secure across all classes seen in drop-ins. Next step: act on coaching feedback about questioning.",
                "Routines now consistent. Ready to work with a coach on adaptive teaching for the lower sets.",
            ],
            [
                "Secure in the role. Has used coaching feedback to tighten retrieval practice at the start of lessons.",
                "Establishing well: took part in the learning community's work on modelling and tried it with Year 8.",
                "Planning and feedback are reliable; acting on coaching about checking for understanding before independent work.",
                "Good progress with the Key Stage 4 groups; next step is to share the revision approach with the department.",
            ],
            [
                "Consistently good practice. Shared an approach to live marking at the department meeting.",
                "Consolidating: pupils' books show strong progress over the term; ran a CPD session on questioning.",
                "Reliable, good teaching across the key stages; opened lessons to colleagues in the learning community.",
                "Assessment data and book looks both show good progress. Supports the department with moderation.",
            ],
            [
                "Practice the school holds up as its best. Coaches an early career teacher whose lessons have improved markedly since September.",
                "Outstanding: lessons used as the model for the trust's training day; mentors a colleague in the department.",
                "Coaches two colleagues; the coaching log shows both have moved on.",
                "Consistently outstanding outcomes; leads the department's work on curriculum sequencing.",
            ],
            [
                "Beyond outstanding: developed the school's approach to retrieval practice, now adopted in every department.",
                "Leads the learning community's work on feedback; the approach goes beyond our agreed practice and other schools in the trust are taking it up.",
                "Leads others to go beyond the school's agreed practice; the trust's training lead this year.",
            ],
        ],
        [NoteGroup.PupilSupport] =
        [
            [
                "New this term. Safeguarding training done; moving and handling and the pupils' support plans still to be signed off.",
                "First weeks in post: DBS and references checked, first-aid training booked for next month.",
            ],
            [
                "Mandatory training complete. Still getting to know the behaviour policy in practice; sometimes steps back when a pupil refuses work.",
                "Mandatory requirements met. Not yet planning with the class teacher ahead of lessons.",
            ],
            [
                "Meets the non-negotiables: plans with the class teacher and feeds back after each session.",
                "Follows the agreed routines consistently; pupils respond well to the calm approach.",
                "Non-negotiables met. Next step is to lead a small group with the coach's support.",
            ],
            [
                "Leads a reading intervention group; the group's reading ages are up over the term.",
                "Uses coaching feedback well; now adapts resources for pupils with EHC plans without being asked.",
                "Secure in the role; runs the lunchtime nurture club with clear records of pupils' progress.",
                "Keeps careful records of the target group and acts on what they show.",
            ],
            [
                "Consistently strong; trained two colleagues in precision teaching.",
                "Intervention outcomes are among the best in the school; shares resources across the team.",
                "Attendance of the target group improved over the term; shared the approach at the pastoral briefing.",
                "Reliable, skilled support for pupils with complex needs; other staff ask for advice.",
            ],
            [
                "Mentors the new teaching assistants; their practice has improved visibly.",
                "Outstanding work with pupils with complex needs; coaches a colleague through the level 3 qualification.",
                "The school's model for work with families; coaches a colleague in another school of the trust.",
            ],
            [
                "Developed the school's approach to emotional regulation, now used beyond our agreed practice across the trust.",
                "Leads the support staff's learning community; other schools in the trust have adopted the intervention model.",
            ],
        ],
        [NoteGroup.Operations] =
        [
            [
                "New this term. Safeguarding and data protection training done; the role's statutory checks still to be signed off.",
                "Induction under way; COSHH and lone working training booked.",
            ],
            [
                "Mandatory requirements met, including data protection and safeguarding. Still learning how the school speaks with families on the phone.",
                "All statutory training in date. Not yet following the agreed morning routine every day.",
            ],
            [
                "Meets the school's expectations consistently; reliable and courteous with staff, families and visitors.",
                "Non-negotiables met: the agreed daily routines are followed without reminders.",
                "Follows the agreed ways of working; ready to take on more with a coach's support.",
            ],
            [
                "Secure in the role; acted on feedback and streamlined the visitor sign-in process.",
                "Establishing well: took on the termly statutory checks and logged every one on time.",
                "Uses coaching well; has suggested improvements to how cover requests are handled.",
                "Dependable; acts on feedback from the coaching conversations.",
            ],
            [
                "Consistently good; shares practice with the office teams of the other schools.",
                "Reliable and improving the service: helpdesk response times have halved this term.",
                "Trains colleagues on the finance system; the year end closed without queries.",
                "Keeps the site ready for lessons every morning and shares the checklist with the other sites.",
            ],
            [
                "The standard others work to; mentors a new colleague in the team.",
                "Outstanding: the audit found no issues and other schools in the trust asked to borrow the process.",
                "Coaches the site team of another school in the trust.",
            ],
            [
                "Has taken the service beyond our agreed practice: the new approach is now used across the trust.",
                "Leads improvements across the trust's schools, not only ours.",
            ],
        ],
    };
}
