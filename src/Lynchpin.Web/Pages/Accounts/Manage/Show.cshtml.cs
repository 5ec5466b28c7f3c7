using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>
/// One account, for whoever administers it: its access and state, and the changes — pay access (a trust admin or the
/// head), disable and re-enable, reset sign-in, invite again, revoke a token. Each is audited by the service that makes it.
/// </summary>
public class ShowModel(
    LynchpinDbContext db, AccessScope access, IAuthorizationService authorization, AccountEmails emails,
    AccountAdministration administration, ApiTokenService tokens, UserSessions sessions, UserManager<AppUser> users, SchoolClock clock,
    ILogger<ShowModel> logger)
    : AccountAdminPage(db, access, authorization, emails)
{
    public bool CanGrantPay { get; private set; }
    public bool HasPassword { get; private set; }
    public int OpenSessions { get; private set; }
    public List<ApiToken> Tokens { get; private set; } = [];
    public DateTime Now { get; } = clock.UtcNow;

    /// <summary>After a reset or a new invitation: the link to hand over, or that it was emailed.</summary>
    public Uri? Link { get; private set; }
    public bool Emailed { get; private set; }

    [BindProperty]
    [Display(Name = "reason")]
    [StringLength(AppUser.DisabledReasonMaxLength, ErrorMessage = "The reason must be 200 characters or fewer")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPayAccessAsync(string id, bool grant, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (!CanGrantPay)
        {
            return Forbid();
        }
        await administration.SetPayAccessAsync(Account, grant, ct);
        TempData["Success"] = grant
            ? $"{Account.Email} has pay access. They sign in again, with a code from an authenticator app."
            : $"{Account.Email} no longer has pay access.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the account is disabled");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        await administration.DisableAsync(Account, Reason!.Trim(), ct);
        TempData["Success"] = $"{Account.Email} is disabled: signed out everywhere, API tokens revoked, calendar feed stopped.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var result = await administration.EnableAsync(Account, SchoolClock.DateOf(Now), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "");
            return Invalid();
        }
        TempData["Success"] = $"{Account.Email} may sign in again.";
        return RedirectToPage(new { id });
    }

    /// <summary>A forgotten password or a lost phone: both are removed, and the person sets them up again from a one-time link.</summary>
    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var token = await administration.ResetAsync(Account, ct);
        await HandOverAsync(token, reset: true, ct);
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReinviteAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (HasPassword)
        {
            return BadRequest();
        }
        var token = await administration.ReinviteAsync(Account, ct);
        await HandOverAsync(token, reset: false, ct);
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int tokenId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var me = (await Access.GetAsync(ct)).User!;
        if (!await tokens.RevokeAsync(Account.Id, tokenId, me.Email, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "The token is revoked: it no longer works.";
        return RedirectToPage(new { id });
    }

    private async Task HandOverAsync(string token, bool reset, CancellationToken ct)
    {
        Link = SetPasswordLink(Account, token, invitation: true);
        if (!Emails.IsConfigured)
        {
            return;
        }
        try
        {
            var me = (await Access.GetAsync(ct)).User!;
            if (reset)
            {
                await Emails.SendPasswordResetAsync(Account, Link, ct);
            }
            else
            {
                await Emails.SendInvitationAsync(Account, me.Email!, Link, ct);
            }
            Emailed = true;
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException)
        {
            logger.LogError(e, "The link for {Email} was not emailed", Account.Email);
        }
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await LoadAccountAsync(id, ct) is { } refused)
        {
            return refused;
        }
        CanGrantPay = await MayAsync(Account, Operations.GrantPayAccess);
        HasPassword = await users.HasPasswordAsync(Account);
        OpenSessions = (await sessions.OpenAsync(Account.Id, ct)).Count;
        Tokens = await tokens.ListAsync(Account.Id, ct);
        return null;
    }
}
