using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Progression;

/// <summary>
/// The profile arithmetic on one small school whose answers are worked out by hand, run in the database on both providers.
/// Year 2025/26 with the default checkpoint dates: 10 Oct 2025, 19 Dec 2025, 27 Mar 2026, 17 Jul 2026.
/// <code>
///                         cp1   cp2        cp3        cp4
/// A teacher (manages B)    3     3          4          4
/// B TA (manages C)         2     3, then 4  –          5      (cp2 corrected)
/// C site, starts 3 Nov 25  –     0          1          2
/// D teacher, left 28 Feb   5     4          (3: left)  –
/// E pastoral               –     –          –          –
/// </code>
/// </summary>
public abstract class ProfileCalculatorTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ProfileCalculatorTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ProfileCalculatorTests(app), IClassFixture<PostgresAppFactory>;

    private const int Year = 2025;

    private sealed record School5(School School, StaffMember A, StaffMember B, StaffMember C, StaffMember D, StaffMember E);

    private async Task<School5> CreateSchoolAsync(Trust? trust = null)
    {
        var school = await Data.CreateSchoolAsync(trust);
        var a = await Data.CreateStaffAsync(school, RoleFamily.Teaching);
        var b = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, lineManager: a);
        var c = await Data.CreateStaffAsync(school, RoleFamily.Site, lineManager: b, startDate: new DateOnly(2025, 11, 3));
        var d = await Data.CreateStaffAsync(school, RoleFamily.Teaching, leavingDate: new DateOnly(2026, 2, 28));
        var e = await Data.CreateStaffAsync(school, RoleFamily.Pastoral);
        await AssessAsync(a, 1, 3); await AssessAsync(a, 2, 3); await AssessAsync(a, 3, 4); await AssessAsync(a, 4, 4);
        await AssessAsync(b, 1, 2); await AssessAsync(b, 2, 3); await AssessAsync(b, 2, 4); await AssessAsync(b, 4, 5);
        await AssessAsync(c, 2, 0); await AssessAsync(c, 3, 1); await AssessAsync(c, 4, 2);
        await AssessAsync(d, 1, 5); await AssessAsync(d, 2, 4); await AssessAsync(d, 3, 3);
        return new School5(school, a, b, c, d, e);
    }

    private async Task AssessAsync(StaffMember person, int checkpoint, int stage, int year = Year)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<AssessmentRecorder>();
        var on = SchoolYear.DefaultDate(year, checkpoint).AddDays(-3);
        await recorder.RecordAsync(new AssessmentInput(person.Id, year, checkpoint, stage, on, null, [], null), new Recorder(null, "Test"));
    }

    private async Task<T> CalculateAsync<T>(Func<ProfileCalculator, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProfileCalculator>());
    }

    private static void AssertDistribution(StageDistribution actual, int[] stages, int notAssessed)
    {
        Assert.Equal(stages, actual.Stages);
        Assert.Equal(notAssessed, actual.NotAssessed);
    }

    [SkippableFact]
    public async Task School_EachCheckpoint_CountsStaffInPostOnItsDateByCurrentStage()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var profile = await CalculateAsync(c => c.SchoolAsync(s.School.Id, Year, ProfileFilter.Everyone));

        // Assert
        Assert.Equal([new DateOnly(2025, 10, 10), new DateOnly(2025, 12, 19), new DateOnly(2026, 3, 27), new DateOnly(2026, 7, 17)],
            profile.Checkpoints.Select(c => c.Checkpoint.Date));
        AssertDistribution(profile[1].Distribution, [0, 0, 1, 1, 0, 1, 0], notAssessed: 1); // C not started, E not assessed
        AssertDistribution(profile[2].Distribution, [1, 0, 0, 1, 2, 0, 0], notAssessed: 1); // B's correction (4) counts
        AssertDistribution(profile[3].Distribution, [0, 1, 0, 0, 1, 0, 0], notAssessed: 2); // D has left; B and E not assessed
        AssertDistribution(profile[4].Distribution, [0, 0, 1, 0, 1, 1, 0], notAssessed: 1);
        Assert.Equal(4, profile[4].Distribution.InPost);
        Assert.Equal(11.0 / 3, profile[4].Distribution.MeanStage!.Value, 6);
        Assert.Equal(2.0 / 3, profile[4].Distribution.ShareAt(3, 5)!.Value, 6);
        Assert.Equal(1.0 / 3, profile[4].Distribution.ShareAt(5, 6)!.Value, 6);
        Assert.Equal(4, profile.LatestAssessed!.Checkpoint.Number);
    }

    [SkippableFact]
    public async Task School_FilteredToSupportStaff_CountsOnlySupportStaff()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var profile = await CalculateAsync(c => c.SchoolAsync(s.School.Id, Year, new ProfileFilter(Category: StaffCategory.Support)));
        var site = await CalculateAsync(c => c.SchoolAsync(s.School.Id, Year, new ProfileFilter(RoleFamily: RoleFamily.Site)));

        // Assert
        AssertDistribution(profile[1].Distribution, [0, 0, 1, 0, 0, 0, 0], notAssessed: 1);
        AssertDistribution(profile[2].Distribution, [1, 0, 0, 0, 1, 0, 0], notAssessed: 1);
        AssertDistribution(site[1].Distribution, [0, 0, 0, 0, 0, 0, 0], notAssessed: 0);
        AssertDistribution(site[4].Distribution, [0, 0, 1, 0, 0, 0, 0], notAssessed: 0);
    }

    [SkippableFact]
    public async Task School_FilteredToATeam_CountsEveryoneBelowTheManager()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var team = await CalculateAsync(c => c.TeamAsync(s.A.Id));
        var profile = await CalculateAsync(c => c.SchoolAsync(s.School.Id, Year, new ProfileFilter(Team: team)));

        // Assert
        Assert.Equal(new HashSet<int> { s.B.Id, s.C.Id }, team.ToHashSet());
        AssertDistribution(profile[2].Distribution, [1, 0, 0, 0, 1, 0, 0], notAssessed: 0);
    }

    [SkippableFact]
    public async Task School_WithItsOwnCheckpointDate_CountsWhoIsInPostOnThatDate()
    {
        // Arrange: checkpoint 1 moved after C started
        var s = await CreateSchoolAsync();
        await Data.WithDbAsync(async db =>
        {
            db.CheckpointDates.Add(new CheckpointDate { SchoolId = s.School.Id, Year = Year, Checkpoint = 1, Date = new DateOnly(2025, 11, 10) });
            return await db.SaveChangesAsync();
        });

        // Act
        var profile = await CalculateAsync(c => c.SchoolAsync(s.School.Id, Year, ProfileFilter.Everyone));

        // Assert
        Assert.Equal(new DateOnly(2025, 11, 10), profile[1].Checkpoint.Date);
        AssertDistribution(profile[1].Distribution, [0, 0, 1, 1, 0, 1, 0], notAssessed: 2);
    }

    [SkippableFact]
    public async Task Transitions_BetweenTwoCheckpoints_CountPeopleAssessedAtBoth()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var autumn = await CalculateAsync(c => c.TransitionsAsync(s.School.Id, Year, 1, 2, ProfileFilter.Everyone));
        var year = await CalculateAsync(c => c.TransitionsAsync(s.School.Id, Year, 1, 4, ProfileFilter.Everyone));

        // Assert: A 3→3, B 2→4, D 5→4
        Assert.Equal((1, 1, 1), (autumn.Up, autumn.Same, autumn.Down));
        Assert.Equal(1, autumn.Matrix[3][3]);
        Assert.Equal(1, autumn.Matrix[2][4]);
        Assert.Equal(1, autumn.Matrix[5][4]);
        Assert.Equal(3, autumn.Matrix.Sum(row => row.Sum()));
        // A 3→4, B 2→5; D has no checkpoint 4
        Assert.Equal((2, 0, 0), (year.Up, year.Same, year.Down));
        Assert.Equal(1, year.Matrix[3][4]);
        Assert.Equal(1, year.Matrix[2][5]);
    }

    [SkippableFact]
    public async Task YearOnYear_OneCheckpoint_GivesEachYearOldestFirst()
    {
        // Arrange: A was at stage 2 a year earlier
        var s = await CreateSchoolAsync();
        await AssessAsync(s.A, 1, 2, year: 2024);

        // Act
        var years = await CalculateAsync(c => c.YearOnYearAsync(s.School.Id, Year, 1, ProfileFilter.Everyone));

        // Assert
        Assert.Equal([2021, 2022, 2023, 2024, 2025], years.Select(y => y.Year));
        AssertDistribution(years[0].Distribution, [0, 0, 0, 0, 0, 0, 0], notAssessed: 4);
        Assert.Equal(new DateOnly(2024, 10, 11), years[3].Checkpoint.Date);
        AssertDistribution(years[3].Distribution, [0, 0, 1, 0, 0, 0, 0], notAssessed: 3);
        AssertDistribution(years[4].Distribution, [0, 0, 1, 1, 0, 1, 0], notAssessed: 1);
    }

    [SkippableFact]
    public async Task Schools_OfATrust_EachCountedOnItsOwnCheckpointDate()
    {
        // Arrange: the second school's checkpoint 1 falls after C started
        var trust = await Data.CreateTrustAsync();
        var first = await CreateSchoolAsync(trust);
        var second = await CreateSchoolAsync(trust);
        await Data.WithDbAsync(async db =>
        {
            db.CheckpointDates.Add(new CheckpointDate { SchoolId = second.School.Id, Year = Year, Checkpoint = 1, Date = new DateOnly(2025, 11, 10) });
            return await db.SaveChangesAsync();
        });

        // Act
        var schools = await CalculateAsync(c => c.SchoolsAsync([first.School, second.School], Year, 1, ProfileFilter.Everyone));

        // Assert
        Assert.Equal([first.School.Urn, second.School.Urn], schools.Select(x => x.Urn));
        AssertDistribution(schools[0].Distribution, [0, 0, 1, 1, 0, 1, 0], notAssessed: 1);
        AssertDistribution(schools[1].Distribution, [0, 0, 1, 1, 0, 1, 0], notAssessed: 2);
    }

    [SkippableFact]
    public async Task Record_AtACheckpointAlreadyAssessed_KeepsTheEarlierVersion()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var versions = await Data.WithDbAsync(db => db.Assessments
            .Where(a => a.StaffMemberId == s.B.Id && a.Year == Year && a.Checkpoint == 2)
            .OrderBy(a => a.Version).ToListAsync());

        // Assert
        Assert.Equal([(1, 3, false), (2, 4, true)], versions.Select(v => (v.Version, v.Stage, v.IsCurrent)));
    }
}
