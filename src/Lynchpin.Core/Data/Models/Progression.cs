namespace Lynchpin.Core.Data.Models;

/// <summary>
/// The stages a school places its people on. A school without its own uses its trust's, and a trust
/// without one the built-in default (see <c>Progression.DefaultFramework</c>).
/// Exactly one of <see cref="SchoolId"/> and <see cref="TrustId"/> is set.
/// </summary>
public class ProgressionFramework : IRevised
{
    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public int Id { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }
    public List<ProgressionStage> Stages { get; set; } = [];
}

public class ProgressionStage
{
    public const int NameMaxLength = 100;
    public const int DescriptorMaxLength = 1000;
    public const int Lowest = 0;
    public const int Highest = 6;

    public int Id { get; set; }
    public int FrameworkId { get; set; }
    public ProgressionFramework Framework { get; set; } = null!;
    /// <summary>0 to 6.</summary>
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string Descriptor { get; set; }
    public List<StageCriterion> Criteria { get; set; } = [];
}

/// <summary>One thing a person shows to reach a stage; for one role family, or for everyone when none is given.</summary>
public class StageCriterion
{
    public const int TextMaxLength = 500;

    public int Id { get; set; }
    public int StageId { get; set; }
    public ProgressionStage Stage { get; set; } = null!;
    public RoleFamily? RoleFamily { get; set; }
    public required string Text { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A school's own date for a checkpoint of a year, where it differs from the default.</summary>
public class CheckpointDate
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>The academic year by its start: 2025 is 2025/26.</summary>
    public int Year { get; set; }
    /// <summary>1 to 4.</summary>
    public int Checkpoint { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>
/// A person's stage at a checkpoint. A correction adds a new version and marks the earlier one
/// superseded, so the history stays and only the current version counts.
/// </summary>
public class Assessment
{
    public const int NoteMaxLength = 2000;
    public const int ReflectionMaxLength = 4000;
    public const string CurrentUniqueIndexName = "ix_assessments_current";

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public int Year { get; set; }
    public int Checkpoint { get; set; }
    public int Stage { get; set; }
    public DateOnly AssessedOn { get; set; }
    public int? AssessorId { get; set; }
    public StaffMember? Assessor { get; set; }
    /// <summary>The criteria the assessor saw as met, as worded when assessed.</summary>
    public List<string> CriteriaMet { get; set; } = [];
    public string? Note { get; set; }
    /// <summary>1 for the first record at this checkpoint, then 2, 3… for each correction.</summary>
    public int Version { get; set; } = 1;
    public bool IsCurrent { get; set; } = true;
    public DateTime RecordedAt { get; set; }
    /// <summary>The account that recorded it (null for imports run from the command line).</summary>
    public string? RecordedByUserId { get; set; }
    public string? RecordedByName { get; set; }
    /// <summary>The assessed person's own reflection.</summary>
    public string? Reflection { get; set; }
    public DateTime? ReflectionAt { get; set; }
}
