namespace Lynchpin.Core.Data.Models;

public class School
{
    public const int NameMaxLength = 200;
    public const int PhaseMaxLength = 60;
    public const int LocalAuthorityMaxLength = 100;
    public const string UrnUniqueIndexName = "ix_schools_urn";

    public int Id { get; set; }

    /// <summary>The DfE's unique reference number, the key schools are known by.</summary>
    public int Urn { get; set; }
    public required string Name { get; set; }
    public string? Phase { get; set; }
    public int? NumberOfPupils { get; set; }
    public string? LocalAuthority { get; set; }

    /// <summary>Closed schools are kept (their staff history matters) but marked closed.</summary>
    public bool IsOpen { get; set; } = true;

    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }

    /// <summary>
    /// Goes up by one in the same transaction as every save that changes the school's data (its staff, assessments,
    /// appraisals…), so a cached aggregate keyed by it is never stale, on any server (see <see cref="DataVersions"/>).
    /// </summary>
    public long DataVersion { get; set; }

    public List<StaffMember> Staff { get; set; } = [];
}
