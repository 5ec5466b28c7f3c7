using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Pages.Staff;

/// <summary>Adds one member of staff to a school: its leaders and its trust's admins.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class CreateModel(StaffEditor editor) : SchoolPageModel, IStaffFormPage
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public List<SelectListItem> LineManagerOptions { get; private set; } = [];
    public List<SelectListItem> CoachOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Read(ModelState);
        var result = ModelState.IsValid ? await editor.CreateAsync(School.Id, details, ct) : null;
        if (result is not { Succeeded: true })
        {
            // The form's own problems and the editor's, all at once.
            AddErrors(result?.Errors ?? await editor.CheckAsync(School.Id, null, details, ct));
            await LoadOptionsAsync(ct);
            return Invalid();
        }
        TempData["Success"] = $"{details.FirstName} {details.LastName} is added.";
        return RedirectTo<ShowModel>(new { id = result.Value!.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken ct) =>
        (LineManagerOptions, CoachOptions) = await StaffFormChoices.PeopleAsync(Db, School, null, Input, Today, ct);
}
