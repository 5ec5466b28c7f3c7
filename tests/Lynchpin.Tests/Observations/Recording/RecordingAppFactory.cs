using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lynchpin.Tests.Observations.Recording;

/// <summary>The app on 25 November 2026 (<see cref="ObservationSchool.Now"/>): the example school's visits are in the past.</summary>
public abstract class RecordingAppFactory(DatabaseProvider provider) : LynchpinAppFactory(provider)
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FixedClock(ObservationSchool.Now));
    }
}

public sealed class SqliteRecordingAppFactory() : RecordingAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresRecordingAppFactory() : RecordingAppFactory(DatabaseProvider.Postgres);
