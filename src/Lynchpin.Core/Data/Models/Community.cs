namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A professional conversation within a learning triad: the person, their line manager and their coach or mentor.
/// It keeps the person's learning journey on track (step 13). What was said is private to the triad; leaders see
/// counts and dates only.
/// </summary>
public class ProfessionalConversation : IRevised
{
    public const int FocusMaxLength = 300;
    public const int TextMaxLength = 2000;

    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public int Id { get; set; }
    /// <summary>The person whose journey it is.</summary>
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public DateOnly HeldOn { get; set; }

    /// <summary>The line manager who took part, if one did (the person's line manager may since have changed).</summary>
    public int? LineManagerId { get; set; }
    public StaffMember? LineManager { get; set; }
    /// <summary>The coach or mentor who took part, if one did.</summary>
    public int? CoachId { get; set; }
    public StaffMember? Coach { get; set; }

    /// <summary>The focus: a criterion of the person's stage, an appraisal objective, or the triad's own words.</summary>
    public int? CriterionId { get; set; }
    public StageCriterion? Criterion { get; set; }
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public string? Focus { get; set; }

    public required string Agreed { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? NextStepBy { get; set; }

    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}
