using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// What the pages about one person's appraisal share: finding the person and their appraisal for a school year,
/// checking what the reader may do with it, the UK date, who is recording, and putting the rules' errors on the form.
/// </summary>
/// <remarks>
/// The type <c>School</c> is never named in this folder: a sibling folder <c>Appraisals/School</c> is a namespace of
/// that name, which C# would find first (the clash decision 0003 describes for <c>Appraisal</c>).
/// </remarks>
public abstract class PersonAppraisalPage(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock)
    : PageModel
{
    public StaffMember Member { get; private set; } = null!;

    /// <summary>The school year shown, by its start (2026 is 2026/27).</summary>
    public int Year { get; private set; }

    /// <summary>The person's appraisal for <see cref="Year"/> with everything the pages show (never pay); null when there is none.</summary>
    public Appraisal? Appraisal { get; private set; }

    /// <summary>Whether the reader is the person: the page is then "My appraisal".</summary>
    public bool IsOwn { get; private set; }

    public DateOnly Today => clock.Today;

    public string YearName => SchoolYear.Name(Year);

    /// <summary>The person's appraisal page for the year shown.</summary>
    public string AppraisalUrl => $"/staff/{Member.Id}/appraisal?year={Year}";

    protected LynchpinDbContext Db => db;

    /// <summary>
    /// Loads the person and their appraisal for <paramref name="year"/> (or the default year) and checks <paramref name="operation"/>.
    /// Returns 404 when the person is missing, 403 when the reader may not, and 404 when <paramref name="appraisalRequired"/> and
    /// there is no appraisal — checked after the refusal, so nobody learns whether someone they may not see has one.
    /// </summary>
    protected async Task<IActionResult?> FindAsync(
        int staffId, int? year, OperationAuthorizationRequirement operation, bool appraisalRequired, CancellationToken ct)
    {
        var member = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (member is null)
        {
            return NotFound();
        }
        Member = member;
        // A year that is not one (?year=abc) falls back to the default rather than showing a form error on a page that asked nothing.
        ModelState.Remove("year");
        Year = year is >= 2000 and <= 2100 ? year.Value : await DefaultYearAsync(staffId, ct);
        Appraisal = await LoadAppraisalAsync(staffId, Year, ct);
        if (!await MayAsync(operation))
        {
            return Forbid();
        }
        if (Appraisal is null && appraisalRequired)
        {
            return NotFound();
        }
        IsOwn = (await access.GetAsync(ct)).OwnStaffId == staffId;
        return null;
    }

    /// <summary>The objective a page is about, from <see cref="Appraisal"/>; set by <see cref="FindObjectiveAsync"/>.</summary>
    public Objective Objective { get; private set; } = null!;

    /// <summary>
    /// As <see cref="FindAsync"/> for the appraisal that holds <paramref name="objectiveId"/>, which must be the person's:
    /// another person's objective, or none, is 404 (or 403 first, for a reader who may not do this to the person's appraisal).
    /// </summary>
    protected async Task<IActionResult?> FindObjectiveAsync(
        int staffId, int objectiveId, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var year = await db.Objectives.Where(o => o.Id == objectiveId && o.Appraisal.StaffMemberId == staffId)
            .Select(o => (int?)o.Appraisal.Cycle.Year).SingleOrDefaultAsync(ct);
        if (await FindAsync(staffId, year, operation, appraisalRequired: year is not null, ct) is { } refused)
        {
            return refused;
        }
        if (year is null)
        {
            return NotFound();
        }
        Objective = Appraisal!.Objectives.Single(o => o.Id == objectiveId);
        return null;
    }

    /// <summary>Loads the appraisal again after a change, so a page shown with errors shows what is stored.</summary>
    protected async Task ReloadAsync(CancellationToken ct)
    {
        Appraisal = await LoadAppraisalAsync(Member.Id, Year, ct);
        if (Objective is not null)
        {
            Objective = Appraisal?.Objectives.SingleOrDefault(o => o.Id == Objective.Id) ?? Objective;
        }
    }

    /// <summary>
    /// Whether the reader may do <paramref name="operation"/> on the person's appraisal. Without one (no cycle yet), it is
    /// asked of an appraisal as a new cycle would make it, with no appraiser yet: the school's leaders manage it, and the
    /// person and those above them read it.
    /// </summary>
    protected async Task<bool> MayAsync(OperationAuthorizationRequirement operation)
    {
        var resource = Appraisal ?? new Appraisal
        {
            StaffMemberId = Member.Id,
            Cycle = new AppraisalCycle { SchoolId = Member.SchoolId, Year = Year, OpenedByName = "" },
        };
        return (await authorization.AuthorizeAsync(User, resource, operation)).Succeeded;
    }

    /// <summary>The year a page opens on: this school year if the person has an appraisal in it, else their latest, else this year.</summary>
    private async Task<int> DefaultYearAsync(int staffId, CancellationToken ct)
    {
        var thisYear = SchoolYear.Of(Today);
        var years = await db.Appraisals.Where(a => a.StaffMemberId == staffId).Select(a => a.Cycle.Year).ToListAsync(ct);
        return years.Contains(thisYear) || years.Count == 0 ? thisYear : years.Max();
    }

    private Task<Appraisal?> LoadAppraisalAsync(int staffId, int year, CancellationToken ct) =>
        db.Appraisals.AsNoTracking().WithDetails().SingleOrDefaultAsync(a => a.StaffMemberId == staffId && a.Cycle.Year == year, ct);

    /// <summary>Whether the reader may do <paramref name="operation"/> on another resource (the person's school, say).</summary>
    protected async Task<bool> MayAsync(object resource, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, resource, operation)).Succeeded;

    /// <summary>The years the person has an appraisal in, and this one, newest first: the year picker's choices.</summary>
    protected async Task<List<SelectListItem>> YearOptionsAsync(CancellationToken ct)
    {
        var years = await db.Appraisals.Where(a => a.StaffMemberId == Member.Id).Select(a => a.Cycle.Year).ToListAsync(ct);
        return years.Append(SchoolYear.Of(Today)).Append(Year).Distinct().OrderDescending()
            .Select(y => new SelectListItem(SchoolYear.Name(y), y.ToString(CultureInfo.InvariantCulture), y == Year))
            .ToList();
    }

    /// <summary>Who is recording a change, by the name the person will see next to it.</summary>
    protected async Task<Recorder> RecorderAsync(CancellationToken ct)
    {
        var user = (await access.GetAsync(ct)).User;
        return new Recorder(user?.Id, user?.StaffMember?.FullName ?? user?.Email ?? User.Identity?.Name ?? "Unknown");
    }

    /// <summary>
    /// Puts the rules' errors on the page: a field of the form (<c>Title</c>) on its input (<c>Input.Title</c>),
    /// anything else (the set of objectives, the review) at the top of the error summary.
    /// </summary>
    protected void AddErrors(IEnumerable<FieldError> errors, params string[] formFields)
    {
        foreach (var error in errors)
        {
            var key = formFields.Contains(error.Field) ? $"Input.{error.Field}" : "";
            ModelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>Staff a person may name as appraiser, reviewer or coach: those of the school and its trust who are in post.</summary>
    protected async Task<List<SelectListItem>> ColleagueOptionsAsync(string noneText, IEnumerable<int?> keep, CancellationToken ct)
    {
        var schoolId = Member.SchoolId;
        var trustId = Member.School.TrustId;
        var kept = keep.OfType<int>().ToList();
        var today = Today;
        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id != Member.Id
                && (s.SchoolId == schoolId || (trustId != null && s.School.TrustId == trustId))
                && ((s.LeavingDate == null || s.LeavingDate >= today) || kept.Contains(s.Id)))
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.JobTitle, s.SchoolId, SchoolName = s.School.Name })
            .ToListAsync(ct);
        // The person's own school first, then the trust's other schools; by surname within each.
        return people.OrderBy(p => p.SchoolId != schoolId).ThenBy(p => p.SchoolName).ThenBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new SelectListItem(
                $"{p.FirstName} {p.LastName}, {p.JobTitle}{(p.SchoolId == schoolId ? "" : $" ({p.SchoolName})")}",
                p.Id.ToString(CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(noneText, ""))
            .ToList();
    }

    /// <summary>Whether a chosen id is one of the options offered (an empty choice is "none").</summary>
    protected static bool Offered(IEnumerable<SelectListItem> options, int? id) =>
        id is null || options.Any(o => o.Value == id.Value.ToString(CultureInfo.InvariantCulture));
}
