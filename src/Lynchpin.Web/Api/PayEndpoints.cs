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

/// <summary>The parity report as JSON, for a school's leaders and a trust's admins; pay figures only with pay access, and that read audited.</summary>
public static class PayEndpoints
{
    private const string About = "Role-family and all-* rows include senior leaders; the slt-* rows overlap them. Shares are fractions of the headcount; per-head figures are totals ÷ headcount to 2 decimals. "
        + "Only a caller with pay access gets pay figures (ParityWithPayDto), and the read is audited; a group of fewer than 5 paid people, or one that could be worked out from two shown groups as fewer than 5, "
        + "has them null with paySuppressed true. Anyone else gets ParityDto, which has no pay keys.";

    public static void MapPayApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Pay and conditions");
        api.MapGet("/schools/{urn:int}/parity", SchoolParity)
            .WithSummary("The pay-and-conditions parity report of a school for a school year: a row per role family, all teaching, all support, and senior leaders with and without QTS.")
            .WithDescription(About)
            .Produces<ParityWithPayDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/trusts/{code}/parity", TrustParity)
            .WithSummary("The parity report across a trust's schools for a school year, for the trust's admins: the same rows as a school's, each person counted once.")
            .WithDescription(About + " Someone who works at two schools of the trust counts once, with their whole FTE.")
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
        var (years, badYears) = Years(year, since);
        if (badYears is not null)
        {
            return badYears;
        }
        var withPay = (await authorization.AuthorizeAsync(user, school!, Operations.ReadPay)).Succeeded;
        return Answer(await reports.ForSchoolAsync(school!, years!.Value.Year, years.Value.BaseYear, withPay ? await access.RecorderAsync(ct) : null, ct));
    }

    private static async Task<Results<Ok<ParityDto>, Ok<ParityWithPayDto>, ProblemHttpResult>> TrustParity(
        string code,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        [Description("The base year of the cumulative pay award (three years before the report's year if not given).")] string? since,
        ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization, ParityReports reports, CancellationToken ct)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct);
        if (trust is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no trust with code {code}.");
        }
        if (!(await authorization.AuthorizeAsync(user, trust, Operations.Read)).Succeeded)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Only the trust's admins see its parity report.");
        }
        var (years, problem) = Years(year, since);
        if (problem is not null)
        {
            return problem;
        }
        var withPay = (await authorization.AuthorizeAsync(user, trust, Operations.ReadPay)).Succeeded;
        return Answer(await reports.ForTrustAsync(trust, years!.Value.Year, years.Value.BaseYear, withPay ? await access.RecorderAsync(ct) : null, ct));
    }

    /// <summary>The report's year and the base year of the award from the query, or the problem with them.</summary>
    private static ((int Year, int BaseYear)? Years, ProblemHttpResult? Problem) Years(string? year, string? since)
    {
        if (ProfileEndpoints.ParseYear(year, out var parsedYear) is { } badYear)
        {
            return (null, badYear);
        }
        var baseYear = parsedYear - 3;
        if (since is not null && (!int.TryParse(since.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out baseYear) || baseYear > parsedYear || baseYear < 2000))
        {
            return (null, TypedResults.Problem(statusCode: 400, title: "The since parameter is not valid.",
                detail: $"\"{since}\" is not a base year: give a school year by the year it starts, no later than the report's year ({parsedYear})."));
        }
        return ((parsedYear, baseYear), null);
    }

    /// <summary>The report as JSON: without pay keys at all unless it carries pay.</summary>
    private static Results<Ok<ParityDto>, Ok<ParityWithPayDto>, ProblemHttpResult> Answer(ParityResult report)
    {
        if (!report.WithPay)
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
