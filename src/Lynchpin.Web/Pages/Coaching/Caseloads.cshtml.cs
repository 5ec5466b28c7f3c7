using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Coaching;

/// <summary>
/// Coaches' caseloads by year, set by trust admins (their trust's schools; a coach's schools elsewhere are left alone) and
/// virtual schools (any school). The same as <c>caseload set</c> on the command line.
/// </summary>
public class CaseloadsModel(Caseloads caseloads, CoachingAccess coaching) : LynchpinPageModel
{
    public class CaseloadForm
    {
        [Display(Name = "coach's email")] public string? Coach { get; set; }
        [Display(Name = "school year")] public int? Year { get; set; }
        [Display(Name = "schools' URNs")] public string? Schools { get; set; }
    }

    [BindProperty] public CaseloadForm Input { get; set; } = new();

    public IReadOnlyList<CaseloadSchool> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> YearItems { get; private set; } = [];
    public IReadOnlyList<School> TrustSchools { get; private set; } = [];
    public bool IsTrustAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? coach, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }
        Input = new CaseloadForm { Coach = coach, Year = year ?? SchoolYear.Of(Today) };
        if (coach is not null)
        {
            Input.Schools = string.Join(", ", Rows.Where(r => r.Coach.Email == coach && r.Year == Input.Year).Select(r => r.School.Urn));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }
        var (urns, notUrns) = Caseloads.ParseUrns(Input.Schools);
        foreach (var part in notUrns)
        {
            ModelState.AddModelError("Input.Schools", $"\"{part}\" is not a URN: give schools' URNs separated by commas");
        }
        if (string.IsNullOrWhiteSpace(Input.Coach))
        {
            ModelState.AddModelError("Input.Coach", "Enter the coach's email");
        }
        if (Input.Year is null)
        {
            ModelState.AddModelError("Input.Year", "Choose the school year");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var view = await coaching.GetAsync(ct);
        var allowed = view.Scope.Role == UserRole.TrustAdmin ? view.Scope.LedSchoolIds : null;
        var result = await caseloads.SetAsync(Input.Coach!, Input.Year!.Value, urns, await RecorderAsync(ct), allowed, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = Caseloads.Describe(Input.Coach!, Input.Year.Value, result.Value!);
        return RedirectTo<CaseloadsModel>(new { coach = Input.Coach, year = Input.Year });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await coaching.GetAsync(ct);
        if (!view.MayManageCaseloads)
        {
            return false;
        }
        IsTrustAdmin = view.Scope.Role == UserRole.TrustAdmin;
        var led = view.Scope.LedSchoolIds.ToList();
        var current = SchoolYear.Of(Today);
        var rows = Db.CaseloadSchools.AsNoTracking().Include(c => c.Coach).Include(c => c.School).Where(c => c.Year >= current - 1);
        Rows = await (IsTrustAdmin ? rows.Where(c => led.Contains(c.SchoolId)) : rows)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Coach.Email).ThenBy(c => c.School.Name).ToListAsync(ct);
        YearItems = Enumerable.Range(current - 1, 3).Select(y => new SelectListItem(SchoolYear.Name(y), y.ToString(CultureInfo.InvariantCulture))).ToList();
        TrustSchools = IsTrustAdmin ? await Db.Schools.AsNoTracking().Where(s => led.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct) : [];
        return true;
    }
}
