using System.ComponentModel;
using System.Security.Claims;
using Lynchpin.Core.Cpd;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

public record CpdActivityDto(int ActivityId, string Title, string Kind, string? Provider, DateOnly Start, DateOnly End, decimal Hours, decimal Cost);

/// <summary>One person's CPD in the year: their hours and cost (their share of each activity) and the activities.</summary>
public record PersonCpdDto(int StaffId, string StaffRef, string Name, string RoleFamily, decimal Hours, decimal Cost, IReadOnlyList<CpdActivityDto> Activities);

public record SchoolCpdDto(int Year, IReadOnlyList<PersonCpdDto> People);

/// <summary>A school's CPD per person for a year, for its leaders and the trust's admins, as the school's CPD page.</summary>
public static class CpdEndpoints
{
    public static void MapCpdApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("CPD").MapGet("/schools/{urn:int}/cpd", SchoolCpd)
            .WithSummary("A school's CPD for a school year: per person in post, their hours, cost and activities (those starting in the year).")
            .WithDescription("For the school's leaders and its trust's admins. Everyone in post on any day of the year is listed, with no activities if they had none.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SchoolCpdDto>, ProblemHttpResult>> SchoolCpd(
        int urn,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, DevelopmentQueries queries, CancellationToken ct)
    {
        var (school, problem) = await ApiSchools.FindAsync(urn, user, db, authorization, Operations.Manage, "Your account may not see this school's CPD.", ct);
        if (problem is not null)
        {
            return problem;
        }
        if (ProfileEndpoints.ParseYear(year, out var parsedYear) is { } badYear)
        {
            return badYear;
        }
        var people = await queries.PeopleAsync(school!.Id, parsedYear, ct);
        return TypedResults.Ok(new SchoolCpdDto(parsedYear, people.Select(p => new PersonCpdDto(
            p.StaffMemberId, p.StaffRef, p.Name, p.Family.Code(), p.Hours, p.Cost,
            p.Activities.Select(a => new CpdActivityDto(a.ActivityId, a.Title, CpdCodes.Kinds.Code(a.Kind), a.Provider, a.StartDate, a.EndDate, a.Hours, a.Cost)).ToList())).ToList()));
    }
}
