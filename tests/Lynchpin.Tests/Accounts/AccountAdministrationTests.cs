using System.Net;
using System.Text.RegularExpressions;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// Accounts administered in the app (issue 11: accounts could only be made on the command line, could not be disabled,
/// and two accounts could share a staff record): invite with a one-time link, one account per staff record, roles and
/// pay access within the admin's scope, disable and re-enable, reset — each change audited.
/// </summary>
public abstract class AccountAdministrationTests(AccountsAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAccountsAppFactory app) : AccountAdministrationTests(app), IClassFixture<SqliteAccountsAppFactory>;
    public sealed class Postgres(PostgresAccountsAppFactory app) : AccountAdministrationTests(app), IClassFixture<PostgresAccountsAppFactory>;

    private AccountsAppFactory Accounts => (AccountsAppFactory)App;

    /// <summary>A school in a trust: the head (top of its line management), a deputy below them, a SENCo and a TA below the SENCo.</summary>
    private sealed record School(Trust Trust, Core.Data.Models.School Place, StaffMember Head, StaffMember Deputy, StaffMember Senco, StaffMember Ta,
        TestUser HeadUser, TestUser DeputyUser);

    private async Task<School> SchoolAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var head = await Data.CreateStaffAsync(school, slt: true, jobTitle: "Headteacher");
        var deputy = await Data.CreateStaffAsync(school, lineManager: head, slt: true, jobTitle: "Deputy head");
        var senco = await Data.CreateStaffAsync(school, RoleFamily.Inclusion, head, jobTitle: "SENCo");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, senco, jobTitle: "Teaching assistant", email: $"ta{TestData.Unique()}@school.test");
        return new School(trust, school, head, deputy, senco, ta,
            await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head),
            await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: deputy));
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, string email, UserRole role, StaffMember? staff, int? schoolId = null) =>
        PageForms.SubmitAsync(client, "/accounts/invite", "Input.Email", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Role"] = role.ToString(),
            ["Input.StaffMemberId"] = staff?.Id.ToString() ?? "",
            ["Input.SchoolId"] = schoolId?.ToString() ?? "",
        });

    /// <summary>Opens <paramref name="url"/> and posts its form for <paramref name="handler"/>, as the button would.</summary>
    internal static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string url, string handler)
    {
        using var page = await client.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        var form = document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal));
        return await Html.SubmitAsync(client, form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
    }

    private Task<List<AuditEvent>> AuditOfAsync(string userId) =>
        Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == userId).OrderBy(e => e.Id).ToListAsync());

    [SkippableFact]
    public async Task Post_Invite_EmailsAOneTimeLink_TheInviteeSetsAPasswordAndSignsIn()
    {
        // Arrange
        var s = await SchoolAsync();
        using var head = await App.CreateSignedInClientAsync(s.HeadUser);

        // Act
        using var invited = await InviteAsync(head, s.Ta.Email!, UserRole.Staff, s.Ta);

        // Assert: the account, its audit row, and an email with a link that works once.
        var page = await PageAssert.OkAsync(invited);
        Assert.Null(page.GetElementById("invitation-link"));
        var account = await Data.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == s.Ta.Email));
        Assert.Equal((UserRole.Staff, s.Ta.Id, s.Place.Id, s.Trust.Id, (string?)null), (account.Role, account.StaffMemberId!.Value, account.SchoolId!.Value, account.TrustId!.Value, account.PasswordHash));
        var invitation = Assert.Single(await AuditOfAsync(account.Id), e => e.Action == AuditActions.AccountInvited);
        Assert.Equal((s.HeadUser.Id, AuditChannel.Page, s.Trust.Id), (invitation.UserId, invitation.Channel, invitation.TrustId));
        var mail = Assert.Single(Accounts.Smtp.To(s.Ta.Email!));
        var link = new Uri(Regex.Match(mail.Text, @"https://lynchpin\.test/\S+").Value);
        using var invitee = App.CreateClient();
        const string password = "Kettle on at half past three";
        using var set = await PageForms.SubmitAsync(invitee, link.PathAndQuery, "Password", new Dictionary<string, string>
        {
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });
        PageAssert.RedirectsTo(set, "/sign-in");
        await LynchpinAppFactory.SignInAsync(invitee, s.Ta.Email!, password);
        await PageAssert.OkAsync(await invitee.GetAsync($"/staff/{s.Ta.Id}"));
        using var again = await App.CreateClient().GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains(await AuditOfAsync(account.Id), e => e.Action == AuditActions.InvitationAccepted);
    }

    [SkippableFact]
    public async Task Post_Invite_AStaffRecordThatHasAnAccount_Returns400AndMakesNone()
    {
        // Arrange
        var s = await SchoolAsync();
        using var head = await App.CreateSignedInClientAsync(s.HeadUser);
        var count = await Data.WithDbAsync(db => db.Users.CountAsync());

        // Act: the deputy already has an account.
        using var response = await InviteAsync(head, $"second{TestData.Unique()}@school.test", UserRole.Staff, s.Deputy);

        // Assert: a staff record the head may link but already linked is not offered, so it is refused as not on the list.
        await PageAssert.FormErrorsAsync(response, "Input_StaffMemberId");
        Assert.Equal(count, await Data.WithDbAsync(db => db.Users.CountAsync()));
    }

    [SkippableFact]
    public async Task Create_ASecondAccountForTheSameStaffRecord_IsRefused()
    {
        // Arrange
        var s = await SchoolAsync();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Data.CreateUserAsync(UserRole.Staff, staff: s.Deputy));

        // Assert
        Assert.Contains("already has an account", error.Message);
        Assert.Equal(1, await Data.WithDbAsync(db => db.Users.CountAsync(u => u.StaffMemberId == s.Deputy.Id)));
    }

    [SkippableFact]
    public async Task Post_Invite_ALeaderCannotGiveTrustAdminNorLinkSomeoneAboveThem()
    {
        // Arrange: the deputy is below the head.
        var s = await SchoolAsync();
        using var deputy = await App.CreateSignedInClientAsync(s.DeputyUser);

        // Act
        using var admin = await InviteAsync(deputy, $"admin{TestData.Unique()}@school.test", UserRole.TrustAdmin, null);
        using var asHead = await InviteAsync(deputy, $"head{TestData.Unique()}@school.test", UserRole.SchoolLeader, s.Head);

        // Assert
        await PageAssert.FormErrorsAsync(admin, "Input_Role");
        await PageAssert.FormErrorsAsync(asHead, "Input_StaffMemberId");
    }

    [SkippableFact]
    public async Task Get_Accounts_ALeaderListsOnlyThoseBelowThem_AndCannotOpenTheHeads()
    {
        // Arrange
        var s = await SchoolAsync();
        var sencoUser = await Data.CreateUserAsync(UserRole.LineManager, staff: s.Senco);
        using var deputy = await App.CreateSignedInClientAsync(s.DeputyUser);
        using var head = await App.CreateSignedInClientAsync(s.HeadUser);

        // Act
        var deputysList = await PageAssert.OkAsync(await deputy.GetAsync("/accounts"));
        var headsList = await PageAssert.OkAsync(await head.GetAsync("/accounts"));
        using var deputyOnHead = await deputy.GetAsync($"/accounts/{s.HeadUser.Id}");

        // Assert: the SENCo is below the head, not below the deputy.
        Assert.DoesNotContain(sencoUser.Email, PageAssert.Text(deputysList.QuerySelector("main")));
        Assert.Contains(sencoUser.Email, PageAssert.Text(headsList.GetElementById("accounts")));
        Assert.Contains(s.DeputyUser.Email, PageAssert.Text(headsList.GetElementById("accounts")));
        Assert.Equal(HttpStatusCode.Forbidden, deputyOnHead.StatusCode);
    }

    [SkippableFact]
    public async Task Post_PayAccess_TheHeadGrantsIt_AnotherLeaderMayNot_AndTheGranteeSignsInAgainWithACode()
    {
        // Arrange
        var s = await SchoolAsync();
        var senco = await Data.CreateUserAsync(UserRole.LineManager, staff: s.Senco);
        var deputysTeacher = await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(s.Place, lineManager: s.Deputy));
        using var sencoSession = await App.CreateSignedInClientAsync(senco);
        using var head = await App.CreateSignedInClientAsync(s.HeadUser);
        using var deputy = await App.CreateSignedInClientAsync(s.DeputyUser);

        // Act
        using var byDeputy = await deputy.PostAsync($"/accounts/{deputysTeacher.Id}?handler=PayAccess&grant=true",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(deputy) }));
        var teachersPage = await PageAssert.OkAsync(await deputy.GetAsync($"/accounts/{deputysTeacher.Id}"));
        using var byHead = await PostHandlerAsync(head, $"/accounts/{senco.Id}", "PayAccess");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, byDeputy.StatusCode);
        Assert.Null(teachersPage.QuerySelector("form[action*='PayAccess']"));
        Assert.True(await Data.WithDbAsync(db => db.Users.Where(u => u.Id == senco.Id).Select(u => u.PayAccess).SingleAsync()));
        Assert.Contains(await AuditOfAsync(senco.Id), e => e.Action == AuditActions.PayAccessGranted && e.UserId == s.HeadUser.Id);
        PageAssert.RedirectsToSignIn(await sencoSession.GetAsync("/account"));
        using var again = App.CreateClient();
        using var password = await PageForms.SubmitAsync(again, "/sign-in", "Input.Email", new Dictionary<string, string>
        {
            ["Input.Email"] = senco.Email,
            ["Input.Password"] = senco.Password,
        });
        Assert.Equal("/sign-in/set-up-two-factor", password.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Post_Disable_EndsSessionsAndRefusesSignIn_Enable_LetsThemBackIn()
    {
        // Arrange
        var s = await SchoolAsync();
        var ta = await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta);
        using var taSession = await App.CreateSignedInClientAsync(ta);
        using var head = await App.CreateSignedInClientAsync(s.HeadUser);

        // Act
        using var disabled = await PageForms.SubmitAsync(head, $"/accounts/{ta.Id}", "Reason", new Dictionary<string, string> { ["Reason"] = "Long-term leave" });

        // Assert
        PageAssert.RedirectsTo(disabled, $"/accounts/{ta.Id}");
        PageAssert.RedirectsToSignIn(await taSession.GetAsync("/account"));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(App.CreateClient(), ta.Email, ta.Password));
        Assert.Contains("This account is disabled", refused.Message);
        var audit = Assert.Single(await AuditOfAsync(ta.Id), e => e.Action == AuditActions.AccountDisabled);
        Assert.StartsWith("Long-term leave", audit.Detail, StringComparison.Ordinal);

        using var enabled = await PostHandlerAsync(head, $"/accounts/{ta.Id}", "Enable");
        PageAssert.RedirectsTo(enabled, $"/accounts/{ta.Id}");
        await LynchpinAppFactory.SignInAsync(App.CreateClient(), ta.Email, ta.Password);
    }

    [SkippableFact]
    public async Task Post_Reset_RemovesPasswordAndAuthenticator_AndEmailsALinkToSetThemAgain()
    {
        // Arrange: an admin of the trust resets a head with pay access who has lost their phone.
        var s = await SchoolAsync();
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == s.HeadUser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        using var headSession = await App.CreateSignedInClientAsync(s.HeadUser);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: s.Trust);
        using var adminClient = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await PostHandlerAsync(adminClient, $"/accounts/{s.HeadUser.Id}", "Reset");

        // Assert
        await PageAssert.OkAsync(response);
        PageAssert.RedirectsToSignIn(await headSession.GetAsync("/account"));
        var user = await Data.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == s.HeadUser.Id));
        Assert.Null(user.PasswordHash);
        Assert.False(user.TwoFactorEnabled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(App.CreateClient(), s.HeadUser.Email, s.HeadUser.Password));
        var mail = Assert.Single(Accounts.Smtp.To(s.HeadUser.Email));
        Assert.Contains("/set-password?", mail.Text);
    }

    [SkippableFact]
    public async Task Post_Edit_ChangesTheRole_EndsTheirSessionsAndIsAudited()
    {
        // Arrange
        var s = await SchoolAsync();
        var senco = await Data.CreateUserAsync(UserRole.Staff, staff: s.Senco);
        using var sencoSession = await App.CreateSignedInClientAsync(senco);
        using var head = await App.CreateSignedInClientAsync(s.HeadUser);

        // Act
        using var response = await PageForms.SubmitAsync(head, $"/accounts/{senco.Id}/edit", "Input.Role", new Dictionary<string, string>
        {
            ["Input.Role"] = nameof(UserRole.LineManager),
        });

        // Assert
        PageAssert.RedirectsTo(response, $"/accounts/{senco.Id}");
        Assert.Equal(UserRole.LineManager, await Data.WithDbAsync(db => db.Users.Where(u => u.Id == senco.Id).Select(u => u.Role).SingleAsync()));
        PageAssert.RedirectsToSignIn(await sencoSession.GetAsync("/account"));
        var audit = Assert.Single(await AuditOfAsync(senco.Id), e => e.Action == AuditActions.AccountChanged);
        Assert.StartsWith("Staff;", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("→ Line manager;", audit.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_ForgottenPassword_EmailsALinkThatSetsANewPasswordOnce()
    {
        // Arrange
        var s = await SchoolAsync();
        var ta = await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta);
        using var stranger = App.CreateClient();

        // Act
        using var asked = await PageForms.SubmitAsync(stranger, "/forgot-password", "Email", new Dictionary<string, string> { ["Email"] = ta.Email });
        using var unknown = await PageForms.SubmitAsync(stranger, "/forgot-password", "Email", new Dictionary<string, string> { ["Email"] = $"nobody{TestData.Unique()}@school.test" });

        // Assert: the same answer for both; only the account's owner gets mail.
        Assert.Equal(
            PageAssert.Text((await PageAssert.OkAsync(asked)).GetElementById("reset-sent")).Replace(ta.Email, "X"),
            Regex.Replace(PageAssert.Text((await PageAssert.OkAsync(unknown)).GetElementById("reset-sent")), @"nobody\d+@school\.test", "X"));
        var mail = Assert.Single(Accounts.Smtp.To(ta.Email));
        var link = new Uri(Regex.Match(mail.Text, @"https://lynchpin\.test/\S+").Value);
        const string password = "Seven swans a-swimming";
        using var set = await PageForms.SubmitAsync(stranger, link.PathAndQuery, "Password", new Dictionary<string, string>
        {
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });
        PageAssert.RedirectsTo(set, "/sign-in");
        await LynchpinAppFactory.SignInAsync(App.CreateClient(), ta.Email, password);
        Assert.Equal(HttpStatusCode.Gone, (await App.CreateClient().GetAsync(link.PathAndQuery)).StatusCode);
    }
}
