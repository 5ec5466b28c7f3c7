using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>Changes an account's access, school and staff record; the account then signs in again.</summary>
public class EditModel(AccountEmails emails, AccountAdministration administration) : AccountAdminPage(emails), IAccountFormPage
{
    [BindProperty] public AccountForm Input { get; set; } = new();

    public List<SelectListItem> RoleItems { get; private set; } = [];
    public List<SelectListItem> SchoolItems { get; private set; } = [];
    public List<SelectListItem> StaffItems { get; private set; } = [];
    public bool ChoosesSchool { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        Input = new AccountForm { Email = Account.Email, Role = Account.Role, SchoolId = Account.SchoolId, StaffMemberId = Account.StaffMemberId };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        if (Input.Role is UserRole role && !RoleItems.Any(i => i.Value == role.ToString()))
        {
            ModelState.AddModelError("Input.Role", "Choose access you may give");
        }
        if (Input.StaffMemberId is int staffId && !StaffItems.Any(i => i.Value == staffId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.StaffMemberId", "Choose a staff record from the list");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var schoolId = ChoosesSchool ? Input.SchoolId : Account.SchoolId;
        var result = await administration.ChangeAsync(Account, new AccountInput(Account.Email, Input.Role, schoolId, Input.StaffMemberId), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = $"{Account.Email}'s access is saved. If it changed, they sign in again.";
        return RedirectTo<ShowModel>(new { id = Account.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        ChoosesSchool = (await Access.GetAsync(ct)).Role == UserRole.TrustAdmin;
        RoleItems = await RoleItemsAsync(ct);
        SchoolItems = ChoosesSchool ? await SchoolItemsAsync(ct) : [];
        StaffItems = await StaffItemsAsync(Account.Id, ct);
    }
}
