using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Pay;

namespace Lynchpin.Web.Pages.Pay.Person;

/// <summary>
/// A person's pay and conditions by year (scale and point, FTE salary, contracted hours and weeks), for pay-access
/// accounts only, never one's own. Every view and every change is written to the audit trail by <see cref="PayRecords"/>.
/// </summary>
[Requires(nameof(Operations.ReadPay))]
public class IndexModel(PayRecords pay) : PersonPageModel
{
    public IReadOnlyList<PayRecord> Records { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "school year")] public int? Year { get; set; }
        [Display(Name = "pay scale")] public string? Scale { get; set; }
        [Display(Name = "point")] public int? Point { get; set; }
        [Display(Name = "FTE salary")] public decimal? FteSalary { get; set; }
        [Display(Name = "hours a week")] public decimal? HoursPerWeek { get; set; }
        [Display(Name = "weeks a year")] public decimal? WeeksPerYear { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Records = await pay.ReadAsync(Member.Id, await RecorderAsync(ct), ct);
        Input = new InputModel { Year = Core.Progression.SchoolYear.Of(Today), HoursPerWeek = Member.HoursPerWeek, WeeksPerYear = Member.WeeksPerYear };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await pay.SaveAsync(Member.Id, new PayInput(Input.Year, Input.Scale, Input.Point, Input.FteSalary, Input.HoursPerWeek, Input.WeeksPerYear),
                await RecorderAsync(ct), ct);
            if (result.Succeeded)
            {
                TempData["Success"] = $"Pay for {Core.Progression.SchoolYear.Name(Input.Year!.Value)} is saved.";
                return RedirectTo<IndexModel>(new { id = Member.Id });
            }
            AddErrors(result.Errors);
        }
        Records = await pay.ReadAsync(Member.Id, await RecorderAsync(ct), ct);
        return Invalid();
    }
}
