using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

public record TrustDto(string Code, string Name, string Kind);

public record SchoolDto(int Urn, string Name, string? Phase, int? NumberOfPupils, string? LocalAuthority, bool IsOpen, TrustDto? Trust);

public record PersonRefDto(int Id, string StaffRef, string Name, int SchoolUrn);

public record StaffDto(
    int Id, string StaffRef, string FirstName, string LastName, string? Email, string JobTitle,
    string RoleFamily, string Category, bool Qts, bool Slt, DateOnly? StartDate, DateOnly? LeavingDate,
    decimal? HoursPerWeek, decimal? WeeksPerYear, PersonRefDto? LineManager, PersonRefDto? Coach);

public static class SchoolsEndpoints
{
    public static void MapLynchpinApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Schools");
        api.MapGet("/schools", ListSchools).WithSummary("The schools your account may see.");
        api.MapGet("/schools/{urn:int}/staff", ListStaff)
            .WithSummary("A school's staff that your account may see, filtered like the staff list.");
        // Any other path under /api (or a URN that is not a number) answers with a problem, not the HTML status page.
        api.MapFallback("{**path}", () => TypedResults.Problem(statusCode: 404, title: "Not Found", detail: "There is no such API endpoint."))
            .ExcludeFromDescription();
    }

    private static async Task<Ok<List<SchoolDto>>> ListSchools(AccessScope access, CancellationToken ct)
    {
        var schools = await (await access.VisibleSchoolsAsync(ct))
            .OrderBy(s => s.Name)
            .Select(s => new SchoolDto(s.Urn, s.Name, s.Phase, s.NumberOfPupils, s.LocalAuthority, s.IsOpen,
                s.Trust == null ? null : new TrustDto(s.Trust.Code, s.Trust.Name, s.Trust.Kind.ToString())))
            .ToListAsync(ct);
        return TypedResults.Ok(schools);
    }

    private static async Task<Results<Ok<List<StaffDto>>, ProblemHttpResult>> ListStaff(
        // The yes/no filters are read as text so a bad value is a 400 problem naming the filter,
        // not the framework's bare 400 (which the status-code pages turn into a 404).
        int urn, string? category, string? roleFamily, string? slt, string? qts, string? q, string? includeLeavers,
        LynchpinDbContext db, AccessScope access, SchoolClock clock, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no school with URN {urn}.");
        }
        var scope = await access.GetAsync(ct);
        if (!scope.CanSeeSchool(school.Id))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Your account may not see this school.");
        }

        StaffCategory? parsedCategory = null;
        if (category is not null)
        {
            if (!RoleFamilies.TryParseCategory(category, out var c))
            {
                return BadFilter("category", "Use teaching or support.");
            }
            parsedCategory = c;
        }
        RoleFamily? parsedFamily = null;
        if (roleFamily is not null)
        {
            if (!RoleFamilies.TryParse(roleFamily, out var f))
            {
                return BadFilter("roleFamily", "Use one of: " + string.Join(", ", RoleFamilies.All.Select(r => r.Code())) + ".");
            }
            parsedFamily = f;
        }

        if (!TryParseFlag(slt, out var parsedSlt))
        {
            return BadFilter("slt", "Use true or false.");
        }
        if (!TryParseFlag(qts, out var parsedQts))
        {
            return BadFilter("qts", "Use true or false.");
        }
        if (!TryParseFlag(includeLeavers, out var parsedIncludeLeavers))
        {
            return BadFilter("includeLeavers", "Use true or false.");
        }

        var filter = new StaffFilter(school.Id, parsedCategory, parsedFamily, parsedSlt, parsedQts, q, parsedIncludeLeavers ?? false);
        var today = clock.Today;
        var staff = await filter.Apply(await access.VisibleStaffAsync(ct), today)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new StaffDto(s.Id, s.StaffRef, s.FirstName, s.LastName, s.Email, s.JobTitle,
                s.RoleFamily.Code(), s.RoleFamily == RoleFamily.Teaching ? "teaching" : "support", s.Qts, s.Slt,
                s.StartDate, s.LeavingDate, s.HoursPerWeek, s.WeeksPerYear,
                s.LineManager == null ? null : new PersonRefDto(s.LineManager.Id, s.LineManager.StaffRef, s.LineManager.FirstName + " " + s.LineManager.LastName, s.LineManager.School.Urn),
                s.Coach == null ? null : new PersonRefDto(s.Coach.Id, s.Coach.StaffRef, s.Coach.FirstName + " " + s.Coach.LastName, s.Coach.School.Urn)))
            .ToListAsync(ct);
        return TypedResults.Ok(staff);
    }

    private static bool TryParseFlag(string? value, out bool? flag)
    {
        flag = null;
        if (value is null)
        {
            return true;
        }
        if (bool.TryParse(value.Trim(), out var parsed))
        {
            flag = parsed;
            return true;
        }
        return false;
    }

    private static ProblemHttpResult BadFilter(string parameter, string detail) =>
        TypedResults.Problem(statusCode: 400, title: $"The {parameter} filter is not valid.", detail: detail);
}
