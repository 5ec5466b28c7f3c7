namespace Lynchpin.Demo;

// Each school's plan, and the hand-written corrections, reflections and notes the assessments draw on.
internal static partial class DemoAssessments
{
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
