using System.Net;
using AngleSharp.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Tests.Progression.Profile;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Shared;

/// <summary>
/// The home page as a to-do list, on Monday 5 January 2026 (<see cref="ProfileDefaultsTests.Now"/>): an observer's visits
/// today and this week, past visits not written up, a line manager's and a head's stages to record at the end of autumn
/// term 2025/26 (19 December 2025), and a leader's headline figures.
/// </summary>
public abstract class HomePageToDoTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteMidYearAppFactory app) : HomePageToDoTests(app), IClassFixture<SqliteMidYearAppFactory>;

    public sealed class Postgres(PostgresMidYearAppFactory app) : HomePageToDoTests(app), IClassFixture<PostgresMidYearAppFactory>;

    private static readonly DateOnly Today = new(2026, 1, 5);

    /// <summary>Olu observes and manages Rae and Sol; Rae has a stage at the end of autumn term, Sol none.</summary>
    private async Task<(School School, StaffMember Olu, StaffMember Rae, StaffMember Sol)> SchoolAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var olu = await Data.CreateStaffAsync(school, RoleFamily.Pastoral, firstName: "Olu", jobTitle: "Achievement Coordinator");
        var rae = await Data.CreateStaffAsync(school, RoleFamily.Teaching, olu, firstName: "Rae");
        var sol = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, olu, firstName: "Sol");
        await Data.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<AssessmentRecorder>().RecordAsync(
                new AssessmentInput(rae.Id, 2025, 2, 3, new DateOnly(2025, 12, 17), null, [], null), new Recorder(null, "Test"));
            return 0;
        });
        await Data.WithDbAsync(async db =>
        {
            var rota = new ObservationRota
            {
                SchoolId = school.Id,
                Kind = ObservationKind.LearningWalk,
                From = new DateOnly(2025, 12, 1),
                To = new DateOnly(2026, 1, 16),
                CreatedByName = "Test",
                CreatedAt = DateTime.UtcNow,
            };
            foreach (var (date, period) in new[] { (new DateOnly(2025, 12, 15), "1"), (Today, "2"), (new DateOnly(2026, 1, 7), "3"), (new DateOnly(2026, 1, 12), "4") })
            {
                rota.Visits.Add(new RotaVisit
                {
                    Date = date,
                    Period = period,
                    Start = new TimeOnly(9, 0),
                    End = new TimeOnly(10, 0),
                    ObserverId = olu.Id,
                    ObserveeId = rae.Id,
                    Class = "9A",
                    Subject = "Maths",
                    Room = "R1",
                });
            }
            db.ObservationRotas.Add(rota);
            return await db.SaveChangesAsync();
        });
        return (school, olu, rae, sol);
    }

    private async Task<IDocument> HomeAsync(TestUser user)
    {
        using var client = await App.CreateSignedInClientAsync(user);
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [SkippableFact]
    public async Task Get_AsAnObserverAndLineManager_ListsTodaysAndThisWeeksVisitsVisitsToWriteUpAndTheTeamsStages()
    {
        // Arrange
        var s = await SchoolAsync();

        // Act
        var page = await HomeAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.Olu));

        // Assert: today's and Wednesday's visits, not next week's
        var visits = page.QuerySelectorAll("#visits-list li").Select(ProfilePage.Text).ToList();
        Assert.Equal(2, visits.Count);
        Assert.StartsWith("Today, 2 (09:00):", visits[0]);
        Assert.StartsWith("Wednesday 7 January, 3 (09:00):", visits[1]);
        Assert.Equal("1 visit has taken place with nothing recorded yet", ProfilePage.Text(page.GetElementById("visits-to-write-up")));
        var stages = page.QuerySelector("#stages-list a")!;
        Assert.Equal("1 of 2 in your team has no stage at the end of autumn term (19 December 2025)", ProfilePage.Text(stages));
        Assert.Equal($"/schools/{s.School.Urn}/progression/record?year=2025&checkpoint=2", stages.GetAttribute("href"));
        Assert.Null(page.GetElementById("nothing-to-do"));
    }

    [SkippableFact]
    public async Task Get_AsTheSchoolsLeader_ListsTheSchoolsStagesAndHeadlineFiguresWithLinks()
    {
        // Arrange
        var s = await SchoolAsync();

        // Act
        var page = await HomeAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Assert
        Assert.Equal($"2 of 3 in {s.School.Name} have no stage at the end of autumn term (19 December 2025)", ProfilePage.Text(page.QuerySelector("#stages-list a")));
        var row = page.QuerySelectorAll("#schools-table tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(ProfilePage.Text).ToList();
        Assert.Equal("1 of 3 End of autumn term", cells[3]);
        Assert.Equal("2", cells[4]); // today's and Wednesday's visits
        Assert.StartsWith($"/schools/{s.School.Urn}/profile", row.QuerySelectorAll("td")[3].QuerySelector("a")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Get_WithNothingWaiting_SaysSo()
    {
        // Arrange
        var s = await SchoolAsync();

        // Act: Sol observes nobody, manages nobody and has no appraisal
        var page = await HomeAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Sol));

        // Assert
        Assert.Equal("Nothing is waiting for you.", ProfilePage.Text(page.GetElementById("nothing-to-do")));
        Assert.Null(page.GetElementById("stages-list"));
    }
}
