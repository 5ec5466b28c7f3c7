using System.Security.Cryptography;
using System.Text;

namespace Lynchpin.Core.Accounts;

public record CreateApiTokenOptions(string UserId, string Name);

public record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>Personal API tokens: shown once, stored as a SHA-256 hash, revocable by their owner.</summary>
public class ApiTokenService(LynchpinDbContext db, SchoolClock clock)
{
    private const string TokenPrefix = "lp_";

    public async Task<CreatedApiToken> CreateAsync(CreateApiTokenOptions options, CancellationToken cancellationToken = default)
    {
        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = options.UserId,
            Name = options.Name.Trim(),
            TokenHash = Hash(secret),
            Prefix = secret[..ApiToken.PrefixLength],
            CreatedAt = clock.UtcNow,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(token, secret);
    }

    /// <summary>The active token with this secret, or null; records when it was last used.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = Hash(secret);
        // The account with its staff record, school and trust: the access scope needs them next, and one round trip is cheaper than two.
        var token = await db.ApiTokens.Include(t => t.User.StaffMember!.School).Include(t => t.User.School).Include(t => t.User.Trust)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return null;
        }
        var now = clock.UtcNow;
        // One write a minute at most, so a busy client does not write on every call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return token;
    }

    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }
        token.RevokedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
