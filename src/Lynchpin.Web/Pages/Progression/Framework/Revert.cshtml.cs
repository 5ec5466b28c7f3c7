namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Asks before removing the owner's own framework, so it follows the trust's (or Lynchpin's default) again.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class RevertModel : FrameworkPage
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Posting twice (a double click) finds nothing left to remove: no banner claims a change that did not happen.
        if (await Editor.RevertAsync(Owner, ct))
        {
            TempData["Success"] = $"The {(IsSchool ? "school" : "trust")} now follows {InheritedName}.";
        }
        return RedirectToFramework();
    }
}
