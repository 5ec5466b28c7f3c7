using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Standards;

/// <summary>One set of standards, by section (and tier), with links to edit each standard, add one, or go back to the original.</summary>
public class SetModel(CareerStandards standards, StandardSetEditor editor) : StandardsPage(standards)
{
    public void OnGet()
    {
    }

    [Requires(nameof(Operations.Manage))]
    public async Task<IActionResult> OnPostRevertAsync(CancellationToken ct)
    {
        var result = await editor.RevertAsync(Owner, Set.Set.Code, ct);
        TempData["Success"] = result.Succeeded ? $"{Set.Set.Name} is back to the original wording." : result.Errors[0].Message;
        return RedirectToSet(Set.Set.Code);
    }
}
