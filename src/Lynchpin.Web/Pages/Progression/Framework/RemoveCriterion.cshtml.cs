namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Asks before removing a criterion from a stage. Assessments keep the criteria met as worded when recorded.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class RemoveCriterionModel : CriterionPage
{
    public void OnGet() => Input = InputFrom(Criterion, Revision);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stage = Stage.Number;
        var result = await Editor.RemoveCriterionAsync(Owner, stage, Input.CriterionId, await EditAsync(Input.Revision, ct), ct);
        if (!result.Succeeded)
        {
            return await ConflictAsync(result.Errors, ct);
        }
        Saved($"The criterion is removed from stage {stage}.", result.CopyCreated);
        return RedirectToFramework(stage);
    }
}
