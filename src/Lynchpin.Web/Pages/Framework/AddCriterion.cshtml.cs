using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>Add a criterion to a stage, for everyone or for one role family.</summary>
[Authorize(Policy = Policies.ManageStaff)]
public class AddCriterionModel(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access)
    : CriterionPage(db, authorization, access)
{
    public async Task<IActionResult> OnGetAsync(string kind, string key, int stage, string? family, CancellationToken ct)
    {
        var denied = await LoadStageAsync(kind, key, stage, ct);
        if (denied is not null)
        {
            return denied;
        }
        // Arriving from the framework filtered to a family, the new criterion is most likely that family's.
        Input = new CriterionInput { RoleFamily = RoleFamilies.TryParse(family, out var chosen) ? chosen.Code() : Everyone };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string key, int stage, CancellationToken ct)
    {
        var denied = await LoadStageAsync(kind, key, stage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var details = ReadInput();
        if (details is null)
        {
            return Invalid();
        }
        var result = await Editor.AddCriterionAsync(Owner, stage, details, ct);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Invalid();
        }
        Saved($"The criterion is added to stage {stage} for {ForWhom(details.RoleFamily)}.", result.CopyCreated);
        return Redirect($"{Home}#stage-{stage}");
    }
}
