using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Pages.Staff;

/// <summary>Changes one person's details: the leaders of their school and its trust's admins.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class EditModel(StaffEditor editor) : PersonPageModel, IStaffFormPage
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public List<SelectListItem> LineManagerOptions { get; private set; } = [];
    public List<SelectListItem> CoachOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = StaffInput.From(Member);
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Read(ModelState);
        var result = ModelState.IsValid ? await editor.UpdateAsync(Member.Id, details, Input.Revision, await RecorderAsync(ct), ct) : null;
        if (result is not { Succeeded: true })
        {
            // The form's own problems and the editor's, all at once.
            AddErrors(result?.Errors ?? await editor.CheckAsync(Member.SchoolId, Member.Id, details, ct));
            ShowConflict(StaffInput.From(await Db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == Member.Id, ct)), Input);
            await LoadOptionsAsync(ct);
            return Invalid();
        }
        TempData["Success"] = $"{details.FirstName} {details.LastName}'s details are saved.";
        return RedirectTo<ShowModel>(new { id = Member.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken ct) =>
        (LineManagerOptions, CoachOptions) = await StaffFormChoices.PeopleAsync(Db, Member.School, Member.Id, Input, Today, ct);
}
