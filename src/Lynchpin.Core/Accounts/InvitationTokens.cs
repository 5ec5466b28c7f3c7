using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lynchpin.Core.Accounts;

/// <summary>Invitation links last a week; Identity's own reset tokens (a day) serve password resets.</summary>
public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = InvitationTokens.ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

/// <summary>
/// One-time links to set a password: tied to the account's security stamp, which setting the password changes, so a link
/// works once; and to its lifespan.
/// </summary>
public sealed class InvitationTokens(IDataProtectionProvider dataProtectionProvider, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "set-first-password";
}
