using System.Security.Claims;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>Where one is signed in, and which tokens act for one; "sign out everywhere" ends all of them at once.</summary>
public class SessionsModel(UserManager<AppUser> users, UserSessions sessions, ApiTokenService tokens, SignInFlow flow)
    : AccountPage(users)
{
    public List<UserSession> Sessions { get; private set; } = [];
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? CurrentSessionId => User.FindFirstValue(SignInFlow.SessionClaim);
    public DateTime Now => Clock.UtcNow;
    public SessionLimits Limits => sessions.Options;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        Sessions = await sessions.OpenAsync(Me.Id, ct);
        Tokens = (await tokens.ListAsync(Me.Id, ct)).Where(t => t.IsActiveAt(Now)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await flow.SignOutAsync(revokeTokens: true, ct);
        TempData["Success"] = "You are signed out everywhere, and your API tokens are revoked.";
        return RedirectTo<SignInModel>();
    }
}
