using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Not "…Appraisals.School": a namespace named School would hide the School entity from every file inside it.
namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>
/// The app with today fixed at 10 March 2026 (school year 2025/26: objectives were due 31 October, the mid-year
/// review on 28 February, the final review is due 15 July), so the pages' due and overdue counts do not move with the calendar.
/// </summary>
public abstract class MarchAppFactory(DatabaseProvider provider) : LynchpinAppFactory(provider)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
    }
}

/// <summary>SQLite, on 10 March 2026: <c>IClassFixture&lt;SqliteMarchAppFactory&gt;</c>.</summary>
public sealed class SqliteMarchAppFactory() : MarchAppFactory(DatabaseProvider.Sqlite);

/// <summary>PostgreSQL, on 10 March 2026: <c>IClassFixture&lt;PostgresMarchAppFactory&gt;</c>.</summary>
public sealed class PostgresMarchAppFactory() : MarchAppFactory(DatabaseProvider.Postgres);
