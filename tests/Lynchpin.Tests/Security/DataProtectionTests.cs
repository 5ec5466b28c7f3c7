using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Security;

/// <summary>The data-protection keys live in the database: several servers on one database share them, and only they.</summary>
public abstract class DataProtectionTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : DataProtectionTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : DataProtectionTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_CookieIssuedByOneServer_IsAcceptedByASecondOnTheSameDatabase()
    {
        // Arrange: signed in on the first server; a second server (its own key ring in memory) on the same database
        // A school leader: a trust admin's page sign-in needs a second factor.
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: await Data.CreateSchoolAsync());
        using var first = App.CreateClient();
        var cookie = await SignInCookieAsync(first, user);
        await using var second = App.WithWebHostBuilder(_ => { });
        using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        // Act
        using var response = await client.GetAsync("/schools");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.Email, await response.Content.ReadAsStringAsync());
        Assert.True(await Data.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [SkippableFact]
    public async Task Unprotect_PayloadFromAnotherDatabasesServer_IsRefused()
    {
        // Arrange: a server on a database of its own has keys of its own
        var payload = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");
        await using var sameDatabase = App.WithWebHostBuilder(_ => { });
        var other = new LynchpinAppFactory(App.Provider);
        await other.InitializeAsync();
        try
        {
            // Act
            var shared = sameDatabase.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload);
            var refused = Record.Exception(() => other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));

            // Assert
            Assert.Equal("a secret", shared);
            Assert.IsType<CryptographicException>(refused, exactMatch: false);
        }
        finally
        {
            await ((IAsyncLifetime)other).DisposeAsync();
        }
    }

    /// <summary>Signs in through the page and returns the sign-in cookie as a Cookie header (name=value pairs, chunks included).</summary>
    internal static async Task<string> SignInCookieAsync(HttpClient client, TestUser user)
    {
        using var page = await client.GetAsync("/sign-in");
        var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Email");
        var values = Html.FormValues(form);
        values["Input.Email"] = user.Email;
        values["Input.Password"] = user.Password;
        using var response = await Html.SubmitAsync(client, form, values, page.RequestMessage!.RequestUri!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("lynchpin", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }
}

/// <summary>With a certificate configured, the keys are stored encrypted, and a second server with it reads them.</summary>
public class DataProtectionCertificateTests(DataProtectionCertificateTests.CertificateAppFactory app)
    : IntegrationTest(app), IClassFixture<DataProtectionCertificateTests.CertificateAppFactory>
{
    public sealed class CertificateAppFactory : LynchpinAppFactory
    {
        public CertificateAppFactory() : base(DatabaseProvider.Sqlite)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=Lynchpin data protection test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            CertificatePath = Path.Combine(Path.GetTempPath(), $"lynchpin-dp-{Guid.NewGuid():N}.pfx");
            File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "test-password"));
            WithSetting(DataProtectionSetup.CertificateFile, CertificatePath);
            WithSetting(DataProtectionSetup.CertificatePassword, "test-password");
        }

        public string CertificatePath { get; }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(CertificatePath);
        }
    }

    [SkippableFact]
    public async Task Get_CookieWithEncryptedKeys_IsAcceptedByASecondServer()
    {
        // Arrange
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: await Data.CreateSchoolAsync());
        using var first = App.CreateClient();
        var cookie = await DataProtectionTests.SignInCookieAsync(first, user);
        await using var second = App.WithWebHostBuilder(_ => { });
        using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        // Act
        using var response = await client.GetAsync("/schools");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = await Data.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("unencrypted form", xml);
        });
    }
}
