namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A school's appraisal year: objectives agreed in the autumn, a mid-year review in the spring and a final
/// review in the summer, each with a due date. One per school and year.
/// </summary>
public class AppraisalCycle
{
    public const string SchoolYearUniqueIndexName = "ix_appraisal_cycles_school_id_year";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>The academic year by its start: 2025 is 2025/26.</summary>
    public int Year { get; set; }
    public DateOnly ObjectivesDue { get; set; }
    public DateOnly MidYearDue { get; set; }
    public DateOnly FinalDue { get; set; }
    public DateTime OpenedAt { get; set; }
    public required string OpenedByName { get; set; }
    /// <summary>When a leader closed the cycle: from then on it is read-only (<see cref="global::Lynchpin.Core.Appraisals.ClosedCycles"/>) until reopened.</summary>
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }
    public List<Appraisal> Appraisals { get; set; } = [];

    public bool IsClosed => ClosedAt is not null;

    public DateOnly DueDate(ReviewKind kind) => kind == ReviewKind.MidYear ? MidYearDue : FinalDue;
}

public enum ObjectivesStatus
{
    /// <summary>Being written; the appraiser may change them.</summary>
    Draft,
    /// <summary>The person has agreed them; changes need a reopen.</summary>
    Agreed,
    /// <summary>The person has recorded why they do not agree; the year goes on, and the appraiser may revise them.</summary>
    NotAgreed,
}

/// <summary>One person's appraisal in a cycle: their objectives and the reviews of them. Teaching and support staff alike.</summary>
public class Appraisal
{
    public const int ReasonMaxLength = 2000;
    public const string CycleStaffUniqueIndexName = "ix_appraisals_cycle_id_staff_member_id";

    public int Id { get; set; }
    public int CycleId { get; set; }
    public AppraisalCycle Cycle { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    /// <summary>The line manager when the cycle opened, unless reassigned; a head without one has none until assigned.</summary>
    public int? AppraiserId { get; set; }
    public StaffMember? Appraiser { get; set; }
    /// <summary>Someone above the appraiser in line management who oversees the appraisal.</summary>
    public int? ReviewerId { get; set; }
    public StaffMember? Reviewer { get; set; }

    public ObjectivesStatus ObjectivesStatus { get; set; } = ObjectivesStatus.Draft;
    public DateTime? AgreedAt { get; set; }
    public string? NotAgreedReason { get; set; }
    /// <summary>The last time agreed objectives were reopened for change, by whom and why; shown to the person.</summary>
    public DateTime? ObjectivesReopenedAt { get; set; }
    public string? ObjectivesReopenedByName { get; set; }
    public string? ObjectivesReopenReason { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<Objective> Objectives { get; set; } = [];
    public List<AppraisalReview> Reviews { get; set; } = [];
}

public enum ObjectiveType
{
    PupilProgress,
    ProfessionalDevelopment,
    SchoolPriority,
    RoleSpecific,
}

public class Objective : IRevised
{
    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public const int TitleMaxLength = 200;
    public const int SuccessCriteriaMaxLength = 2000;
    public const int ShortTextMaxLength = 200;

    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public Appraisal Appraisal { get; set; } = null!;
    public required string Title { get; set; }
    public required string SuccessCriteria { get; set; }
    public ObjectiveType Type { get; set; }
    /// <summary>The school priority it serves, in the school's words.</summary>
    public string? SchoolPriority { get; set; }
    /// <summary>The pupils it is about, e.g. "Year 7 reading intervention group".</summary>
    public string? PupilGroup { get; set; }
    /// <summary>What is measured, e.g. "reading age", "attendance %", "lessons lost".</summary>
    public string? Measure { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }
    public int SortOrder { get; set; }
    public SupportPlan? SupportPlan { get; set; }
}

/// <summary>Help for an objective at risk or off track: actions, a coach and a date to look again. Developmental, never capability.</summary>
public class SupportPlan
{
    public const int ActionsMaxLength = 2000;

    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public Objective Objective { get; set; } = null!;
    public required string Actions { get; set; }
    public int? CoachId { get; set; }
    public StaffMember? Coach { get; set; }
    public DateOnly ReviewBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
}

public enum ReviewKind
{
    MidYear,
    Final,
}

/// <summary>
/// A mid-year or final review. Signed by both, it is locked; a reopen adds a new current version that copies it,
/// and the locked one stays as history.
/// </summary>
public class AppraisalReview : IRevised
{
    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public const int CommentsMaxLength = 4000;
    public const int NameMaxLength = 256;
    public const string CurrentUniqueIndexName = "ix_appraisal_reviews_current";

    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public Appraisal Appraisal { get; set; } = null!;
    public ReviewKind Kind { get; set; }
    /// <summary>1 for the first, then 2, 3… for each reopen.</summary>
    public int Version { get; set; } = 1;
    public bool IsCurrent { get; set; } = true;
    public string? AppraiserComments { get; set; }
    public string? AppraiseeComments { get; set; }
    /// <summary>The appraiser's overall view (final review).</summary>
    public string? OverallComments { get; set; }
    /// <summary>The person's own reflection (final review).</summary>
    public string? Reflection { get; set; }
    public DateTime? AppraiserSignedAt { get; set; }
    public string? AppraiserSignedByName { get; set; }
    public DateTime? AppraiseeSignedAt { get; set; }
    /// <summary>The <see cref="Revision"/> of the text each signer saw when they signed: a signature on a stale page is refused.</summary>
    public int? AppraiserSignedRevision { get; set; }
    public int? AppraiseeSignedRevision { get; set; }
    /// <summary>Set on the version that replaced a locked one.</summary>
    public DateTime? ReopenedAt { get; set; }
    public string? ReopenedByName { get; set; }
    public string? ReopenReason { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<ObjectiveRating> Ratings { get; set; } = [];
    public List<Evidence> Evidence { get; set; } = [];

    public bool IsLocked => AppraiserSignedAt is not null && AppraiseeSignedAt is not null;
}

/// <summary>Mid-year ratings are the first three, final ratings the last three.</summary>
public enum Rating
{
    OnTrack,
    AtRisk,
    OffTrack,
    Met,
    PartlyMet,
    NotMet,
}

public class ObjectiveRating
{
    public const int CommentMaxLength = 2000;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public AppraisalReview Review { get; set; } = null!;
    public int ObjectiveId { get; set; }
    public Objective Objective { get; set; } = null!;
    public Rating Rating { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A file (stored outside the web root under a random name) or a link, for a review and optionally one objective.</summary>
public class Evidence
{
    public const int FileNameMaxLength = 255;
    public const int LinkMaxLength = 2000;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public AppraisalReview Review { get; set; } = null!;
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    /// <summary>The name the file had when uploaded: shown, never used as a path.</summary>
    public string? FileName { get; set; }
    public string? StoredName { get; set; }
    public string? ContentType { get; set; }
    public long? Length { get; set; }
    public string? Link { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedByName { get; set; }
}

/// <summary>
/// The bytes of an evidence file (review evidence, a qualification's certificate) when kept in the database, the default,
/// so that one database backup holds everything. Addressed by the random stored name the records carry.
/// </summary>
public class EvidenceFile
{
    public string StoredName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime StoredAt { get; set; }
}

/// <summary>
/// A recommendation on pay following the final review. Kept apart from the review so that loading a review never
/// brings it along: it is read only through <c>PayRecommendations</c>, which audits every read.
/// </summary>
public class PayRecommendation
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public Appraisal Appraisal { get; set; } = null!;
    public required string Text { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
}
