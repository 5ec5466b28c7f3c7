namespace Lynchpin.Core.Data.Models;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token is shown once.</summary>
public class ApiToken
{
    public const int NameMaxLength = 100;
    public const int HashLength = 64;
    public const int PrefixLength = 8;
    public const string HashUniqueIndexName = "ix_api_tokens_token_hash";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
