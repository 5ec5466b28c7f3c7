using Lynchpin.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.BrowserTests.Infrastructure;

/// <summary>
/// The app on real Kestrel at a random localhost port, so a browser can reach it, on a temp SQLite
/// file seeded with the demo trust (<c>Lynchpin:Demo=true</c>).
/// </summary>
public sealed class BrowserAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseFile;

    public BrowserAppFactory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lynchpin-tests");
        Directory.CreateDirectory(folder);
        _databaseFile = Path.Combine(folder, $"browser-{Guid.NewGuid():N}.db");
        ClientOptions.AllowAutoRedirect = false;
        UseKestrel(0);
    }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _databaseFile }.ConnectionString;

    /// <summary>Starts Kestrel (migrating and seeding first) and returns the address it listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        // Kestrel reports 127.0.0.1 or [::1] for a dynamic port; "localhost" matches the cookies the app sets.
        var address = new UriBuilder(addresses.First()) { Host = "localhost" }.Uri;
        return address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("ConnectionStrings:Lynchpin", ConnectionString);
        builder.UseSetting("Lynchpin:Demo", "true");
        builder.UseSetting("Lynchpin:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }
}
