using System.Net;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Api;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Accounts;

/// <summary>/account/tokens: a new token is shown once and works on the API; a revoked one does not.</summary>
public abstract class TokensPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : TokensPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : TokensPageTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Post_CreateToken_ShowsItOnceAndTheApiAcceptsIt()
    {
        // Arrange
        var user = await LeaderAsync();
        using var client = await App.CreateSignedInClientAsync(user);
        var name = $"HR export {TestData.Unique()}";

        // Act
        using var response = await PageForms.SubmitAsync(client, "/account/tokens", "Input.Name", new Dictionary<string, string> { ["Input.Name"] = name });

        // Assert
        var document = await PageAssert.OkAsync(response);
        var secret = PageAssert.Text(document.QuerySelector("#new-token"));
        Assert.StartsWith("lp_", secret, StringComparison.Ordinal);
        Assert.Contains(name, document.QuerySelectorAll("#tokens td").Select(PageAssert.Text));
        using (var api = App.CreateBearerClient(secret))
        using (var schools = await api.GetAsync("/api/schools"))
        {
            Assert.Single(await ApiAssert.SchoolsAsync(schools));
        }
        using var again = await client.GetAsync("/account/tokens");
        var later = await PageAssert.OkAsync(again);
        Assert.Null(later.QuerySelector("#new-token"));
        Assert.DoesNotContain(secret, later.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(name, later.QuerySelectorAll("#tokens td").Select(PageAssert.Text));
    }

    [SkippableFact]
    public async Task Post_RevokeToken_MakesTheApiAnswer401ProblemJson()
    {
        // Arrange
        using var client = await App.CreateSignedInClientAsync(await LeaderAsync());
        using var created = await PageForms.SubmitAsync(client, "/account/tokens", "Input.Name", new Dictionary<string, string> { ["Input.Name"] = "Soon revoked" });
        var page = await PageAssert.OkAsync(created);
        var secret = PageAssert.Text(page.QuerySelector("#new-token"));
        using var api = App.CreateBearerClient(secret);
        using (var before = await api.GetAsync("/api/schools"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var revoke = Assert.IsAssignableFrom<IHtmlFormElement>(Assert.Single(page.QuerySelectorAll("#tokens form")));

        // Act
        using var response = await Html.SubmitAsync(client, revoke, Html.FormValues(revoke), created.RequestMessage!.RequestUri!);

        // Assert
        PageAssert.RedirectsTo(response, "/account/tokens");
        using var after = await api.GetAsync("/api/schools");
        await ApiAssert.ProblemAsync(after, HttpStatusCode.Unauthorized);
        using var list = await client.GetAsync("/account/tokens");
        var document = await PageAssert.OkAsync(list);
        Assert.Contains("Revoked", document.QuerySelectorAll("#tokens .govuk-tag").Select(PageAssert.Text));
        Assert.Empty(document.QuerySelectorAll("#tokens form"));
    }

    [SkippableFact]
    public async Task Post_RevokeSomeoneElsesToken_Returns404AndTheTokenStillWorks()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var owner = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        var token = await Data.CreateApiTokenAsync(owner);
        using var intruder = await App.CreateSignedInClientAsync(await LeaderAsync());
        var antiforgery = await PageForms.AntiforgeryTokenAsync(intruder);

        // Act
        using var response = await intruder.PostAsync($"/account/tokens?handler=Revoke&id={token.Token.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var api = App.CreateBearerClient(token.Secret);
        using var schools = await api.GetAsync("/api/schools");
        Assert.Equal(HttpStatusCode.OK, schools.StatusCode);
    }

    [SkippableFact]
    public async Task Post_CreateTokenWithoutName_Returns400AndCreatesNone()
    {
        // Arrange
        var user = await LeaderAsync();
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var response = await PageForms.SubmitAsync(client, "/account/tokens", "Input.Name", new Dictionary<string, string> { ["Input.Name"] = "" });

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_Name");
        Assert.Null(document.QuerySelector("#new-token"));
        Assert.Equal(0, await Data.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id)));
    }

    [SkippableFact]
    public async Task Get_Tokens_ListsOnlyTheUsersOwnTokens()
    {
        // Arrange
        var user = await LeaderAsync();
        using var client = await App.CreateSignedInClientAsync(user);
        await Data.CreateApiTokenAsync(user, "Mine");
        var school = await Data.CreateSchoolAsync();
        var other = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        await Data.CreateApiTokenAsync(other, "Not mine");

        // Act
        using var response = await client.GetAsync("/account/tokens");

        // Assert
        var document = await PageAssert.OkAsync(response);
        var names = document.QuerySelectorAll("#tokens tbody tr td:first-child").Select(PageAssert.Text).ToList();
        Assert.Equal(["Mine"], names);
    }

    /// <summary>A leader of a new school: the API's /api/schools answers with that one school.</summary>
    private async Task<TestUser> LeaderAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        return await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
    }
}
