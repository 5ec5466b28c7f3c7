using System.Collections.Concurrent;
using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lynchpin.Tests.Security;

/// <summary>
/// Issue 15: an error nobody handled is logged with the request's id, and the page the user sees gives the same id to
/// quote, so an administrator can find the error from what the user tells them. Nothing else about the error is shown.
/// </summary>
public sealed class UnhandledErrorTests(UnhandledErrorTests.Factory app) : IClassFixture<UnhandledErrorTests.Factory>
{
    private const string Secret = "the test's unhandled error, which must not reach the page";

    /// <summary>Signed in: anonymous requests are sent to sign in before they reach anything that could fail.</summary>
    private async Task<HttpClient> SignedInAsync()
    {
        var school = await app.Data.CreateSchoolAsync();
        return await app.CreateSignedInClientAsync(await app.Data.CreateUserAsync(UserRole.SchoolLeader, school: school));
    }

    [Fact]
    public async Task Get_AnUnhandledError_Is500WithAReference_AndTheLogNamesTheSameRequest()
    {
        using var client = await SignedInAsync();

        var response = await client.GetAsync("/test/unhandled");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with Lynchpin", html);
        Assert.DoesNotContain(Secret, html);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "class=\"lynchpin-reference\">([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(reference), "The page gives no reference to quote.");
        var logged = app.Logged.Where(e => e.Level == LogLevel.Error && e.Message.Contains(reference, StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(logged);
        Assert.Equal(Secret, entry.Exception?.Message);
        Assert.Contains("/test/unhandled", entry.Message);
    }

    [Fact]
    public async Task Get_TwoUnhandledErrors_GetDifferentReferences()
    {
        using var client = await SignedInAsync();

        var first = await (await client.GetAsync("/test/unhandled")).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync("/test/unhandled")).Content.ReadAsStringAsync();

        static string Reference(string html) =>
            System.Text.RegularExpressions.Regex.Match(html, "class=\"lynchpin-reference\">([^<]+)<").Groups[1].Value;
        Assert.NotEqual(Reference(first), Reference(second));
    }

    public sealed class Factory() : LynchpinAppFactory(DatabaseProvider.Sqlite)
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Logged { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(new Capture(Logged));
            services.AddSingleton<IStartupFilter, ThrowingEndpoint>();
        }
    }

    /// <summary>An address that fails, after the app's own pipeline (and so inside its exception handler).</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/unhandled", failing => failing.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }

    private sealed class Capture(ConcurrentQueue<(LogLevel, string, Exception?)> logged) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logged.Enqueue((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
