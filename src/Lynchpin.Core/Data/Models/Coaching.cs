using Lynchpin.Core.Coaching;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A school in an achievement coach's caseload for one school year. The coach reads that school's vulnerable pupils
/// while the year is current; earlier years are kept as history.
/// </summary>
public class CaseloadSchool
{
    public const int DefaultPlannedVisits = 12;
    public const int MinPlannedVisits = 1;
    public const int MaxPlannedVisits = 40;

    public int Id { get; set; }
    public required string CoachUserId { get; set; }
    public AppUser Coach { get; set; } = null!;
    /// <summary>The school year by its start (2025 is 2025/26).</summary>
    public int Year { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>Visits planned for the year; coaches visit 12 to 18 times.</summary>
    public int PlannedVisits { get; set; } = DefaultPlannedVisits;
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// Who leads the work on looked-after children in a school: its designated teacher (a duty in law) and its School
/// Champion, a member of the senior leadership team who works with the coach. One row per school.
/// </summary>
public class SchoolCoachingContacts
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int? DesignatedTeacherId { get; set; }
    public StaffMember? DesignatedTeacher { get; set; }
    /// <summary>Must be on the SLT when named.</summary>
    public int? ChampionId { get; set; }
    public StaffMember? Champion { get; set; }
}

public enum VisitStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>A coach's visit to a school: planned, then recorded with who they met, the areas worked on and what was agreed.</summary>
public class CoachingVisit
{
    public const int TextMaxLength = 4000;
    public const int WhoMetMaxLength = 500;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public required string CoachUserId { get; set; }
    public AppUser Coach { get; set; } = null!;
    public int Year { get; set; }
    public DateOnly Date { get; set; }
    public VisitStatus Status { get; set; }
    public string? WhoMet { get; set; }
    public List<CoachingArea> Areas { get; set; } = [];
    public string? Notes { get; set; }
    public string? ActionsAgreed { get; set; }
    public DateOnly? NextVisitOn { get; set; }
    public DateTime? RecordedAt { get; set; }
    public string? RecordedByName { get; set; }
}

/// <summary>A school's action plan for a year in the four areas: aims, actions, and reviews at visits.</summary>
public class ActionPlan
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int Year { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    public List<ActionPlanAim> Aims { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];
    public List<PlanReview> Reviews { get; set; } = [];
}

/// <summary>What the school aims for in one area.</summary>
public class ActionPlanAim
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan Plan { get; set; } = null!;
    public CoachingArea Area { get; set; }
    public required string Text { get; set; }
}

public enum PlanActionStatus
{
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

/// <summary>An action in a plan's area: what, who on the school's staff owns it, by when, how it stands, and the evidence.</summary>
public class PlanAction
{
    public const int DescriptionMaxLength = 1000;
    public const int EvidenceMaxLength = 2000;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan Plan { get; set; } = null!;
    public CoachingArea Area { get; set; }
    public required string Description { get; set; }
    public int? OwnerId { get; set; }
    public StaffMember? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public PlanActionStatus Status { get; set; }
    public string? Evidence { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    /// <summary>Open and past its due date.</summary>
    public bool IsOverdue(DateOnly today) => Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress && DueOn < today;
}

/// <summary>A dated review of one area of the plan, usually at a visit, with a red/amber/green status.</summary>
public class PlanReview
{
    public const int NoteMaxLength = 2000;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan Plan { get; set; } = null!;
    public CoachingArea Area { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public Rag Status { get; set; }
    public required string Note { get; set; }
    public int? VisitId { get; set; }
    public CoachingVisit? Visit { get; set; }
    public string? ReviewedByName { get; set; }
}

public enum TransitionKind
{
    None,
    /// <summary>A change of phase: nursery to reception, primary to secondary, to post-16.</summary>
    Phase,
    SchoolMove,
    PlacementMove,
}

/// <summary>
/// A looked-after child's Personal Education Plan meeting: who came (the social worker, designated teacher and carer
/// always), the child's own views in their words, needs, the attendance and exclusions at the date, attainment, the
/// evaluation of the previous targets, new SMART targets and any transition.
/// </summary>
public class Pep
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public DateOnly MeetingOn { get; set; }

    public required string SocialWorker { get; set; }
    public required string DesignatedTeacher { get; set; }
    public required string Carer { get; set; }
    public bool ChildAttended { get; set; }
    public bool CoachAttended { get; set; }
    public string? OtherAttendees { get; set; }

    /// <summary>What the child said, in their own words.</summary>
    public string? ChildViews { get; set; }
    /// <summary>Why the child's views are not recorded, when they are not (the form asks for one or the other).</summary>
    public string? ChildViewsMissingReason { get; set; }
    public string? Needs { get; set; }

    /// <summary>Attendance this school year up to the meeting, from the attendance imported then (null with no data).</summary>
    public decimal? AttendancePercent { get; set; }
    public int? SessionsPossible { get; set; }
    public int SuspensionsThisYear { get; set; }
    public decimal SuspensionDaysThisYear { get; set; }

    public string? AttainmentAndProgress { get; set; }
    public TransitionKind Transition { get; set; }
    public string? TransitionPlan { get; set; }
    public DateOnly? NextPepOn { get; set; }

    public DateTime RecordedAt { get; set; }
    public string? RecordedByName { get; set; }

    public List<PepTarget> Targets { get; set; } = [];
}

public enum TargetOutcome
{
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

/// <summary>A SMART target of a PEP, and (once the next PEP has met) its evaluation there.</summary>
public class PepTarget
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int PepId { get; set; }
    public Pep Pep { get; set; } = null!;
    public required string Outcome { get; set; }
    public string? Why { get; set; }
    public string? How { get; set; }
    public string? Who { get; set; }
    public DateOnly? ByWhen { get; set; }
    public decimal? PupilPremiumPlusCost { get; set; }

    public TargetOutcome? Achievement { get; set; }
    public string? Evaluation { get; set; }
    public int? EvaluatedAtPepId { get; set; }

    public PepTargetFacts Facts => new(Outcome, Why, How, Who, ByWhen, PupilPremiumPlusCost);
}

/// <summary>
/// A structured conversation with a parent or carer and the child (Explore, Focus, Plan, Review), with targets that each
/// say what happens at home and at school, and the next date.
/// </summary>
public class StructuredConversation
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public DateOnly HeldOn { get; set; }
    public required string ParentOrCarer { get; set; }
    public bool ChildTookPart { get; set; }
    public string? Explore { get; set; }
    public string? Focus { get; set; }
    public string? Plan { get; set; }
    public string? Review { get; set; }
    public DateOnly? NextOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByName { get; set; }

    public List<ConversationTarget> Targets { get; set; } = [];
}

public class ConversationTarget
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int ConversationId { get; set; }
    public StructuredConversation Conversation { get; set; } = null!;
    public required string Target { get; set; }
    public string? HomeAction { get; set; }
    public string? SchoolAction { get; set; }
}

public enum FocusGroupKind
{
    Pupils,
    Carers,
    Staff,
}

/// <summary>A focus group the coach or school ran, with the themes that came out of it (no names: a group, not pupils' records).</summary>
public class FocusGroup
{
    public const int ThemeMaxLength = 200;
    public const int NotesMaxLength = 4000;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public DateOnly HeldOn { get; set; }
    public FocusGroupKind Kind { get; set; }
    public int Participants { get; set; }
    public List<string> Themes { get; set; } = [];
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByName { get; set; }
}

/// <summary>
/// The outcome a school chose before the coaching started, to judge it by: registered once, before the first coached
/// year, so the measure cannot be picked afterwards from whichever looks best.
/// </summary>
public class ImpactPlan
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public ImpactMeasure Measure { get; set; }
    /// <summary>The first coached year the plan was made for.</summary>
    public int FirstYear { get; set; }
    public DateTime RegisteredAt { get; set; }
    public required string RegisteredByName { get; set; }
}
