using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations;

/// <summary>
/// Rotas and the school's term dates, on <see cref="ObservationSchool"/> planned on 30 October 2026: only school days in
/// term, never the past; a rota overlapping another is refused, replaces it or is kept beside it; a rota is deleted.
/// </summary>
public abstract class RotaTermAndOverlapTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : RotaTermAndOverlapTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : RotaTermAndOverlapTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly RotaOverrides Quick = new() { Workers = 1, TimeLimit = TimeSpan.FromSeconds(3) };

    private async Task<T> WithAsync<T>(Func<RotaService, SchoolCalendars, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.LynchpinDbContext>();
        return await work(new RotaService(db, new SchoolClock(new FixedClock(PlanningNow))), new SchoolCalendars(db));
    }

    private Task<Result<RotaGeneration>> GenerateAsync(ObservationSchool s, DateOnly from, DateOnly to, RotaOverlap overlap = RotaOverlap.Refuse) =>
        WithAsync((rotas, _) => rotas.GenerateAsync(s.School.Id, new RotaRequest(from, to, ObservationKind.LearningWalk, Quick, overlap), Leader));

    /// <summary>The autumn term, 2 September to 18 December 2026, with the school closed on Monday 9 November (a polling day).</summary>
    private async Task AddAutumnTermAsync(ObservationSchool s)
    {
        foreach (var range in new CalendarRange[]
        {
            new(new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 18), CalendarDayKind.Term, "Autumn term"),
            new(Mon9, Mon9, CalendarDayKind.Closure, "Polling day"),
        })
        {
            var added = await WithAsync((_, calendars) => calendars.AddTermDateAsync(s.School.Id, range));
            Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        }
    }

    [SkippableFact]
    public async Task Generate_WithAClosureInTheRange_PlansNoVisitThatDayAndTheCheckerPassesIt()
    {
        // Arrange
        var s = await CreateAsync(App);
        await AddAutumnTermAsync(s);

        // Act
        var generated = await GenerateAsync(s, Mon2, Tue10);

        // Assert
        Assert.True(generated.Succeeded, string.Join("; ", generated.Errors));
        var visits = generated.Value!.Result.Visits;
        Assert.Equal(4, visits.Count);
        Assert.DoesNotContain(visits, v => v.Date == Mon9 || v.Date == Wed4);
        var check = await WithAsync((rotas, _) => rotas.CheckAsync(generated.Value.Rota.Id));
        Assert.Empty(check.Value!);
        Assert.DoesNotContain(generated.Value.Result.Messages, m => m.Text.Contains("no term dates", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Generate_OverTheChristmasHolidayOrInThePast_IsRefusedSayingWhyAndStoresNothing()
    {
        // Arrange
        var s = await CreateAsync(App);
        await AddAutumnTermAsync(s);

        // Act
        var christmas = await GenerateAsync(s, new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 1));
        var september = await GenerateAsync(s, new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 18));

        // Assert
        Assert.Equal(
            [("From", "There are no school days from 21 December 2026 to 1 January 2027: the dates are outside the school's terms. Choose dates in term")],
            christmas.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(
            [("To", "The rota's dates are in the past: it would end on 18 September 2026, before today (30 October 2026). A rota plans visits from today on")],
            september.Errors.Select(e => (e.Field, e.Message)));
        Assert.False(await Data.WithDbAsync(db => db.ObservationRotas.AnyAsync(r => r.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task Generate_OverlappingARota_IsRefusedNamingItUnlessReplacedWhichDeletesTheOldOne()
    {
        // Arrange
        var s = await CreateAsync(App);
        var first = await GenerateAsync(s, Mon2, Tue10);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));

        // Act
        var refused = await GenerateAsync(s, Mon9, Tue10);
        var replaced = await GenerateAsync(s, Mon2, Tue10, RotaOverlap.Replace);

        // Assert
        Assert.Equal(
            [("Overlap", "These dates overlap the learning walk rota from 2 November 2026 to 10 November 2026 (4 visits): choose whether to replace it or keep both")],
            refused.Errors.Select(e => (e.Field, e.Message)));
        Assert.True(replaced.Succeeded, string.Join("; ", replaced.Errors));
        Assert.Equal([first.Value!.Rota.Id], replaced.Value!.Replaced.Select(r => r.Id));
        var stored = await Data.WithDbAsync(db => db.ObservationRotas.Where(r => r.SchoolId == s.School.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal([replaced.Value.Rota.Id], stored);
        Assert.False(await Data.WithDbAsync(db => db.RotaVisits.AnyAsync(v => v.RotaId == first.Value.Rota.Id)));
    }

    [SkippableFact]
    public async Task Generate_KeepingBoth_PlansAroundTheOtherRotasVisitsThenDeleteRemovesOne()
    {
        // Arrange
        var s = await CreateAsync(App);
        var first = await GenerateAsync(s, Mon2, Tue10);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));

        // Act
        var kept = await GenerateAsync(s, Mon2, Tue10, RotaOverlap.Keep);
        var deleted = await WithAsync((rotas, _) => rotas.DeleteAsync(first.Value!.Rota.Id));

        // Assert: no observer is in two lessons at once across the two rotas
        Assert.True(kept.Succeeded, string.Join("; ", kept.Errors));
        var both = first.Value!.Result.Visits.Concat(kept.Value!.Result.Visits).ToList();
        Assert.Equal(both.Count, both.Select(v => (v.ObserverRef, v.Date, v.Period)).Distinct().Count());
        Assert.Empty((await WithAsync((rotas, _) => rotas.CheckAsync(kept.Value.Rota.Id))).Value!);
        Assert.True(deleted.Succeeded);
        var stored = await Data.WithDbAsync(db => db.ObservationRotas.Where(r => r.SchoolId == s.School.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal([kept.Value.Rota.Id], stored);
        Assert.False((await WithAsync((rotas, _) => rotas.DeleteAsync(first.Value.Rota.Id))).Succeeded);
    }
}
