using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Cpd;

namespace Lynchpin.Web.Pages.Cpd.Person;

/// <summary>A person asks for CPD: what, when, how long, what it costs, why, and which objective it serves.</summary>
[Requires(nameof(Operations.ActForSelf))]
public class RequestModel(CpdRequests requests) : PersonPageModel
{
    public IReadOnlyList<SelectListItem> ObjectiveOptions { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "title")] public string? Title { get; set; }
        [Display(Name = "kind")] public string? Kind { get; set; }
        [Display(Name = "provider")] public string? Provider { get; set; }
        [Display(Name = "start date")] public DateOnly? StartDate { get; set; }
        [Display(Name = "end date")] public DateOnly? EndDate { get; set; }
        [Display(Name = "hours")] public decimal? Hours { get; set; }
        [Display(Name = "cost")] public decimal? Cost { get; set; }
        [Display(Name = "reason")] public string? Reason { get; set; }
        [Display(Name = "objective")] public int? ObjectiveId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadObjectivesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadObjectivesAsync(ct);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        CpdKind? kind = CpdCodes.Kinds.TryParse(Input.Kind, out var k) ? k : null;
        var result = await requests.CreateAsync(Member.Id, new CpdRequestInput(Input.Title, kind, Input.Provider, Input.StartDate, Input.EndDate,
            Input.Hours, Input.Cost, Input.Reason, Input.ObjectiveId), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = "Your request is sent to your line manager.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "requests");
    }

    private async Task LoadObjectivesAsync(CancellationToken ct)
    {
        var objectives = await Db.Objectives.AsNoTracking().Where(o => o.Appraisal.StaffMemberId == Member.Id)
            .OrderByDescending(o => o.Appraisal.Cycle.Year).ThenBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.Title, o.Appraisal.Cycle.Year }).ToListAsync(ct);
        ObjectiveOptions = [new SelectListItem("None", ""), .. objectives.Select(o => new SelectListItem($"{o.Title} ({Core.Progression.SchoolYear.Name(o.Year)})", o.Id.ToString(CultureInfo.InvariantCulture)))];
    }
}
