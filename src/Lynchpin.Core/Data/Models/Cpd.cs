namespace Lynchpin.Core.Data.Models;

public enum CpdKind
{
    Course,
    Inset,
    Coaching,
    PeerObservation,
    SchoolVisit,
    Reading,
    QualificationStudy,
    Conference,
}

/// <summary>
/// Something people did to develop: a course, an INSET day, a visit… One activity may have many people (a group records
/// everyone in one step); each attendance has that person's hours and cost.
/// </summary>
public class CpdActivity
{
    public const int RefMaxLength = 50;
    public const int TitleMaxLength = 200;
    public const int ProviderMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const string RefUniqueIndexName = "ix_cpd_activities_school_id_ref";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>The school's own reference (the import's <c>activity_ref</c>), unique within the school when given.</summary>
    public string? Ref { get; set; }
    public required string Title { get; set; }
    public CpdKind Kind { get; set; }
    public string? Provider { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string? Description { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
    public List<CpdAttendance> Attendances { get; set; } = [];
}

/// <summary>One person at an activity, with their hours and cost and what it was for.</summary>
public class CpdAttendance
{
    public const string ActivityPersonUniqueIndexName = "ix_cpd_attendances_activity_id_staff_member_id";

    public int Id { get; set; }
    public int ActivityId { get; set; }
    public CpdActivity Activity { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public decimal Hours { get; set; }
    public decimal Cost { get; set; }
    /// <summary>The appraisal objective it serves, if any.</summary>
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    /// <summary>The standard it develops, as set and standard code.</summary>
    public string? StandardSetCode { get; set; }
    public string? StandardCode { get; set; }
    /// <summary>The progression criterion it works towards, as worded when linked.</summary>
    public string? CriterionText { get; set; }
    public CpdEvaluation? Evaluation { get; set; }
}

/// <summary>Where a request is: the line manager decides, then (if it costs anything) the budget holder.</summary>
public enum CpdRequestStatus
{
    WithLineManager,
    WithBudgetHolder,
    Approved,
    Declined,
    Withdrawn,
    /// <summary>Approved and then recorded as an activity: its cost is now spend, no longer a commitment.</summary>
    Recorded,
}

/// <summary>A person asks to do some CPD; the line manager approves, then the budget holder approves the cost.</summary>
public class CpdRequest
{
    public const int ReasonMaxLength = 2000;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string Title { get; set; }
    public CpdKind Kind { get; set; }
    public string? Provider { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public decimal Hours { get; set; }
    public decimal Cost { get; set; }
    /// <summary>Why: what the person wants to learn and how it helps pupils.</summary>
    public required string Reason { get; set; }
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public CpdRequestStatus Status { get; set; } = CpdRequestStatus.WithLineManager;
    public DateTime RequestedAt { get; set; }
    public string? LineManagerName { get; set; }
    public DateTime? LineManagerDecidedAt { get; set; }
    public string? BudgetHolderName { get; set; }
    public DateTime? BudgetDecidedAt { get; set; }
    /// <summary>Why it was declined (shown to the person).</summary>
    public string? DeclinedReason { get; set; }
    /// <summary>The activity it became, once recorded.</summary>
    public int? ActivityId { get; set; }
    public CpdActivity? Activity { get; set; }
}

/// <summary>A school's CPD budget for a year, and who holds it (approves costs).</summary>
public class CpdBudget
{
    public const string SchoolYearUniqueIndexName = "ix_cpd_budgets_school_id_year";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>The academic year by its start: 2025 is 2025/26.</summary>
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public int? BudgetHolderId { get; set; }
    public StaffMember? BudgetHolder { get; set; }
}

/// <summary>How far an activity made a difference, at one of the levels schools use.</summary>
public enum ImpactRating
{
    None,
    Little,
    Some,
    Strong,
}

/// <summary>
/// A person's evaluation of an activity some weeks after it, at four levels (reaction, learning, use in practice,
/// effect on pupils), and their line manager's view.
/// </summary>
public class CpdEvaluation
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int AttendanceId { get; set; }
    public CpdAttendance Attendance { get; set; } = null!;
    public ImpactRating Reaction { get; set; }
    public ImpactRating Learning { get; set; }
    public ImpactRating UseInPractice { get; set; }
    public ImpactRating EffectOnPupils { get; set; }
    /// <summary>In the person's words: what changed, with an example.</summary>
    public required string Comment { get; set; }
    public DateOnly EvaluatedOn { get; set; }
    public string? LineManagerView { get; set; }
    public string? LineManagerName { get; set; }
    public DateOnly? LineManagerViewOn { get; set; }
}
