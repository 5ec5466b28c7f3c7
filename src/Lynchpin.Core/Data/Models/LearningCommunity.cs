namespace Lynchpin.Core.Data.Models;

/// <summary>A role in a school's learning community; who holds one is decided by performance (the stage each expects).</summary>
public enum LearningRoleKind
{
    Coach,
    /// <summary>Has agreed to share one criterion of a role family's stage with colleagues.</summary>
    LearningLead,
    TriadFacilitator,
}

/// <summary>
/// A role a leader gave a person in their school's learning community. A learning lead's role names the criterion they
/// share by its stage, role family (null: everyone's) and wording, as assessments record criteria met by their wording.
/// </summary>
public class LearningRole
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public LearningRoleKind Kind { get; set; }

    public int? CriterionStage { get; set; }
    public RoleFamily? CriterionRoleFamily { get; set; }
    public string? CriterionText { get; set; }

    public DateTime GivenAt { get; set; }
    public required string GivenByName { get; set; }
}

/// <summary>The stage a school expects of each learning-community role (one row per school; the defaults when none).</summary>
public class LearningRoleSettings
{
    public const int DefaultCoachStage = 4;
    public const int DefaultFacilitatorStage = 4;
    /// <summary>A learning lead is expected to be this many stages above the criterion they share.</summary>
    public const int DefaultLeadStagesAbove = 1;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int CoachStage { get; set; } = DefaultCoachStage;
    public int FacilitatorStage { get; set; } = DefaultFacilitatorStage;
    public int LeadStagesAbove { get; set; } = DefaultLeadStagesAbove;

    /// <summary>The stage a role expects: a learning lead's depends on the stage of their criterion.</summary>
    public int ExpectedStage(LearningRole role) => role.Kind switch
    {
        LearningRoleKind.Coach => CoachStage,
        LearningRoleKind.TriadFacilitator => FacilitatorStage,
        _ => Math.Min(ProgressionStage.Highest, (role.CriterionStage ?? 0) + LeadStagesAbove),
    };
}
