namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Add a criterion to a stage, for everyone or for one role family.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class AddCriterionModel : CriterionPage
{
    public void OnGet(string? family)
    {
        // Arriving from the framework filtered to a family, the new criterion is most likely that family's.
        Input = new CriterionInput { Revision = Revision, RoleFamily = RoleFamilies.TryParse(family, out var chosen) ? chosen.Code() : Everyone };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stage = Stage.Number;
        var details = ReadInput();
        if (details is null)
        {
            return Invalid();
        }
        var result = await Editor.AddCriterionAsync(Owner, stage, details, await EditAsync(Input.Revision, ct), ct);
        if (!result.Succeeded)
        {
            return await ConflictAsync(result.Errors, ct);
        }
        Saved($"The criterion is added to stage {stage} for {ForWhom(details.RoleFamily)}.", result.CopyCreated);
        return RedirectToFramework(stage);
    }
}
