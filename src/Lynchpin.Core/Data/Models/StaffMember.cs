namespace Lynchpin.Core.Data.Models;

/// <summary>Anyone who works in a school: teachers and support staff are one team.</summary>
public class StaffMember : IRevised
{
    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public const int StaffRefMaxLength = 50;
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int JobTitleMaxLength = 150;
    public const string StaffRefUniqueIndexName = "ix_staff_members_school_id_staff_ref";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;

    /// <summary>The school's own reference for the person, unique within the school.</summary>
    public required string StaffRef { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public required string JobTitle { get; set; }
    public RoleFamily RoleFamily { get; set; }
    public bool Qts { get; set; }
    public bool Slt { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? LeavingDate { get; set; }
    public decimal? HoursPerWeek { get; set; }
    public decimal? WeeksPerYear { get; set; }

    public int? LineManagerId { get; set; }
    public StaffMember? LineManager { get; set; }

    /// <summary>Coach or mentor: the third member of the learning triad, possibly in another school of the trust.</summary>
    public int? CoachId { get; set; }
    public StaffMember? Coach { get; set; }

    public List<StaffMember> DirectReports { get; set; } = [];

    public StaffCategory Category => RoleFamily.Category();
    public string FullName => $"{FirstName} {LastName}";

    public bool InPostOn(DateOnly date) =>
        (StartDate is null || StartDate <= date) && (LeavingDate is null || LeavingDate >= date);
}
