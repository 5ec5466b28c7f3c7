using Lynchpin.Core.Data;
using Lynchpin.Core.Outcomes;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Demo;

/// <summary>
/// The demo's outcomes: four years of KS4 with intervals at Northfield beside its profile and appraisal data, KS2 at
/// Brookside, the census for all three schools; the trust comparison has every school and a scatter to draw.
/// </summary>
public abstract class DemoOutcomesTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoOutcomesTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoOutcomesTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private readonly DemoSeedFactory _factory = app;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    private async Task<T> WithAsync<T>(Func<OutcomeReports, LynchpinDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OutcomeReports>(), scope.ServiceProvider.GetRequiredService<LynchpinDbContext>());
    }

    [SkippableFact]
    public async Task Get_NorthfieldOutcomes_FourYearsOfProgress8WithIntervalsBesideTheProfile()
    {
        // Act
        var report = await WithAsync(async (reports, db) => await reports.ForSchoolAsync(await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn), default));

        // Assert
        Assert.Equal(OutcomeFile.Ks4, report.Stage);
        Assert.Equal([2022, 2023, 2024, 2025], report.Years.Select(y => y.Year));
        Assert.All(report.Years, y => Assert.True(y.Headline(OutcomeMeasures.P8).HasInterval));
        Assert.Contains(report.Years, y => y.Measures.MeanStage is not null);
        Assert.NotNull(report.Years.Single(y => y.Year == 2025).Measures.ShareOnTrack);
        Assert.Contains(report.Sentences, s => s.Contains("crosses zero", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Get_TrustOutcomes2025_EverySchoolWithTheCensusAndBrooksideKs2()
    {
        // Act
        var report = await WithAsync(async (reports, db) => await reports.ForTrustAsync(await db.Trusts.SingleAsync(t => t.Code == DemoData.TrustCode), 2025,
            LynchpinMeasures.MeanStageCode, OutcomeMeasures.PersistentAbsence, default));

        // Assert
        Assert.Equal(3, report.Schools.Count);
        Assert.All(report.Schools, r => Assert.NotNull(r.Year[OutcomeMeasures.TeachersHeadcount]));
        Assert.NotNull(report.Schools.Single(r => r.School.Urn == DemoData.PrimaryUrn).Year[OutcomeMeasures.ReadProgress]);
        Assert.Equal(3, report.Correlation.N);
        Assert.Null(report.Schools.Single(r => r.School.Urn == DemoData.SpecialUrn).Year[OutcomeMeasures.SicknessDaysPerTeacher]);
    }

    [SkippableFact]
    public async Task Get_AssistantHeadsObjective_ShowsDisadvantagedPupilsProgress8WithItsInterval()
    {
        // Act: NA006's 2025/26 pupil-progress objective names disadvantaged pupils and Progress 8
        var (objective, outcomes) = await WithAsync(async (_, db) =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var appraisal = await db.Appraisals.Include(a => a.Cycle).Include(a => a.Objectives)
                .SingleAsync(a => a.StaffMember.StaffRef == "NA006" && a.Cycle.Year == 2025 && a.Cycle.School.Urn == DemoData.SecondaryUrn);
            var found = await scope.ServiceProvider.GetRequiredService<ObjectiveOutcomes>().ForAsync(appraisal.Cycle.SchoolId, 2025, appraisal.Objectives);
            return (appraisal.Objectives.Single(o => o.Measure == "Progress 8"), found);
        });

        // Assert
        var shown = outcomes[objective.Id];
        Assert.Equal((OutcomeMeasures.P8Disadvantaged, -0.33m, -0.55m, -0.11m), (shown.Measure.Code, shown.Value, shown.Low, shown.High));
        Assert.Equal("-0.15", objective.Target);
    }
}
