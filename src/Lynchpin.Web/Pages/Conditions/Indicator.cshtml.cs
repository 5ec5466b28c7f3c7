using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Conditions;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Web.Pages.Conditions;

/// <summary>
/// One indicator of a school's conditions review: its measurement with the people behind it, and the form where leaders
/// set its target, notes and actions (and, for the time set aside for triads, the minutes).
/// </summary>
[Requires(nameof(Operations.Manage))]
public class IndicatorModel(ConditionsReview review) : SchoolPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public int ChosenYear { get; private set; }
    public IndicatorResult Result { get; private set; } = null!;
    public DateOnly MeasuredOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string indicator, CancellationToken ct)
    {
        if (!await LoadResultAsync(indicator, ct))
        {
            return NotFound();
        }
        Input = IndicatorInput.From(Result.Entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string indicator, CancellationToken ct)
    {
        if (ConditionsIndicators.ByCode(indicator) is not { } chosen)
        {
            return NotFound();
        }
        ChosenYear = ConditionsYears.Choose(Year, Today);
        var result = await review.SaveAsync(School.Id, ChosenYear, chosen,
            new ConditionsInput(Input.Target, Input.Value, Input.Notes, Input.Actions), Input.Revision, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            await LoadResultAsync(indicator, ct);
            ShowConflict(IndicatorInput.From(Result.Entry), Input);
            return Invalid();
        }
        TempData["Success"] = $"{chosen.Name}: target, notes and actions saved.";
        return RedirectTo<ReviewModel>(new { urn = School.Urn, year = ChosenYear });
    }

    private async Task<bool> LoadResultAsync(string code, CancellationToken ct)
    {
        if (ConditionsIndicators.ByCode(code) is null)
        {
            return false;
        }
        ChosenYear = ConditionsYears.Choose(Year, Today);
        var all = await review.ForSchoolAsync(School.Id, ChosenYear, ct);
        MeasuredOn = all.MeasuredOn;
        Result = all[code];
        return true;
    }
}

public sealed class IndicatorInput : IRevisedInput
{
    public int Revision { get; set; }
    [Display(Name = "target")] public string? Target { get; set; }
    [Display(Name = "minutes per half term")] public string? Value { get; set; }
    [Display(Name = "notes")] public string? Notes { get; set; }
    [Display(Name = "actions")] public string? Actions { get; set; }

    public static IndicatorInput From(ConditionsEntry? entry) => new()
    {
        Revision = entry?.Revision ?? 0,
        Target = entry?.Target?.ToString("0.##", CultureInfo.InvariantCulture),
        Value = entry?.Value?.ToString("0.##", CultureInfo.InvariantCulture),
        Notes = entry?.Notes,
        Actions = entry?.Actions,
    };
}
