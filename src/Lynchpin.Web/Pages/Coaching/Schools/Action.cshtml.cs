using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>Adds an action to an area of the plan, or changes one: what, its owner on the school's staff, due date, status and evidence.</summary>
[Requires(nameof(Operations.EditActionPlan))]
public class ActionModel(ActionPlans plans) : SchoolPageModel
{
    public class ActionForm
    {
        [Display(Name = "area")] public CoachingArea? Area { get; set; }
        [Display(Name = "the action")] public string? Description { get; set; }
        [Display(Name = "owner")] public int? OwnerId { get; set; }
        [Display(Name = "due date")] public DateOnly? DueOn { get; set; }
        [Display(Name = "status")] public PlanActionStatus Status { get; set; }
        [Display(Name = "evidence")] public string? Evidence { get; set; }
    }

    [BindProperty] public ActionForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public int? ActionId { get; set; }

    public int PlanYear => Year is >= 2000 and <= 2100 ? Year.Value : SchoolYear.Of(Today);
    public IReadOnlyList<SelectListItem> OwnerOptions { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> StatusItems { get; } = Enum.GetValues<PlanActionStatus>()
        .Select(s => new SelectListItem(PlanModel.StatusName(s), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(string? area, CancellationToken ct)
    {
        await LoadOwnersAsync(ct);
        if (ActionId is { } id)
        {
            var action = await Db.PlanActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Plan.SchoolId == School.Id && a.Plan.Year == PlanYear, ct);
            if (action is null)
            {
                return NotFound();
            }
            Input = new ActionForm
            {
                Area = action.Area, Description = action.Description, OwnerId = action.OwnerId, DueOn = action.DueOn, Status = action.Status, Evidence = action.Evidence,
            };
        }
        else
        {
            Input = new ActionForm { Area = CoachingAreas.TryParse(area, out var chosen) ? chosen : null };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await plans.SaveActionAsync(School.Id, PlanYear, ActionId, new PlanActionInput
            {
                Area = Input.Area, Description = Input.Description, OwnerId = Input.OwnerId, DueOn = Input.DueOn, Status = Input.Status, Evidence = Input.Evidence,
            }, await RecorderAsync(ct), ct);
            AddErrors(result.Errors);
        }
        if (!ModelState.IsValid)
        {
            await LoadOwnersAsync(ct);
            return Invalid();
        }
        TempData["Success"] = ActionId is null ? "The action is added." : "The action is saved.";
        return RedirectTo<PlanModel>(new { urn = School.Urn, year = PlanYear }, fragment: $"area-{Input.Area!.Value.Code()}");
    }

    private async Task LoadOwnersAsync(CancellationToken ct)
    {
        var staff = await Db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == School.Id && (s.LeavingDate == null || s.LeavingDate >= Today))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync(ct);
        OwnerOptions = [new("Nobody yet", ""), .. staff.Select(s => new SelectListItem($"{s.FullName}, {s.JobTitle}", s.Id.ToString()))];
    }
}
