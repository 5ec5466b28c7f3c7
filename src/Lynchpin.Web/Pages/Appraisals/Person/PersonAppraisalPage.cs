using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// What the pages about one person's appraisal share: after the person, their appraisal for a school year (or, on an
/// objective's pages, the year of the objective in the URL) is loaded and the right the page requires checked against
/// it, before any handler runs.
/// </summary>
public abstract class PersonAppraisalPage : PersonPageModel
{
    /// <summary>The school year asked for (<c>?year=2025</c>); one that is not a year falls back to the default.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    [System.ComponentModel.DataAnnotations.Display(Name = "school year")]
    public int? AskedYear { get; set; }

    /// <summary>The school year shown, by its start (2026 is 2026/27).</summary>
    public int Year { get; private set; }

    /// <summary>The person's appraisal for <see cref="Year"/> with everything the pages show (never pay); null when there is none.</summary>
    public Appraisal? Appraisal { get; private set; }

    public string YearName => SchoolYear.Name(Year);

    /// <summary>The year's cycle is closed: the pages show it read-only and refuse every write.</summary>
    public bool IsClosed => Appraisal?.Cycle.IsClosed == true;

    /// <summary>The person's appraisal page for the year shown.</summary>
    public string AppraisalUrl => Url.To<IndexModel>(new { id = Member.Id, year = Year });

    /// <summary>Back to the person's appraisal page for the year shown, at <paramref name="fragment"/> if given.</summary>
    protected RedirectToPageResult RedirectToAppraisal(string? fragment = null) =>
        RedirectTo<IndexModel>(new { id = Member.Id, year = Year }, fragment);

    /// <summary>Whether the page needs an appraisal in the year (404 without one); the person's appraisal page does not.</summary>
    protected virtual bool AppraisalRequired => true;

    /// <summary>The objective the URL names (<c>…/objectives/{objectiveId}/…</c>), on the pages that have one.</summary>
    public Objective Objective { get; private set; } = null!;

    /// <summary>
    /// Loads the appraisal of the year (or of the objective in the URL, which must be the person's) and checks the page's right
    /// on it: 403 when the reader may not, then 404 when there is no appraisal or objective — checked after the refusal, so
    /// nobody learns whether someone they may not see has one.
    /// </summary>
    protected override async Task<IActionResult?> AuthorizeAsync(CancellationToken ct)
    {
        var staffId = Member.Id;
        int? objectiveId = RouteData.Values.ContainsKey("objectiveId") ? RouteInt("objectiveId") : null;
        // A year that is not one (?year=abc, ?year=-1) is a 400 with the error summary once the person is found and the
        // right checked (Security/InputRanges), never a silent fallback to another year.
        var year = objectiveId is int id
            ? await Db.Objectives.Where(o => o.Id == id && o.Appraisal.StaffMemberId == staffId)
                .Select(o => (int?)o.Appraisal.Cycle.Year).SingleOrDefaultAsync(ct)
            : AskedYear is >= 2000 and <= 2100 ? AskedYear : null;
        Year = year ?? await DefaultYearAsync(staffId, ct);
        Appraisal = await LoadAppraisalAsync(staffId, Year, ct);
        if (!await MayAsync(Requirement))
        {
            return Forbid();
        }
        if (Appraisal?.Cycle is { IsClosed: true } closed && ClosedCycle.IsWrite(Request))
        {
            return ClosedCycle.Refuse(HttpContext, closed);
        }
        if (objectiveId is int found)
        {
            if (year is null)
            {
                return NotFound();
            }
            Objective = Appraisal!.Objectives.Single(o => o.Id == found);
        }
        return Appraisal is null && AppraisalRequired ? NotFound() : null;
    }

    /// <summary>Audits that the reader was shown the person's appraisal (when there is one) on <paramref name="where"/>.</summary>
    protected async Task AuditReadAsync(string where, CancellationToken ct)
    {
        if (Appraisal is not null)
        {
            await AuditAsync(AuditActions.AppraisalRead, AuditSubject.Record(AuditRecordTypes.Appraisal, Appraisal.Id, Member), $"{where}, {YearName}", ct);
        }
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
        return await MayAsync(resource, operation);
    }

    /// <summary>The year a page opens on: this school year if the person has an appraisal in it, else their latest, else this year.</summary>
    private async Task<int> DefaultYearAsync(int staffId, CancellationToken ct)
    {
        var thisYear = SchoolYear.Of(Today);
        var years = await Db.Appraisals.Where(a => a.StaffMemberId == staffId).Select(a => a.Cycle.Year).ToListAsync(ct);
        return years.Contains(thisYear) || years.Count == 0 ? thisYear : years.Max();
    }

    private Task<Appraisal?> LoadAppraisalAsync(int staffId, int year, CancellationToken ct) =>
        Db.Appraisals.AsNoTracking().WithDetails().SingleOrDefaultAsync(a => a.StaffMemberId == staffId && a.Cycle.Year == year, ct);

    /// <summary>The years the person has an appraisal in, and this one, newest first: the year picker's choices.</summary>
    protected async Task<List<SelectListItem>> YearOptionsAsync(CancellationToken ct)
    {
        var years = await Db.Appraisals.Where(a => a.StaffMemberId == Member.Id).Select(a => a.Cycle.Year).ToListAsync(ct);
        return years.Append(SchoolYear.Of(Today)).Append(Year).Distinct().OrderDescending()
            .Select(y => new SelectListItem(SchoolYear.Name(y), y.ToString(CultureInfo.InvariantCulture), y == Year))
            .ToList();
    }

    /// <summary>Staff a person may name as appraiser, reviewer or coach: those of the school and its trust who are in post.</summary>
    protected async Task<List<SelectListItem>> ColleagueOptionsAsync(string noneText, IEnumerable<int?> keep, CancellationToken ct)
    {
        var schoolId = Member.SchoolId;
        var trustId = Member.School.TrustId;
        var kept = keep.OfType<int>().ToList();
        var today = Today;
        var people = await Db.StaffMembers.AsNoTracking()
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
