using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>
/// One account, for whoever administers it: its access and state, and the changes — pay access (a trust admin or the
/// head), disable and re-enable, reset sign-in, invite again, revoke a token. Each is audited by the service that makes it.
/// </summary>
public class ShowModel(
    AccountEmails emails, AccountAdministration administration, ApiTokenService tokens, UserSessions sessions, UserManager<AppUser> users,
    ILogger<ShowModel> logger)
    : AccountAdminPage(emails)
{
    public bool CanGrantPay { get; private set; }
    public bool HasPassword { get; private set; }
    public int OpenSessions { get; private set; }
    public List<ApiToken> Tokens { get; private set; } = [];
    public DateTime Now => Clock.UtcNow;

    /// <summary>After a reset or a new invitation: the link to hand over, or that it was emailed.</summary>
    public Uri? Link { get; private set; }
    public bool Emailed { get; private set; }

    [BindProperty]
    [Display(Name = "reason")]
    [StringLength(AppUser.DisabledReasonMaxLength, ErrorMessage = "The reason must be 200 characters or fewer")]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadDetailsAsync(ct);

    [Requires(nameof(Operations.GrantPayAccess))]
    public async Task<IActionResult> OnPostPayAccessAsync(bool grant, CancellationToken ct)
    {
        await administration.SetPayAccessAsync(Account, grant, ct);
        TempData["Success"] = grant
            ? $"{Account.Email} has pay access. They sign in again, with a code from an authenticator app."
            : $"{Account.Email} no longer has pay access.";
        return Shown();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the account is disabled");
        }
        if (!ModelState.IsValid)
        {
            await LoadDetailsAsync(ct);
            return Invalid();
        }
        await administration.DisableAsync(Account, Reason!.Trim(), ct);
        TempData["Success"] = $"{Account.Email} is disabled: signed out everywhere, API tokens revoked, calendar feed stopped.";
        return Shown();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var result = await administration.EnableAsync(Account, Today, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, _ => "");
            await LoadDetailsAsync(ct);
            return Invalid();
        }
        TempData["Success"] = $"{Account.Email} may sign in again.";
        return Shown();
    }

    /// <summary>A forgotten password or a lost phone: both are removed, and the person sets them up again from a one-time link.</summary>
    public async Task OnPostResetAsync(CancellationToken ct)
    {
        var token = await administration.ResetAsync(Account, ct);
        await HandOverAsync(token, reset: true, ct);
        await LoadDetailsAsync(ct);
    }

    public async Task<IActionResult> OnPostReinviteAsync(CancellationToken ct)
    {
        if (await users.HasPasswordAsync(Account))
        {
            return BadRequest();
        }
        var token = await administration.ReinviteAsync(Account, ct);
        await HandOverAsync(token, reset: false, ct);
        await LoadDetailsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        var me = (await Access.GetAsync(ct)).User!;
        if (!await tokens.RevokeAsync(Account.Id, tokenId, me.Email, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "The token is revoked: it no longer works.";
        return Shown();
    }

    private RedirectToPageResult Shown() => RedirectTo<ShowModel>(new { id = Account.Id });

    private async Task HandOverAsync(string token, bool reset, CancellationToken ct)
    {
        Link = SetPasswordLink(Account, token, invitation: true);
        if (!Emails.IsConfigured)
        {
            return;
        }
        try
        {
            if (reset)
            {
                await Emails.SendPasswordResetAsync(Account, Link, ct);
            }
            else
            {
                await Emails.SendInvitationAsync(Account, (await Access.GetAsync(ct)).User!.Email!, Link, ct);
            }
            Emailed = true;
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException)
        {
            logger.LogError(e, "The link for {Email} was not emailed", Account.Email);
        }
    }

    private async Task LoadDetailsAsync(CancellationToken ct)
    {
        CanGrantPay = await MayAsync(Account, Operations.GrantPayAccess);
        HasPassword = await users.HasPasswordAsync(Account);
        OpenSessions = (await sessions.OpenAsync(Account.Id, ct)).Count;
        Tokens = await tokens.ListAsync(Account.Id, ct);
    }
}
