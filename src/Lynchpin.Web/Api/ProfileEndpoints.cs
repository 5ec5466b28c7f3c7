using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lynchpin.Web.Api;

/// <summary>People in post at one checkpoint by stage ("0" to "6", always all seven), and those not assessed.</summary>
/// <param name="Date">The checkpoint's date; in a trust's totals, null when its schools set different dates.</param>
/// <param name="Due">False while the checkpoint's date (every school's, in a trust's totals) is after today in the schools' time zone.</param>
/// <param name="NotAssessed">People in post not assessed; null for a checkpoint not yet due, where nobody is behind.</param>
public record ProfileCheckpointDto(int Number, string Name, DateOnly? Date, bool Due, IReadOnlyDictionary<string, int> Stages, int? NotAssessed);

public record SchoolProfileDto(string Urn, int Year, IReadOnlyList<ProfileCheckpointDto> Checkpoints);

/// <summary>Stage at <see cref="From"/> (rows) by stage at <see cref="To"/> (columns), for people assessed at both.</summary>
public record TransitionsDto(int From, int To, int[][] Matrix, int Up, int Same, int Down);

public record TrustSchoolProfileDto(string Urn, string Name, IReadOnlyList<ProfileCheckpointDto> Checkpoints);

public record TrustTotalsDto(IReadOnlyList<ProfileCheckpointDto> Checkpoints);

public record TrustProfileDto(string Code, int Year, IReadOnlyList<TrustSchoolProfileDto> Schools, TrustTotalsDto Trust);

/// <summary>A person named by a next step: their staff reference and their stage at the checkpoint (null: not assessed).</summary>
public record NextStepsPersonDto(string StaffRef, int? Stage);

/// <summary>A criterion people of a role family at a stage have not met, and who they are.</summary>
public record UnmetCriterionDto(int Stage, string RoleFamily, string Criterion, IReadOnlyList<string> StaffRefs);

/// <summary>A coach (by staff reference) with more people than the usual load, and who they are.</summary>
public record CoachLoadDto(string CoachStaffRef, IReadOnlyList<string> StaffRefs);

/// <summary>"What can you do to improve it?" for a school and checkpoint (see <see cref="NextSteps"/>).</summary>
public record NextStepsDto(string Urn, int Year, int Checkpoint, IReadOnlyList<NextStepsPersonDto> HeldAtStage,
    IReadOnlyList<UnmetCriterionDto> UnmetCriteria, IReadOnlyList<NextStepsPersonDto> WithoutCoach, IReadOnlyList<CoachLoadDto> BusyCoaches);

/// <summary>
/// The Professional Progression Profile as JSON: a school's four checkpoints, movement between two of them, and a
/// trust's schools with their totals. Scoped like the profile page: a school's leaders see everyone, a line manager
/// of the school their own team, and a trust's totals are for its trust admins.
/// </summary>
public static class ProfileEndpoints
{
    private const int FirstYear = 2000, LastYear = 2100;

    public static void MapProfileApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Profile");
        api.MapGet("/schools/{urn:int}/profile", SchoolProfile)
            .WithSummary("A school's Professional Progression Profile for a school year: people in post at each checkpoint by stage.")
            .WithDescription("A line manager sees their own team's profile; the school's leaders see everyone.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/schools/{urn:int}/profile/transitions", SchoolTransitions)
            .WithSummary("Movement between two checkpoints of a year: stage at the first by stage at the second, for people assessed at both.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/schools/{urn:int}/profile/next-steps", SchoolNextSteps)
            .WithSummary("What can be done to improve a school's profile at a checkpoint: people held at a stage, the criteria most often unmet, people without a coach, coaches with many people.")
            .WithDescription("Held at a stage: in post on the checkpoint's date and assessed at the same stage, below 6, at it and the two checkpoints before (checkpoint 1 follows checkpoint 4 of the year before). Scoped as the profile: a line manager's own team, the school's leaders everyone.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/trusts/{code}/profile", TrustProfile)
            .WithSummary("Each school of a trust and the trust as a whole, by stage at each checkpoint (or one) of a year. For the trust's admins.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SchoolProfileDto>, ProblemHttpResult>> SchoolProfile(
        int urn,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        [Description("teaching or support.")] string? category,
        [Description("A role family code, such as learning-support.")] string? roleFamily,
        ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization,
        ProfileCalculator profiles, SchoolClock clock, CancellationToken ct)
    {
        var (school, team, problem) = await SchoolAsync(urn, user, db, access, authorization, profiles, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (ParseYear(year, out var parsedYear) is { } badYear)
        {
            return badYear;
        }
        if (ParseFilter(category, roleFamily, team, out var filter) is { } badFilter)
        {
            return badFilter;
        }
        var profile = await profiles.SchoolAsync(school!.Id, parsedYear, filter, ct);
        var checkpoints = profile.Checkpoints
            .Select(c => ToDto(c.Checkpoint.Number, c.Checkpoint.Date, c.Checkpoint.Date <= clock.Today, c.Distribution.Stages, c.Distribution.NotAssessed))
            .ToList();
        return TypedResults.Ok(new SchoolProfileDto(Invariant(school.Urn), parsedYear, checkpoints));
    }

    private static async Task<Results<Ok<TransitionsDto>, ProblemHttpResult>> SchoolTransitions(
        int urn,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        [Description("The earlier checkpoint, 1 to 3.")] string? from,
        [Description("The later checkpoint, 2 to 4.")] string? to,
        [Description("teaching or support.")] string? category,
        [Description("A role family code, such as learning-support.")] string? roleFamily,
        ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization,
        ProfileCalculator profiles, CancellationToken ct)
    {
        var (school, team, problem) = await SchoolAsync(urn, user, db, access, authorization, profiles, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (ParseYear(year, out var parsedYear) is { } badYear)
        {
            return badYear;
        }
        if (ParseCheckpoint("from", from, required: true, out var fromCheckpoint) is { } badFrom)
        {
            return badFrom;
        }
        if (ParseCheckpoint("to", to, required: true, out var toCheckpoint) is { } badTo)
        {
            return badTo;
        }
        if (fromCheckpoint >= toCheckpoint)
        {
            return BadParameter("from", $"from ({fromCheckpoint}) must be an earlier checkpoint than to ({toCheckpoint}).");
        }
        if (ParseFilter(category, roleFamily, team, out var filter) is { } badFilter)
        {
            return badFilter;
        }
        var transitions = await profiles.TransitionsAsync(school!.Id, parsedYear, fromCheckpoint!.Value, toCheckpoint!.Value, filter, ct);
        return TypedResults.Ok(new TransitionsDto(transitions.From, transitions.To, transitions.Matrix, transitions.Up, transitions.Same, transitions.Down));
    }

    private static async Task<Results<Ok<NextStepsDto>, ProblemHttpResult>> SchoolNextSteps(
        int urn,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        [Description("The checkpoint, 1 to 4.")] string? checkpoint,
        ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization,
        ProfileCalculator profiles, NextSteps nextSteps, CancellationToken ct)
    {
        var (school, team, problem) = await SchoolAsync(urn, user, db, access, authorization, profiles, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (ParseYear(year, out var parsedYear) is { } badYear)
        {
            return badYear;
        }
        if (ParseCheckpoint("checkpoint", checkpoint, required: true, out var parsedCheckpoint) is { } badCheckpoint)
        {
            return badCheckpoint;
        }
        var steps = await nextSteps.ForSchoolAsync(school!, parsedYear, parsedCheckpoint!.Value, new ProfileFilter(Team: team), ct);
        var coachIds = steps.BusyCoaches.Select(c => c.CoachId).ToList();
        var coachRefs = await db.StaffMembers.AsNoTracking().Where(s => coachIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.StaffRef, ct);
        return TypedResults.Ok(new NextStepsDto(Invariant(school!.Urn), parsedYear, parsedCheckpoint.Value,
            steps.HeldAtStage.Select(p => new NextStepsPersonDto(p.StaffRef, p.Stage)).ToList(),
            steps.UnmetCriteria.Select(u => new UnmetCriterionDto(u.Stage, u.RoleFamily.Code(), u.Criterion, u.People.Select(p => p.StaffRef).ToList())).ToList(),
            steps.WithoutCoach.Select(p => new NextStepsPersonDto(p.StaffRef, p.Stage)).ToList(),
            steps.BusyCoaches.Select(c => new CoachLoadDto(coachRefs[c.CoachId], c.People.Select(p => p.StaffRef).ToList())).ToList()));
    }

    private static async Task<Results<Ok<TrustProfileDto>, ProblemHttpResult>> TrustProfile(
        string code,
        [Description("The school year by the year it starts: 2025 is 2025/26.")] string? year,
        [Description("One checkpoint, 1 to 4; all four when left out.")] string? checkpoint,
        [Description("teaching or support.")] string? category,
        [Description("A role family code, such as learning-support.")] string? roleFamily,
        LynchpinDbContext db, AccessScope access, ProfileCalculator profiles, SchoolClock clock, DataVersions versions, CancellationToken ct)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct);
        if (trust is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no trust with the code {code}.");
        }
        var scope = await access.GetAsync(ct);
        if (scope.Role != UserRole.TrustAdmin || scope.User?.TrustId != trust.Id)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Only the trust's admins may see its profile.");
        }
        if (ParseYear(year, out var parsedYear) is { } badYear)
        {
            return badYear;
        }
        if (ParseCheckpoint("checkpoint", checkpoint, required: false, out var onlyCheckpoint) is { } badCheckpoint)
        {
            return badCheckpoint;
        }
        if (ParseFilter(category, roleFamily, team: null, out var filter) is { } badFilter)
        {
            return badFilter;
        }

        var schools = await db.Schools.AsNoTracking().Where(s => s.TrustId == trust.Id)
            .OrderBy(s => s.Name).ThenBy(s => s.Urn).ToListAsync(ct);
        versions.Know(schools);
        IReadOnlyList<int> numbers = onlyCheckpoint is int n ? [n] : SchoolYear.Checkpoints;
        // One grouped query per checkpoint covers every school (see ProfileCalculator.SchoolsAsync).
        var byCheckpoint = new List<IReadOnlyList<SchoolDistribution>>();
        foreach (var number in numbers)
        {
            byCheckpoint.Add(await profiles.SchoolsAsync(schools, parsedYear, number, filter, ct));
        }

        var schoolDtos = schools.Select(s => new TrustSchoolProfileDto(Invariant(s.Urn), s.Name, byCheckpoint
                .Select(list => list.Single(d => d.SchoolId == s.Id))
                .Select(d => ToDto(d.Checkpoint.Number, d.Checkpoint.Date, d.Checkpoint.Date <= clock.Today, d.Distribution.Stages, d.Distribution.NotAssessed))
                .ToList()))
            .ToList();
        var totals = numbers.Select((number, i) =>
        {
            var list = byCheckpoint[i];
            var dates = list.Select(d => d.Checkpoint.Date).Distinct().ToList();
            var stages = Enumerable.Range(0, StageDistribution.StageCount).Select(stage => list.Sum(d => d.Distribution.Stages[stage])).ToList();
            return ToDto(number, dates.Count == 1 ? dates[0] : null, dates.All(d => d <= clock.Today), stages, list.Sum(d => d.Distribution.NotAssessed));
        }).ToList();
        return TypedResults.Ok(new TrustProfileDto(trust.Code, parsedYear, schoolDtos, new TrustTotalsDto(totals)));
    }

    /// <summary>
    /// The school, and whom its profile may count for this account: null for everyone (its leaders),
    /// otherwise a line manager's team. Or the 404/403 problem.
    /// </summary>
    private static async Task<(School? School, IReadOnlyCollection<int>? Team, ProblemHttpResult? Problem)> SchoolAsync(
        int urn, ClaimsPrincipal user, LynchpinDbContext db, AccessScope access, IAuthorizationService authorization,
        ProfileCalculator profiles, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return (null, null, TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"There is no school with URN {urn}."));
        }
        profiles.Versions.Know(school);
        if (!(await authorization.AuthorizeAsync(user, school, Operations.ViewProfile)).Succeeded)
        {
            return (null, null, TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Your account may not see this school's profile."));
        }
        var scope = await access.GetAsync(ct);
        if (scope.LeadsSchool(school.Id))
        {
            return (school, null, null);
        }
        // A line manager without a staff record has no team: an empty one, never everyone.
        var team = scope.OwnStaffId is int own ? await profiles.TeamAsync(own, ct) : [];
        return (school, team, null);
    }

    /// <summary>The <c>year</c> parameter (2025 for 2025/26), or the 400 problem saying what is wrong; shared by every endpoint that takes one.</summary>
    internal static ProblemHttpResult? ParseYear(string? text, out int year)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= FirstYear and <= LastYear)
        {
            return null;
        }
        return BadParameter("year", text is null
            ? "Give the school year by the year it starts, such as year=2025 for 2025/26."
            : $"\"{text}\" is not a school year; give the year it starts, such as year=2025 for 2025/26.");
    }

    private static ProblemHttpResult? ParseCheckpoint(string parameter, string? text, bool required, out int? checkpoint)
    {
        checkpoint = null;
        if (text is null && !required)
        {
            return null;
        }
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && SchoolYear.IsCheckpoint(number))
        {
            checkpoint = number;
            return null;
        }
        return BadParameter(parameter, text is null
            ? $"Give {parameter} as a checkpoint from 1 to 4."
            : $"\"{text}\" is not a checkpoint; use 1, 2, 3 or 4.");
    }

    private static ProblemHttpResult? ParseFilter(string? category, string? roleFamily, IReadOnlyCollection<int>? team, out ProfileFilter filter)
    {
        filter = new ProfileFilter(Team: team);
        if (category is not null)
        {
            if (!RoleFamilies.TryParseCategory(category, out var parsed))
            {
                return BadParameter("category", "Use teaching or support.");
            }
            filter = filter with { Category = parsed };
        }
        if (roleFamily is not null)
        {
            if (!RoleFamilies.TryParse(roleFamily, out var parsed))
            {
                return BadParameter("roleFamily", "Use one of: " + string.Join(", ", RoleFamilies.All.Select(r => r.Code())) + ".");
            }
            filter = filter with { RoleFamily = parsed };
        }
        return null;
    }

    private static ProfileCheckpointDto ToDto(int number, DateOnly? date, bool due, IReadOnlyList<int> stages, int notAssessed) =>
        new(number, SchoolYear.CheckpointName(number), date, due,
            // Built in stage order, so the JSON lists "0" to "6" in order.
            stages.Select((count, stage) => (Stage: Invariant(stage), count)).ToDictionary(s => s.Stage, s => s.count),
            due ? notAssessed : null);

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static ProblemHttpResult BadParameter(string parameter, string detail) =>
        TypedResults.Problem(statusCode: 400, title: $"The {parameter} parameter is not valid.", detail: detail);
}
