using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>Change one stage's name and descriptor.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class EditStageModel : FrameworkPage
{
    public class StageInput : IRevisedInput
    {
        public int Revision { get; set; }

        [Display(Name = "name")] public string? Name { get; set; }
        [Display(Name = "descriptor")] public string? Descriptor { get; set; }
    }

    [BindProperty]
    public StageInput Input { get; set; } = new();

    public void OnGet() => Input = new StageInput { Revision = Revision, Name = Stage.Name, Descriptor = Stage.Descriptor };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stage = Stage.Number;
        var result = await Editor.UpdateStageAsync(Owner, stage, new StageDetails(Input.Name, Input.Descriptor), await EditAsync(Input.Revision, ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            if (Conflict is not null)
            {
                await ReloadAsync(null, ct);
                ShowConflict(new StageInput { Revision = Revision, Name = Stage.Name, Descriptor = Stage.Descriptor }, Input);
            }
            return Invalid();
        }
        Saved($"Stage {stage} is saved.", result.CopyCreated);
        return RedirectToFramework(stage);
    }

}
