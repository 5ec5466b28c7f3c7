using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>The account form: on the invite page and the change page.</summary>
public class AccountForm
{
    [Display(Name = "email address")] public string? Email { get; set; }
    [Display(Name = "access")] public UserRole? Role { get; set; }
    [Display(Name = "school")] public int? SchoolId { get; set; }
    [Display(Name = "staff record")] public int? StaffMemberId { get; set; }
}

/// <summary>What the account fields partial needs of its page.</summary>
public interface IAccountFormPage
{
    AccountForm Input { get; }
    List<SelectListItem> RoleItems { get; }
    List<SelectListItem> SchoolItems { get; }
    List<SelectListItem> StaffItems { get; }
    bool ChoosesSchool { get; }
}

/// <summary>
/// Invites someone: an account without a password, and a one-time link (a week) to set one — emailed when email is set up,
/// otherwise shown here to hand over. A school leader invites to their own school, linking staff below them.
/// </summary>
public class InviteModel(AccountEmails emails, AccountAdministration administration, ILogger<InviteModel> logger)
    : AccountAdminPage(emails), IAccountFormPage
{
    [BindProperty] public AccountForm Input { get; set; } = new();

    public List<SelectListItem> RoleItems { get; private set; } = [];
    public List<SelectListItem> SchoolItems { get; private set; } = [];
    public List<SelectListItem> StaffItems { get; private set; } = [];
    public bool ChoosesSchool { get; private set; }

    /// <summary>After the invitation: the link to hand over (null when it was emailed).</summary>
    public Uri? Link { get; private set; }
    public AppUser? Invited { get; private set; }
    public bool Emailed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadOptionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        var scope = await Access.GetAsync(ct);
        if (Input.Role is UserRole role && !RoleItems.Any(i => i.Value == role.ToString()))
        {
            ModelState.AddModelError("Input.Role", "Choose access you may give");
        }
        if (Input.StaffMemberId is int staffId && !StaffItems.Any(i => i.Value == staffId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.StaffMemberId", "Choose a staff record from the list");
        }
        // A school leader's accounts are in their own school.
        var schoolId = ChoosesSchool ? Input.SchoolId : scope.User!.SchoolId;
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await administration.InviteAsync(new AccountInput(Input.Email, Input.Role, schoolId, Input.StaffMemberId), await MyTrustIdAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        Invited = result.Value!.User;
        Link = SetPasswordLink(Invited, result.Value.Token, invitation: true);
        if (Emails.IsConfigured)
        {
            try
            {
                await Emails.SendInvitationAsync(Invited, scope.User!.Email!, Link, ct);
                Emailed = true;
            }
            catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException)
            {
                logger.LogError(e, "The invitation to {Email} was not emailed", Invited.Email);
            }
        }
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        ChoosesSchool = (await Access.GetAsync(ct)).Role == UserRole.TrustAdmin;
        RoleItems = await RoleItemsAsync(ct);
        SchoolItems = ChoosesSchool ? await SchoolItemsAsync(ct) : [];
        StaffItems = await StaffItemsAsync(null, ct);
    }
}
