using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>A year's action plan as the plan page and its printable version show it (<c>_PlanArea</c>).</summary>
public sealed record PlanView(School School, int Year, ActionPlan? Plan, bool MayEdit, DateOnly Today)
{
    public IEnumerable<PlanAction> ActionsIn(CoachingArea area) =>
        (Plan?.Actions ?? []).Where(a => a.Area == area).OrderBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id);

    public IEnumerable<PlanReview> ReviewsOf(CoachingArea area) =>
        (Plan?.Reviews ?? []).Where(r => r.Area == area).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id);

    public string? AimOf(CoachingArea area) => Plan?.Aims.FirstOrDefault(a => a.Area == area)?.Text;
}

/// <summary>
/// The school's action plan for a year in the four areas: aims, actions with owners, due dates, status and evidence, and
/// dated red/amber/green reviews. The School Champion and the school's leaders edit it with the coach.
/// </summary>
[Requires(nameof(Operations.ReadCoaching))]
public class PlanModel(ActionPlans plans) : SchoolPageModel
{
    public class AimForm
    {
        public CoachingArea Area { get; set; }
        [Display(Name = "aim")] public string? Aim { get; set; }
    }

    public class ReviewForm
    {
        [Display(Name = "area")] public CoachingArea? Area { get; set; }
        [Display(Name = "date of the review")] public DateOnly? ReviewedOn { get; set; }
        [Display(Name = "status")] public Rag? Status { get; set; }
        [Display(Name = "what the review found")] public string? Note { get; set; }
        [Display(Name = "at the visit")] public int? VisitId { get; set; }
    }

    [BindProperty] public AimForm AimInput { get; set; } = new();
    [BindProperty] public ReviewForm Review { get; set; } = new();

    public int Year { get; private set; }
    public ActionPlan? Plan { get; private set; }
    public bool MayEdit { get; private set; }
    public IReadOnlyList<SelectListItem> VisitOptions { get; private set; } = [];

    public PlanView View => new(School, Year, Plan, MayEdit, Today);

    public static IReadOnlyList<SelectListItem> AreaItems { get; } = CoachingAreas.InOrder.Select(a => new SelectListItem(a.Name(), a.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> RagItems { get; } =
        [new("Green: on track", nameof(Rag.Green)), new("Amber: some concerns", nameof(Rag.Amber)), new("Red: off track", nameof(Rag.Red))];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        await LoadPlanAsync(year, ct);
        Review = new ReviewForm { ReviewedOn = Today, VisitId = await LatestVisitTodayAsync(ct) };
    }

    [Requires(nameof(Operations.EditActionPlan))]
    public async Task<IActionResult> OnPostAimAsync(int? year, CancellationToken ct)
    {
        await LoadPlanAsync(year, ct);
        var result = await plans.SetAimAsync(School.Id, Year, AimInput.Area, AimInput.Aim, await RecorderAsync(ct), ct);
        AddErrors(result.Errors, _ => "AimInput.Aim");
        return await DoneAsync(result.Succeeded, $"The {AimInput.Area.Name().ToLowerInvariant()} aim is saved.", ct);
    }

    [Requires(nameof(Operations.EditActionPlan))]
    public async Task<IActionResult> OnPostReviewAsync(int? year, CancellationToken ct)
    {
        await LoadPlanAsync(year, ct);
        var result = await plans.AddReviewAsync(School.Id, Year, new PlanReviewInput
        {
            Area = Review.Area, ReviewedOn = Review.ReviewedOn, Status = Review.Status, Note = Review.Note, VisitId = Review.VisitId,
        }, await RecorderAsync(ct), ct);
        AddErrors(result.Errors, field => $"Review.{field}");
        return await DoneAsync(result.Succeeded, "The review is recorded.", ct);
    }

    private async Task<IActionResult> DoneAsync(bool succeeded, string message, CancellationToken ct)
    {
        if (!succeeded || !ModelState.IsValid)
        {
            await LoadPlanAsync(Year, ct);
            return Invalid();
        }
        TempData["Success"] = message;
        return RedirectTo<PlanModel>(new { urn = School.Urn, year = Year });
    }

    private async Task LoadPlanAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : SchoolYear.Of(Today);
        Plan = await plans.FindAsync(School.Id, Year, ct);
        MayEdit = await MayAsync(School, Operations.EditActionPlan);
        var visits = await Db.CoachingVisits.AsNoTracking().Where(v => v.SchoolId == School.Id && v.Year == Year && v.Status == VisitStatus.Done)
            .OrderByDescending(v => v.Date).ToListAsync(ct);
        VisitOptions = [new("Not at a visit", ""), .. visits.Select(v => new SelectListItem(v.Date.ToString("d MMMM yyyy"), v.Id.ToString()))];
    }

    private Task<int?> LatestVisitTodayAsync(CancellationToken ct) =>
        Db.CoachingVisits.Where(v => v.SchoolId == School.Id && v.Date == Today && v.Status == VisitStatus.Done).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);

    public static string StatusName(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => "Not started",
        PlanActionStatus.InProgress => "In progress",
        PlanActionStatus.Done => "Done",
        _ => "Dropped",
    };
}
