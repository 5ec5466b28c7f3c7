using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Authorization.Infrastructure;

// Not "…Appraisals.School": a namespace named School would hide the School entity from every file inside it.
namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>
/// What the school's appraisal pages share, after the school and the right the page requires: whether the viewer leads
/// the school or sees a team, the cycle of a year, and the school year from the query string or form.
/// </summary>
public abstract class AppraisalSchoolPage : SchoolPageModel
{
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>The viewer leads the school (sees everyone); otherwise a line manager who sees their own team.</summary>
    public bool Leads { get; private set; }

    /// <summary>The viewer may open the cycle and make bulk changes.</summary>
    public bool CanManageCycle { get; private set; }

    public int CurrentYear => SchoolYear.Of(Today);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Leads = (await Access.GetAsync(ct)).LeadsSchool(School.Id);
        CanManageCycle = await MayAsync(School, Operations.ManageCycle);
        if (ChangesTheCycle && ClosedCycle.IsWrite(Request))
        {
            var year = ParseYear(Request.Query["year"].FirstOrDefault()
                ?? (Request.HasFormContentType ? (await Request.ReadFormAsync(ct))["year"].FirstOrDefault() : null));
            if (year is int asked && await CycleAsync(asked, ct) is { IsClosed: true } closed)
            {
                return ClosedCycle.Refuse(HttpContext, closed);
            }
        }
        return null;
    }

    /// <summary>Whether the page's writes change the year's cycle (refused while it is closed); not so for closing and reopening it.</summary>
    protected virtual bool ChangesTheCycle => true;

    /// <summary>
    /// Whose appraisals the viewer counts: null for everyone (the school's leaders), else a line manager's team —
    /// an empty one for an account without a staff record, never everyone.
    /// </summary>
    protected async Task<IReadOnlyCollection<int>?> TeamAsync(ProfileCalculator calculator, CancellationToken ct)
    {
        if (Leads)
        {
            return null;
        }
        var scope = await Access.GetAsync(ct);
        return scope.OwnStaffId is int own ? await calculator.TeamAsync(own, ct) : [];
    }

    /// <summary>A school year from the query or form ("2025"); null when missing or not a year.</summary>
    public static int? ParseYear(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear
            ? year
            : null;

    /// <summary>The cycle of <paramref name="year"/> at this school, if opened.</summary>
    protected Task<AppraisalCycle?> CycleAsync(int year, CancellationToken ct) =>
        Db.AppraisalCycles.AsNoTracking().SingleOrDefaultAsync(c => c.SchoolId == School.Id && c.Year == year, ct);

    /// <summary>Years with a cycle at this school, this year and next (to plan ahead), and the one shown; latest first.</summary>
    protected async Task<IReadOnlyList<SelectListItem>> YearOptionsAsync(int chosen, CancellationToken ct)
    {
        var withCycles = await Db.AppraisalCycles.Where(c => c.SchoolId == School.Id).Select(c => c.Year).ToListAsync(ct);
        return withCycles.Append(CurrentYear).Append(CurrentYear + 1).Append(chosen).Distinct().OrderDescending()
            .Select(y => new SelectListItem(
                SchoolYear.Name(y) + (y == CurrentYear ? " (this year)" : ""), y.ToString(CultureInfo.InvariantCulture), y == chosen))
            .ToList();
    }

    /// <summary>
    /// The appraisals of people still in post, counted as the dashboard counts them: those who left before today
    /// (or before the year's end, for a past year) drop out.
    /// </summary>
    protected IQueryable<Appraisal> InPostAppraisals(AppraisalCycle cycle)
    {
        var asOf = Today < SchoolYear.End(cycle.Year) ? Today : SchoolYear.End(cycle.Year);
        return Db.Appraisals.Where(a => a.CycleId == cycle.Id && (a.StaffMember.LeavingDate == null || a.StaffMember.LeavingDate >= asOf));
    }

    /// <summary>The people at the school in post on <paramref name="on"/> who have no appraisal in the cycle (yet).</summary>
    protected IQueryable<StaffMember> InPostWithout(int? cycleId, DateOnly on)
    {
        var (db, schoolId) = (Db, School.Id);
        return db.StaffMembers.Where(s => s.SchoolId == schoolId
            && (s.StartDate == null || s.StartDate <= on) && (s.LeavingDate == null || s.LeavingDate >= on)
            && !db.Appraisals.Any(a => a.CycleId == cycleId && a.StaffMemberId == s.Id));
    }

    /// <summary>"1 person", "3 people".</summary>
    public static string People(int n) => n == 1 ? "1 person" : $"{n} people";

    public static string DateText(DateOnly date) => Dates.Long(date);
}
