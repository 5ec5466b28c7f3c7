using System.Security.Claims;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Http;

namespace Lynchpin.Core.Audit;

/// <summary>Who acts and from where, as an audit row records them.</summary>
/// <param name="UserId">The account, or null (the command line, a job, someone not signed in).</param>
/// <param name="Name">The account's email, or a name for the command line or job; at a failed sign-in, the email tried.</param>
public sealed record AuditActor(string? UserId, string Name, AuditChannel Channel, string? IpAddress)
{
    /// <summary>The command line, named with the operating-system user who ran it.</summary>
    public static AuditActor CommandLine { get; } = new(null, $"Command line ({Environment.UserName})", AuditChannel.Command, null);

    /// <summary>A scheduled job inside the app.</summary>
    public static AuditActor Job(string name) => new(null, name, AuditChannel.Job, null);
}

/// <summary>
/// The actor of the current request: the signed-in account (from its claims, no database read), the channel (a path under
/// <c>/api</c> is the API, anything else a page) and the client's address. Outside a request it is the command line.
/// </summary>
public sealed class AuditActors(IHttpContextAccessor httpContextAccessor)
{
    private static readonly AsyncLocal<AuditActor?> Acting = new();

    /// <summary>Makes <paramref name="actor"/> the actor of this async flow until disposed: a job names itself this way.</summary>
    public static IDisposable ActAs(AuditActor actor)
    {
        var previous = Acting.Value;
        Acting.Value = actor;
        return new Restore(previous);
    }

    public AuditActor Current
    {
        get
        {
            if (Acting.Value is { } acting)
            {
                return acting;
            }
            var http = httpContextAccessor.HttpContext;
            if (http is null)
            {
                return AuditActor.CommandLine;
            }
            var user = http.User;
            var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            var name = userId is null ? "Not signed in" : user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? userId;
            var channel = http.Request.Path.StartsWithSegments("/api") ? AuditChannel.Api : AuditChannel.Page;
            return new AuditActor(userId, name, channel, http.Connection.RemoteIpAddress?.ToString());
        }
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Acting.Value = previous;
    }
}
