namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A subject access request a trust received for one of its people: logged with the date it arrived, so its due date
/// (<see cref="Privacy.SubjectAccessDueDate"/>) is on record and the answer (the person's data as a ZIP) is audited.
/// </summary>
public class SubjectAccessRequest
{
    public const int NoteMaxLength = 500;

    public int Id { get; set; }
    public int TrustId { get; set; }
    public Trust Trust { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public string? Note { get; set; }
    public DateTime LoggedAt { get; set; }
    public required string LoggedByName { get; set; }
    /// <summary>When the person's data was last downloaded to answer it.</summary>
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>How long a trust keeps each kind of record (defaults as the issue and the DfE's guidance give them).</summary>
public class RetentionSettings
{
    public const int DefaultStaffRecordYears = 6;
    public const int DefaultAppraisalYears = 6;
    public const int DefaultObservationNoteYears = 3;

    public int Id { get; set; }
    public int TrustId { get; set; }
    public Trust Trust { get; set; } = null!;
    /// <summary>Years after the leaving date before a leaver's staff record is anonymised.</summary>
    public int StaffRecordYears { get; set; } = DefaultStaffRecordYears;
    /// <summary>Years after the end of the appraisal's year (the current year plus this many) before it is deleted.</summary>
    public int AppraisalYears { get; set; } = DefaultAppraisalYears;
    /// <summary>Years after the observation before its notes and answers are deleted.</summary>
    public int ObservationNoteYears { get; set; } = DefaultObservationNoteYears;
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
}

/// <summary>A person's records kept past their retention periods (a claim or an investigation), until the hold is lifted.</summary>
public class LegalHold
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string Reason { get; set; }
    public DateTime PlacedAt { get; set; }
    public required string PlacedByName { get; set; }
}
