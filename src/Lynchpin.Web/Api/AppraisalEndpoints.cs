using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

/// <summary>People by their on-track status at the mid-year review (the worst rating once the appraiser has signed).</summary>
public record OnTrackDto(int OnTrack, int AtRisk, int OffTrack);

public record MidYearDto(OnTrackDto Teaching, OnTrackDto Support);

/// <summary>A school's appraisal year in numbers; <see cref="Staff"/> counts the appraisals of people still in post.</summary>
public record SchoolAppraisalDto(int Year, int Staff, int ObjectivesAgreed, int WithPupilProgressObjective, int ReviewsOverdue, MidYearDto MidYear);

/// <summary>
/// The appraisal dashboard's numbers as JSON. Scoped like the dashboard page: a school's leaders see everyone,
/// a line manager of the school their own team.
/// </summary>
public static class AppraisalEndpoints
{
    public static void MapAppraisalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Appraisal");
        api.MapGet("/schools/{urn:int}/appraisal", SchoolAppraisal)
            .WithSummary("A school's appraisal year: objectives agreed, pupil-progress objectives, overdue reviews, and mid-year on-track status of teaching and support staff.")
            .WithDescription("A line manager sees their own team's numbers; the school's leaders see everyone. A year whose cycle is not open gives zeros.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SchoolAppraisalDto>, ProblemHttpResult>> SchoolAppraisal(
        int urn,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization,
        ProfileCalculator profiles, AppraisalDashboard dashboard, SchoolClock clock, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no school with URN {urn}.");
        }
        profiles.Versions.Know(school);
        if (!(await authorization.AuthorizeAsync(user, school, Operations.ViewAppraisals)).Succeeded)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Your account may not see this school's appraisals.");
        }
        if (!int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear) || parsedYear is < 2000 or > 2100)
        {
            return TypedResults.Problem(statusCode: 400, title: "The year parameter is not valid.", detail: year is null
                ? "Give the school year by the year it starts, such as year=2025 for 2025/26."
                : $"\"{year}\" is not a school year; give the year it starts, such as year=2025 for 2025/26.");
        }

        var scope = await access.GetAsync(ct);
        // A line manager without a staff record has no team: an empty one, never everyone.
        IReadOnlyCollection<int>? team = scope.LeadsSchool(school.Id) ? null
            : scope.OwnStaffId is int own ? await profiles.TeamAsync(own, ct)
            : [];
        var today = clock.Today;
        var s = (await dashboard.SchoolAsync(school.Id, parsedYear, today, team, ct)).Summary;
        return TypedResults.Ok(new SchoolAppraisalDto(
            parsedYear, s.Staff, s.ObjectivesAgreed, s.WithPupilProgressObjective, s.ReviewsOverdue,
            new MidYearDto(OnTrack(s.MidYearByCategory[StaffCategory.Teaching]), OnTrack(s.MidYearByCategory[StaffCategory.Support]))));
    }

    private static OnTrackDto OnTrack(OnTrackCounts counts) => new(counts.OnTrack, counts.AtRisk, counts.OffTrack);
}
