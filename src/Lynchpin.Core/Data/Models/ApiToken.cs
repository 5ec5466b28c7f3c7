namespace Lynchpin.Core.Data.Models;

/// <summary>What a personal API token may do.</summary>
public enum ApiTokenScope
{
    /// <summary>GET requests only: the default.</summary>
    Read,
    /// <summary>Reads and writes, within what the account itself may do.</summary>
    ReadWrite,
}

/// <summary>A personal API token, for the API only. Only its SHA-256 hash is stored; the token is shown once.</summary>
public class ApiToken
{
    public const int NameMaxLength = 100;
    public const int HashLength = 64;
    public const int PrefixLength = 8;
    public const int RevokedByMaxLength = 256;
    public const string HashUniqueIndexName = "ix_api_tokens_token_hash";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public ApiTokenScope Scope { get; set; } = ApiTokenScope.Read;
    public DateTime CreatedAt { get; set; }
    /// <summary>After this moment the token no longer works.</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>Who revoked it, when it was not its owner (an admin, or the leavers' job).</summary>
    public string? RevokedByName { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
