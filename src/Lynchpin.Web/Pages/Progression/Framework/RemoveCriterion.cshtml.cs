namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Asks before removing a criterion from a stage. Assessments keep the criteria met as worded when recorded.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class RemoveCriterionModel : CriterionPage
{
    public async Task<IActionResult> OnPostAsync(int number, CancellationToken ct)
    {
        var stage = Stage.Number;
        var result = await Editor.RemoveCriterionAsync(Owner, stage, number, ct);
        Saved($"The criterion is removed from stage {stage}.", result.CopyCreated);
        return RedirectToFramework(stage);
    }
}
