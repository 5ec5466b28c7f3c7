using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lynchpin.Tests.Observations.Recording;

/// <summary>The app on 25 November 2026 (<see cref="ObservationSchool.Now"/>): the example school's visits are in the past.</summary>
public abstract class RecordingAppFactory(DatabaseProvider provider) : ClockAppFactory(provider, ObservationSchool.Now);

public sealed class SqliteRecordingAppFactory() : RecordingAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresRecordingAppFactory() : RecordingAppFactory(DatabaseProvider.Postgres);

/// <summary>The app on 30 October 2026 (<see cref="ObservationSchool.PlanningNow"/>): the example school's rota is still to come.</summary>
public abstract class PlanningAppFactory(DatabaseProvider provider) : ClockAppFactory(provider, ObservationSchool.PlanningNow);

public sealed class SqlitePlanningAppFactory() : PlanningAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresPlanningAppFactory() : PlanningAppFactory(DatabaseProvider.Postgres);

/// <summary>The app with its clock stopped at <paramref name="now"/>.</summary>
public abstract class ClockAppFactory(DatabaseProvider provider, DateTimeOffset now) : LynchpinAppFactory(provider)
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FixedClock(now));
    }
}
