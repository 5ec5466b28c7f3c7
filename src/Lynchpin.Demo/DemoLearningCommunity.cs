using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

/// <summary>
/// Northfield Academy's learning community (issue 18 items 2 and 5): two learning leads, the coaches most of its triads
/// name, and a triad facilitator, given by the head at the start of 2025/26. The default framework has no criterion on
/// questioning in maths, so the head of mathematics, known for her questioning, leads the nearest: sharing effective
/// practice (stage 4); the assistant head for behaviour leads the agreed routines (stage 2).
/// </summary>
internal static class DemoLearningCommunity
{
    private static readonly DateTime GivenAt = new(2025, 9, 8, 15, 40, 0, DateTimeKind.Utc);
    private const string GivenBy = "Rachel Whitfield";

    private static readonly (string Ref, LearningRoleKind Kind, int? Stage, string? Criterion)[] Roles =
    [
        ("NA011", LearningRoleKind.LearningLead, 4, "Shares effective practice with colleagues in the learning community"),
        ("NA005", LearningRoleKind.LearningLead, 2, "Follows the school's agreed routines every day"),
        ("NA004", LearningRoleKind.Coach, null, null),
        ("NA026", LearningRoleKind.Coach, null, null),
        ("NA034", LearningRoleKind.Coach, null, null),
        ("NA064", LearningRoleKind.Coach, null, null),
        ("NA003", LearningRoleKind.TriadFacilitator, null, null),
    ];

    public static List<LearningRole> Create(IReadOnlyList<StaffMember> northfield)
    {
        var byRef = northfield.ToDictionary(s => s.StaffRef);
        return Roles.Select(r => new LearningRole
        {
            SchoolId = byRef[r.Ref].SchoolId,
            StaffMemberId = byRef[r.Ref].Id,
            Kind = r.Kind,
            CriterionStage = r.Stage,
            CriterionText = r.Criterion,
            GivenAt = GivenAt,
            GivenByName = GivenBy,
        }).ToList();
    }
}
