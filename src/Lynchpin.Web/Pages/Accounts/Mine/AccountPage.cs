using System.Security.Claims;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>What the pages about one's own account share: the signed-in account, loaded fresh.</summary>
public abstract class AccountPage(UserManager<AppUser> users) : LynchpinPageModel
{
    public AppUser Me { get; private set; } = null!;

    protected UserManager<AppUser> Users => users;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Loads the account; null when found (the page carries on), or a redirect to sign in if it has gone.</summary>
    protected async Task<IActionResult?> LoadMeAsync()
    {
        var me = await users.FindByIdAsync(UserId);
        if (me is null)
        {
            return Challenge();
        }
        Me = me;
        return null;
    }
}
