namespace Lynchpin.Web.Pages.Appraisals.Reviews;

/// <summary>
/// The final review's pay recommendation: for accounts with pay access, never the person's own. Every read goes through
/// PayRecommendations, which audits it, and happens only when the page shows the section.
/// </summary>
public partial class ReviewModel
{
    /// <summary>Pay access for this appraisal, and not the person's own: they never see their recommendation.</summary>
    public bool CanSeePay { get; private set; }

    /// <summary>Read (and audited) only when the page shows the pay section.</summary>
    public PayRecommendation? Pay { get; private set; }
    public bool PayShown { get; private set; }

    [BindProperty] public string? PayText { get; set; }

    public async Task<IActionResult> OnPostPayAsync(CancellationToken ct)
    {
        if (!CanSeePay)
        {
            return Forbid();
        }
        if (Kind != ReviewKind.Final)
        {
            return NotFound();
        }
        var result = await payRecommendations.RecordAsync(Appraisal.Id, PayText, await RecorderAsync(ct), ct);
        return await DoneAsync(result, "The pay recommendation is saved.", "#pay-recommendation", ct);
    }

    /// <summary>The pay section: read through the audited service, and only when this page shows it.</summary>
    private async Task ReadPayAsync(CancellationToken ct)
    {
        if (Kind != ReviewKind.Final || !CanSeePay || !IsCurrent)
        {
            return;
        }
        Pay = await payRecommendations.ReadAsync(Appraisal.Id, await RecorderAsync(ct), ct);
        PayShown = true;
        if (!(Request.HasFormContentType && Request.Form.ContainsKey(nameof(PayText))))
        {
            PayText = Pay?.Text;
        }
    }
}
