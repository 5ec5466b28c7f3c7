using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>Change a criterion's wording, who it is for, or its place in the list.</summary>
[Authorize(Policy = Policies.ManageStaff)]
public class EditCriterionModel(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access)
    : CriterionPage(db, authorization, access)
{
    public StageCriterion Criterion { get; private set; } = null!;
    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string key, int stage, int number, CancellationToken ct)
    {
        var denied = await LoadCriterionAsync(kind, key, stage, number, ct);
        if (denied is not null)
        {
            return denied;
        }
        Input = new CriterionInput { Text = Criterion.Text, RoleFamily = Criterion.RoleFamily?.Code() ?? Everyone };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string key, int stage, int number, CancellationToken ct)
    {
        var denied = await LoadCriterionAsync(kind, key, stage, number, ct);
        if (denied is not null)
        {
            return denied;
        }
        var details = ReadInput();
        if (details is null)
        {
            return Invalid();
        }
        var result = await Editor.UpdateCriterionAsync(Owner, stage, number, details, ct);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Invalid();
        }
        Saved($"The criterion for {ForWhom(details.RoleFamily)} at stage {stage} is saved.", result.CopyCreated);
        return Redirect($"{Home}#stage-{stage}");
    }

    private async Task<IActionResult?> LoadCriterionAsync(string kind, string key, int stage, int number, CancellationToken ct)
    {
        var denied = await LoadStageAsync(kind, key, stage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var criterion = FindCriterion(Stage, number);
        if (criterion is null)
        {
            return NotFound();
        }
        Criterion = criterion;
        Number = number;
        return null;
    }
}
