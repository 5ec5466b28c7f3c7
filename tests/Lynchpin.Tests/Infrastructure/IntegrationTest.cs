namespace Lynchpin.Tests.Infrastructure;

/// <summary>
/// Base of tests that run over HTTP against the app. Write the tests once in an abstract class and
/// bind it to each provider with two one-line nested classes:
/// <code>
/// public abstract class SchoolsApiTests(LynchpinAppFactory app) : IntegrationTest(app)
/// {
///     public sealed class Sqlite(SqliteAppFactory app) : SchoolsApiTests(app), IClassFixture&lt;SqliteAppFactory&gt;;
///     public sealed class Postgres(PostgresAppFactory app) : SchoolsApiTests(app), IClassFixture&lt;PostgresAppFactory&gt;;
///
///     [SkippableFact]
///     public async Task Get_X_Y() { … }
/// }
/// </code>
/// Mark tests <c>[SkippableFact]</c>: without a PostgreSQL server they skip (fail when CI=true).
/// </summary>
public abstract class IntegrationTest(LynchpinAppFactory app) : IAsyncLifetime
{
    protected LynchpinAppFactory App { get; } = app;

    protected TestData Data => App.Data;

    public virtual Task InitializeAsync()
    {
        App.RequireDatabase();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
