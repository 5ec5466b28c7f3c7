using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations;

/// <summary>Coverage counted in the database, and calendar feeds with their tokens, on both providers.</summary>
public abstract class CoverageAndFeedTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CoverageAndFeedTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : CoverageAndFeedTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly DateOnly November1 = new(2026, 11, 1);
    private static readonly DateOnly November30 = new(2026, 11, 30);

    private async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task RecordAsync(School school, StaffMember observer, StaffMember observee, DateOnly date, ObservationKind kind = ObservationKind.LearningWalk)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var records = new ObservationRecords(scope.ServiceProvider.GetRequiredService<LynchpinDbContext>(), new SchoolClock(new FixedClock(Now)));
        var result = await records.CreateAsync(school.Id,
            new ObservationInput { Kind = kind, ObserverId = observer.Id, ObserveeId = observee.Id, Date = date, Notes = "Pupils were reading aloud" },
            Leader);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    /// <summary>
    /// Worked by hand, 1 to 30 November. Records: Amira (pastoral) sees Tom twice; Sam (SLT) sees Tom once, by drop-in;
    /// Jo (support) and Ravi (middle leader) see Sara once each; Ravi's October visit to Sara is outside the range.
    /// <code>
    ///          seen  pastoral  support  SLT  middle leader   planned (the stored rota)
    /// Sara       2       –        1      –        1            1
    /// Tom        3       2        –      1        –            2
    /// Ravi       0       –        –      –        –            1
    /// </code>
    /// Five records, three by pastoral or support staff: a share of 0.6. Jo, beside Tom in 9A, is not an observee.
    /// </summary>
    [SkippableFact]
    public async Task Coverage_HandCheckedSchool_CountsRecordsByObserverKindAndWhoIsNotYetSeen()
    {
        // Arrange
        var s = await CreateAsync(App);
        await s.StoreValidRotaAsync(App);
        await RecordAsync(s.School, s.Amira, s.Tom, Mon2);
        await RecordAsync(s.School, s.Amira, s.Tom, Mon9);
        await RecordAsync(s.School, s.Sam, s.Tom, Tue3, ObservationKind.DropIn);
        await RecordAsync(s.School, s.Jo, s.Sara, Mon2);
        await RecordAsync(s.School, s.Ravi, s.Sara, Mon9);
        await RecordAsync(s.School, s.Ravi, s.Sara, new DateOnly(2026, 10, 1));

        // Act
        var all = await WithAsync<Coverage, ObservationCoverage>(c => c.ForSchoolAsync(s.School.Id, November1, November30));
        var dropIns = await WithAsync<Coverage, ObservationCoverage>(c => c.ForSchoolAsync(s.School.Id, November1, November30, ObservationKind.DropIn));

        // Assert
        Assert.Equal(
            [
                ("Sara Cole", 2, 0, 1, 0, 1, 1),
                ("Tom Reed", 3, 2, 0, 1, 0, 2),
                ("Ravi Shah", 0, 0, 0, 0, 0, 1),
            ],
            all.Observees.Select(o => (o.Name, o.Seen, o.SeenBy(ObserverKind.Pastoral), o.SeenBy(ObserverKind.Support),
                o.SeenBy(ObserverKind.Slt), o.SeenBy(ObserverKind.MiddleLeader), o.Planned)));
        Assert.Equal(5, all.Records);
        Assert.Equal(0.6, all.PastoralAndSupportShare, 10);
        Assert.Equal(["Ravi Shah"], all.NotYetSeen.Select(o => o.Name));
        Assert.Equal(2, all.SeenCount);
        Assert.Equal((2, 1, 1), (all.PlannedByKind[ObserverKind.Pastoral], all.PlannedByKind[ObserverKind.Support], all.PlannedByKind[ObserverKind.MiddleLeader]));

        Assert.Equal([("Sara Cole", 0), ("Tom Reed", 1), ("Ravi Shah", 0)], dropIns.Observees.Select(o => (o.Name, o.Seen)));
        Assert.Equal(0, dropIns.PastoralAndSupportShare);
        Assert.All(dropIns.Observees, o => Assert.Equal(0, o.Planned));
    }

    [SkippableFact]
    public async Task Feed_HoldsOwnVisitsAndSharedVisitsToOnesLessons()
    {
        // Arrange: Amira (pastoral) visits Tom and Sara; Ravi (middle leader) visits Tom; Jo (support) visits Ravi
        var s = await CreateAsync(App);
        await s.StoreValidRotaAsync(App);

        // Act
        var amira = await WithAsync<CalendarFeed, CalendarFeeds>(f => f.ForPersonAsync(s.Amira.Id));
        var tom = await WithAsync<CalendarFeed, CalendarFeeds>(f => f.ForPersonAsync(s.Tom.Id));
        var ravi = await WithAsync<CalendarFeed, CalendarFeeds>(f => f.ForPersonAsync(s.Ravi.Id));

        // Assert: pastoral and support visits are not shared with the teacher by default
        Assert.Equal([(CalendarRole.Observer, Mon2, "1", "Tom Reed"), (CalendarRole.Observer, Mon2, "2", "Sara Cole")],
            amira.Visits.Select(v => (v.Role, v.Date, v.Period, v.ObserveeName)));
        Assert.Equal([(CalendarRole.Observee, Tue3, "Ravi Shah")], tom.Visits.Select(v => (v.Role, v.Date, v.ObserverName)));
        Assert.Equal([(CalendarRole.Observer, Tue3)], ravi.Visits.Select(v => (v.Role, v.Date)));
        var visit = amira.Visits[0];
        Assert.Equal(("Learning walk: 9A with Tom Reed", new TimeOnly(9, 0), new TimeOnly(10, 0)), (visit.Summary, visit.Start, visit.End));
        Assert.Equal("Amira Khan", amira.Name);
        Assert.Equal(s.School.Name, amira.SchoolName);
    }

    [SkippableFact]
    public async Task ResetToken_OldTokenNoLongerFindsTheFeed()
    {
        // Arrange
        var s = await CreateAsync(App);
        await s.StoreValidRotaAsync(App);
        var first = await WithAsync<string, CalendarFeeds>(f => f.TokenAsync(s.Amira.Id));
        var same = await WithAsync<string, CalendarFeeds>(f => f.TokenAsync(s.Amira.Id));

        // Act
        var reset = await WithAsync<string, CalendarFeeds>(f => f.ResetTokenAsync(s.Amira.Id));

        // Assert
        Assert.Equal(first, same);
        Assert.Equal(43, reset.Length);
        Assert.NotEqual(first, reset);
        Assert.Null(await WithAsync<CalendarFeed?, CalendarFeeds>(f => f.FindAsync(first)));
        var feed = await WithAsync<CalendarFeed?, CalendarFeeds>(f => f.FindAsync(reset));
        Assert.Equal((s.Amira.Id, 2), (feed!.StaffMemberId, feed.Visits.Count));
        Assert.Null(await WithAsync<CalendarFeed?, CalendarFeeds>(f => f.FindAsync("not-a-token")));
    }
}
