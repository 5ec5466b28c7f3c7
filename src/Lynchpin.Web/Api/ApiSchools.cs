using System.Security.Claims;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

/// <summary>The school an endpoint's URL names, with the right checked: a 404 problem when there is none, then a 403.</summary>
public static class ApiSchools
{
    public static async Task<(School? School, ProblemHttpResult? Problem)> FindAsync(
        int urn, ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization,
        OperationAuthorizationRequirement operation, string forbidden, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return (null, TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no school with URN {urn}."));
        }
        if (!(await authorization.AuthorizeAsync(user, school, operation)).Succeeded)
        {
            return (null, TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: forbidden));
        }
        return (school, null);
    }
}
