using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Lynchpin.Tests.Demo;

/// <summary>When start-up seeds the demo: Lynchpin:Demo if set, otherwise only in Development.</summary>
public class DemoSettingTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    [InlineData("Development", "true", true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Production", "false", false)]
    [InlineData("Testing", null, false)]
    [InlineData("Staging", null, false)]
    public void IsOn_EnvironmentAndSetting_DemoOnlyInDevelopmentOrWhenAsked(string environment, string? setting, bool expected)
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DemoSetting.Key] = setting })
            .Build();

        // Act
        var isOn = DemoSetting.IsOn(configuration, new Environment(environment));

        // Assert
        Assert.Equal(expected, isOn);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Lynchpin.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>The app as published (Production) on an empty database, with Lynchpin:Demo unset.</summary>
public sealed class SqliteProductionAppFactory() : LynchpinAppFactory(DatabaseProvider.Sqlite, demo: null, environment: "Production");

public sealed class PostgresProductionAppFactory() : LynchpinAppFactory(DatabaseProvider.Postgres, demo: null, environment: "Production");

/// <summary>The app as <c>dotnet run</c> starts it (Development, from launchSettings.json) on an empty database, with Lynchpin:Demo unset.</summary>
public sealed class SqliteDevelopmentAppFactory() : LynchpinAppFactory(DatabaseProvider.Sqlite, demo: null, environment: "Development");

public sealed class PostgresDevelopmentAppFactory() : LynchpinAppFactory(DatabaseProvider.Postgres, demo: null, environment: "Development");

/// <summary>In Production an empty database gets no demo trust and no accounts unless Lynchpin:Demo asks for them.</summary>
public abstract class DemoProductionStartupTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteProductionAppFactory app) : DemoProductionStartupTests(app), IClassFixture<SqliteProductionAppFactory>;

    public sealed class Postgres(PostgresProductionAppFactory app) : DemoProductionStartupTests(app), IClassFixture<PostgresProductionAppFactory>;

    [SkippableFact]
    public async Task Get_ProductionStartOnEmptyDatabase_HasSeededNoAccounts()
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var trusts = await db.Trusts.CountAsync();
        var schools = await db.Schools.CountAsync();
        var accounts = await db.Users.CountAsync();

        // Assert
        Assert.Equal((0, 0, 0), (trusts, schools, accounts));
    }
}

/// <summary>In Development (what <c>dotnet run</c> uses) an empty database gets the demo trust without any setting.</summary>
public abstract class DemoDevelopmentStartupTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDevelopmentAppFactory app) : DemoDevelopmentStartupTests(app), IClassFixture<SqliteDevelopmentAppFactory>;

    public sealed class Postgres(PostgresDevelopmentAppFactory app) : DemoDevelopmentStartupTests(app), IClassFixture<PostgresDevelopmentAppFactory>;

    [SkippableFact]
    public async Task Get_DevelopmentStartOnEmptyDatabase_HasSeededTheDemoTrustAndItsAccounts()
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var trust = await db.Trusts.Select(t => t.Code).SingleAsync();
        var accounts = await db.Users.Select(u => u.Email).ToListAsync();

        // Assert
        Assert.Equal(DemoData.TrustCode, trust);
        Assert.Equal(10, accounts.Count);
        Assert.Contains(DemoData.HeadEmail, accounts);
    }
}
