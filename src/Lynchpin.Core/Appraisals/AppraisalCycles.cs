using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>When each stage of a cycle is due.</summary>
public record CycleDueDates(DateOnly ObjectivesDue, DateOnly MidYearDue, DateOnly FinalDue)
{
    /// <summary>31 October, 28 February and 15 July of the school year.</summary>
    public static CycleDueDates Default(int year) => new(new(year, 10, 31), new(year + 1, 2, 28), new(year + 1, 7, 15));
}

/// <param name="InPostOn">The date on which people had to be in post to be given an appraisal.</param>
/// <param name="Created">Appraisals made by this run.</param>
/// <param name="AlreadyHad">People who had one from an earlier run.</param>
/// <param name="CreatedWithoutAppraiser">Of those made, how many have no appraiser yet (no line manager in post).</param>
public record OpenCycleResult(AppraisalCycle Cycle, bool CycleCreated, DateOnly InPostOn, int Created, int AlreadyHad, int CreatedWithoutAppraiser);

/// <param name="Added">People given the objective.</param>
/// <param name="SkippedAgreed">People whose objectives are agreed (a reopen comes first): their names.</param>
/// <param name="SkippedFull">People who already have the most objectives allowed: their names.</param>
public record SharedObjectiveResult(int Added, IReadOnlyList<string> SkippedAgreed, IReadOnlyList<string> SkippedFull);

/// <param name="Moved">Appraisals now with the new appraiser.</param>
/// <param name="Skipped">People left as they were (the new appraiser is the person), by name.</param>
public record MoveAppraiserResult(int Moved, IReadOnlyList<string> Skipped);

/// <summary>
/// Opens a school's appraisal cycle and does the bulk work on it: everyone in post gets an appraisal with their
/// line manager as appraiser, a shared objective goes to a group at once, and appraisers are moved in bulk.
/// </summary>
public class AppraisalCycles(LynchpinDbContext db, SchoolClock clock)
{
    public static IReadOnlyList<FieldError> Validate(int year, CycleDueDates dates)
    {
        var errors = new List<FieldError>();
        if (year is < 2000 or > 2100)
        {
            errors.Add(new("Year", "Enter a school year such as 2025"));
            return errors;
        }
        var (start, end) = (SchoolYear.Start(year), SchoolYear.End(year));
        foreach (var (field, date, name) in new[]
        {
            ("ObjectivesDue", dates.ObjectivesDue, "objectives"), ("MidYearDue", dates.MidYearDue, "mid-year review"),
            ("FinalDue", dates.FinalDue, "final review"),
        })
        {
            if (date < start || date > end)
            {
                errors.Add(new(field, $"The date for the {name} must be in the school year {SchoolYear.Name(year)}"));
            }
        }
        if (dates.MidYearDue <= dates.ObjectivesDue)
        {
            errors.Add(new("MidYearDue", "The mid-year review must be due after the objectives"));
        }
        if (dates.FinalDue <= dates.MidYearDue)
        {
            errors.Add(new("FinalDue", "The final review must be due after the mid-year review"));
        }
        return errors;
    }

    /// <summary>
    /// Who counts as in post for opening a cycle: those in post on the day it runs or on 1 September, whichever is later;
    /// for a year already over, those in post on its last day.
    /// </summary>
    public static DateOnly InPostDate(int year, DateOnly today)
    {
        var date = today > SchoolYear.Start(year) ? today : SchoolYear.Start(year);
        return date > SchoolYear.End(year) ? SchoolYear.End(year) : date;
    }

    public Task<AppraisalCycle?> FindAsync(int schoolId, int year, CancellationToken cancellationToken = default) =>
        db.AppraisalCycles.SingleOrDefaultAsync(c => c.SchoolId == schoolId && c.Year == year, cancellationToken);

    /// <summary>
    /// Creates the cycle if it is missing (with <paramref name="dueDates"/>, or the defaults) and an appraisal for everyone
    /// in post who has none, teaching and support alike. Safe to run again: a rerun adds only those who joined since.
    /// Due dates must have passed <see cref="Validate"/>; an existing cycle keeps its own (see <see cref="SetDueDatesAsync"/>).
    /// </summary>
    public async Task<OpenCycleResult> OpenAsync(
        int schoolId, int year, CycleDueDates? dueDates, Recorder recorder, DateOnly today, CancellationToken cancellationToken = default)
    {
        var inPostOn = InPostDate(year, today);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var cycle = await FindAsync(schoolId, year, cancellationToken);
        var created = cycle is null;
        if (cycle is null)
        {
            var dates = dueDates ?? CycleDueDates.Default(year);
            cycle = new AppraisalCycle
            {
                SchoolId = schoolId,
                Year = year,
                ObjectivesDue = dates.ObjectivesDue,
                MidYearDue = dates.MidYearDue,
                FinalDue = dates.FinalDue,
                OpenedAt = now,
                OpenedByName = recorder.Name,
            };
            db.AppraisalCycles.Add(cycle);
            await db.SaveChangesAsync(cancellationToken);
        }

        var cycleId = cycle.Id;
        var alreadyHad = await db.Appraisals.CountAsync(a => a.CycleId == cycleId, cancellationToken);
        var newcomers = await db.StaffMembers
            .Where(s => s.SchoolId == schoolId
                && (s.StartDate == null || s.StartDate <= inPostOn) && (s.LeavingDate == null || s.LeavingDate >= inPostOn)
                && !db.Appraisals.Any(a => a.CycleId == cycleId && a.StaffMemberId == s.Id))
            .Select(s => new
            {
                s.Id,
                // A line manager who has left cannot appraise: the appraisal waits for someone to be assigned.
                Appraiser = s.LineManager != null
                    && (s.LineManager.StartDate == null || s.LineManager.StartDate <= inPostOn)
                    && (s.LineManager.LeavingDate == null || s.LineManager.LeavingDate >= inPostOn)
                    ? s.LineManagerId
                    : null,
            })
            .ToListAsync(cancellationToken);
        foreach (var person in newcomers)
        {
            db.Appraisals.Add(new Appraisal { CycleId = cycleId, StaffMemberId = person.Id, AppraiserId = person.Appraiser, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OpenCycleResult(cycle, created, inPostOn, newcomers.Count, alreadyHad, newcomers.Count(p => p.Appraiser is null));
    }

    /// <summary>Changes when a cycle's stages are due; the dates must have passed <see cref="Validate"/>.</summary>
    public async Task SetDueDatesAsync(int cycleId, CycleDueDates dates, CancellationToken cancellationToken = default)
    {
        var cycle = await db.AppraisalCycles.SingleAsync(c => c.Id == cycleId, cancellationToken);
        (cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue) = (dates.ObjectivesDue, dates.MidYearDue, dates.FinalDue);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds one objective (a whole-school priority, say) to the appraisal of everyone in <paramref name="group"/> in one step.
    /// People whose objectives are agreed, or who already have five, are left out and named in the result;
    /// someone who had recorded disagreement goes back to draft, to look at the new set.
    /// </summary>
    public async Task<Result<SharedObjectiveResult>> AssignSharedObjectiveAsync(
        int cycleId, ProfileFilter group, ObjectiveInput objective, CancellationToken cancellationToken = default)
    {
        var errors = AppraisalRules.ValidateObjective(objective);
        if (errors.Count > 0)
        {
            return Result<SharedObjectiveResult>.Fail(errors);
        }
        var schoolId = await db.AppraisalCycles.Where(c => c.Id == cycleId).Select(c => c.SchoolId).SingleAsync(cancellationToken);
        var staff = ProfileCalculator.Filtered(db.StaffMembers.Where(s => s.SchoolId == schoolId), group).Select(s => s.Id);
        var appraisals = await db.Appraisals.Include(a => a.Objectives).Include(a => a.StaffMember)
            .Where(a => a.CycleId == cycleId && staff.Contains(a.StaffMemberId))
            .ToListAsync(cancellationToken);

        var added = 0;
        List<string> agreed = [], full = [];
        foreach (var appraisal in appraisals.OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName))
        {
            if (appraisal.ObjectivesStatus == ObjectivesStatus.Agreed)
            {
                agreed.Add(appraisal.StaffMember.FullName);
                continue;
            }
            if (appraisal.Objectives.Count >= AppraisalRules.MaxObjectives)
            {
                full.Add(appraisal.StaffMember.FullName);
                continue;
            }
            appraisal.Objectives.Add(AppraisalObjectives.NewObjective(objective, NextSortOrder(appraisal)));
            appraisal.ObjectivesStatus = ObjectivesStatus.Draft;
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<SharedObjectiveResult>.Done(new SharedObjectiveResult(added, agreed, full));
    }

    /// <summary>
    /// Gives the appraisals a new appraiser, who must work in the school's trust (or the school). Anyone who would
    /// appraise themselves is skipped; a reviewer who becomes the appraiser is cleared.
    /// </summary>
    public async Task<Result<MoveAppraiserResult>> MoveAppraiserAsync(
        IReadOnlyCollection<int> appraisalIds, int newAppraiserId, CancellationToken cancellationToken = default)
    {
        var ids = appraisalIds.ToList();
        var appraisals = await db.Appraisals.Include(a => a.Cycle).Include(a => a.StaffMember)
            .Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        // Check every one before changing any, so a refusal leaves them all as they were: the organisation once per school,
        // seniority (nobody appraises someone above them; a head's appraiser is from outside their school) for each person.
        foreach (var appraisal in appraisals.Where(a => a.StaffMemberId != newAppraiserId).DistinctBy(a => a.Cycle.SchoolId))
        {
            if (await OrganisationErrorAsync(appraisal, newAppraiserId, cancellationToken) is { } error)
            {
                return Result<MoveAppraiserResult>.Fail(error);
            }
        }
        var appraiserSchoolId = await db.StaffMembers.Where(s => s.Id == newAppraiserId).Select(s => s.SchoolId).SingleAsync(cancellationToken);
        foreach (var appraisal in appraisals.Where(a => a.StaffMemberId != newAppraiserId))
        {
            if (await SeniorityErrorAsync(appraisal, newAppraiserId, appraiserSchoolId, "AppraiserId", "appraiser", cancellationToken) is { } error)
            {
                return Result<MoveAppraiserResult>.Fail(error with { Message = $"{appraisal.StaffMember.FullName}: {error.Message}" });
            }
        }
        var moved = 0;
        List<string> skipped = [];
        foreach (var appraisal in appraisals)
        {
            if (appraisal.StaffMemberId == newAppraiserId)
            {
                skipped.Add(appraisal.StaffMember.FullName);
                continue;
            }
            appraisal.AppraiserId = newAppraiserId;
            if (appraisal.ReviewerId == newAppraiserId)
            {
                appraisal.ReviewerId = null;
            }
            moved++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<MoveAppraiserResult>.Done(new MoveAppraiserResult(moved, skipped));
    }

    /// <summary>Sets one appraisal's appraiser and reviewer (either may be none).</summary>
    public async Task<Result> AssignAsync(int appraisalId, int? appraiserId, int? reviewerId, CancellationToken cancellationToken = default)
    {
        var appraisal = await db.Appraisals.Include(a => a.Cycle).SingleAsync(a => a.Id == appraisalId, cancellationToken);
        var errors = new List<FieldError>();
        if (appraiserId is int appraiser && await AppraiserErrorAsync(appraisal, appraiser, cancellationToken) is { } appraiserError)
        {
            errors.Add(appraiserError);
        }
        if (reviewerId is int reviewer)
        {
            if (appraiserId is null)
            {
                errors.Add(new("ReviewerId", "Choose an appraiser before a reviewer"));
            }
            else if (reviewer == appraisal.StaffMemberId || reviewer == appraiserId)
            {
                errors.Add(new("ReviewerId", "The reviewer must be someone other than the person and their appraiser"));
            }
            else if (!(await ManagersAboveAsync(appraiserId.Value, cancellationToken)).Contains(reviewer))
            {
                errors.Add(new("ReviewerId", "The reviewer must be above the appraiser in line management"));
            }
            else if (await SeniorityErrorAsync(appraisal, reviewer,
                await db.StaffMembers.Where(s => s.Id == reviewer).Select(s => s.SchoolId).SingleAsync(cancellationToken), "ReviewerId", "reviewer", cancellationToken) is { } seniority)
            {
                errors.Add(seniority);
            }
        }
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        appraisal.AppraiserId = appraiserId;
        appraisal.ReviewerId = reviewerId;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    private async Task<FieldError?> AppraiserErrorAsync(Appraisal appraisal, int appraiserId, CancellationToken cancellationToken) =>
        await OrganisationErrorAsync(appraisal, appraiserId, cancellationToken)
        ?? await SeniorityErrorAsync(appraisal, appraiserId,
            await db.StaffMembers.Where(s => s.Id == appraiserId).Select(s => s.SchoolId).SingleAsync(cancellationToken), "AppraiserId", "appraiser", cancellationToken);

    private async Task<FieldError?> OrganisationErrorAsync(Appraisal appraisal, int appraiserId, CancellationToken cancellationToken)
    {
        if (appraiserId == appraisal.StaffMemberId)
        {
            return new("AppraiserId", "A person cannot be their own appraiser");
        }
        var school = await db.Schools.Where(s => s.Id == appraisal.Cycle.SchoolId).Select(s => new { s.Id, s.TrustId }).SingleAsync(cancellationToken);
        var appraiserSchool = await db.StaffMembers.Where(s => s.Id == appraiserId)
            .Select(s => new { s.SchoolId, s.School.TrustId }).SingleOrDefaultAsync(cancellationToken);
        var sameOrganisation = appraiserSchool is not null
            && (appraiserSchool.SchoolId == school.Id || (school.TrustId is not null && appraiserSchool.TrustId == school.TrustId));
        return sameOrganisation ? null : new("AppraiserId", "Choose an appraiser who works in this school or its trust");
    }

    /// <summary>
    /// Least privilege: nobody appraises or reviews someone above them in line management, and a head's appraisal belongs
    /// to the trust, so its appraiser and reviewer come from outside the head's school.
    /// </summary>
    private async Task<FieldError?> SeniorityErrorAsync(
        Appraisal appraisal, int staffId, int staffSchoolId, string field, string part, CancellationToken cancellationToken)
    {
        if ((await ManagersAboveAsync(staffId, cancellationToken)).Contains(appraisal.StaffMemberId))
        {
            return new(field, $"The {part} cannot be someone the person line-manages: choose someone above them or beside them");
        }
        var isHead = await db.StaffMembers.Where(s => s.Id == appraisal.StaffMemberId).Where(Accounts.Seniority.IsHeadExpression).AnyAsync(cancellationToken);
        if (isHead && staffSchoolId == appraisal.Cycle.SchoolId)
        {
            return new(field, $"A head's appraisal belongs to the trust: choose their {part} from outside their school, such as the trust's CEO or an executive head");
        }
        return null;
    }

    /// <summary>The line managers above a person, nearest first.</summary>
    private async Task<List<int>> ManagersAboveAsync(int staffId, CancellationToken cancellationToken)
    {
        var chain = new List<int>();
        int? next = await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.LineManagerId).SingleOrDefaultAsync(cancellationToken);
        // The model forbids cycles; the check still stops a bad row from looping forever.
        while (next is int manager && manager != staffId && !chain.Contains(manager))
        {
            chain.Add(manager);
            next = await db.StaffMembers.Where(s => s.Id == manager).Select(s => s.LineManagerId).SingleOrDefaultAsync(cancellationToken);
        }
        return chain;
    }

    private static int NextSortOrder(Appraisal appraisal) => appraisal.Objectives.Count == 0 ? 1 : appraisal.Objectives.Max(o => o.SortOrder) + 1;
}
