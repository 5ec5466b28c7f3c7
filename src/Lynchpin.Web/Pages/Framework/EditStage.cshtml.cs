using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>Change one stage's name and descriptor.</summary>
[Authorize(Policy = Policies.ManageStaff)]
public class EditStageModel(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access)
    : FrameworkPage(db, authorization, access)
{
    public class StageInput
    {
        [Display(Name = "name")] public string? Name { get; set; }
        [Display(Name = "descriptor")] public string? Descriptor { get; set; }
    }

    [BindProperty]
    public StageInput Input { get; set; } = new();

    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string key, int stage, CancellationToken ct)
    {
        var denied = await LoadStageAsync(kind, key, stage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var current = FindStage(stage)!;
        Input = new StageInput { Name = current.Name, Descriptor = current.Descriptor };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string key, int stage, CancellationToken ct)
    {
        var denied = await LoadStageAsync(kind, key, stage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var result = await Editor.UpdateStageAsync(Owner, stage, new StageDetails(Input.Name, Input.Descriptor), ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"Input.{error.Field}", error.Message);
            }
            return Invalid();
        }
        Saved($"Stage {stage} is saved.", result.CopyCreated);
        return Redirect($"{Home}#stage-{stage}");
    }

    private async Task<IActionResult?> LoadStageAsync(string kind, string key, int stage, CancellationToken ct)
    {
        var denied = await LoadAsync(kind, key, edit: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        if (FindStage(stage) is null)
        {
            return NotFound();
        }
        Number = stage;
        return null;
    }
}
