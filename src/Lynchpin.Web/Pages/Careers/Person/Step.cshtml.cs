using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Person;

/// <summary>Placing a person on a pathway step from a date, and the next step they are working towards.</summary>
[Requires(nameof(Operations.ManageDevelopment))]
public class StepModel(CareerSteps steps) : PersonPageModel
{
    public CareerStep? Current { get; private set; }
    public IReadOnlyList<SelectListItem> StepOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AimOptions { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "step")] public string? StepKey { get; set; }
        [Display(Name = "start date")] public DateOnly? StartedOn { get; set; }
        [Display(Name = "aim")] public string? AimKey { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var pathways = CareerPathways.BuiltIn;
        var step = Current is { } c ? pathways.Step(c.PathwayCode, c.StepCode) : pathways.StepForJobTitle(Member.RoleFamily, Member.JobTitle);
        Input = new InputModel { StepKey = step?.Key, StartedOn = Current?.StartedOn ?? Member.StartDate, AimKey = Current?.AimStepCode };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await steps.PlaceAsync(Member.Id, new StepInput(Input.StepKey, Input.StartedOn, Input.AimKey), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = "The career step is saved.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "pathway");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Current = await Db.CareerSteps.AsNoTracking().Where(s => s.StaffMemberId == Member.Id).OrderByDescending(s => s.StartedOn).FirstOrDefaultAsync(ct);
        var pathways = CareerPathways.BuiltIn.All.OrderBy(p => p.Families.Contains(Member.RoleFamily) ? 0 : 1).ToList();
        StepOptions = [new SelectListItem("Choose a step", ""), .. pathways.SelectMany(p => p.Steps.Select(s => new SelectListItem($"{s.Title} ({p.Name})", s.Key)))];
        // Any step's next steps may be the aim; the service checks it follows the chosen step.
        AimOptions = [new SelectListItem("None", ""), .. pathways.SelectMany(p => p.Steps).Select(s => new SelectListItem(s.Title, s.Key)).DistinctBy(i => i.Value)];
    }
}
