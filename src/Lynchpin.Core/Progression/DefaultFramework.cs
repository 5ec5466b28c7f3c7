namespace Lynchpin.Core.Progression;

/// <summary>The stages and criteria a school starts from, before it writes its own or its trust does.</summary>
public static class DefaultFramework
{
    public record Stage(int Number, string Name, string Descriptor, IReadOnlyList<(RoleFamily? Family, string Text)> Criteria);

    public static readonly IReadOnlyList<Stage> Stages =
    [
        new(0, "Not yet through the mandatory requirements",
            "New to the school or the role; the school has not yet assured itself that the mandatory aspects of the role are met.",
            []),
        new(1, "Mandatory requirements met",
            "Safeguarding, health and safety and the statutory duties of the role are met and the school has checked them.",
            [
                (null, "Completed the school's safeguarding training and knows how to report a concern"),
                (null, "Completed health and safety induction, including fire and first-aid procedures"),
                (RoleFamily.Teaching, "Meets the Teachers' Standards part two: personal and professional conduct"),
                (RoleFamily.LearningSupport, "Follows pupils' support plans and the school's behaviour policy in class"),
                (RoleFamily.Pastoral, "Keeps attendance and welfare records to the school's standard"),
                (RoleFamily.Inclusion, "Knows the statutory duties for pupils with SEND and looked-after children"),
                (RoleFamily.Business, "Follows financial regulations and data protection law in every transaction"),
                (RoleFamily.Administration, "Handles pupil and staff data in line with data protection law"),
                (RoleFamily.Site, "Holds current certificates for the equipment and chemicals used (e.g. COSHH)"),
                (RoleFamily.Site, "Carries out statutory site checks: fire alarm tests, water temperatures, legionella"),
                (RoleFamily.Community, "Applies safeguarding procedures to families and community users of the site"),
                (RoleFamily.Technical, "Follows the school's IT security and laboratory safety procedures"),
            ]),
        new(2, "Non-negotiables met",
            "Meets the school's own expectations consistently: its agreed routines, relationships and ways of working.",
            [
                (null, "Follows the school's agreed routines every day"),
                (null, "Models the school's expectations of conduct with pupils, families and colleagues"),
                (RoleFamily.Teaching, "Every lesson follows the school's agreed lesson structure"),
                (RoleFamily.LearningSupport, "Plans with the class teacher and feeds back on pupils' learning after each session"),
                (RoleFamily.Pastoral, "Talks with pupils about their learning, not only their behaviour"),
                (RoleFamily.Site, "Keeps learning spaces ready for lessons before the day starts"),
            ]),
        new(3, "Establishing",
            "Secure in the role; beginning to contribute to colleagues' learning through the school's learning community.",
            [
                (null, "Uses feedback from coaching conversations to improve practice"),
                (RoleFamily.LearningSupport, "Leads an intervention group with measured progress"),
            ]),
        new(4, "Consolidating",
            "Consistently good practice that improves pupils' learning; shares practice with others.",
            [
                (null, "Shares effective practice with colleagues in the learning community"),
            ]),
        new(5, "Outstanding",
            "Practice the school holds up as its best; coaches or mentors others.",
            [
                (null, "Coaches or mentors a colleague, with evidence of the colleague's progress"),
            ]),
        new(6, "Beyond outstanding",
            "Takes performance beyond the school's agreed practice and leads others to do the same.",
            [
                (null, "Has developed practice the school has adopted beyond its agreed way of working"),
            ]),
    ];

    /// <summary>A framework to store for a school or trust that wants to edit the default.</summary>
    public static ProgressionFramework Create() => new()
    {
        Stages = Stages.Select(s => new ProgressionStage
        {
            Number = s.Number,
            Name = s.Name,
            Descriptor = s.Descriptor,
            // Never stored, so never given an id by the database: a negative one of its own lets forms address a criterion
            // by id here too (the first edit copies it, see FrameworkEditor).
            Criteria = s.Criteria.Select((c, i) => new StageCriterion { Id = -(s.Number * 1000 + i + 1), RoleFamily = c.Family, Text = c.Text, SortOrder = i }).ToList(),
        }).ToList(),
    };
}
