using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Cpd.Schools;

/// <summary>A school's CPD budget for a year and the member of staff who approves costs against it.</summary>
[Requires(nameof(Operations.Manage))]
public class BudgetModel(CpdBudgets budgets) : SchoolPageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<SelectListItem> HolderOptions { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "budget")] public decimal? Amount { get; set; }
        [Display(Name = "budget holder")] public int? BudgetHolderId { get; set; }
    }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        var budget = await budgets.ForYearAsync(School.Id, Year, ct);
        Input = new InputModel { Amount = budget?.Amount, BudgetHolderId = budget?.BudgetHolderId };
    }

    public async Task<IActionResult> OnPostAsync(int? year, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await budgets.SetAsync(School.Id, Year, Input.Amount, Input.BudgetHolderId, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = $"The CPD budget for {SchoolYear.Name(Year)} is saved.";
        return RedirectTo<IndexModel>(new { urn = School.Urn, year = Year }, "budget");
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : SchoolYear.Of(Today);
        var staff = await Db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == School.Id && (s.LeavingDate == null || s.LeavingDate >= Today))
            .OrderBy(s => s.Slt ? 0 : 1).ThenBy(s => s.LastName).Select(s => new { s.Id, s.FirstName, s.LastName, s.JobTitle }).ToListAsync(ct);
        HolderOptions = [new SelectListItem("Nobody named: the school's leaders approve costs", ""),
            .. staff.Select(s => new SelectListItem($"{s.FirstName} {s.LastName}, {s.JobTitle}", s.Id.ToString(CultureInfo.InvariantCulture)))];
    }
}
