using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Accounts;

/// <summary>/sign-in and /sign-out: errors without a session, redirects only to this site, lockout, and signing out.</summary>
public abstract class SignInPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : SignInPageTests(app), IClassFixture<SqliteAppFactory>;

    // SQLite only, to keep the set fast: every PostgreSQL integration test signs in through this page already.

    /// <summary>The app's auth cookie (ConfigureApplicationCookie), told apart from the antiforgery cookie.</summary>
    private const string AuthCookie = "lynchpin=";

    [SkippableFact]
    public async Task Post_WrongPassword_Returns400WithErrorSummaryAndNoSession()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = App.CreateClient();

        // Act
        using var response = await PostSignInAsync(client, user.Email, "Wrong-password-2024");

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_Email");
        Assert.Contains("The email address or password is not right", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie, StringComparison.Ordinal));
        using var home = await client.GetAsync("/");
        PageAssert.RedirectsToSignIn(home);
    }

    [SkippableFact]
    public async Task Post_UnknownEmail_SaysTheSameAsAWrongPassword()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await PostSignInAsync(client, $"nobody{TestData.Unique()}@lynchpin.test", TestData.DefaultPassword);

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_Email");
        Assert.Contains("The email address or password is not right", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
    }

    [SkippableFact]
    public async Task Post_EmptyForm_Returns400WithAnErrorForEachField()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await PostSignInAsync(client, "", "");

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_Email", "Input_Password");
    }

    [SkippableFact]
    public async Task Post_RightPassword_SetsTheSessionAndRedirectsHome()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = App.CreateClient();

        // Act
        using var response = await PostSignInAsync(client, user.Email, user.Password);

        // Assert
        PageAssert.RedirectsTo(response, "/");
        Assert.Contains(SetCookies(response), c => c.StartsWith(AuthCookie, StringComparison.Ordinal));
        using var home = await client.GetAsync("/");
        var document = await PageAssert.OkAsync(home);
        Assert.Contains(user.Email, PageAssert.Text(document.QuerySelector(".lynchpin-account__email")));
    }

    [SkippableFact]
    public async Task Post_RightPasswordWithLocalReturnUrl_RedirectsThere()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = App.CreateClient();

        // Act
        using var response = await PostSignInAsync(client, user.Email, user.Password, returnUrl: "/staff?category=support");

        // Assert
        PageAssert.RedirectsTo(response, "/staff?category=support");
    }

    [SkippableTheory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("javascript:alert(1)")]
    public async Task Post_RightPasswordWithReturnUrlToAnotherHost_RedirectsHomeInstead(string returnUrl)
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = App.CreateClient();

        // Act
        using var response = await PostSignInAsync(client, user.Email, user.Password, returnUrl);

        // Assert
        PageAssert.RedirectsTo(response, "/");
    }

    [SkippableFact]
    public async Task Get_PageWhileSignedOut_RedirectsToSignInWithTheReturnUrl()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/staff?category=support");

        // Assert
        PageAssert.RedirectsToSignIn(response);
        Assert.Contains("ReturnUrl=%2Fstaff%3Fcategory%3Dsupport", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountEvenAgainstTheRightOne()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = App.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await PostSignInAsync(client, user.Email, $"Wrong-password-{attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // Act
        using var response = await PostSignInAsync(client, user.Email, user.Password);

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_Email");
        Assert.Contains("locked", PageAssert.Text(document.QuerySelector(".govuk-error-summary")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie, StringComparison.Ordinal));
        var lockoutEnd = await Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, $"LockoutEnd is {lockoutEnd}.");
    }

    [SkippableFact]
    public async Task Post_FourWrongPasswordsThenTheRightOne_SignsIn()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = App.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await PostSignInAsync(client, user.Email, $"Wrong-password-{attempt}");
        }

        // Act
        using var response = await PostSignInAsync(client, user.Email, user.Password);

        // Assert
        PageAssert.RedirectsTo(response, "/");
    }

    [SkippableFact]
    public async Task Post_SignOut_EndsTheSession()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = await App.CreateSignedInClientAsync(user);
        using var home = await client.GetAsync("/");
        var document = await PageAssert.OkAsync(home);
        var signOut = document.QuerySelector("form[action='/sign-out']") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(signOut);

        // Act
        using var response = await Html.SubmitAsync(client, signOut, Html.FormValues(signOut), home.RequestMessage!.RequestUri!);

        // Assert
        PageAssert.RedirectsTo(response, "/sign-in");
        using var staff = await client.GetAsync("/staff");
        PageAssert.RedirectsToSignIn(staff);
    }

    [SkippableFact]
    public async Task Post_SignOutWithoutAntiforgeryToken_Returns400AndKeepsTheSession()
    {
        // Arrange
        var user = await CreateLeaderAsync();
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent([]));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var staff = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    private async Task<TestUser> CreateLeaderAsync()
    {
        var school = await Data.CreateSchoolAsync();
        return await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
    }

    /// <summary>Opens the sign-in page (with a returnUrl if given) and posts its form with these credentials.</summary>
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/sign-in" : $"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await PageForms.SubmitAsync(client, url, "Input.Email", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
