using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Schools;

/// <summary>
/// Issue 14, item 1: checkpoint dates a school has not chosen follow its term dates — the Friday of the sixth week of
/// autumn and the last Friday of each term, off closures — and a date it chose stays whatever the term dates do.
/// </summary>
public abstract class CheckpointDefaultsTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CheckpointDefaultsTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : CheckpointDefaultsTests(app), IClassFixture<PostgresAppFactory>;

    // Terms that end midweek, a half term, and a closure on the last Friday of the summer term.
    private static readonly CalendarRange[] Year2026 =
    [
        new(new(2026, 9, 8), new(2026, 12, 16), CalendarDayKind.Term, "Autumn term"),
        new(new(2026, 10, 26), new(2026, 10, 30), CalendarDayKind.Holiday, "Half term"),
        new(new(2027, 1, 5), new(2027, 3, 25), CalendarDayKind.Term, "Spring term"),
        new(new(2027, 4, 12), new(2027, 7, 21), CalendarDayKind.Term, "Summer term"),
        new(new(2027, 7, 16), new(2027, 7, 16), CalendarDayKind.Closure, "Sports day"),
    ];

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private Task<DateOnly[]> CheckpointDatesAsync(School school) => WithServicesAsync(async sp =>
        (await sp.GetRequiredService<ProfileCalculator>().CheckpointsAsync(school.Id, 2026)).Select(c => c.Date).ToArray());

    [SkippableFact]
    public async Task ReplaceTermDates_MovesTheDefaultCheckpointsIntoTheTerms_AndKeepsTheDateTheSchoolChose()
    {
        // Arrange: the school chose its own date for checkpoint 3.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        await Data.WithDbAsync(db =>
        {
            db.CheckpointDates.Add(new CheckpointDate { SchoolId = school.Id, Year = 2026, Checkpoint = 3, Date = new(2027, 3, 12) });
            return db.SaveChangesAsync();
        });
        Assert.Equal([new(2026, 10, 16), new(2026, 12, 18), new(2027, 3, 12), new(2027, 7, 16)], await CheckpointDatesAsync(school));

        // Act
        await WithServicesAsync(sp => sp.GetRequiredService<SchoolCalendars>().ReplaceTermDatesAsync(school.Id, Year2026));
        var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));
        using var page = await leader.GetAsync($"/schools/{school.Urn}/checkpoints?year=2026");

        // Assert: the sixth full week of an autumn term starting on a Tuesday; the Friday before a Wednesday's end of term; the
        // Thursday before the closed Friday; the chosen date kept. The page says where each came from.
        Assert.Equal([new(2026, 10, 23), new(2026, 12, 11), new(2027, 3, 12), new(2027, 7, 15)], await CheckpointDatesAsync(school));
        var document = await PageAssert.OkAsync(page);
        Assert.Equal(["Term dates", "Term dates", "The school", "Term dates"],
            document.QuerySelectorAll("tr[data-checkpoint] .govuk-tag").Select(t => t.TextContent.Trim()));
    }

    [SkippableFact]
    public async Task RemoveTerm_PutsItsCheckpointBackOnTheUsualDate()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var summer = await WithServicesAsync(async sp =>
            (await sp.GetRequiredService<SchoolCalendars>().AddTermDateAsync(school.Id, new(new(2027, 4, 12), new(2027, 7, 7), CalendarDayKind.Term, "Summer term"))).Value!);
        var moved = await CheckpointDatesAsync(school);

        // Act
        var removed = await WithServicesAsync(sp => sp.GetRequiredService<SchoolCalendars>().RemoveTermDateAsync(school.Id, summer.Id));

        // Assert
        Assert.True(removed);
        Assert.Equal(new DateOnly(2027, 7, 2), moved[3]);
        Assert.Equal(new DateOnly(2027, 7, 16), (await CheckpointDatesAsync(school))[3]);
        Assert.Equal(0, await Data.WithDbAsync(db => db.CheckpointDates.CountAsync(c => c.SchoolId == school.Id)));
    }

    [Theory]
    [InlineData(1, "2026-10-23")]
    [InlineData(2, "2026-12-11")]
    [InlineData(3, "2027-03-19")]
    [InlineData(4, "2027-07-15")]
    public void CheckpointDefault_FromTheTermDates(int checkpoint, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SchoolCalendars.CheckpointDefault(new SchoolCalendar(null, ranges: Year2026), 2026, checkpoint));
}
