namespace Lynchpin.Core.Scheduling;

/// <summary>
/// Work that runs by itself once per slot: every hour, or every day from an hour in the schools' time zone. The
/// <see cref="ScheduledJobRunner"/> runs each slot once however many servers share the database.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The job's name in the run table, the audit trail and the logs.</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    /// <summary>Does the slot's work in a scope of its own and says what it did, in a line (null when nothing).</summary>
    Task<string?> RunAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>Hourly, or daily from <paramref name="DailyAt"/> (a time in the schools' time zone).</summary>
public sealed record JobSchedule(TimeOnly? DailyAt)
{
    public static readonly JobSchedule Hourly = new((TimeOnly?)null);

    public static JobSchedule Daily(int hour) => new(new TimeOnly(hour, 0));

    /// <summary>The slot <paramref name="localNow"/> falls in: the start of its hour, or the latest daily time at or before it.</summary>
    public DateTime SlotOf(DateTime localNow)
    {
        if (DailyAt is not { } at)
        {
            return new DateTime(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, 0, 0);
        }
        var today = localNow.Date + at.ToTimeSpan();
        return localNow >= today ? today : today.AddDays(-1);
    }
}
