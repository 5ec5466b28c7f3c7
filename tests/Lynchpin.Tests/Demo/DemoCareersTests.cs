using Lynchpin.Core.Careers;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data;
using Lynchpin.Core.Pay;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Demo;

/// <summary>
/// The demo's careers story: the TA on her way to HLTA, the business manager's DSBM and NPQLBC, the site manager's own
/// standards and running-out certificates, the SENCo's NPQSENCO due; support staff with far fewer CPD hours per head than
/// teachers in 2024/25 and closer in 2025/26; pay for the parity report, small groups suppressed.
/// </summary>
public abstract class DemoCareersTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoCareersTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoCareersTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private readonly DemoSeedFactory _factory = app;

    /// <summary>A day in the demo's current year, so deadlines and certificates read as the demo tells them.</summary>
    private static readonly DateOnly Today = new(2026, 12, 7);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, LynchpinDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<LynchpinDbContext>());
    }

    private Task<ParityResult> ParityAsync(int year, bool withPay) => WithAsync((services, db) => db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn)
        .ContinueWith(s => services.GetRequiredService<ParityReports>().ForSchoolAsync(s.Result, year, year - 3, withPay ? new Recorder(null, "Demo test") : null)).Unwrap());

    [SkippableFact]
    public async Task Get_Parity_SupportStaffHadFarFewerCpdHoursIn2024AndCloserIn2025()
    {
        // Act
        var first = await ParityAsync(2024, withPay: false);
        var second = await ParityAsync(2025, withPay: false);

        // Assert
        decimal Gap(ParityResult r) => r.Rows.Single(x => x.Group == ParityReport.AllTeaching).CpdHoursPerHead!.Value
            - r.Rows.Single(x => x.Group == ParityReport.AllSupport).CpdHoursPerHead!.Value;
        Assert.True(Gap(first) > 15m, $"2024/25 gap {Gap(first)} h per head");
        Assert.True(Gap(second) > 0m && Gap(second) < Gap(first) / 2, $"2025/26 gap {Gap(second)} h per head, 2024/25 {Gap(first)}");
        Assert.Contains(first.Sentences, s => s.Contains("CPD", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Get_ParityWithPay_TeachersAndTasShown_SmallGroupsSuppressed_AwardSinceTheBaseYear()
    {
        // Act
        var report = await ParityAsync(2025, withPay: true);

        // Assert
        var teaching = report.Rows.Single(r => r.Group == "teaching");
        Assert.False(teaching.PaySuppressed);
        Assert.True(teaching.Pay!.MeanFteSalary > 30_000m && teaching.Pay.CumulativeAwardPercent > 10m, $"{teaching.Pay}");
        Assert.False(report.Rows.Single(r => r.Group == "learning-support").PaySuppressed);
        Assert.Contains(report.Rows, r => r.PaySuppressed && r.Headcount > 0);
        Assert.All(report.Rows.Where(r => r.PaySuppressed), r => Assert.Null(r.Pay));
    }

    [SkippableFact]
    public async Task Get_Careers_TheTaTheBusinessManagerTheSiteManagerAndTheSenco()
    {
        // Act
        var (kayleigh, imran, graham, siobhan) = await WithAsync(async (services, db) =>
        {
            var profiles = services.GetRequiredService<CareerProfiles>();
            async Task<CareerProfile> Of(string email) => await profiles.ForPersonAsync(
                await db.StaffMembers.Include(s => s.School).SingleAsync(s => s.Email == email), Today);
            return (await Of(DemoData.TeachingAssistantEmail), await Of(DemoData.BusinessManagerEmail),
                await Of("graham.naylor@northfield-academy.sch.example"), await Of(DemoData.LineManagerEmail));
        });

        // Assert: the TA holds the level 3, HLTA is in progress and the next step
        Assert.Contains(kayleigh.Qualifications, q => q.Record.QualificationCode == "TA-L3" && q.Record.Held);
        Assert.Contains(kayleigh.Qualifications, q => q.Record.QualificationCode == "HLTA" && q.Record.InProgress);
        Assert.Equal("ta3", kayleigh.Position.Step!.Code);
        Assert.Contains(kayleigh.Position.NextSteps, n => n.Step.Code == "hlta" && !n.Ready);
        // The business manager: CSBM, then DSBM; the NPQLBC in progress
        Assert.Equal(["CSBM", "DSBM"], imran.Qualifications.Where(q => q.Record.Held && q.Record.QualificationCode.EndsWith("SBM", StringComparison.Ordinal))
            .OrderBy(q => q.Record.GainedOn).Select(q => q.Record.QualificationCode));
        Assert.Contains(imran.Qualifications, q => q.Record.QualificationCode == "NPQLBC" && q.Record.InProgress);
        // The site manager: the school's own site standards, rated by him and his line manager; a certificate out of date
        var own = Assert.Single(graham.Standards, s => s.Set.Set.Code == "own-site");
        Assert.Equal(DemoData.SecondaryUrn, (await WithAsync((_, db) => db.Schools.SingleAsync(s => s.Id == own.Set.Set.SchoolId))).Urn);
        Assert.All(own.Standards, s => Assert.NotNull(s.Self));
        Assert.Contains(graham.Expiries, e => e.State == ExpiryState.Expired);
        // The SENCo's NPQSENCO: due, three years from taking the role
        var npq = Assert.Single(siobhan.Deadlines, d => d.QualificationCode == "NPQSENCO");
        Assert.Equal((new DateOnly(2027, 3, 1), DeadlineState.DueSoon), (npq.DueBy, npq.State));
    }

    [SkippableFact]
    public async Task Get_Cpd_TwoYearsWithEvaluations_RequestsAtEveryStage_BudgetsForEachYear()
    {
        // Act
        var (evaluated, attended, statuses, budgets) = await WithAsync(async (_, db) =>
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn);
            var courses = db.CpdAttendances.Where(a => a.Activity.SchoolId == school.Id && a.Activity.Kind != Core.Data.Models.CpdKind.Inset);
            return (await courses.CountAsync(a => a.Evaluation != null), await courses.CountAsync(),
                await db.CpdRequests.Where(r => r.SchoolId == school.Id).Select(r => r.Status).Distinct().ToListAsync(),
                await db.CpdBudgets.Where(b => b.SchoolId == school.Id).Select(b => b.Year).ToListAsync());
        });

        // Assert
        Assert.True(evaluated > attended / 2 && evaluated < attended, $"{evaluated} of {attended} evaluated");
        Assert.Equal(5, statuses.Count);
        Assert.Equal([2024, 2025, 2026], budgets.Order());
    }
}
