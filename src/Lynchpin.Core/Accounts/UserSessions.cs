using System.Security.Cryptography;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lynchpin.Core.Accounts;

/// <summary>How long a page session lasts: the <c>Lynchpin:Sessions</c> section.</summary>
public sealed class SessionLimits
{
    public const string Section = "Lynchpin:Sessions";

    /// <summary>A session nobody has used for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// Page sessions kept on the server: each sign-in starts one, its id rides in the cookie, and every request checks it is
/// still open, used within the idle timeout and younger than the absolute lifetime. Ending one (or all) works at once.
/// </summary>
public sealed class UserSessions(LynchpinDbContext db, IOptions<SessionLimits> options, SchoolClock clock)
{
    /// <summary>Last-seen times are written at most this often, so a busy page does not write on every request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public SessionLimits Options => options.Value;

    public async Task<UserSession> StartAsync(string userId, string method, string? ipAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UserSession.IdLength / 2)),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            Method = method,
            IpAddress = ipAddress?.Length > UserSession.IpAddressMaxLength ? ipAddress[..UserSession.IpAddressMaxLength] : ipAddress,
            UserAgent = userAgent?.Length > UserSession.UserAgentMaxLength ? userAgent[..UserSession.UserAgentMaxLength] : userAgent,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>
    /// Whether the session may carry this request: it is the account's, not ended, not idle too long, not too old.
    /// A session found idle or too old is ended here. Records the request as its last use.
    /// </summary>
    public async Task<bool> ValidateAsync(string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }
        var now = clock.UtcNow;
        if (now - session.LastSeenAt > Options.IdleTimeout || now - session.CreatedAt > Options.AbsoluteLifetime)
        {
            session.EndedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        if (now - session.LastSeenAt >= TouchInterval)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>The account's sessions that are still open, newest first.</summary>
    public async Task<List<UserSession>> OpenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var idleSince = now - Options.IdleTimeout;
        var bornSince = now - Options.AbsoluteLifetime;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt >= idleSince && s.CreatedAt >= bornSince)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(cancellationToken);
    }

    public async Task EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
    }

    /// <summary>Ends every open session of the account; returns how many.</summary>
    public async Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        return await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
    }
}
