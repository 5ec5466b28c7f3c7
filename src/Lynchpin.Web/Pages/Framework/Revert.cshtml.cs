using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>Asks before removing the owner's own framework, so it follows the trust's (or Lynchpin's default) again.</summary>
[Authorize(Policy = Policies.ManageStaff)]
public class RevertModel(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access)
    : FrameworkPage(db, authorization, access)
{
    public async Task<IActionResult> OnGetAsync(string kind, string key, CancellationToken ct) =>
        await LoadAsync(kind, key, edit: true, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string kind, string key, CancellationToken ct)
    {
        var denied = await LoadAsync(kind, key, edit: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        // Posting twice (a double click) finds nothing left to remove: no banner claims a change that did not happen.
        if (await Editor.RevertAsync(Owner, ct))
        {
            TempData["Success"] = $"The {(IsSchool ? "school" : "trust")} now follows {InheritedName}.";
        }
        return Redirect(Home);
    }
}
