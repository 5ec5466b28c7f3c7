using System.Security.Cryptography;
using System.Text;
using Lynchpin.Core.Audit;

namespace Lynchpin.Core.Accounts;

/// <param name="ExpiresInDays">1 to <see cref="ApiTokenService.MaxDays"/>; <see cref="ApiTokenService.DefaultDays"/> if left out.</param>
public record CreateApiTokenOptions(string UserId, string Name, ApiTokenScope Scope = ApiTokenScope.Read, int? ExpiresInDays = null);

public record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>
/// Personal API tokens, for the API only: shown once, stored as a SHA-256 hash, read-only unless asked otherwise, expiring
/// (90 days by default), revocable by their owner and by those who administer the account. Every change is audited.
/// </summary>
public class ApiTokenService(LynchpinDbContext db, AuditLog audit, SchoolClock clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;
    private const string TokenPrefix = "lp_";

    public async Task<CreatedApiToken> CreateAsync(CreateApiTokenOptions options, CancellationToken cancellationToken = default)
    {
        var days = options.ExpiresInDays ?? DefaultDays;
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"A token lasts 1 to {MaxDays} days.");
        }
        var user = await db.Users.SingleAsync(u => u.Id == options.UserId, cancellationToken);
        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.UtcNow;
        var token = new ApiToken
        {
            UserId = options.UserId,
            Name = options.Name.Trim(),
            TokenHash = Hash(secret),
            Prefix = secret[..ApiToken.PrefixLength],
            Scope = options.Scope,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        audit.Add(AuditActions.TokenCreated, AuditSubject.Account(user),
            $"\"{token.Name}\" ({token.Prefix}…), {ScopeName(token.Scope)}, expires {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(token, secret);
    }

    /// <summary>
    /// The token with this secret if it is not revoked, not expired and its account may sign in (not disabled, not locked
    /// out), or null; records when it was last used.
    /// </summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = Hash(secret);
        var now = clock.UtcNow;
        // The account with its staff record, school and trust: the access scope needs them next, and one round trip is cheaper than two.
        var token = await db.ApiTokens.Include(t => t.User.StaffMember!.School).Include(t => t.User.School).Include(t => t.User.Trust)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
        if (token is null || token.User.IsDisabled || token.User.LockoutEnd > new DateTimeOffset(now, TimeSpan.Zero))
        {
            return null;
        }
        // One write a minute at most, so a busy client does not write on every call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return token;
    }

    /// <summary>The account's tokens, working ones first, then newest.</summary>
    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        return db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderBy(t => t.RevokedAt != null || t.ExpiresAt <= now).ThenByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the account's tokens; <paramref name="byName"/> names an admin who is not the owner.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, string? byName = null, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }
        Revoke(token, byName);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes every working token of the account, saved with the caller's next save; returns how many.</summary>
    public async Task<int> RevokeAllAsync(AppUser user, string? byName, CancellationToken cancellationToken = default)
    {
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.User = user;
            Revoke(token, byName);
        }
        return tokens.Count;
    }

    private void Revoke(ApiToken token, string? byName)
    {
        token.RevokedAt = clock.UtcNow;
        token.RevokedByName = byName;
        audit.Add(AuditActions.TokenRevoked, AuditSubject.Account(token.User),
            $"\"{token.Name}\" ({token.Prefix}…){(byName is null ? "" : $" by {byName}")}");
    }

    public static string ScopeName(ApiTokenScope scope) => scope == ApiTokenScope.ReadWrite ? "read and write" : "read only";

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
