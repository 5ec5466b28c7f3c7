using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Lynchpin.Core.Pay;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

/// <summary>
/// One group of the parity report without pay: what every caller who may see the report gets. Its keys name no pay or
/// salary, so a client cannot even tell whether pay exists.
/// </summary>
public record ParityGroupDto(
    string Group, string Name, int Headcount, decimal Fte, decimal? MeanContractedWeeks,
    decimal CpdHours, decimal CpdCost, decimal? CpdHoursPerHead, decimal? CpdCostPerHead,
    decimal? WithCoachShare, decimal? WithPupilProgressObjectiveShare, decimal? Level3PlusShare, decimal? Stage3PlusShare);

/// <summary>One group with its pay figures, for a pay-access caller: null with <c>paySuppressed</c> when the group is under 5.</summary>
public record ParityGroupWithPayDto(
    string Group, string Name, int Headcount, decimal Fte, decimal? MeanContractedWeeks,
    decimal CpdHours, decimal CpdCost, decimal? CpdHoursPerHead, decimal? CpdCostPerHead,
    decimal? WithCoachShare, decimal? WithPupilProgressObjectiveShare, decimal? Level3PlusShare, decimal? Stage3PlusShare,
    bool PaySuppressed, int? PaidPeople, decimal? MeanFteSalary, decimal? MeanActualPay, decimal? CumulativePayAwardPercent);

public record ParityDto(int Year, int BaseYear, IReadOnlyList<string> Sentences, IReadOnlyList<ParityGroupDto> Groups);

public record ParityWithPayDto(int Year, int BaseYear, IReadOnlyList<string> Sentences, IReadOnlyList<ParityGroupWithPayDto> Groups);

/// <summary>The parity report as JSON, for the school's leaders and trust admins; pay figures only with pay access, and that read audited.</summary>
public static class PayEndpoints
{
    public static void MapPayApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Pay and conditions").MapGet("/schools/{urn:int}/parity", SchoolParity)
            .WithSummary("The pay-and-conditions parity report of a school for a school year: a row per role family, all teaching, all support, and senior leaders with and without QTS.")
            .WithDescription("Role-family and all-* rows include senior leaders; the slt-* rows overlap them. Shares are fractions of the headcount; per-head figures are totals ÷ headcount to 2 decimals. "
                + "Only a caller with pay access gets pay figures (ParityWithPayDto), and the read is audited; a group of fewer than 5 paid people has them null with paySuppressed true. Anyone else gets ParityDto, which has no pay keys.")
            .Produces<ParityWithPayDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ParityDto>, Ok<ParityWithPayDto>, ProblemHttpResult>> SchoolParity(
        int urn,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        [Description("The base year of the cumulative pay award (three years before the report's year if not given).")] string? since,
        ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization, ParityReports reports, CancellationToken ct)
    {
        var (school, problem) = await ApiSchools.FindAsync(urn, user, db, authorization, Operations.Manage, "Your account may not see this school's parity report.", ct);
        if (problem is not null)
        {
            return problem;
        }
        if (ProfileEndpoints.ParseYear(year, out var parsedYear) is { } badYear)
        {
            return badYear;
        }
        var baseYear = parsedYear - 3;
        if (since is not null && (!int.TryParse(since.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out baseYear) || baseYear > parsedYear || baseYear < 2000))
        {
            return TypedResults.Problem(statusCode: 400, title: "The since parameter is not valid.",
                detail: $"\"{since}\" is not a base year: give a school year by the year it starts, no later than the report's year ({parsedYear}).");
        }
        var withPay = (await authorization.AuthorizeAsync(user, school!, Operations.ReadPay)).Succeeded;
        var report = await reports.ForSchoolAsync(school!, parsedYear, baseYear, withPay ? await access.RecorderAsync(ct) : null, ct);
        if (!withPay)
        {
            return TypedResults.Ok(new ParityDto(report.Year, report.BaseYear, report.Sentences, report.Rows.Select(r => new ParityGroupDto(
                r.Group, r.Name, r.Headcount, r.Fte, r.MeanContractedWeeks, r.CpdHours, r.CpdCost, r.CpdHoursPerHead, r.CpdCostPerHead,
                r.WithCoachShare, r.WithPupilProgressObjectiveShare, r.Level3PlusShare, r.Stage3PlusShare)).ToList()));
        }
        return TypedResults.Ok(new ParityWithPayDto(report.Year, report.BaseYear, report.Sentences, report.Rows.Select(r => new ParityGroupWithPayDto(
            r.Group, r.Name, r.Headcount, r.Fte, r.MeanContractedWeeks, r.CpdHours, r.CpdCost, r.CpdHoursPerHead, r.CpdCostPerHead,
            r.WithCoachShare, r.WithPupilProgressObjectiveShare, r.Level3PlusShare, r.Stage3PlusShare,
            r.PaySuppressed, r.Pay?.People, r.Pay?.MeanFteSalary, r.Pay?.MeanActualPay, r.Pay?.CumulativeAwardPercent)).ToList()));
    }
}
