using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A vulnerable pupil: special category data, read only by the people the pupil access rules name, and every
/// read audited. Keyed by UPN within their school; a pupil who moves school is a new record at the new school.
/// </summary>
public class Pupil
{
    public const int NameMaxLength = 100;
    public const int YearGroupMaxLength = 3;
    public const int ContactMaxLength = 300;
    public const string UpnUniqueIndexName = "ix_pupils_school_id_upn";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;

    /// <summary>The unique pupil number, 13 characters with a valid check letter (see <see cref="Upn"/>).</summary>
    public required string Upn { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    /// <summary>"N", "R" or "1" to "14".</summary>
    public required string YearGroup { get; set; }

    /// <summary>The responsible local authority as the school gave it: three digits or nine characters (see <see cref="LaCode"/>).</summary>
    public string? LaCode { get; set; }
    /// <summary>The day the child last entered care; the first PEP is due 10 school days after it.</summary>
    public DateOnly? EnteredCareOn { get; set; }

    public string? CarerName { get; set; }
    public string? CarerContact { get; set; }
    public string? SocialWorkerName { get; set; }
    public string? SocialWorkerContact { get; set; }

    /// <summary>When the pupil left the school; their record is kept as history.</summary>
    public DateOnly? LeftOn { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<PupilFlagPeriod> Flags { get; set; } = [];
    public List<PupilWorker> Workers { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Whether a flag applied on a day (its period includes the day).</summary>
    public bool HasFlag(PupilFlag flag, DateOnly on) => Flags.Any(f => f.Flag == flag && f.AppliesOn(on));

    /// <summary>Whether the pupil has ever been flagged so (the impact cohort takes any looked-after flag, whatever its dates).</summary>
    public bool EverFlagged(PupilFlag flag) => Flags.Any(f => f.Flag == flag);
}

/// <summary>A flag and the dates it applied; an open period (no <see cref="To"/>) still applies.</summary>
public class PupilFlagPeriod
{
    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public PupilFlag Flag { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    public bool AppliesOn(DateOnly date) => From <= date && (To is null || To >= date);
}

/// <summary>A member of staff the school names as working with the pupil (a key adult, a mentor): they may read the record.</summary>
public class PupilWorker
{
    public const int RoleMaxLength = 100;

    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    /// <summary>What they do for the pupil: "key adult", "learning mentor".</summary>
    public string? Role { get; set; }
}

/// <summary>
/// A pupil's sessions in one period, as the school's register counts them: possible = attended + authorised absence +
/// unauthorised absence (approved educational activity counts as attended). Re-importing a period replaces it.
/// </summary>
public class AttendanceRecord
{
    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int SessionsPossible { get; set; }
    public int SessionsAttended { get; set; }
    public int Authorised { get; set; }
    public int Unauthorised { get; set; }
    public DateTime ImportedAt { get; set; }
}

public enum ExclusionKind
{
    /// <summary>A fixed-period exclusion, a suspension.</summary>
    Suspension,
    Permanent,
}

/// <summary>A suspension or permanent exclusion: its first day and length in school days (half days allowed).</summary>
public class Exclusion
{
    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public DateOnly Start { get; set; }
    public decimal Days { get; set; }
    public ExclusionKind Kind { get; set; }
}

public enum AttainmentScale
{
    /// <summary>The school's own scale: "working towards", "expected", "greater depth", or a step.</summary>
    School,
    /// <summary>GCSE grades 9 to 1 (and U).</summary>
    Gcse,
}

/// <summary>A teacher assessment of a pupil in a subject at a date, on the school's scale or as a GCSE grade.</summary>
public class AttainmentRecord
{
    public const int SubjectMaxLength = 100;
    public const int GradeMaxLength = 50;

    public int Id { get; set; }
    public int PupilId { get; set; }
    public Pupil Pupil { get; set; } = null!;
    public DateOnly AssessedOn { get; set; }
    public required string Subject { get; set; }
    public AttainmentScale Scale { get; set; }
    public required string Grade { get; set; }
    /// <summary>Whether the pupil is on track for their own target (a teacher's judgement of progress).</summary>
    public bool? OnTrack { get; set; }
}

/// <summary>A local authority's two codes and name, as the DfE's published files give them.</summary>
public class LocalAuthority
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    /// <summary>The three-digit DfE code (old_la_code).</summary>
    public required string OldCode { get; set; }
    /// <summary>The nine-character ONS code (new_la_code).</summary>
    public required string NewCode { get; set; }
    public required string Name { get; set; }
}

public enum ReferenceLevel
{
    National,
    LocalAuthority,
}

/// <summary>
/// One published figure from the DfE's "Outcomes for children in need, including children looked after" files (Explore
/// Education Statistics): a measure column's value for a year, area, social care group and phase. A suppressed value is
/// kept as its symbol (c, low, x, z…) with no number. Re-importing a file replaces the figures it holds.
/// </summary>
public class OutcomeReference
{
    public const int AreaCodeMaxLength = 9;
    public const int NameMaxLength = 100;
    public const int GroupMaxLength = 100;
    public const int MeasureMaxLength = 60;
    public const int SymbolMaxLength = 5;
    public const string UniqueIndexName = "ix_outcome_references_figure";

    public long Id { get; set; }
    /// <summary>The school year by its start: time_period 202324 is 2023.</summary>
    public int Year { get; set; }
    public ReferenceLevel Level { get; set; }
    /// <summary>new_la_code for an authority; the country's code (E92000001) for England.</summary>
    public required string AreaCode { get; set; }
    public string? OldLaCode { get; set; }
    public string? AreaName { get; set; }
    /// <summary>social_care_group, e.g. "CLA 12 months at 31 March".</summary>
    public required string SocialCareGroup { get; set; }
    /// <summary>phase_type_grouping, e.g. "Total".</summary>
    public required string Phase { get; set; }
    /// <summary>The file's column name, e.g. pt_overall.</summary>
    public required string Measure { get; set; }
    public decimal? Value { get; set; }
    /// <summary>Why there is no value: the file's symbol (c confidential, low, x not available, z not applicable…).</summary>
    public string? Symbol { get; set; }
    public DateTime ImportedAt { get; set; }
}
