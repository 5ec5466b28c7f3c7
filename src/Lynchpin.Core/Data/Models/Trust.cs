namespace Lynchpin.Core.Data.Models;

public enum TrustKind
{
    MultiAcademyTrust,
    Federation,
    Cluster,
}

/// <summary>A group of schools: a multi-academy trust, a federation or a cluster.</summary>
public class Trust
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;
    public const string CodeUniqueIndexName = "ix_trusts_code";

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public TrustKind Kind { get; set; } = TrustKind.MultiAcademyTrust;

    public List<School> Schools { get; set; } = [];

    public static string KindName(TrustKind kind) => kind switch
    {
        TrustKind.MultiAcademyTrust => "Multi-academy trust",
        TrustKind.Federation => "Federation",
        TrustKind.Cluster => "Cluster",
        _ => kind.ToString(),
    };
}
