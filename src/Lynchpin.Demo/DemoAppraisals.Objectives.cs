using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

// Each person's objectives: the whole-school priority, the pupil-progress goal, a development and a role objective.
internal static partial class DemoAppraisals
{
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
}
