using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Demo;

/// <summary>
/// The demo's assessments tell the worked example of the domain reading, read back through the profile calculator
/// as the pages read them: ten new staff at stage 0 in the first six weeks of 2025/26, through the mandatory
/// requirements by the end of autumn with all but two through the non-negotiables, and those two by the end of spring;
/// most staff at 3-5 moving upward; few at 6; a dip at the first checkpoint after ten experienced staff left.
/// </summary>
public abstract class DemoAssessmentsTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoAssessmentsTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoAssessmentsTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private const int Year = DemoData.WorkedExampleYear;
    private const int CurrentYear = 2026;

    private readonly DemoSeedFactory _factory = app;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    private async Task<T> CalculateAsync<T>(Func<ProfileCalculator, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProfileCalculator>());
    }

    private async Task<int> SchoolIdAsync(int urn)
    {
        await using var db = App.Database.CreateContext();
        return await db.Schools.Where(s => s.Urn == urn).Select(s => s.Id).SingleAsync();
    }

    /// <summary>The secondary's staff who started on the new staff date: the ten new staff of the worked example.</summary>
    private async Task<ProfileFilter> NewStaffAsync()
    {
        await using var db = App.Database.CreateContext();
        var ids = await db.StaffMembers.Where(s => s.School.Urn == DemoData.SecondaryUrn && s.StartDate == DemoData.NewStaffStartDate)
            .Select(s => s.Id).ToListAsync();
        return new ProfileFilter(Team: ids);
    }

    private Task<SchoolProfile> SecondaryAsync(int year, ProfileFilter? filter = null) =>
        CalculateAsync(async c => await c.SchoolAsync(await SchoolIdAsync(DemoData.SecondaryUrn), year, filter ?? ProfileFilter.Everyone));

    [SkippableFact]
    public async Task Get_FirstSixWeeks_TheTenNewStaffAndNoOneElseAreAtStageZero()
    {
        // Arrange
        var newStaff = await NewStaffAsync();

        // Act
        var everyone = (await SecondaryAsync(Year))[1].Distribution;
        var theTen = (await SecondaryAsync(Year, newStaff))[1].Distribution;

        // Assert
        Assert.Equal(10, everyone.Stages[0]);
        Assert.Equal(10, theTen.Stages[0]);
        Assert.Equal(10, theTen.Assessed);
    }

    [SkippableFact]
    public async Task Get_EndOfAutumn_AllThroughTheMandatoryRequirementsAndAllButTwoThroughTheNonNegotiables()
    {
        // Arrange
        var newStaff = await NewStaffAsync();

        // Act
        var everyone = (await SecondaryAsync(Year))[2].Distribution;
        var theTen = (await SecondaryAsync(Year, newStaff))[2].Distribution;

        // Assert
        Assert.Equal(0, everyone.Stages[0]);
        Assert.Equal(2, everyone.Stages[1]);
        Assert.Equal(2, theTen.Stages[1]);
        Assert.Equal(8, theTen.Stages.Skip(2).Sum());
    }

    [SkippableFact]
    public async Task Get_EndOfSpring_TheLastTwoAreThroughTheNonNegotiablesToo()
    {
        // Arrange
        var newStaff = await NewStaffAsync();

        // Act
        var profile = await SecondaryAsync(Year);
        var theTen = (await SecondaryAsync(Year, newStaff))[3].Distribution;

        // Assert: from the end of spring on, no one is below stage 2
        Assert.All([profile[3].Distribution, profile[4].Distribution], d => Assert.Equal(0, d.Stages[0] + d.Stages[1]));
        Assert.Equal(10, theTen.Assessed);
        Assert.Equal(10, theTen.Stages.Skip(2).Sum());
    }

    [SkippableFact]
    public async Task Get_WorkedExampleYear_MostAtStagesThreeToFiveMovingUpwardWithFewAtSix()
    {
        // Act
        var profile = await SecondaryAsync(Year);
        var distributions = profile.Checkpoints.Select(c => c.Distribution).ToList();

        // Assert
        Assert.All(distributions, d => Assert.True(d.ShareAt(3, 5) > 0.5, $"Share at 3-5 is {d.ShareAt(3, 5):P0}."));
        Assert.All(distributions, d => Assert.InRange(d.Stages[6], 1, 6));
        var means = distributions.Select(d => d.MeanStage!.Value).ToList();
        Assert.True(means[0] < means[1] && means[1] < means[2] && means[2] < means[3], $"Means: {string.Join(", ", means)}.");
    }

    [SkippableFact]
    public async Task Get_WorkedExampleYearMovement_SomeMoveUpAndVeryFewDown()
    {
        // Act
        var transitions = await CalculateAsync(async c =>
            await c.TransitionsAsync(await SchoolIdAsync(DemoData.SecondaryUrn), Year, 1, 4, ProfileFilter.Everyone));

        // Assert: the ten new staff all move up; a few others do too, and a very few move down
        Assert.True(transitions.Up >= 15, $"{transitions.Up} moved up.");
        Assert.InRange(transitions.Down, 1, 5);
        Assert.True(transitions.Same > transitions.Up, $"{transitions.Same} stayed, {transitions.Up} moved up.");
    }

    [SkippableFact]
    public async Task Get_YearOnYearFirstCheckpoint_DipsInTheYearTheExperiencedStaffLeft()
    {
        // Act
        var years = await CalculateAsync(async c =>
            await c.YearOnYearAsync(await SchoolIdAsync(DemoData.SecondaryUrn), CurrentYear, 1, ProfileFilter.Everyone, years: 4));
        var mean = years.ToDictionary(y => y.Year, y => y.Distribution.MeanStage!.Value);

        // Assert: every year from 2023 is assessed; 2025 is lower than the years either side of it
        Assert.Equal([2023, 2024, 2025, 2026], years.Select(y => y.Year));
        Assert.True(mean[2025] < mean[2024], $"2024: {mean[2024]:0.00}, 2025: {mean[2025]:0.00}.");
        Assert.True(mean[2025] < mean[2026], $"2025: {mean[2025]:0.00}, 2026: {mean[2026]:0.00}.");
        Assert.Equal(0, years.Single(y => y.Year == 2024).Distribution.Stages[0]);
    }

    [SkippableFact]
    public async Task Get_Leavers_CountedWhileInPostMostlyAtStagesFourToSixAndNotAfter()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var leavers = await db.StaffMembers
            .Where(s => s.School.Urn == DemoData.SecondaryUrn && s.LeavingDate == DemoData.LeaversLeavingDate)
            .Select(s => s.Id).ToListAsync();
        var filter = new ProfileFilter(Team: leavers);

        // Act
        var before = await SecondaryAsync(Year - 1, filter);
        var after = await SecondaryAsync(Year, filter);

        // Assert
        Assert.Equal(10, leavers.Count);
        Assert.All(before.Checkpoints, c => Assert.Equal((10, 0), (c.Distribution.Assessed, c.Distribution.NotAssessed)));
        Assert.True(before[4].Distribution.ShareAt(4, 6) >= 0.8, $"Share at 4-6 is {before[4].Distribution.ShareAt(4, 6):P0}.");
        Assert.All(after.Checkpoints, c => Assert.Equal(0, c.Distribution.InPost));
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn, 2023)]
    [InlineData(DemoData.SecondaryUrn, 2024)]
    [InlineData(DemoData.SecondaryUrn, 2025)]
    [InlineData(DemoData.PrimaryUrn, 2024)]
    [InlineData(DemoData.PrimaryUrn, 2025)]
    [InlineData(DemoData.SpecialUrn, 2024)]
    [InlineData(DemoData.SpecialUrn, 2025)]
    public async Task Get_PastYear_EveryoneInPostIsAssessedAtEveryCheckpoint(int urn, int year)
    {
        // Act
        var profile = await CalculateAsync(async c => await c.SchoolAsync(await SchoolIdAsync(urn), year, ProfileFilter.Everyone));

        // Assert
        Assert.All(profile.Checkpoints, c => Assert.True(c.Distribution.InPost > 0 && c.Distribution.NotAssessed == 0,
            $"Checkpoint {c.Checkpoint.Number}: {c.Distribution.NotAssessed} of {c.Distribution.InPost} not assessed."));
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn)]
    [InlineData(DemoData.PrimaryUrn)]
    [InlineData(DemoData.SpecialUrn)]
    public async Task Get_CurrentYear_FirstCheckpointIsAssessedAndTheLaterOnesAreNot(int urn)
    {
        // Act
        var profile = await CalculateAsync(async c => await c.SchoolAsync(await SchoolIdAsync(urn), CurrentYear, ProfileFilter.Everyone));

        // Assert: at most a handful still to assess at the first checkpoint
        var first = profile[1].Distribution;
        Assert.InRange(first.NotAssessed, 0, 3);
        Assert.True(first.Assessed >= first.InPost - 3 && first.Assessed > 0);
        Assert.Equal(1, profile.LatestAssessed?.Checkpoint.Number);
        Assert.All(profile.Checkpoints.Skip(1), c => Assert.Equal(0, c.Distribution.Assessed));
    }

    [SkippableFact]
    public async Task Get_TrustSchools_HaveProfilesOfTheirOwn()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var schools = await db.Schools.Where(s => s.Trust!.Code == DemoData.TrustCode).ToListAsync();

        // Act
        var byYear = new Dictionary<int, IReadOnlyList<SchoolDistribution>>();
        foreach (var year in new[] { 2024, 2025, CurrentYear })
        {
            byYear[year] = await CalculateAsync(c => c.SchoolsAsync(schools, year, 1, ProfileFilter.Everyone));
        }
        double Mean(int year, int urn) => byYear[year].Single(s => s.Urn == urn).Distribution.MeanStage!.Value;

        // Assert: the primary strong throughout; the special school lower but improving every year
        Assert.All(byYear.Values.SelectMany(d => d), s => Assert.True(s.Distribution.Assessed > 0, $"{s.SchoolName} has no assessments."));
        Assert.All(new[] { 2024, 2025, CurrentYear }, year => Assert.True(Mean(year, DemoData.PrimaryUrn) > Mean(year, DemoData.SpecialUrn)));
        Assert.True(Mean(2024, DemoData.SpecialUrn) < Mean(2025, DemoData.SpecialUrn));
        Assert.True(Mean(2025, DemoData.SpecialUrn) < Mean(CurrentYear, DemoData.SpecialUrn));
    }

    [SkippableFact]
    public async Task Get_Assessments_AreOfPeopleInPostOnTheCheckpointDateByTheirLineManager()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var assessments = await db.Assessments.Include(a => a.StaffMember).ThenInclude(s => s.School).AsNoTracking().ToListAsync();
        var staff = await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => s.Id);

        // Act
        var offDate = assessments.Where(a => a.AssessedOn != SchoolYear.DefaultDate(a.Year, a.Checkpoint));
        var notInPost = assessments.Where(a => !a.StaffMember.InPostOn(a.AssessedOn));
        var notByLineManager = assessments.Where(a => a.AssessorId != a.StaffMember.LineManagerId);
        var byNoOne = assessments.Where(a => string.IsNullOrWhiteSpace(a.RecordedByName));
        var recordedBeforeAssessed = assessments.Where(a => DateOnly.FromDateTime(a.RecordedAt) < a.AssessedOn || a.RecordedAt > DateTime.UtcNow);

        // Assert
        Assert.True(assessments.Count > 1500, $"Only {assessments.Count} assessments.");
        Assert.Empty(offDate.Select(Describe));
        Assert.Empty(notInPost.Select(Describe));
        Assert.Empty(notByLineManager.Select(Describe));
        Assert.Empty(byNoOne.Select(Describe));
        Assert.Empty(recordedBeforeAssessed.Select(Describe));
        Assert.All(assessments.Where(a => a.AssessorId is int id && a.Version == 1), a =>
            Assert.Equal(staff[a.AssessorId!.Value].FullName, a.RecordedByName));
    }

    [SkippableFact]
    public async Task Get_Assessments_HaveVariedNotesCriteriaForTheRoleAndTheHeadsAssessedByTheTrust()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var current = await db.Assessments.Include(a => a.StaffMember).AsNoTracking().Where(a => a.IsCurrent).ToListAsync();

        // Act
        var notes = current.Where(a => a.Note is not null).Select(a => a.Note!).ToList();
        var heads = current.Where(a => a.StaffMember.LineManagerId is null).ToList();
        var teachingCriteria = DefaultFramework.Stages.Single(s => s.Number == 1).Criteria.Where(c => c.Family == RoleFamily.Teaching).Select(c => c.Text).ToList();

        // Assert
        Assert.True(notes.Count > current.Count / 2, $"{notes.Count} notes on {current.Count} assessments.");
        Assert.True(notes.Distinct().Count() >= 60, $"Only {notes.Distinct().Count()} different notes.");
        Assert.All(notes, n => Assert.InRange(n.Length, 20, Assessment.NoteMaxLength));
        Assert.All(current.Where(a => a.Stage >= 1), a => Assert.Equal(
            a.StaffMember.RoleFamily == RoleFamily.Teaching, a.CriteriaMet.Intersect(teachingCriteria).Any()));
        Assert.Equal(3, heads.Select(a => a.StaffMemberId).Distinct().Count());
        Assert.All(heads, a => Assert.Null(a.AssessorId));
    }

    [SkippableFact]
    public async Task Get_History_HasCorrectionsKeepingTheEarlierVersionAndReflectionsByThePerson()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var all = await db.Assessments.Include(a => a.StaffMember).AsNoTracking().ToListAsync();
        var kayleigh = await db.StaffMembers.SingleAsync(s => s.Email == DemoData.TeachingAssistantEmail);

        // Act
        var superseded = all.Where(a => !a.IsCurrent).ToList();
        var reflections = all.Where(a => a.Reflection is not null).ToList();

        // Assert: each correction is version 2 of a checkpoint whose version 1 is kept, recorded later, with another stage
        Assert.InRange(superseded.Count, 3, 10);
        Assert.All(superseded, earlier =>
        {
            var correction = Assert.Single(all, a => a.StaffMemberId == earlier.StaffMemberId && a.Year == earlier.Year
                && a.Checkpoint == earlier.Checkpoint && a.IsCurrent);
            Assert.Equal((1, 2), (earlier.Version, correction.Version));
            Assert.NotEqual(earlier.Stage, correction.Stage);
            Assert.True(correction.RecordedAt > earlier.RecordedAt);
        });
        Assert.InRange(reflections.Count, 10, 30);
        Assert.All(reflections, a => Assert.True(a.IsCurrent && a.ReflectionAt > a.RecordedAt && a.ReflectionAt < DateTime.UtcNow));
        // The demo teaching assistant sees both in her own history; her line manager (a demo sign-in) recorded them.
        Assert.Contains(superseded, a => a.StaffMemberId == kayleigh.Id);
        Assert.Contains(reflections, a => a.StaffMemberId == kayleigh.Id);
        var siobhan = await db.Users.SingleAsync(u => u.Email == DemoData.LineManagerEmail);
        Assert.All(all.Where(a => a.StaffMemberId == kayleigh.Id), a => Assert.Equal(siobhan.Id, a.RecordedByUserId));
    }

    private static string Describe(Assessment a) => $"{a.StaffMember.StaffRef} {a.Year} cp{a.Checkpoint} v{a.Version}";
}
