using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

/// <summary>Lynchpin's measures of a school's staff for a year; null where there is nothing to count.</summary>
public record LynchpinMeasuresDto(
    decimal? MeanStage, decimal? ShareStage3To5, int Assessed, decimal? ShareOnTrack, int Reviewed, decimal? ShareSupportOnTrack,
    int SupportReviewed, decimal? CpdHoursTeaching, decimal? CpdHoursSupport, decimal? ObservationCoverage, int StaffInPost)
{
    public static LynchpinMeasuresDto From(LynchpinMeasures m) => new(m.MeanStage, m.ShareStage3To5, m.Assessed, m.ShareOnTrack, m.Reviewed,
        m.ShareSupportOnTrack, m.SupportReviewed, m.CpdHoursTeaching, m.CpdHoursSupport, m.ObservationCoverage, m.StaffInPost);
}

/// <summary>
/// One school year: every published measure by its code (null where the file had no number or no file was imported;
/// intervals as <c>p8Low</c>/<c>p8High</c>), the markers the files had instead of numbers, and Lynchpin's measures.
/// </summary>
public record OutcomeYearDto(int Year, IReadOnlyDictionary<string, decimal?> Outcomes, IReadOnlyDictionary<string, string> Markers, LynchpinMeasuresDto Lynchpin);

public record SchoolOutcomesDto(string Urn, IReadOnlyList<OutcomeYearDto> Years);

/// <summary>One school of a trust in a year: the headline figures (null where no file has one) and Lynchpin's measures.</summary>
public record TrustOutcomeDto(
    string Urn, decimal? P8, decimal? P8Low, decimal? P8High, decimal? Att8, decimal? TeachersHeadcount, decimal? TasHeadcount, decimal? TaTeacherRatioFte,
    decimal? MeanStage, decimal? ShareStage3To5, decimal? ShareOnTrack, decimal? ShareSupportOnTrack, decimal? CpdHoursTeaching,
    decimal? CpdHoursSupport, decimal? ObservationCoverage);

/// <summary>The outcomes pages' figures: a school's years (its leaders, the trust's admins) and a trust's schools in a year (its admins).</summary>
public static class OutcomesEndpoints
{
    public static void MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Outcomes");
        api.MapGet("/schools/{urn:int}/outcomes", SchoolOutcomes)
            .WithSummary("A school's published outcomes by school year (performance tables with their 95 % intervals, workforce census, attendance) beside Lynchpin's measures of its staff.")
            .WithDescription("For the school's leaders and its trust's admins. A figure the file suppressed is null, with the file's marker (SUPP, NE, c, x…) in markers; never 0.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/trusts/{code}/outcomes", TrustOutcomes)
            .WithSummary("Every school of a trust for a school year: Progress 8 with its interval, Attainment 8, the census headcounts and TA ratio, and Lynchpin's measures; null where no file has a figure.")
            .WithDescription("For the trust's admins. One row for every school of the trust.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SchoolOutcomesDto>, ProblemHttpResult>> SchoolOutcomes(
        int urn, ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, OutcomeReports reports, CancellationToken ct)
    {
        var (school, problem) = await ApiSchools.FindAsync(urn, user, db, authorization, Operations.Manage, "Your account may not see this school's outcomes.", ct);
        if (problem is not null)
        {
            return problem;
        }
        var report = await reports.ForSchoolAsync(school!, ct);
        return TypedResults.Ok(new SchoolOutcomesDto(Invariant(school!.Urn), report.Years.Select(y => new OutcomeYearDto(
            y.Year,
            OutcomeMeasures.All.ToDictionary(m => m.Code, m => y[m.Code]),
            y.Figures.Where(f => f.Value.Marker is not null).ToDictionary(f => f.Key, f => f.Value.Marker!),
            LynchpinMeasuresDto.From(y.Measures))).ToList()));
    }

    private static async Task<Results<Ok<List<TrustOutcomeDto>>, ProblemHttpResult>> TrustOutcomes(
        string code,
        [Description("The school year by the year it starts: 2023 is 2023/24.")] string? year,
        ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, OutcomeReports reports, SchoolClock clock, CancellationToken ct)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct);
        if (trust is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no trust with code {code}.");
        }
        if (!(await authorization.AuthorizeAsync(user, trust, Operations.Read)).Succeeded)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Only the trust's admins see its outcomes.");
        }
        var chosen = SchoolYear.Of(clock.Today) - 1;
        if (year is not null && !SchoolYear.TryParse(year, out chosen))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad Request", detail: $"year \"{year}\" is not a school year: write it like 2023 or 2023/24.");
        }
        var report = await reports.ForTrustAsync(trust, chosen, LynchpinMeasures.ShareOnTrackCode, OutcomeMeasures.P8, ct);
        return TypedResults.Ok(report.Schools.OrderBy(r => r.School.Urn).Select(r =>
        {
            var (y, m) = (r.Year, r.Year.Measures);
            return new TrustOutcomeDto(Invariant(r.School.Urn), y[OutcomeMeasures.P8], y[OutcomeMeasures.P8Low], y[OutcomeMeasures.P8High], y[OutcomeMeasures.Att8],
                y[OutcomeMeasures.TeachersHeadcount], y[OutcomeMeasures.TasHeadcount], y[OutcomeMeasures.TaTeacherRatioFte],
                m.MeanStage, m.ShareStage3To5, m.ShareOnTrack, m.ShareSupportOnTrack, m.CpdHoursTeaching, m.CpdHoursSupport, m.ObservationCoverage);
        }).ToList());
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
