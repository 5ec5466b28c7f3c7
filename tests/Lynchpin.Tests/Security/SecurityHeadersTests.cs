using System.Net;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Authorization;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Security;

/// <summary>
/// HSTS, static-file caching and the proxy's forwarded headers. The headers on every route are in
/// <see cref="RouteMatrixTests"/>; these need no second database, so they run on SQLite alone.
/// </summary>
public class SecurityHeadersTests(SecurityHeadersTests.ProxyAppFactory app) : IntegrationTest(app), IClassFixture<SecurityHeadersTests.ProxyAppFactory>
{
    private const string Proxy = "10.0.0.5";

    /// <summary>The app behind a proxy at 10.0.0.5; a test header stands for the address a request comes from.</summary>
    public sealed class ProxyAppFactory : LynchpinAppFactory
    {
        public const string RemoteAddressHeader = "X-Test-Remote-Address";

        public ProxyAppFactory() : base(DatabaseProvider.Sqlite) => WithSetting(ReverseProxy.KnownProxies, Proxy);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();

        private sealed class RemoteAddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    if (context.Request.Headers[RemoteAddressHeader] is [{ } address])
                    {
                        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                    }
                    return following(context);
                });
                next(app);
            };
        }
    }

    [SkippableFact]
    public async Task Get_PageOverHttps_SendsHstsWithSubdomains()
    {
        // Arrange
        using var client = App.CreateClient();
        client.BaseAddress = new Uri("https://lynchpin.example/");

        // Act
        using var response = await client.GetAsync("/sign-in");

        // Assert
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("includeSubDomains", hsts);
        Assert.Contains("max-age=31536000", hsts);
    }

    [SkippableFact]
    public async Task Get_PageOverHttp_SendsNoHsts()
    {
        // Arrange
        using var client = App.CreateClient();
        client.BaseAddress = new Uri("http://lynchpin.example/");

        // Act
        using var response = await client.GetAsync("/sign-in");

        // Assert
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Empty(RouteMatrixTests.MissingSecurityHeaders(response));
    }

    [SkippableFact]
    public async Task Get_VersionedStylesheet_IsCachedForAYearWithTheHeaders()
    {
        // Arrange
        using var client = App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync("/sign-in"));
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        // Act
        using var versioned = await client.GetAsync(stylesheet);
        using var unversioned = await client.GetAsync(stylesheet.Split('?')[0]);

        // Assert
        Assert.Contains("?v=", stylesheet);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), versioned.Headers.CacheControl!.MaxAge);
        Assert.True(unversioned.Headers.CacheControl!.NoCache);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(versioned.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(versioned.Headers.GetValues("X-Content-Type-Options")));
    }

    [SkippableFact]
    public async Task Get_SignInBehindTheProxy_EachClientHasItsOwnLimit_AndForgedHeadersFromElsewhereShareOne()
    {
        // Arrange: three sign-in requests a minute for each client address.
        await using var limited = App.WithWebHostBuilder(b => b.UseSetting("Lynchpin:SignInAttemptsPerMinute", "3"));
        async Task<HttpStatusCode[]> TryAsync(string from, Func<int, string> forwardedFor, int times)
        {
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < times; i++)
            {
                using var client = limited.CreateClient();
                client.DefaultRequestHeaders.Add(ProxyAppFactory.RemoteAddressHeader, from);
                client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor(i));
                using var response = await client.GetAsync("/sign-in");
                answers.Add(response.StatusCode);
            }
            return [.. answers];
        }

        // Act: one client through the proxy uses up its limit; another through the proxy; then a machine that is not the
        // proxy sends a new X-Forwarded-For each time, as if it were many clients.
        var first = await TryAsync(Proxy, _ => "203.0.113.7", 4);
        var second = await TryAsync(Proxy, _ => "203.0.113.8", 1);
        var forged = await TryAsync("192.0.2.9", i => $"198.51.100.{i + 1}", 4);

        // Assert
        HttpStatusCode[] limitedAfterThree = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests];
        Assert.Equal(limitedAfterThree, first);
        Assert.Equal([HttpStatusCode.OK], second);
        Assert.Equal(limitedAfterThree, forged);
    }

    [SkippableTheory]
    [InlineData(Proxy, true)]
    [InlineData("192.0.2.9", false)]
    public async Task Post_SignInThroughATlsProxy_IsSecureOnlyFromAKnownProxy(string from, bool secure)
    {
        // Arrange
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: await Data.CreateSchoolAsync());
        using var client = App.CreateClient();
        client.BaseAddress = new Uri("http://lynchpin.example/");
        client.DefaultRequestHeaders.Add(ProxyAppFactory.RemoteAddressHeader, from);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var page = await client.GetAsync("/sign-in");
        var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Email");
        var values = Html.FormValues(form);
        values["Input.Email"] = user.Email;
        values["Input.Password"] = user.Password;

        // Act
        using var response = await Html.SubmitAsync(client, form, values, page.RequestMessage!.RequestUri!);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lynchpin=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(secure, response.Headers.Contains("Strict-Transport-Security"));
    }
}
