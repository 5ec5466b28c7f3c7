using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>The coach records a visit (a planned one, or one not planned): who they met, the areas, notes, actions agreed, the next visit.</summary>
[Requires(nameof(Operations.RecordVisit))]
public class RecordVisitModel(CoachingVisits visits) : SchoolPageModel
{
    public class VisitForm
    {
        [Display(Name = "date of the visit")] public DateOnly? Date { get; set; }
        [Display(Name = "who you met")] public string? WhoMet { get; set; }
        public List<CoachingArea> Areas { get; set; } = [];
        [Display(Name = "notes")] public string? Notes { get; set; }
        [Display(Name = "actions agreed")] public string? ActionsAgreed { get; set; }
        [Display(Name = "date of the next visit")] public DateOnly? NextVisitOn { get; set; }
    }

    [BindProperty] public VisitForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public int? Visit { get; set; }

    public CoachingVisit? Planned { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlannedAsync(ct))
        {
            return NotFound();
        }
        var next = await Db.CoachingVisits.AsNoTracking().Where(v => v.SchoolId == School.Id && v.CoachUserId == CoachId && v.Status == VisitStatus.Planned
                && v.Date > (Planned == null ? Today : Planned.Date)).OrderBy(v => v.Date).Select(v => (DateOnly?)v.Date).FirstOrDefaultAsync(ct);
        Input = new VisitForm { Date = Planned?.Date is { } d && d <= Today ? d : Today, NextVisitOn = next };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPlannedAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await visits.RecordAsync(School.Id, CoachId, Visit, new VisitInput
        {
            Date = Input.Date, WhoMet = Input.WhoMet, Areas = Input.Areas, Notes = Input.Notes, ActionsAgreed = Input.ActionsAgreed,
            NextVisitOn = Input.NextVisitOn,
        }, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = $"Your visit of {result.Value!.Date:d MMMM yyyy} is recorded.";
        return RedirectTo<PlanModel>(new { urn = School.Urn }, fragment: "review");
    }

    private string CoachId { get; set; } = "";

    private async Task<bool> LoadPlannedAsync(CancellationToken ct)
    {
        CoachId = (await Access.GetAsync(ct)).User!.Id;
        if (Visit is not { } id)
        {
            return true;
        }
        Planned = await Db.CoachingVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.SchoolId == School.Id && v.CoachUserId == CoachId, ct);
        return Planned is not null;
    }
}
