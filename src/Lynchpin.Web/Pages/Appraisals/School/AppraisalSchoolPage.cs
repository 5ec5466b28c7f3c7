using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

// Not "…Appraisals.School": a namespace named School would hide the School entity from every file inside it.
namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>
/// What the school's appraisal pages share: the school from the URN, checked against the viewer for one operation,
/// today's date in the school's time, and the school year from the query string or form.
/// </summary>
public abstract class AppraisalSchoolPage(
    LynchpinDbContext db, AccessScope access, IAuthorizationService authorization, SchoolClock clock) : PageModel
{
    public const int FirstYear = 2000, LastYear = 2100;

    public School School { get; private set; } = null!;

    /// <summary>The viewer leads the school (sees everyone); otherwise a line manager who sees their own team.</summary>
    public bool Leads { get; private set; }

    /// <summary>The viewer may open the cycle and make bulk changes.</summary>
    public bool CanManageCycle { get; private set; }

    /// <summary>Today in the school's (UK) time.</summary>
    public DateOnly Today => clock.Today;

    public int CurrentYear => SchoolYear.Of(Today);

    protected LynchpinDbContext Db => db;

    protected AccessScope Access => access;

    /// <summary>Finds the school and checks <paramref name="operation"/>; returns the refusal (404, 403) or null to carry on.</summary>
    protected async Task<IActionResult?> LoadAsync(int urn, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Include(s => s.Trust).SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, operation)).Succeeded)
        {
            return Forbid();
        }
        School = school;
        Leads = (await access.GetAsync(ct)).LeadsSchool(school.Id);
        CanManageCycle = (await authorization.AuthorizeAsync(User, school, Operations.ManageCycle)).Succeeded;
        return null;
    }

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
        var scope = await access.GetAsync(ct);
        return scope.OwnStaffId is int own ? await calculator.TeamAsync(own, ct) : [];
    }

    /// <summary>A school year from the query or form ("2025"); null when missing or not a year.</summary>
    public static int? ParseYear(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear
            ? year
            : null;

    /// <summary>The cycle of <paramref name="year"/> at this school, if opened.</summary>
    protected Task<AppraisalCycle?> CycleAsync(int year, CancellationToken ct) =>
        db.AppraisalCycles.AsNoTracking().SingleOrDefaultAsync(c => c.SchoolId == School.Id && c.Year == year, ct);

    /// <summary>Years with a cycle at this school, this year and next (to plan ahead), and the one shown; latest first.</summary>
    protected async Task<IReadOnlyList<SelectListItem>> YearOptionsAsync(int chosen, CancellationToken ct)
    {
        var withCycles = await db.AppraisalCycles.Where(c => c.SchoolId == School.Id).Select(c => c.Year).ToListAsync(ct);
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
        return db.Appraisals.Where(a => a.CycleId == cycle.Id && (a.StaffMember.LeavingDate == null || a.StaffMember.LeavingDate >= asOf));
    }

    /// <summary>The people at the school in post on <paramref name="on"/> who have no appraisal in the cycle (yet).</summary>
    protected IQueryable<StaffMember> InPostWithout(int? cycleId, DateOnly on) =>
        db.StaffMembers.Where(s => s.SchoolId == School.Id
            && (s.StartDate == null || s.StartDate <= on) && (s.LeavingDate == null || s.LeavingDate >= on)
            && !db.Appraisals.Any(a => a.CycleId == cycleId && a.StaffMemberId == s.Id));

    /// <summary>Copies a service's field errors onto the form's fields (<c>Input.Title</c>…), or the page for errors without one.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors, IReadOnlyDictionary<string, string>? fieldKeys = null)
    {
        foreach (var error in errors)
        {
            var key = fieldKeys?.GetValueOrDefault(error.Field) ?? $"Input.{error.Field}";
            ModelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>The signed-in account for the record, named as its staff record where it has one.</summary>
    protected async Task<Recorder> RecorderAsync(CancellationToken ct)
    {
        var user = (await access.GetAsync(ct)).User ?? throw new InvalidOperationException("A signed-in account is needed to record a change.");
        return new Recorder(user.Id, user.StaffMember?.FullName ?? user.Email ?? user.UserName ?? user.Id);
    }

    /// <summary>"1 person", "3 people".</summary>
    public static string People(int n) => n == 1 ? "1 person" : $"{n} people";

    public static string DateText(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
