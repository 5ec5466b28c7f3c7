using System.Globalization;
using Lynchpin.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Accounts;

/// <summary>An account as the admin pages describe it: email, role, school and staff record (ids), within a trust.</summary>
public sealed record AccountInput(string? Email, UserRole? Role, int? SchoolId, int? StaffMemberId);

/// <summary>An account just invited, and the token of its one-time link to set a password.</summary>
public sealed record InvitedAccount(AppUser User, string Token);

/// <summary>
/// Everything done to an account after it is made — invite, change role or staff record, pay access, disable, enable,
/// reset, a person's own password — each audited in the same save, and each that widens or removes access ending the
/// account's sessions (its security stamp changes too, so a cookie older than the change stops working).
/// Who may do what to whom is decided before these are called (AccessScope in the web app).
/// </summary>
public class AccountAdministration(
    LynchpinDbContext db,
    UserManager<AppUser> users,
    UserAccounts accounts,
    ApiTokenService tokens,
    UserSessions sessions,
    AuditLog audit,
    SchoolClock clock)
{
    /// <summary>Creates an account with a password (the command line), audited.</summary>
    public async Task<CreateUserResult> CreateAsync(CreateUserOptions options, bool payAccess, CancellationToken cancellationToken = default)
    {
        var result = await accounts.CreateAsync(options, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }
        var user = await users.FindByEmailAsync(options.Email) ?? throw new InvalidOperationException($"{options.Email} was created but is not found.");
        audit.Add(AuditActions.AccountCreated, AuditSubject.Account(user), $"{RoleScope.Name(user.Role)}, with a password");
        if (payAccess)
        {
            user.PayAccess = true;
            audit.Add(AuditActions.PayAccessGranted, AuditSubject.Account(user));
        }
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Makes an account without a password in <paramref name="trustId"/> and a one-time link token to set one (or, in a trust
    /// that signs in through its identity provider, just to say so).
    /// </summary>
    public async Task<Result<InvitedAccount>> InviteAsync(AccountInput input, int? trustId, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(input, trustId, null, cancellationToken);
        var email = input.Email?.Trim();
        if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new FieldError("Email", $"There is already an account for {email}"));
        }
        if (errors.Count > 0)
        {
            return Result<InvitedAccount>.Fail(errors);
        }
        var (schoolId, staffId) = await ScopeAsync(input, cancellationToken);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Role = input.Role!.Value,
            TrustId = trustId,
            SchoolId = schoolId,
            StaffMemberId = staffId,
            InvitedAt = Now,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Result<InvitedAccount>.Fail(created.Errors.Select(e => new FieldError("Email", e.Description)).ToList());
        }
        await audit.WriteAsync(AuditActions.AccountInvited, AuditSubject.Account(user), await DescribeAsync(user, cancellationToken), cancellationToken: cancellationToken);
        return Result<InvitedAccount>.Done(new InvitedAccount(user, await InvitationTokenAsync(user)));
    }

    /// <summary>A new invitation link for an account that has not set a password yet.</summary>
    public async Task<string> ReinviteAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        user.InvitedAt = Now;
        audit.Add(AuditActions.AccountInvited, AuditSubject.Account(user), "Invitation sent again");
        await db.SaveChangesAsync(cancellationToken);
        return await InvitationTokenAsync(user);
    }

    public Task<string> InvitationTokenAsync(AppUser user) =>
        users.GenerateUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose);

    /// <summary>Changes the role, school and staff record; the account signs in again.</summary>
    public async Task<Result<AppUser>> ChangeAsync(AppUser user, AccountInput input, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(input with { Email = user.Email }, user.TrustId, user.Id, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<AppUser>.Fail(errors);
        }
        var before = await DescribeAsync(user, cancellationToken);
        var (schoolId, staffId) = await ScopeAsync(input, cancellationToken);
        user.Role = input.Role!.Value;
        user.SchoolId = schoolId;
        user.StaffMemberId = staffId;
        var after = await DescribeAsync(user, cancellationToken);
        if (before == after)
        {
            return Result<AppUser>.Done(user);
        }
        audit.Add(AuditActions.AccountChanged, AuditSubject.Account(user), $"{before} → {after}");
        await EndSessionsAsync(user, cancellationToken);
        return Result<AppUser>.Done(user);
    }

    /// <summary>Grants or removes pay access. A grant ends the account's sessions: it signs in again, with a one-time code.</summary>
    public async Task SetPayAccessAsync(AppUser user, bool payAccess, CancellationToken cancellationToken = default)
    {
        if (user.PayAccess == payAccess)
        {
            return;
        }
        user.PayAccess = payAccess;
        audit.Add(payAccess ? AuditActions.PayAccessGranted : AuditActions.PayAccessRemoved, AuditSubject.Account(user));
        if (payAccess)
        {
            await EndSessionsAsync(user, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Stops the account at once: it cannot sign in, its sessions end, its API tokens are revoked and its calendar feed stops.
    /// </summary>
    public async Task DisableAsync(AppUser user, string reason, CancellationToken cancellationToken = default)
    {
        if (user.IsDisabled)
        {
            return;
        }
        user.DisabledAt = Now;
        user.DisabledReason = reason.Length > AppUser.DisabledReasonMaxLength ? reason[..AppUser.DisabledReasonMaxLength] : reason;
        var actor = audit.CurrentActor;
        var revoked = await tokens.RevokeAllAsync(user, actor.Name, cancellationToken);
        var feeds = user.StaffMemberId is int staffId ? await RevokeCalendarFeedAsync(staffId, user, cancellationToken) : 0;
        // A coach's feed belongs to the account (no staff record): it stops with it.
        var ownFeeds = await db.CalendarFeedTokens.Where(t => t.UserId == user.Id && t.StaffMemberId == null).ToListAsync(cancellationToken);
        if (ownFeeds.Count > 0)
        {
            db.CalendarFeedTokens.RemoveRange(ownFeeds);
            audit.Add(AuditActions.CalendarFeedRevoked, AuditSubject.Account(user));
            feeds += ownFeeds.Count;
        }
        audit.Add(AuditActions.AccountDisabled, AuditSubject.Account(user),
            string.Create(CultureInfo.InvariantCulture, $"{user.DisabledReason}; {revoked} token(s) revoked{(feeds > 0 ? ", calendar feed stopped" : "")}"));
        await EndSessionsAsync(user, cancellationToken);
    }

    /// <summary>Lets a disabled account sign in again; refused while its staff record says the person has left.</summary>
    public async Task<Result> EnableAsync(AppUser user, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (user.StaffMemberId is int staffId
            && await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.LeavingDate).SingleAsync(cancellationToken) is DateOnly left
            && left < today)
        {
            return Result.Fail("", $"Their staff record says they left on {left:d MMMM yyyy}: change the leaving date first");
        }
        if (!user.IsDisabled)
        {
            return Result.Ok;
        }
        user.DisabledAt = null;
        user.DisabledReason = null;
        audit.Add(AuditActions.AccountEnabled, AuditSubject.Account(user));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    /// <summary>
    /// An admin's reset: the password and the authenticator are removed, a lockout is lifted and every session ends; the
    /// returned token makes a one-time link for the person to set a new password (and set up their code again).
    /// </summary>
    public async Task<string> ResetAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        user.InvitedAt = Now;
        audit.Add(AuditActions.PasswordResetRequested, AuditSubject.Account(user), "Reset by an admin: password and two-factor removed");
        await EndSessionsAsync(user, cancellationToken);
        return await InvitationTokenAsync(user);
    }

    /// <summary>A person's own "forgotten password": a one-day token for a link emailed to them (audited; nothing else changes).</summary>
    public async Task<string> ForgottenPasswordTokenAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        await audit.WriteAsync(AuditActions.PasswordResetRequested, AuditSubject.Account(user), "Asked for by email", cancellationToken: cancellationToken);
        return await users.GeneratePasswordResetTokenAsync(user);
    }

    /// <summary>Whether a link's token is good for the account: an invitation (or admin reset) link, or a forgotten-password one.</summary>
    public async Task<bool> IsLinkValidAsync(AppUser user, string token, bool invitation) => invitation
        ? await users.VerifyUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose, token)
        : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    /// <summary>Sets the password from a one-time link (which then stops working) and ends any session the account had.</summary>
    public async Task<Result> SetPasswordFromLinkAsync(AppUser user, string token, bool invitation, string? password, CancellationToken cancellationToken = default)
    {
        if (!await IsLinkValidAsync(user, token, invitation))
        {
            return Result.Fail("", new LynchpinIdentityErrors().InvalidToken().Description);
        }
        if (await PasswordErrorsAsync(user, password) is { Count: > 0 } errors)
        {
            return new Result(errors);
        }
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }
        // AddPasswordAsync changes the security stamp: the link is used up.
        Check(await users.AddPasswordAsync(user, password!));
        Check(await users.SetLockoutEndDateAsync(user, null));
        var wasInvited = user.InvitedAt is not null;
        user.InvitedAt = null;
        audit.Add(wasInvited ? AuditActions.InvitationAccepted : AuditActions.PasswordReset, AuditSubject.Account(user), "Password set from a one-time link");
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return Result.Ok;
    }

    /// <summary>A person changes their own password; every session ends, so the caller signs them in again on this browser.</summary>
    public async Task<Result> ChangePasswordAsync(AppUser user, string? current, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(current) || !await users.CheckPasswordAsync(user, current))
        {
            return Result.Fail("CurrentPassword", new LynchpinIdentityErrors().PasswordMismatch().Description);
        }
        if (await PasswordErrorsAsync(user, password) is { Count: > 0 } errors)
        {
            return new Result(errors);
        }
        // Changes the security stamp, so copies of the old cookie stop working too.
        Check(await users.ChangePasswordAsync(user, current, password!));
        audit.Add(AuditActions.PasswordChanged, AuditSubject.Account(user));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return Result.Ok;
    }

    /// <summary>The policy's complaints about a new password, on the <c>Password</c> field.</summary>
    public async Task<List<FieldError>> PasswordErrorsAsync(AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [new FieldError("Password", "Enter a new password")];
        }
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new FieldError("Password", e.Description)));
        }
        return errors;
    }

    /// <summary>Ends every session of the account and changes its security stamp, saving what the context holds.</summary>
    public async Task EndSessionsAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        // UpdateSecurityStampAsync saves the user, and with it the context's other changes (the audit rows).
        Check(await users.UpdateSecurityStampAsync(user));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(user.Id, cancellationToken);
    }

    /// <summary>Stops a person's calendar feed: the token in its URL is removed.</summary>
    public async Task<int> RevokeCalendarFeedAsync(int staffMemberId, AppUser? user, CancellationToken cancellationToken = default)
    {
        var feeds = await db.CalendarFeedTokens.Where(t => t.StaffMemberId == staffMemberId).ToListAsync(cancellationToken);
        db.CalendarFeedTokens.RemoveRange(feeds);
        if (feeds.Count > 0)
        {
            var subject = user is null
                ? new AuditSubject(null, null, staffMemberId, AuditRecordTypes.Staff, staffMemberId.ToString(CultureInfo.InvariantCulture))
                : AuditSubject.Account(user);
            audit.Add(AuditActions.CalendarFeedRevoked, subject);
        }
        return feeds.Count;
    }

    /// <summary>"Trust admin; Northfield Academy; staff record NA001 Rachel Whitfield": what an audit row says an account was.</summary>
    private async Task<string> DescribeAsync(AppUser user, CancellationToken cancellationToken)
    {
        var school = user.SchoolId is int schoolId
            ? await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var staff = user.StaffMemberId is int staffId
            ? await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.StaffRef + " " + s.FirstName + " " + s.LastName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return string.Join("; ", new[] { RoleScope.Name(user.Role), school, staff is null ? "no staff record" : $"staff record {staff}" }.OfType<string>());
    }

    /// <summary>The school and staff record the account will have: a line manager's or staff account's school is its record's.</summary>
    private async Task<(int? SchoolId, int? StaffId)> ScopeAsync(AccountInput input, CancellationToken cancellationToken)
    {
        var role = input.Role!.Value;
        int? staffSchool = input.StaffMemberId is int staffId
            ? await db.StaffMembers.Where(s => s.Id == staffId).Select(s => (int?)s.SchoolId).SingleOrDefaultAsync(cancellationToken)
            : null;
        var schoolId = role == UserRole.TrustAdmin ? staffSchool : input.SchoolId ?? staffSchool;
        return (schoolId, input.StaffMemberId);
    }

    private async Task<List<FieldError>> ValidateAsync(AccountInput input, int? trustId, string? exceptUserId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new FieldError("Email", "Enter their email address"));
        }
        else if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            errors.Add(new FieldError("Email", "Enter an email address in the correct format, like name@example.com"));
        }
        if (input.Role is not UserRole role)
        {
            errors.Add(new FieldError("Role", "Choose what the account may see"));
            return errors;
        }
        School? school = null;
        if (input.SchoolId is int schoolId)
        {
            school = await db.Schools.SingleOrDefaultAsync(s => s.Id == schoolId && (trustId == null || s.TrustId == trustId), cancellationToken);
            if (school is null)
            {
                errors.Add(new FieldError("SchoolId", "Choose a school of the trust"));
            }
        }
        else if (RoleScope.NeedsSchool(role))
        {
            errors.Add(new FieldError("SchoolId", "Choose the school a school leader leads"));
        }
        if (RoleScope.NeedsTrust(role) && trustId is null)
        {
            errors.Add(new FieldError("Role", "A trust admin needs a trust: this school is in none"));
        }
        if (input.StaffMemberId is int staffId)
        {
            var staff = await db.StaffMembers.Include(s => s.School).SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
            if (staff is null || (trustId is not null && staff.School.TrustId != trustId) || (trustId is null && school is not null && staff.SchoolId != school.Id))
            {
                errors.Add(new FieldError("StaffMemberId", "Choose a staff record from the list"));
            }
            else if (school is not null && role != UserRole.TrustAdmin && staff.SchoolId != school.Id)
            {
                errors.Add(new FieldError("StaffMemberId", $"Choose someone on the staff of {school.Name}"));
            }
            else if (await accounts.LinkedEmailAsync(staffId, exceptUserId, cancellationToken) is { } linked)
            {
                errors.Add(new FieldError("StaffMemberId", $"{staff.FullName} already has an account ({linked}): a staff record has one account"));
            }
        }
        else if (RoleScope.NeedsStaff(role))
        {
            errors.Add(new FieldError("StaffMemberId", $"Choose their staff record: a {RoleScope.Name(role).ToLowerInvariant()} account sees records through its own"));
        }
        return errors;
    }

    private DateTime Now => clock.UtcNow;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
