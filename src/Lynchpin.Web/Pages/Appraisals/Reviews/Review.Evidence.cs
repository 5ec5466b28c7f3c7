using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Reviews;

/// <summary>A review's evidence: files and links the appraiser or the person add to the review or to one objective.</summary>
public partial class ReviewModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int? FileObjectiveId { get; set; }
    [BindProperty] public string? Link { get; set; }
    [BindProperty] public int? LinkObjectiveId { get; set; }

    public IEnumerable<SelectListItem> ObjectiveOptions =>
        Appraisal.Objectives.Select(o => new SelectListItem(o.Title, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("The review as a whole", ""));

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (RefuseEvidence() is { } refused)
        {
            return refused;
        }
        // Checked before reading: the browser's length is only a first look; the store counts as it reads.
        if (EvidenceStore.Check(Upload?.FileName, Upload?.Length ?? 0) is { } error)
        {
            return await FailAsync([error], ct);
        }
        await using var content = Upload!.OpenReadStream();
        var result = await reviews.AddFileAsync(Review!.Id, FileObjectiveId, content, Upload.FileName, await RecorderAsync(ct), ct);
        return await DoneAsync(result, result.Value is { } added ? $"{added.FileName} is added as evidence." : "", "#evidence", ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (RefuseEvidence() is { } refused)
        {
            return refused;
        }
        var result = await reviews.AddLinkAsync(Review!.Id, LinkObjectiveId, Link, await RecorderAsync(ct), ct);
        return await DoneAsync(result, "The link is added as evidence.", "#evidence", ct);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int evidenceId, CancellationToken ct)
    {
        if (RefuseEvidence() is { } refused)
        {
            return refused;
        }
        var evidence = Review!.Evidence.SingleOrDefault(e => e.Id == evidenceId);
        if (evidence is null)
        {
            return NotFound();
        }
        var result = await reviews.RemoveEvidenceAsync(evidence.Id, ct);
        return await DoneAsync(result, $"{evidence.FileName ?? evidence.Link} is removed from the evidence.", "#evidence", ct);
    }

    /// <summary>Evidence changes on a review that exists, by the appraiser's side or the person: 404, else 403, else null.</summary>
    private IActionResult? RefuseEvidence() => Review is null ? NotFound() : CanManage || CanActAsAppraisee ? null : Forbid();
}
