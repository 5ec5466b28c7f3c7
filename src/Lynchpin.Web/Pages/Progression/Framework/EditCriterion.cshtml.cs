namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Change a criterion's wording, who it is for, or its place in the list.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class EditCriterionModel : CriterionPage
{
    public void OnGet() => Input = new CriterionInput { Text = Criterion.Text, RoleFamily = Criterion.RoleFamily?.Code() ?? Everyone };

    public async Task<IActionResult> OnPostAsync(int number, CancellationToken ct)
    {
        var stage = Stage.Number;
        var details = ReadInput();
        if (details is null)
        {
            return Invalid();
        }
        var result = await Editor.UpdateCriterionAsync(Owner, stage, number, details, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        Saved($"The criterion for {ForWhom(details.RoleFamily)} at stage {stage} is saved.", result.CopyCreated);
        return RedirectToFramework(stage);
    }
}
