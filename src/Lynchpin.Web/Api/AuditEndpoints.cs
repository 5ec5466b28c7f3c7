using System.ComponentModel;
using System.Security.Claims;
using Lynchpin.Core.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

/// <summary>One audit row: when (UTC), who (the email, or the email tried at a failed sign-in), how, what, and which record.</summary>
public record AuditRowDto(long Id, DateTime At, string Actor, string? ActorAccountId, string? Channel, string? IpAddress, string Action,
    string? RecordType, string? RecordId, int? StaffMemberId, int? SchoolId, string? Detail);

/// <summary>Rows newest first; <see cref="More"/> when more matched than the answer holds (narrow the dates).</summary>
public record AuditTrailDto(IReadOnlyList<AuditRowDto> Rows, bool More);

/// <summary><c>GET /api/audit</c>: the caller's trust's audit trail, for its trust admins, filtered as the audit page is.</summary>
public static class AuditEndpoints
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        // Only a GET: nothing in the app changes or removes an audit row.
        app.MapGroup("/api").WithTags("Audit").MapGet("/audit", AuditTrailAsync)
            .WithSummary("The audit trail of your trust: reads of people's appraisals, pay, observation records and evidence; exports and imports; sign-ins and failures; account, role and token changes.")
            .WithDescription($"For trust admins. Newest first, at most {AuditTrail.PageLimit} rows. With no filters, the latest rows of your trust, failed sign-ins for its accounts included.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<AuditTrailDto>, ProblemHttpResult, ValidationProblem>> AuditTrailAsync(
        [Description("The first day (UK time), yyyy-mm-dd.")] string? from,
        [Description("The last day (UK time), yyyy-mm-dd.")] string? to,
        [Description("Part of the actor's email, or an account id.")] string? actor,
        [Description("reads, pay, files, sign-ins, failures, accounts or tokens; or one action, such as sign-in-failed.")] string? kind,
        ClaimsPrincipal user, AccessScope access, IAuthorizationService authorization, LynchpinDbContext db, AuditTrail trail, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var trust = scope.Role == UserRole.TrustAdmin && scope.User?.TrustId is int trustId
            ? await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trustId, ct)
            : null;
        if (trust is null || !(await authorization.AuthorizeAsync(user, trust, Operations.ReadAudit)).Succeeded)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Only a trust's admins may read its audit trail.");
        }
        var (filter, errors) = AuditTrail.Read(from, to, actor, kind);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The filter is not valid.");
        }
        var found = await trail.FindAsync(trust.Id, filter, AuditTrail.PageLimit, ct);
        return TypedResults.Ok(new AuditTrailDto(
            found.Rows.Select(e => new AuditRowDto(e.Id, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.UserName, e.UserId, e.Channel?.ToString(),
                e.IpAddress, e.Action, e.RecordType, e.RecordId, e.StaffMemberId, e.SchoolId, e.Detail)).ToList(),
            found.More));
    }
}
