using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Pages.Pupils;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>
/// Impact, honestly: the school's looked-after cohort in the baseline year and each coached year, with n and a 95 %
/// interval, beside uncoached Lynchpin schools and the DfE's published figures, in sentences that never claim a cause.
/// Aggregates only (fewer than 5 pupils is "too few to compare"), so it is not a pupil read.
/// </summary>
[Requires(nameof(Operations.ReadCoaching))]
public class ImpactModel(ImpactReports reports) : SchoolPageModel
{
    public class RegisterForm
    {
        [Display(Name = "outcome")] public ImpactMeasure? Measure { get; set; }
    }

    [BindProperty] public RegisterForm Register { get; set; } = new();

    public ImpactReport Report { get; private set; } = null!;
    public bool MayRegister { get; private set; }
    public string ChartJson { get; private set; } = "";

    public static IReadOnlyList<SelectListItem> MeasureItems { get; } =
        ImpactMeasures.InOrder.Select(m => new SelectListItem(m.Name(), m.ToString())).ToList();

    public async Task OnGetAsync(int? year, string? measure, CancellationToken ct) => await LoadReportAsync(year, measure, ct);

    [Requires(nameof(Operations.ManageCoaching))]
    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        var result = await reports.RegisterAsync(School.Id, Register.Measure, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => $"Register.{field}");
            await LoadReportAsync(null, null, ct);
            return Invalid();
        }
        TempData["Success"] = $"{result.Value!.Measure.Name()} is the outcome the coaching will be judged by.";
        return RedirectTo<ImpactModel>(new { urn = School.Urn, measure = result.Value.Measure.Code() });
    }

    private async Task LoadReportAsync(int? year, string? measure, CancellationToken ct)
    {
        var plan = await Db.ImpactPlans.AsNoTracking().SingleOrDefaultAsync(p => p.SchoolId == School.Id, ct);
        var chosen = ImpactMeasures.TryParse(measure, out var m) ? m : plan?.Measure ?? ImpactMeasure.Attendance;
        Report = await reports.ForSchoolAsync(School, year is >= 2000 and <= 2100 ? year.Value : SchoolYear.Of(Today), chosen, ct);
        MayRegister = plan is null && await MayAsync(School, Operations.ManageCoaching);
        ChartJson = AttendanceChart.Json(Report.Years.Select(f => SchoolYear.Name(f.Year)).ToList(),
            [new AttendanceChart.Series($"{School.Name}: {chosen.Name().ToLowerInvariant()}", Report.Years.Select(f => f.Value).ToList())]);
    }

    public static string Figure(CohortFigure f) => f.TooFew ? "too few to compare" : ImpactSentences.Percent(f.Value);
}
