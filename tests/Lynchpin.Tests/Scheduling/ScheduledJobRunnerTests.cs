using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Scheduling;
using Lynchpin.Tests.Appraisals.Ops;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lynchpin.Tests.Scheduling;

/// <summary>
/// Issue 15, item 7: scheduled jobs (leavers, retention, reminders) run once per slot however many servers share the
/// database — here two app hosts on one database, each with its own runner, as two servers behind one address would be.
/// </summary>
public abstract class ScheduledJobRunnerTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ScheduledJobRunnerTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : ScheduledJobRunnerTests(app), IClassFixture<PostgresAppFactory>;

    // A Tuesday in term, 09:30 in London (GMT): the daily 07:00 slot has begun, the hourly one is 09:00.
    private readonly SettableClock clock = new(new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Counts its runs; can be held part way, as a long run would be, and can fail.</summary>
    private sealed class CountingJob(string name, JobSchedule schedule) : IScheduledJob
    {
        private int runs;
        public string Name => name;
        public JobSchedule Schedule => schedule;
        public int Runs => runs;
        public TaskCompletionSource? Hold { get; set; }
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Fail { get; set; }

        public async Task<string?> RunAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            Started.TrySetResult();
            if (Hold is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            // The run uses the database, as every real job does.
            await services.GetRequiredService<LynchpinDbContext>().Schools.CountAsync(cancellationToken);
            return Fail ? throw new InvalidOperationException("The job broke") : $"ran for {today:yyyy-MM-dd}";
        }
    }

    private ScheduledJobRunner RunnerOn(IServiceProvider server, params IScheduledJob[] jobs) =>
        new(jobs, server.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ScheduledJobRunner>.Instance);

    private Task<List<JobRun>> RunsAsync(string job) =>
        Data.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Job == job).OrderBy(r => r.Slot).ToListAsync());

    private static string UniqueName(string what) => $"{what} {Guid.NewGuid().ToString("N")[..12]}";

    [SkippableFact]
    public async Task RunDue_TwoServersAtOnce_RunTheSlotOnce()
    {
        // Arrange: the same job on two servers sharing the database; the first run is held so the two overlap.
        await using var secondServer = App.WithWebHostBuilder(_ => { });
        var name = UniqueName("Reminders");
        var onFirst = new CountingJob(name, JobSchedule.Daily(7)) { Hold = new() };
        var onSecond = new CountingJob(name, JobSchedule.Daily(7)) { Hold = onFirst.Hold };
        var first = RunnerOn(App.Services, onFirst);
        var second = RunnerOn(secondServer.Services, onSecond);

        // Act: both check at the same moment; let the held run finish once both have tried.
        var both = Task.WhenAll(first.RunDueAsync(CancellationToken.None), second.RunDueAsync(CancellationToken.None));
        await Task.WhenAny(onFirst.Started.Task, onSecond.Started.Task).WaitAsync(TimeSpan.FromSeconds(30));
        onFirst.Hold.SetResult();
        var results = await both;

        // Assert: one run between them, recorded once, finished, for today's 07:00 (GMT) slot.
        Assert.Equal(1, onFirst.Runs + onSecond.Runs);
        Assert.Equal(1, results.Sum(r => r.Count));
        var run = Assert.Single(await RunsAsync(name));
        Assert.Equal(new DateTime(2026, 12, 8, 7, 0, 0), run.Slot);
        Assert.NotNull(run.FinishedUtc);
        Assert.False(run.Failed);
        Assert.Equal("ran for 2026-12-08", run.Outcome);
    }

    [SkippableFact]
    public async Task RunDue_SameSlotAgain_DoesNothing_NextSlot_RunsOnTheOtherServer()
    {
        // Arrange
        await using var secondServer = App.WithWebHostBuilder(_ => { });
        var name = UniqueName("Leavers");
        var onFirst = new CountingJob(name, JobSchedule.Hourly);
        var onSecond = new CountingJob(name, JobSchedule.Hourly);
        var first = RunnerOn(App.Services, onFirst);
        var second = RunnerOn(secondServer.Services, onSecond);
        await first.RunDueAsync(CancellationToken.None);

        // Act: the second server a minute later (same hour), then both in the next hour.
        clock.Now = clock.Now.AddMinutes(1);
        var sameHour = await second.RunDueAsync(CancellationToken.None);
        clock.Now = clock.Now.AddHours(1);
        var nextHour = await second.RunDueAsync(CancellationToken.None);
        var firstNextHour = await first.RunDueAsync(CancellationToken.None);

        // Assert
        Assert.Empty(sameHour);
        Assert.Single(nextHour);
        Assert.Empty(firstNextHour);
        Assert.Equal((1, 1), (onFirst.Runs, onSecond.Runs));
        Assert.Equal([new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 10, 0, 0)], (await RunsAsync(name)).Select(r => r.Slot));
    }

    [SkippableFact]
    public async Task RunDue_AServerStoppedMidRun_LeavesItsSlotUnfinished_AndTheOtherRunsTheNext()
    {
        // Arrange: the first server starts the hour's run and is stopped part way (its host torn down).
        var name = UniqueName("Retention");
        var firstServer = App.WithWebHostBuilder(_ => { });
        var onFirst = new CountingJob(name, JobSchedule.Hourly) { Hold = new() };
        using var stopping = new CancellationTokenSource();
        var firstRun = RunnerOn(firstServer.Services, onFirst).RunDueAsync(stopping.Token);
        await onFirst.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstRun);
        await firstServer.DisposeAsync();
        var onSecond = new CountingJob(name, JobSchedule.Hourly);
        var second = RunnerOn(App.Services, onSecond);

        // Act
        var sameHour = await second.RunDueAsync(CancellationToken.None);
        clock.Now = clock.Now.AddHours(1);
        var nextHour = await second.RunDueAsync(CancellationToken.None);

        // Assert: the stopped run's slot is not run twice; the next slot runs on the server that is left.
        Assert.Empty(sameHour);
        Assert.Single(nextHour);
        var runs = await RunsAsync(name);
        Assert.Equal(2, runs.Count);
        Assert.Null(runs[0].FinishedUtc);
        Assert.NotNull(runs[1].FinishedUtc);
    }

    [SkippableFact]
    public async Task RunDue_AJobThatFails_IsRecordedAsFailed_AndTheOtherJobsStillRun()
    {
        // Arrange
        var broken = new CountingJob(UniqueName("Broken"), JobSchedule.Hourly) { Fail = true };
        var working = new CountingJob(UniqueName("Working"), JobSchedule.Daily(2));
        var runner = RunnerOn(App.Services, broken, working);

        // Act
        var ran = await runner.RunDueAsync(CancellationToken.None);
        var again = await runner.RunDueAsync(CancellationToken.None);

        // Assert: the failure is kept with its message and not retried every minute; the daily job ran.
        Assert.Equal(2, ran.Count);
        Assert.Empty(again);
        var failed = Assert.Single(await RunsAsync(broken.Name));
        Assert.True(failed.Failed);
        Assert.Equal("The job broke", failed.Outcome);
        var fine = Assert.Single(await RunsAsync(working.Name));
        Assert.False(fine.Failed);
        Assert.Equal(new DateTime(2026, 12, 8, 2, 0, 0), fine.Slot);
    }
}

/// <summary>Which slot a time falls in, in the schools' time zone.</summary>
public class JobScheduleTests
{
    [Theory]
    [InlineData("2026-12-08 09:30", "2026-12-08 09:00")]
    [InlineData("2026-12-08 00:00", "2026-12-08 00:00")]
    public void SlotOf_Hourly_IsTheStartOfTheHour(string now, string slot) =>
        Assert.Equal(DateTime.Parse(slot, System.Globalization.CultureInfo.InvariantCulture),
            JobSchedule.Hourly.SlotOf(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-12-08 07:00", "2026-12-08 07:00")]
    [InlineData("2026-12-08 23:59", "2026-12-08 07:00")]
    [InlineData("2026-12-08 06:59", "2026-12-07 07:00")]
    public void SlotOf_DailyAtSeven_IsTheLatestSevenOClock(string now, string slot) =>
        Assert.Equal(DateTime.Parse(slot, System.Globalization.CultureInfo.InvariantCulture),
            JobSchedule.Daily(7).SlotOf(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ToUtc_SummerTimeAndTheHourTheClocksSkip_AreConverted()
    {
        Assert.Equal(new DateTime(2027, 7, 1, 6, 0, 0, DateTimeKind.Utc), Core.Kernel.SchoolClock.ToUtc(new DateTime(2027, 7, 1, 7, 0, 0)));
        // 01:00-02:00 on 28 March 2027 does not exist in London: the slot starts when the clocks go forward.
        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0, DateTimeKind.Utc), Core.Kernel.SchoolClock.ToUtc(new DateTime(2027, 3, 28, 1, 0, 0)));
    }
}

/// <summary>The daily reminders wait for a weekday (each school's own closures are <c>AppraisalRemindersTests</c>').</summary>
public class AppraisalReminderJobTests
{
    [Fact]
    public async Task RunAsync_OnASaturday_SendsNothingAndNeedsNoServices()
    {
        var job = new Core.Appraisals.Reminders.AppraisalReminderJob(new Uri("https://lynchpin.example.org/"));
        using var nothing = new ServiceCollection().BuildServiceProvider();

        Assert.Null(await job.RunAsync(nothing, new DateOnly(2026, 12, 12), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(nothing, new DateOnly(2026, 12, 14), CancellationToken.None));
    }
}
