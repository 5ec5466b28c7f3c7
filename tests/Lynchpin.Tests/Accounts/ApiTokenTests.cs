using System.Net;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// Personal API tokens (issue 11: they never expired and had no scope): read-only unless asked, expiring (90 days by
/// default), shown once, listed and revocable by their owner and by the account's admins, every change audited.
/// </summary>
public abstract class ApiTokenTests(AccountsAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAccountsAppFactory app) : ApiTokenTests(app), IClassFixture<SqliteAccountsAppFactory>;
    public sealed class Postgres(PostgresAccountsAppFactory app) : ApiTokenTests(app), IClassFixture<PostgresAccountsAppFactory>;

    private AccountsAppFactory Accounts => (AccountsAppFactory)App;

    private async Task<(School School, TestUser User)> StaffUserAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        return (school, await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school)));
    }

    private async Task<CreatedApiToken> TokenAsync(TestUser user, ApiTokenScope scope = ApiTokenScope.Read, int? days = null)
    {
        await using var services = App.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(new CreateApiTokenOptions(user.Id, "Test", scope, days));
    }

    [SkippableFact]
    public async Task Get_TokenPastItsExpiry_Returns401()
    {
        // Arrange
        var (_, user) = await StaffUserAsync();
        var token = await TokenAsync(user, days: 7);
        using var client = App.CreateBearerClient(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/schools")).StatusCode);

        // Act
        Accounts.Clock.Now += TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1);
        using var response = await client.GetAsync("/api/schools");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Create_WithoutScopeOrDays_IsReadOnlyAndExpiresInNinetyDays()
    {
        // Arrange
        var (_, user) = await StaffUserAsync();

        // Act
        var created = await TokenAsync(user);

        // Assert
        Assert.Equal(ApiTokenScope.Read, created.Token.Scope);
        Assert.Equal(TimeSpan.FromDays(90), created.Token.ExpiresAt - created.Token.CreatedAt);
    }

    [SkippableFact]
    public async Task Post_WithAReadOnlyToken_Returns403BeforeAnyEndpoint()
    {
        // Arrange
        var (_, user) = await StaffUserAsync();
        using var reader = App.CreateBearerClient((await TokenAsync(user)).Secret);
        using var writer = App.CreateBearerClient((await TokenAsync(user, ApiTokenScope.ReadWrite)).Secret);

        // Act
        using var readOnly = await reader.PostAsync("/api/schools", new StringContent("{}"));
        using var readWrite = await writer.PostAsync("/api/schools", new StringContent("{}"));

        // Assert: refused for its scope; a read-write token gets past it to the routing, which has no such write.
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Equal("application/problem+json", readOnly.Content.Headers.ContentType?.MediaType);
        Assert.Contains(readWrite.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    [SkippableFact]
    public async Task Post_TokensPage_CreatesAReadOnlyTokenShownOnceWithItsExpiry()
    {
        // Arrange
        var (_, user) = await StaffUserAsync();
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var response = await PageForms.SubmitAsync(client, "/account/tokens", "Input.Name", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nightly export",
            ["Input.Days"] = "30",
        });

        // Assert
        var page = await PageAssert.OkAsync(response);
        var secret = PageAssert.Text(page.GetElementById("new-token"));
        var stored = await Data.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == user.Id));
        Assert.Equal((ApiTokenScope.Read, TimeSpan.FromDays(30)), (stored.Scope, stored.ExpiresAt - stored.CreatedAt));
        Assert.Equal(ApiTokenService.Hash(secret), stored.TokenHash);
        var again = await PageAssert.OkAsync(await client.GetAsync("/account/tokens"));
        Assert.Null(again.GetElementById("new-token"));
        Assert.DoesNotContain(secret, again.Body!.InnerHtml);
        Assert.Contains("read only", PageAssert.Text(again.GetElementById("tokens")));
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.TokenCreated && e.RecordId == user.Id));
        Assert.Equal((user.Id, AuditChannel.Page), (audit.UserId, audit.Channel));
    }

    [SkippableFact]
    public async Task Post_AdminRevokesAPersonsToken_ItStopsWorkingAndTheOwnerSeesWhoRevokedIt()
    {
        // Arrange
        var (school, user) = await StaffUserAsync();
        var leader = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: await Data.WithDbAsync(db => db.Trusts.SingleAsync(t => t.Id == school.TrustId)));
        var token = await TokenAsync(user);
        using var api = App.CreateBearerClient(token.Secret);
        using var admin = await App.CreateSignedInClientAsync(leader);
        var page = await PageAssert.OkAsync(await admin.GetAsync($"/accounts/{user.Id}"));
        var form = page.QuerySelectorAll("#tokens form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single();

        // Act
        using var response = await Html.SubmitAsync(admin, form, Html.FormValues(form), new Uri(App.Server.BaseAddress, $"/accounts/{user.Id}"));

        // Assert
        PageAssert.RedirectsTo(response, $"/accounts/{user.Id}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/schools")).StatusCode);
        using var owner = await App.CreateSignedInClientAsync(user);
        var list = await PageAssert.OkAsync(await owner.GetAsync("/account/tokens"));
        Assert.Contains($"Revoked by {leader.Email}", PageAssert.Text(list.GetElementById("tokens")));
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.TokenRevoked && e.RecordId == user.Id));
        Assert.Equal(leader.Id, audit.UserId);
    }

    [SkippableFact]
    public async Task Get_TokenOfADisabledAccount_Returns401()
    {
        // Arrange
        var (_, user) = await StaffUserAsync();
        using var api = App.CreateBearerClient((await TokenAsync(user)).Secret);

        // Act
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTime.UtcNow)));
        using var response = await api.GetAsync("/api/schools");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
