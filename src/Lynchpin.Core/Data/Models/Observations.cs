using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Data.Models;

/// <summary>
/// One row of a school's timetable: who is where, when. The whole timetable is replaced on each import.
/// Support staff rows (a TA in a class, a cover supervisor) are allowed.
/// </summary>
public class TimetableRow
{
    public const int PeriodMaxLength = 20;
    public const int ClassMaxLength = 50;
    public const int SubjectMaxLength = 100;
    public const int YearGroupMaxLength = 20;
    public const int RoomMaxLength = 50;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>A or B of a two-week timetable, or Every for a one-week timetable.</summary>
    public TimetableWeek Week { get; set; }
    public DayOfWeek Day { get; set; }
    /// <summary>The school's own label: "1", "P3", "Lunch"…</summary>
    public required string Period { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string Class { get; set; }
    public string Subject { get; set; } = "";
    /// <summary>"R", "1" to "13", a mixed class such as "5/6", or empty.</summary>
    public string YearGroup { get; set; } = "";
    public string Room { get; set; } = "";
}

/// <summary>A duty or other regular unavailability (reception, student services, invigilation); replaced on each import.</summary>
public class StaffDuty
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public TimetableWeek Week { get; set; }
    public DayOfWeek Day { get; set; }
    public required string Period { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string Name { get; set; }
}

/// <summary>When week A of a two-week timetable starts; without it every week is the same week. One per school.</summary>
public class SchoolCalendarSettings
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public DateOnly? WeekAStarts { get; set; }
}

/// <summary>
/// A range of dates in a school's calendar, both included: a term, a holiday, an INSET day or a closure. A school day is a
/// weekday in a term that no holiday, INSET day or closure covers. The school enters its own; there are no built-in
/// bank holidays.
/// </summary>
public class SchoolTermDate
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>"Autumn term", "October half term", "Polling day"…</summary>
    public string? Name { get; set; }
}

/// <summary>A date with no visits: INSET, exams, trips.</summary>
public class BlockedDate
{
    public const int ReasonMaxLength = 200;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public DateOnly Date { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// How a school runs learning walks, observations and drop-ins. One per school; a school without a row has the defaults
/// (see <see cref="Observations.ObservationSettingsDefaults"/>).
/// </summary>
public class ObservationSettings : IRevised
{
    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public const int QuestionMaxLength = 300;
    public const int MaxQuestions = 10;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;

    /// <summary>Whether the observed person sees a record made by an observer of each kind; decided when the record is made.</summary>
    public bool ShareSltRecords { get; set; } = true;
    public bool ShareMiddleLeaderRecords { get; set; } = true;
    public bool ShareTeacherRecords { get; set; } = true;
    public bool SharePastoralRecords { get; set; }
    public bool ShareSupportRecords { get; set; }

    /// <summary>Off by default: the record is about learning, not a grade for the teacher.</summary>
    public bool RecordJudgements { get; set; }

    public int MaxObserversPerLesson { get; set; } = 1;
    public int MaxVisitsPerObservee { get; set; } = 2;

    public List<string> LearningWalkQuestions { get; set; } = [];
    public List<string> LessonObservationQuestions { get; set; } = [];
    public List<string> DropInQuestions { get; set; } = [];

    public DateTime? UpdatedAt { get; set; }

    public bool Shares(ObserverKind kind) => kind switch
    {
        ObserverKind.Slt => ShareSltRecords,
        ObserverKind.MiddleLeader => ShareMiddleLeaderRecords,
        ObserverKind.Teacher => ShareTeacherRecords,
        ObserverKind.Pastoral => SharePastoralRecords,
        ObserverKind.Support => ShareSupportRecords,
        _ => false,
    };

    public List<string> QuestionsFor(ObservationKind kind) => kind switch
    {
        ObservationKind.LearningWalk => LearningWalkQuestions,
        ObservationKind.LessonObservation => LessonObservationQuestions,
        _ => DropInQuestions,
    };
}

/// <summary>
/// A member of staff on the school's observer list, asking for <see cref="Visits"/> visits per rota. Their kind (SLT,
/// pastoral…) is worked out from their staff record when a rota is made (see <see cref="Observations.ObserverKinds"/>).
/// The list is replaced on each import.
/// </summary>
public class RotaObserver
{
    public const int MaxVisits = 50;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public int Visits { get; set; }
    /// <summary>An achievement coordinator's year: "7", "R"…; visits in it are preferred.</summary>
    public string? FocusYearGroup { get; set; }
}

/// <summary>A rota of visits for a date range and a kind of observation, as the solver reported it.</summary>
public class ObservationRota
{
    public const int NameMaxLength = 200;
    public const int MessageMaxLength = 1000;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public ObservationKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    /// <summary>The limits the rota was made with; edits are checked against them.</summary>
    public int MaxVisitsPerObservee { get; set; }
    public int MaxObserversPerLesson { get; set; }

    public RotaStatus Status { get; set; }
    public long Objective { get; set; }
    public long BestBound { get; set; }
    public double Gap { get; set; }
    public TimeSpan SolveTime { get; set; }
    /// <summary>What the solver said about observers it could not serve, in its words.</summary>
    public List<string> Messages { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }

    public List<RotaVisit> Visits { get; set; } = [];
}

/// <summary>
/// One visit on a rota: an observer in a lesson. The lesson's details are copied from the timetable, so the visit stays
/// readable when the timetable is replaced. Leaders may move, add or remove visits.
/// </summary>
public class RotaVisit
{
    public int Id { get; set; }
    public int RotaId { get; set; }
    public ObservationRota Rota { get; set; } = null!;
    public DateOnly Date { get; set; }
    public TimetableWeek Week { get; set; }
    public required string Period { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int ObserverId { get; set; }
    public StaffMember Observer { get; set; } = null!;
    /// <summary>The observer's kind when the visit was planned, so coverage does not shift when someone changes role.</summary>
    public ObserverKind ObserverKind { get; set; }
    public int ObserveeId { get; set; }
    public StaffMember Observee { get; set; } = null!;
    public required string Class { get; set; }
    public string Subject { get; set; } = "";
    public string YearGroup { get; set; } = "";
    public string Room { get; set; } = "";

    /// <summary>Set when a leader added or moved the visit.</summary>
    public DateTime? ChangedAt { get; set; }
    public string? ChangedByName { get; set; }

    public DayOfWeek Day => Date.DayOfWeek;
}

/// <summary>
/// What an observer saw: answers to the school's focus questions and notes on learning. Usually for a visit on a rota;
/// a leader may also record an unscheduled drop-in (no visit). Whether the observed person sees it is decided from the
/// school's settings when it is made.
/// </summary>
public class ObservationRecord : IRevised
{
    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public const int AnswerMaxLength = 4000;
    public const int NotesMaxLength = 4000;
    public const int JudgementMaxLength = 200;
    public const string VisitUniqueIndexName = "ix_observation_records_visit_id";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int? VisitId { get; set; }
    public RotaVisit? Visit { get; set; }
    public ObservationKind Kind { get; set; }
    public int ObserverId { get; set; }
    public StaffMember Observer { get; set; } = null!;
    public ObserverKind ObserverKind { get; set; }
    public int ObserveeId { get; set; }
    public StaffMember Observee { get; set; } = null!;
    public DateOnly Date { get; set; }
    public string? Period { get; set; }
    /// <summary>When the observer was in the lesson (a drop-in is 10-20 minutes of it).</summary>
    public TimeOnly? TimeFrom { get; set; }
    public TimeOnly? TimeTo { get; set; }
    public string? Class { get; set; }
    public string? Subject { get; set; }
    public string? YearGroup { get; set; }
    /// <summary>The focus questions as worded when the record was made; <see cref="Answers"/> line up with them.</summary>
    public List<string> Questions { get; set; } = [];
    public List<string> Answers { get; set; } = [];
    public string? Notes { get; set; }
    /// <summary>Only when the school records judgements.</summary>
    public string? Judgement { get; set; }
    public bool SharedWithObservee { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
}

/// <summary>
/// The secret in a person's private calendar feed URL. Random and unguessable; kept (not hashed) so the person can copy
/// the URL again at any time, as calendar services do. Resetting replaces it, and the old URL stops working.
/// </summary>
public class CalendarFeedToken
{
    public const int TokenLength = 43;
    public const string TokenUniqueIndexName = "ix_calendar_feed_tokens_token";

    public int Id { get; set; }
    /// <summary>The person whose feed it is; null for an account without a staff record (a coach), named by <see cref="UserId"/>.</summary>
    public int? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Token { get; set; }
    public DateTime CreatedAt { get; set; }
}
