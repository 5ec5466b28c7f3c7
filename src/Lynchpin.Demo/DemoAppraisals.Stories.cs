using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

// The people the story is about: hand-written goals, concerns with support plans, unsigned and reopened reviews, pay.
internal static partial class DemoAppraisals
{
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
        // The assistant head for KS4 and data: a group and measure the performance tables publish, so her appraisal shows the figure.
        [("NA006", 2025)] = new("Progress 8 of disadvantaged pupils", "disadvantaged pupils in Year 11", "Progress 8", "-0.30", "-0.15",
            "From the summer results, checked against the provisional performance tables in October.", Priority: "Progress of disadvantaged pupils"),
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
}
