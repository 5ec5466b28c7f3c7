using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>
/// "I have forgotten my password": emails a one-day link when the account exists, may sign in and uses a password — and says
/// the same whatever the email, so the page tells nobody which accounts exist. Without email set up, it says who to ask.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LynchpinApp.SignInRateLimit)]
public class ForgotPasswordModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountAdministration administration, AccountEmails emails, TrustSignIns trustSignIns,
    ILogger<ForgotPasswordModel> logger)
    : LynchpinPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    public bool EmailWorks => emails.IsConfigured;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!EmailWorks)
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is not null && await signIn.CanSignInAsync(user) && await trustSignIns.ForAccountAsync(user, ct) is not { UsesSingleSignOn: true })
        {
            var token = await administration.ForgottenPasswordTokenAsync(user, ct);
            var link = emails.Link($"/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
            try
            {
                await emails.SendPasswordResetAsync(user, link, ct);
            }
            catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException)
            {
                // Said to nobody on the page (it would tell that the account exists); the log has it.
                logger.LogError(e, "The password reset email to {Email} was not sent", user.Email);
            }
        }
        Sent = true;
        return Page();
    }
}
