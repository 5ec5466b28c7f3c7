namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Change a criterion's wording, who it is for, or its place in the list.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class EditCriterionModel : CriterionPage
{
    public void OnGet() => Input = InputFrom(Criterion, Revision);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stage = Stage.Number;
        var details = ReadInput();
        if (details is null)
        {
            return Invalid();
        }
        var result = await Editor.UpdateCriterionAsync(Owner, stage, Input.CriterionId, details, await EditAsync(Input.Revision, ct), ct);
        if (!result.Succeeded)
        {
            return await ConflictAsync(result.Errors, ct);
        }
        Saved($"The criterion for {ForWhom(details.RoleFamily)} at stage {stage} is saved.", result.CopyCreated);
        return RedirectToFramework(stage);
    }
}
