using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Accounts;

/// <summary>Authenticator keys set from outside the app's own set-up pages.</summary>
public static class Authenticators
{
    /// <summary>
    /// Gives the account a known authenticator key and turns two-factor on: for the demo trust, whose key is published with
    /// its password (docs/decisions/0007). Real accounts set theirs up at first sign-in, from a key only their phone holds.
    /// </summary>
    public static async Task UseKnownKeyAsync(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, string key, CancellationToken cancellationToken = default)
    {
        if (store is not IUserAuthenticatorKeyStore<AppUser> keys)
        {
            throw new InvalidOperationException("The user store keeps no authenticator keys.");
        }
        await keys.SetAuthenticatorKeyAsync(user, key, cancellationToken);
        user.TwoFactorEnabled = true;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
