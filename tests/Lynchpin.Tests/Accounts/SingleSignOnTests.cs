using System.Net;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Accounts;

/// <summary>The app with both single sign-on providers pointed at a real OpenID Connect provider on loopback.</summary>
public class SsoAppFactory(DatabaseProvider provider) : LynchpinAppFactory(provider)
{
    public TestIdentityProvider IdentityProvider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        IdentityProvider = await TestIdentityProvider.StartAsync(new Uri("http://localhost/"));
        foreach (var (scheme, clientId) in new[] { ("Microsoft", TestIdentityProvider.MicrosoftClientId), ("Google", TestIdentityProvider.GoogleClientId) })
        {
            WithSetting($"Lynchpin:Sso:{scheme}:Authority", IdentityProvider.Issuer.ToString());
            WithSetting($"Lynchpin:Sso:{scheme}:ClientId", clientId);
            WithSetting($"Lynchpin:Sso:{scheme}:ClientSecret", TestIdentityProvider.ClientSecret);
            WithSetting($"Lynchpin:Sso:{scheme}:RequireHttpsMetadata", "false");
        }
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (IdentityProvider is not null)
        {
            await IdentityProvider.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSsoAppFactory() : SsoAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresSsoAppFactory() : SsoAppFactory(DatabaseProvider.Postgres);

/// <summary>
/// Single sign-on end to end: the app sends the browser to the provider, the provider (a real OpenIddict server) signs
/// someone in and posts the code back, the app redeems it, checks the ID token and the trust's tenant or domain, and opens
/// a session — or refuses, and audits why.
/// </summary>
public abstract class SingleSignOnTests(SsoAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteSsoAppFactory app) : SingleSignOnTests(app), IClassFixture<SqliteSsoAppFactory>;
    public sealed class Postgres(PostgresSsoAppFactory app) : SingleSignOnTests(app), IClassFixture<PostgresSsoAppFactory>;

    private const string TenantId = "3f2b5c1e-7d4a-4e8b-9c0d-1a2b3c4d5e6f";
    private const string OtherTenantId = "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";

    private TestIdentityProvider Provider => ((SsoAppFactory)App).IdentityProvider;

    /// <summary>A trust signing in with <paramref name="provider"/> and a staff account in it.</summary>
    private async Task<(Trust Trust, TestUser User)> SsoTrustAsync(SsoProvider provider, string tenant, string claim = "email", UserRole role = UserRole.Staff)
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var staff = await Data.CreateStaffAsync(school);
        var user = role == UserRole.TrustAdmin
            ? await Data.CreateUserAsync(role, trust: trust)
            : await Data.CreateUserAsync(role, staff: staff);
        await using var scope = App.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<TrustSignIns>()
            .SaveAsync(trust.Id, new TrustSignInInput(SignInMethod.SingleSignOn, provider, tenant, claim));
        Assert.Empty(saved.Errors);
        return (trust, user);
    }

    /// <summary>
    /// Clicks "Sign in with …" on the sign-in page, lets the provider sign in <see cref="TestIdentityProvider.NextUser"/>,
    /// posts its answer back (after <paramref name="tamper"/>, if given) and follows the app's redirect home: the last response.
    /// </summary>
    private async Task<HttpResponseMessage> SignInWithAsync(HttpClient client, string provider, Action<Dictionary<string, string>>? tamper = null)
    {
        using var page = await client.GetAsync("/sign-in");
        var document = await Html.ParseAsync(page);
        var button = document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.GetAttribute("action") == $"/sign-in/sso/{provider}");
        using var challenge = await Html.SubmitAsync(client, button, Html.FormValues(button), page.RequestMessage!.RequestUri!);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(Provider.Issuer.ToString(), authorize.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(authorize);
        var posted = await Html.ParseAsync(answer);
        var form = posted.QuerySelector("form") as AngleSharp.Html.Dom.IHtmlFormElement
            ?? throw new InvalidOperationException($"The provider answered {(int)answer.StatusCode} without a form: {await answer.Content.ReadAsStringAsync()}");
        var values = Html.FormValues(form);
        tamper?.Invoke(values);
        var callback = new Uri(form.GetAttribute("action")!);
        using var back = await client.PostAsync(callback.PathAndQuery, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        if (tamper is null && back.Headers.Location!.OriginalString.StartsWith("/sign-in?sso=failed", StringComparison.Ordinal))
        {
            // Say why: the handler's failure is in the audit trail.
            var why = await Data.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SignInFailed).OrderByDescending(e => e.Id).Select(e => e.Detail).FirstAsync());
            Assert.Fail($"Single sign-on failed: {why}");
        }
        return await client.GetAsync(back.Headers.Location!.OriginalString);
    }

    private Task<List<AuditEvent>> AuditAsync(string action, string name) =>
        Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.UserName == name).ToListAsync());

    [SkippableFact]
    public async Task Get_MicrosoftSignInFromTheTrustsTenant_OpensASession()
    {
        // Arrange
        var (_, user) = await SsoTrustAsync(SsoProvider.Microsoft, TenantId, "preferred_username");
        Provider.NextUser.Clear();
        Provider.NextUser["preferred_username"] = user.Email;
        Provider.NextUser["tid"] = TenantId;
        using var client = App.CreateClient();

        // Act
        using var response = await SignInWithAsync(client, "microsoft");

        // Assert
        PageAssert.RedirectsTo(response, "/");
        using var home = await client.GetAsync("/account");
        var page = await PageAssert.OkAsync(home);
        Assert.Contains(user.Email, PageAssert.Text(page.QuerySelector("#account-summary")));
        var signedIn = Assert.Single(await AuditAsync(AuditActions.SignedIn, user.Email));
        Assert.Equal("By Microsoft", signedIn.Detail);
        Assert.Equal(user.Id, signedIn.UserId);
    }

    [SkippableFact]
    public async Task Get_MicrosoftSignInFromAnotherTenant_IsRefusedWithoutASessionAndAudited()
    {
        // Arrange: the right email, but an account of another organisation's tenant.
        var (_, user) = await SsoTrustAsync(SsoProvider.Microsoft, TenantId, "preferred_username");
        Provider.NextUser.Clear();
        Provider.NextUser["preferred_username"] = user.Email;
        Provider.NextUser["tid"] = OtherTenantId;
        using var client = App.CreateClient();

        // Act
        using var response = await SignInWithAsync(client, "microsoft");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("not from your trust's organisation", PageAssert.Text(page.QuerySelector("#sso-refusal")));
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
        var refused = Assert.Single(await AuditAsync(AuditActions.SignInFailed, user.Email));
        Assert.StartsWith("Single sign-on refused", refused.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_GoogleSignInFromAnotherDomain_IsRefused()
    {
        // Arrange
        var (_, user) = await SsoTrustAsync(SsoProvider.Google, "trust-a.example");
        Provider.NextUser.Clear();
        Provider.NextUser["email"] = user.Email;
        Provider.NextUser["hd"] = "other-school.example";
        using var client = App.CreateClient();

        // Act
        using var response = await SignInWithAsync(client, "google");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not from your trust's domain", PageAssert.Text((await Html.ParseAsync(response)).QuerySelector("#sso-refusal")));
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
    }

    [SkippableFact]
    public async Task Get_GoogleSignInFromTheTrustsDomain_OpensASession()
    {
        // Arrange
        var (_, user) = await SsoTrustAsync(SsoProvider.Google, "trust-b.example");
        Provider.NextUser.Clear();
        Provider.NextUser["email"] = user.Email;
        Provider.NextUser["hd"] = "trust-b.example";
        using var client = App.CreateClient();

        // Act
        using var response = await SignInWithAsync(client, "google");

        // Assert
        PageAssert.RedirectsTo(response, "/");
        await PageAssert.OkAsync(await client.GetAsync("/account"));
    }

    [SkippableFact]
    public async Task Get_TheTrustsChosenClaimHoldsAnotherEmail_IsRefused()
    {
        // Arrange: the trust matches on preferred_username; the token's email is the account's, but its preferred_username is not.
        var (_, user) = await SsoTrustAsync(SsoProvider.Microsoft, TenantId, "preferred_username");
        Provider.NextUser.Clear();
        Provider.NextUser["email"] = user.Email;
        Provider.NextUser["preferred_username"] = $"someone.else{TestData.Unique()}@lynchpin.test";
        Provider.NextUser["tid"] = TenantId;
        using var client = App.CreateClient();

        // Act
        using var response = await SignInWithAsync(client, "microsoft");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
    }

    [SkippableFact]
    public async Task Post_TamperedState_IsRefusedWithoutASessionAndAudited()
    {
        // Arrange
        var (_, user) = await SsoTrustAsync(SsoProvider.Microsoft, TenantId, "preferred_username");
        Provider.NextUser.Clear();
        Provider.NextUser["preferred_username"] = user.Email;
        Provider.NextUser["tid"] = TenantId;
        using var client = App.CreateClient();
        var failuresBefore = (await AuditAsync(AuditActions.SignInFailed, "Single sign-on (Microsoft)")).Count;

        // Act: one character of the state the app sent out is changed on the way back.
        using var response = await SignInWithAsync(client, "microsoft", values =>
        {
            var state = values["state"];
            values["state"] = state[..^2] + (state[^2] == 'A' ? 'B' : 'A') + state[^1];
        });

        // Assert: back on the sign-in page with a message, no session, and the failure in the audit trail.
        var page = await PageAssert.OkAsync(response);
        Assert.Equal("/sign-in?sso=failed", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("Single sign-on did not finish", PageAssert.Text(page.QuerySelector(".govuk-error-summary")));
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
        Assert.Equal(failuresBefore + 1, (await AuditAsync(AuditActions.SignInFailed, "Single sign-on (Microsoft)")).Count);
        Assert.Empty(await AuditAsync(AuditActions.SignedIn, user.Email));
    }

    [SkippableFact]
    public async Task Post_PasswordInATrustThatSignsInWithMicrosoft_IsRefused()
    {
        // Arrange
        var (_, user) = await SsoTrustAsync(SsoProvider.Microsoft, TenantId, "preferred_username");
        using var client = App.CreateClient();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(client, user.Email, user.Password));

        // Assert
        Assert.Contains("Your trust signs in with Microsoft", error.Message);
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
    }

    [SkippableFact]
    public async Task Get_TrustAdminSignsInWithMicrosoft_StillSetsUpAndEntersACode()
    {
        // Arrange
        var (_, admin) = await SsoTrustAsync(SsoProvider.Microsoft, TenantId, "preferred_username", UserRole.TrustAdmin);
        Provider.NextUser.Clear();
        Provider.NextUser["preferred_username"] = admin.Email;
        Provider.NextUser["tid"] = TenantId;
        using var client = App.CreateClient();

        // Act
        using var response = await SignInWithAsync(client, "microsoft");

        // Assert: not signed in yet — the code comes first.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in/set-up-two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
    }
}
