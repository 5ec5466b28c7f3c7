using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>Asks before removing a criterion from a stage. Assessments keep the criteria met as worded when recorded.</summary>
[Authorize(Policy = Policies.ManageStaff)]
public class RemoveCriterionModel(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access)
    : CriterionPage(db, authorization, access)
{
    public StageCriterion Criterion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string key, int stage, int number, CancellationToken ct) =>
        await LoadCriterionAsync(kind, key, stage, number, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string kind, string key, int stage, int number, CancellationToken ct)
    {
        var denied = await LoadCriterionAsync(kind, key, stage, number, ct);
        if (denied is not null)
        {
            return denied;
        }
        var result = await Editor.RemoveCriterionAsync(Owner, stage, number, ct);
        Saved($"The criterion is removed from stage {stage}.", result.CopyCreated);
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
        return null;
    }
}
