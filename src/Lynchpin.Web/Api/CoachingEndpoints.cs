using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

public record CohortYearDto(int Year, decimal? Value, int N, bool TooFewToCompare);

public record CohortCurrentDto(int Year, decimal? Value, int N, decimal? Low, decimal? High, bool TooFewToCompare);

public record CohortDto(CohortYearDto? Baseline, CohortCurrentDto Current);

public record ReferenceDto(string Scope, string? LaCode, int Year, decimal? Value, string? Symbol);

/// <summary>A school's impact figures for one measure: the cohort's baseline and current year, and the published figures.</summary>
public record ImpactDto(string Measure, string? PreregisteredMeasure, CohortDto Cohort, CohortYearDto Uncoached, IReadOnlyList<ReferenceDto> Reference,
    IReadOnlyList<string> Sentences);

public record PupilFlagDto(string Flag, DateOnly From, DateOnly? To);

public record PupilDto(int Id, string Upn, string FirstName, string LastName, DateOnly DateOfBirth, string YearGroup, int SchoolUrn,
    string? LaCode, DateOnly? EnteredCareOn, IReadOnlyList<PupilFlagDto> Flags);

public record PepStatusDto(int PupilId, string Name, int SchoolUrn, DateOnly? LastPep, DateOnly? NextDue, bool? Overdue);

public record CaseloadSchoolDto(int Urn, string Name, int VisitsDone, int VisitsPlanned, DateOnly? NextVisit, int ActionsOverdue, int PepsOverdue);

public record CaseloadDto(int Year, string Coach, IReadOnlyList<CaseloadSchoolDto> Schools, string? Warning);

public record VisitDto(int Id, DateOnly Date, string Status, string Coach, string? WhoMet, IReadOnlyList<string> Areas, string? Notes,
    string? ActionsAgreed, DateOnly? NextVisitOn);

public record PlanActionDto(int Id, string Area, string Description, string? Owner, DateOnly? DueOn, string Status, string? Evidence, bool Overdue);

public record PlanReviewDto(string Area, DateOnly ReviewedOn, string Status, string Note);

public record PlanAreaDto(string Area, string? Aim, string? Status, IReadOnlyList<PlanActionDto> Actions, IReadOnlyList<PlanReviewDto> Reviews);

public record ActionPlanDto(int Urn, int Year, IReadOnlyList<PlanAreaDto> Areas);

/// <summary>
/// Achievement coaching as JSON, scoped as the pages: a coach's caseload; a school's visits, action plan, PEP list and
/// impact; its pupils (each one returned is audited); and the coaching report as XLSX or CSV.
/// </summary>
public static class CoachingEndpoints
{
    public static void MapCoachingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Coaching");
        api.MapGet("/coaching/{year:int}/impact", Impact)
            .WithSummary("A school's impact figures for a measure: the looked-after cohort in the baseline and current year with n and a 95% interval, and the published figures.")
            .WithDescription("measure is attendance, persistent-absence or suspensions. Values are percentages to one decimal; null where the cohort has fewer than 5 pupils or the published figure is suppressed. Anyone who may see the school's coaching may ask for any measure.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/coaching/caseload", Caseload)
            .WithSummary("The signed-in coach's schools this year (or the year given): visits done and planned, next visit, overdue actions and PEPs.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapGet("/schools/{urn:int}/pupils", Pupils)
            .WithSummary("The school's vulnerable pupils that your account may read; every pupil returned is written to the audit trail.")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/schools/{urn:int}/peps", PepList)
            .WithSummary("Where each looked-after pupil's PEPs stand, for the pupils your account may read (audited).")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/schools/{urn:int}/coaching/visits", Visits)
            .WithSummary("A school's coaching visits in a school year, planned, made and cancelled.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/schools/{urn:int}/coaching/plan", Plan)
            .WithSummary("A school's action plan in the four areas: aims, actions and reviews.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/schools/{urn:int}/coaching/report", Report)
            .WithSummary("A school's coaching report for a year as format=xlsx (a sheet a table) or format=csv; no pupil is named in it.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ImpactDto>, ProblemHttpResult>> Impact(
        int year, [Description("The school's URN.")] int? school, [Description("attendance, persistent-absence or suspensions")] string? measure,
        ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, ImpactReports reports, CancellationToken ct)
    {
        if (school is null)
        {
            return Problem(400, "Give the school's URN as school=URN.");
        }
        if (!ImpactMeasures.TryParse(measure, out var chosen))
        {
            return Problem(400, $"measure must be one of {ImpactMeasures.AllCodes}.");
        }
        if (year is < 2000 or > 2100)
        {
            return Problem(400, "Give the school year by the year it starts, such as 2025 for 2025/26.");
        }
        var (found, refused) = await SchoolAsync(school.Value, user, db, authorization, Operations.ReadCoaching, ct);
        if (refused is not null)
        {
            return refused;
        }
        var r = await reports.ForSchoolAsync(found!, year, chosen, ct);
        return TypedResults.Ok(new ImpactDto(
            r.Measure.Code(), r.Plan?.Measure.Code(),
            new CohortDto(
                r.Baseline is { } b ? new CohortYearDto(b.Year, b.Value, b.N, b.TooFew) : null,
                new CohortCurrentDto(r.Current.Year, r.Current.Value, r.Current.N, r.Current.Low, r.Current.High, r.Current.TooFew)),
            new CohortYearDto(r.Uncoached.Year, r.Uncoached.Value, r.Uncoached.N, r.Uncoached.TooFew),
            r.Reference.Select(f => new ReferenceDto(f.Scope, f.LaCode, f.Year, f.Value, f.Symbol)).ToList(),
            r.Sentences));
    }

    private static async Task<Results<Ok<CaseloadDto>, ProblemHttpResult>> Caseload(
        [Description("The school year by its start (default: this year).")] int? year,
        AccessScope access, CoachOverview overview, LynchpinDbContext db, SchoolClock clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.Role != UserRole.Coach || scope.User is null)
        {
            return Problem(403, "Only a coach has a caseload.");
        }
        var current = SchoolYear.Of(clock.Today);
        if (year is { } asked && asked != current)
        {
            // Earlier years are history: the schools only, without today's figures.
            var schools = await db.CaseloadSchools.AsNoTracking().Where(c => c.CoachUserId == scope.User.Id && c.Year == asked)
                .Select(c => new CaseloadSchoolDto(c.School.Urn, c.School.Name,
                    db.CoachingVisits.Count(v => v.CoachUserId == c.CoachUserId && v.SchoolId == c.SchoolId && v.Year == c.Year && v.Status == VisitStatus.Done),
                    c.PlannedVisits, null, 0, 0))
                .ToListAsync(ct);
            return TypedResults.Ok(new CaseloadDto(asked, scope.User.Email!, schools.OrderBy(s => s.Name).ToList(), null));
        }
        var home = await overview.ForCoachAsync(scope.User.Id, ct);
        return TypedResults.Ok(new CaseloadDto(home.Year, scope.User.Email!, home.Schools.Select(s => new CaseloadSchoolDto(
            s.School.Urn, s.School.Name, s.VisitsDone, s.VisitsPlanned, s.NextVisit, s.OverdueActionsByArea.Values.Sum(), s.PepsOverdue)).ToList(), home.Warning));
    }

    private static async Task<Results<Ok<List<PupilDto>>, ProblemHttpResult>> Pupils(
        int urn, LynchpinDbContext db, CoachingAccess coaching, AccessScope access, PupilAudit audit, CancellationToken ct)
    {
        var (school, pupils, refused) = await VisibleAtAsync(urn, db, coaching, ct);
        if (refused is not null)
        {
            return refused;
        }
        var list = await pupils!.AsNoTracking().Include(p => p.Flags).OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(ct);
        var view = await coaching.GetAsync(ct);
        await audit.ReadAsync(await access.RecorderAsync(ct), list.Select(p => (p, view.WhyMayRead(p)!.Value)), $"school pupil list (API {school!.Urn})", ct);
        return TypedResults.Ok(list.Select(p => new PupilDto(p.Id, p.Upn, p.FirstName, p.LastName, p.DateOfBirth, p.YearGroup, school.Urn, p.LaCode,
            p.EnteredCareOn, p.Flags.OrderBy(f => f.Flag).Select(f => new PupilFlagDto(f.Flag.Code(), f.From, f.To)).ToList())).ToList());
    }

    private static async Task<Results<Ok<List<PepStatusDto>>, ProblemHttpResult>> PepList(
        int urn, LynchpinDbContext db, CoachingAccess coaching, AccessScope access, PupilAudit audit, Peps peps, CancellationToken ct)
    {
        var (school, pupils, refused) = await VisibleAtAsync(urn, db, coaching, ct);
        if (refused is not null)
        {
            return refused;
        }
        var statuses = await peps.StatusesAsync(pupils!, ct);
        var view = await coaching.GetAsync(ct);
        await audit.ReadAsync(await access.RecorderAsync(ct), statuses.Select(s => (s.Pupil, view.WhyMayRead(s.Pupil)!.Value)), $"PEP list (API {school!.Urn})", ct);
        return TypedResults.Ok(statuses.Select(s => new PepStatusDto(s.Pupil.Id, s.Pupil.FullName, school.Urn, s.LastPep,
            s.Timeliness?.NextDue, s.Timeliness?.IsOverdue)).ToList());
    }

    private static async Task<Results<Ok<List<VisitDto>>, ProblemHttpResult>> Visits(
        int urn, int? year, ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, SchoolClock clock, CancellationToken ct)
    {
        var (school, refused) = await SchoolAsync(urn, user, db, authorization, Operations.ReadCoaching, ct);
        if (refused is not null)
        {
            return refused;
        }
        var y = year ?? SchoolYear.Of(clock.Today);
        var visits = await db.CoachingVisits.AsNoTracking().Include(v => v.Coach).Where(v => v.SchoolId == school!.Id && v.Year == y)
            .OrderBy(v => v.Date).ToListAsync(ct);
        return TypedResults.Ok(visits.Select(v => new VisitDto(v.Id, v.Date, v.Status.ToString().ToLowerInvariant(), v.Coach.Email!, v.WhoMet,
            v.Areas.Select(a => a.Code()).ToList(), v.Notes, v.ActionsAgreed, v.NextVisitOn)).ToList());
    }

    private static async Task<Results<Ok<ActionPlanDto>, ProblemHttpResult>> Plan(
        int urn, int? year, ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, ActionPlans plans, SchoolClock clock,
        CancellationToken ct)
    {
        var (school, refused) = await SchoolAsync(urn, user, db, authorization, Operations.ReadCoaching, ct);
        if (refused is not null)
        {
            return refused;
        }
        var y = year ?? SchoolYear.Of(clock.Today);
        var plan = await plans.FindAsync(school!.Id, y, ct);
        var today = clock.Today;
        var areas = CoachingAreas.InOrder.Select(area =>
        {
            var reviews = (plan?.Reviews ?? []).Where(r => r.Area == area).OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).ToList();
            return new PlanAreaDto(area.Code(), plan?.Aims.FirstOrDefault(a => a.Area == area)?.Text, reviews.LastOrDefault()?.Status.ToString().ToLowerInvariant(),
                (plan?.Actions ?? []).Where(a => a.Area == area).OrderBy(a => a.DueOn).Select(a => new PlanActionDto(a.Id, area.Code(), a.Description,
                    a.Owner?.FullName, a.DueOn, a.Status.ToString(), a.Evidence, a.IsOverdue(today))).ToList(),
                reviews.Select(r => new PlanReviewDto(area.Code(), r.ReviewedOn, r.Status.ToString().ToLowerInvariant(), r.Note)).ToList());
        }).ToList();
        return TypedResults.Ok(new ActionPlanDto(school.Urn, y, areas));
    }

    private static async Task<IResult> Report(
        int urn, int? year, string? format, ClaimsPrincipal user, LynchpinDbContext db, IAuthorizationService authorization, CoachingReport report,
        SchoolClock clock, HttpContext http, CancellationToken ct)
    {
        var (school, refused) = await SchoolAsync(urn, user, db, authorization, Operations.ReadCoaching, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (format is not ("xlsx" or "csv" or null))
        {
            return Problem(400, "format must be xlsx or csv.");
        }
        var y = year ?? SchoolYear.Of(clock.Today);
        var tables = await report.TablesAsync(school!, y, ct);
        var name = $"coaching-{school!.Urn}-{y}";
        http.Response.Headers.CacheControl = "no-store";
        return format == "csv"
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(CoachingReport.Csv(tables)), "text/csv; charset=utf-8", $"{name}.csv")
            : Results.File(CoachingReport.Xlsx(tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
    }

    /// <summary>The school by URN and the viewer's right to it: 404, then 403, as the pages answer.</summary>
    private static async Task<(School? School, ProblemHttpResult? Refused)> SchoolAsync(int urn, ClaimsPrincipal user, LynchpinDbContext db,
        IAuthorizationService authorization, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return (null, Problem(404, $"There is no school with URN {urn}."));
        }
        return (await authorization.AuthorizeAsync(user, school, operation)).Succeeded
            ? (school, null)
            : (null, Problem(403, "Your account may not see this school's coaching."));
    }

    /// <summary>The school's pupils the viewer may read; 403 when they may read none of them and have no role for the school's pupils.</summary>
    private static async Task<(School? School, IQueryable<Pupil>? Pupils, ProblemHttpResult? Refused)> VisibleAtAsync(
        int urn, LynchpinDbContext db, CoachingAccess coaching, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return (null, null, Problem(404, $"There is no school with URN {urn}."));
        }
        var view = await coaching.GetAsync(ct);
        var pupils = (await coaching.VisiblePupilsAsync(ct)).Where(p => p.SchoolId == school.Id);
        var hasRole = view.IsLeaderOf(school.Id) || view.DesignatedTeacherOf.Contains(school.Id) || view.ChampionOf.Contains(school.Id) || view.CoachesSchool(school.Id);
        if (!hasRole && !await pupils.AnyAsync(ct))
        {
            return (null, null, Problem(403, "Your account may not see this school's pupils."));
        }
        return (school, pupils, null);
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail, title: status switch
    {
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        _ => "Error",
    });
}
