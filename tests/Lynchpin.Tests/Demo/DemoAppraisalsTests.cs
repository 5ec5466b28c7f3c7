using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Demo;

/// <summary>
/// The demo's appraisals, read back through the appraisal dashboard as the pages read them: 2025/26 finished
/// (everyone's objectives agreed with a pupil-progress one, most reviews signed, support staff mostly on track, a few at
/// risk with support plans, reopened reviews with their history); 2026/27 under way, with the demo teaching assistant's
/// objectives still to write by her line manager, the SENCo.
/// </summary>
public abstract class DemoAppraisalsTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoAppraisalsTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoAppraisalsTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private const int CompletedYear = 2025;
    private const int CurrentYear = 2026;

    /// <summary>The day the demo is written for; fixed, so the tests read the same story next year.</summary>
    private static readonly DateOnly Today = new(2026, 11, 28);

    private readonly DemoSeedFactory _factory = app;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task<int> SchoolIdAsync(int urn)
    {
        await using var db = App.Database.CreateContext();
        return await db.Schools.Where(s => s.Urn == urn).Select(s => s.Id).SingleAsync();
    }

    private async Task<SchoolAppraisalDashboard> SchoolAsync(int urn, int year, IReadOnlyCollection<int>? team = null)
    {
        var schoolId = await SchoolIdAsync(urn);
        return await UseAsync(sp => sp.GetRequiredService<AppraisalDashboard>().SchoolAsync(schoolId, year, Today, team));
    }

    private async Task<AppraisalSummary> TrustAsync(int year)
    {
        await using var db = App.Database.CreateContext();
        var trustId = await db.Trusts.Where(t => t.Code == DemoData.TrustCode).Select(t => t.Id).SingleAsync();
        return (await UseAsync(sp => sp.GetRequiredService<AppraisalDashboard>().TrustAsync(trustId, year, Today))).Total;
    }

    /// <summary>A year's appraisals with everything a person's page shows (never pay).</summary>
    private async Task<List<Appraisal>> AppraisalsAsync(int year)
    {
        await using var db = App.Database.CreateContext();
        return await db.Appraisals.AsNoTracking().Where(a => a.Cycle.Year == year).WithDetails().ToListAsync();
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn)]
    [InlineData(DemoData.PrimaryUrn)]
    [InlineData(DemoData.SpecialUrn)]
    public async Task Get_CompletedYear_EveryoneInPostAgreedObjectivesWithAPupilProgressOne(int urn)
    {
        // Act
        var dashboard = await SchoolAsync(urn, CompletedYear);

        // Assert: teaching and support staff alike
        var summary = dashboard.Summary;
        Assert.NotNull(dashboard.Cycle);
        Assert.True(summary.Staff >= 30, $"{summary.Staff} appraisals.");
        Assert.Equal(summary.Staff, summary.ObjectivesAgreed);
        Assert.Equal(summary.Staff, summary.WithPupilProgressObjective);
        Assert.True(summary.SupportStaff >= 15, $"{summary.SupportStaff} support staff.");
        Assert.Equal(summary.SupportStaff, summary.SupportWithPupilProgressObjective);
        Assert.Equal(0, summary.ObjectivesOverdue);
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn)]
    [InlineData(DemoData.PrimaryUrn)]
    [InlineData(DemoData.SpecialUrn)]
    public async Task Get_CompletedYear_MostReviewsSignedByBothAFewStillOpen(int urn)
    {
        // Act
        var summary = (await SchoolAsync(urn, CompletedYear)).Summary;

        // Assert: the year is over, so every review not signed by both is overdue
        Assert.True(summary.MidYear.Done >= 0.9 * summary.Staff, $"{summary.MidYear.Done} of {summary.Staff} mid-year reviews done.");
        Assert.InRange(summary.MidYear.Overdue, 1, 3);
        Assert.True(summary.Final.Done >= 0.9 * summary.Staff, $"{summary.Final.Done} of {summary.Staff} final reviews done.");
        Assert.Equal(0, summary.ReviewsDue);
        Assert.Equal(summary.Staff, summary.MidYear.Done + summary.MidYear.Overdue);
    }

    [SkippableFact]
    public async Task Get_CompletedYear_SupportStaffMostlyOnTrackAndAFewAtRisk()
    {
        // Act
        var trust = await TrustAsync(CompletedYear);
        var secondary = (await SchoolAsync(DemoData.SecondaryUrn, CompletedYear)).Summary;

        // Assert: across the trust and in the largest school
        foreach (var summary in new[] { trust, secondary })
        {
            var support = summary.MidYearByCategory[StaffCategory.Support];
            var teaching = summary.MidYearByCategory[StaffCategory.Teaching];
            Assert.Equal(summary.SupportStaff, support.People);
            Assert.True(support.OnTrack >= 0.8 * support.People, $"{support.OnTrack} of {support.People} support staff on track.");
            Assert.True(support.AtRisk + support.OffTrack >= 1, "No support staff at risk or off track.");
            Assert.True(teaching.AtRisk + teaching.OffTrack >= 1, "No teachers at risk or off track.");
            Assert.True(teaching.OnTrack >= 0.7 * teaching.People, $"{teaching.OnTrack} of {teaching.People} teachers on track.");
        }
        Assert.True(trust.MidYearAll.OffTrack >= 1);
        Assert.True(trust.MidYearByRoleFamily[RoleFamily.LearningSupport].People >= 30);
    }

    [SkippableFact]
    public async Task Get_CompletedYear_EveryoneAtRiskOrOffTrackHasASupportPlanWithACoachAndADate()
    {
        // Act
        var concerns = (await AppraisalsAsync(CompletedYear))
            .Where(a => a.OnTrackStatus() is Rating.AtRisk or Rating.OffTrack)
            .ToList();

        // Assert
        Assert.InRange(concerns.Count, 5, 20);
        Assert.Contains(concerns, a => a.OnTrackStatus() == Rating.AtRisk && a.StaffMember.Category == StaffCategory.Support);
        foreach (var appraisal in concerns)
        {
            var midYear = appraisal.CurrentReview(ReviewKind.MidYear)!;
            var flagged = midYear.Ratings.Where(r => r.Rating is Rating.AtRisk or Rating.OffTrack).Select(r => r.ObjectiveId);
            foreach (var objective in appraisal.Objectives.Where(o => flagged.Contains(o.Id)))
            {
                var plan = objective.SupportPlan;
                Assert.True(plan is not null, $"{appraisal.StaffMember.FullName}'s ‘{objective.Title}’ has no support plan.");
                Assert.False(string.IsNullOrWhiteSpace(plan.Actions));
                Assert.NotNull(plan.Coach);
                Assert.NotEqual(appraisal.StaffMemberId, plan.CoachId);
                Assert.True(plan.ReviewBy > DateOnly.FromDateTime(midYear.AppraiserSignedAt!.Value), "The plan's date is before the review.");
            }
        }
        // Support plans only where a rating calls for one.
        var concernIds = concerns.Select(a => a.Id).ToHashSet();
        Assert.All((await AppraisalsAsync(CompletedYear)).Where(a => !concernIds.Contains(a.Id)), a => Assert.All(a.Objectives, o => Assert.Null(o.SupportPlan)));
    }

    [SkippableFact]
    public async Task Get_CompletedYear_SignedFinalReviewsCarryTheReflectionAndAReopenKeepsTheEarlierVersion()
    {
        // Act
        var appraisals = await AppraisalsAsync(CompletedYear);
        var finals = appraisals.Select(a => a.CurrentReview(ReviewKind.Final)).OfType<AppraisalReview>().Where(r => r.IsLocked).ToList();
        var reopened = appraisals.SelectMany(a => a.Reviews).Where(r => r.IsCurrent && r.Version > 1).ToList();

        // Assert
        Assert.True(finals.Count >= 150, $"{finals.Count} signed final reviews.");
        Assert.All(finals, r => Assert.False(string.IsNullOrWhiteSpace(r.Reflection)));
        Assert.All(finals, r => Assert.Equal(r.Ratings.Count, appraisals.Single(a => a.Id == r.AppraisalId).Objectives.Count));
        Assert.Contains(reopened, r => r.Kind == ReviewKind.MidYear);
        Assert.Contains(reopened, r => r.Kind == ReviewKind.Final);
        foreach (var review in reopened)
        {
            var earlier = appraisals.SelectMany(a => a.Reviews).Single(r => r.AppraisalId == review.AppraisalId && r.Kind == review.Kind && r.Version == review.Version - 1);
            Assert.False(earlier.IsCurrent);
            Assert.True(earlier.IsLocked);
            Assert.False(string.IsNullOrWhiteSpace(review.ReopenReason));
            Assert.NotNull(review.ReopenedByName);
            Assert.True(review.ReopenedAt > earlier.AppraiseeSignedAt);
        }
        Assert.Contains(appraisals, a => a.ObjectivesStatus == ObjectivesStatus.Agreed && a.ObjectivesReopenReason is not null && a.AgreedAt > a.ObjectivesReopenedAt);
    }

    [SkippableFact]
    public async Task Get_CompletedYear_PayRecommendationsForAFewTeachers_OnlyTheHeadAndBusinessManagerHavePayAccess()
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var recommended = await db.PayRecommendations.Select(p => new
        {
            p.Appraisal.StaffMember.RoleFamily,
            p.Appraisal.Cycle.Year,
            p.Appraisal.Cycle.School.Urn,
            FinalDone = p.Appraisal.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.Final && r.AppraiserSignedAt != null && r.AppraiseeSignedAt != null),
        }).ToListAsync();
        var recorded = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PayRecommendationRecorded);
        var payAccess = await db.Users.Where(u => u.PayAccess).Select(u => u.Email).OrderBy(e => e).ToListAsync();

        // Assert
        Assert.InRange(recommended.Count, 3, 8);
        Assert.All(recommended, p => Assert.True(p.RoleFamily == RoleFamily.Teaching && p.Year == CompletedYear && p.FinalDone && p.Urn == DemoData.SecondaryUrn));
        Assert.Equal(recommended.Count, recorded);
        Assert.Equal(new[] { DemoData.BusinessManagerEmail, DemoData.HeadEmail }.Order(), payAccess);
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn)]
    [InlineData(DemoData.PrimaryUrn)]
    [InlineData(DemoData.SpecialUrn)]
    public async Task Get_CurrentYear_CycleOpenWithMostObjectivesAgreedAndNoReviewDueYet(int urn)
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var inPost = await db.StaffMembers.CountAsync(s => s.School.Urn == urn && (s.LeavingDate == null || s.LeavingDate >= Today) && s.StartDate <= Today);

        // Act
        var dashboard = await SchoolAsync(urn, CurrentYear);

        // Assert
        var summary = dashboard.Summary;
        Assert.NotNull(dashboard.Cycle);
        Assert.Equal(CycleDueDates.Default(CurrentYear), new CycleDueDates(dashboard.Cycle.ObjectivesDue, dashboard.Cycle.MidYearDue, dashboard.Cycle.FinalDue));
        Assert.Equal(SchoolYear.Start(CurrentYear).Month, DateOnly.FromDateTime(dashboard.Cycle.OpenedAt).Month);
        Assert.Equal(inPost, summary.Staff);
        Assert.True(summary.ObjectivesAgreed >= 0.85 * summary.Staff, $"{summary.ObjectivesAgreed} of {summary.Staff} agreed.");
        Assert.InRange(summary.ObjectivesOverdue, 1, 7);
        Assert.Equal(summary.Staff, summary.ObjectivesAgreed + summary.ObjectivesNotAgreed + summary.ObjectivesOverdue);
        Assert.Equal((0, 0), (summary.MidYear.Done, summary.MidYear.Overdue));
        Assert.Equal(0, summary.MidYearAll.Reviewed);
        Assert.Equal(summary.Staff, summary.MidYear.Due);
    }

    [SkippableFact]
    public async Task Get_CurrentYear_DemoTeachingAssistantHasNoObjectivesYetAndTheSencoAsAppraiser()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var senco = await db.StaffMembers.SingleAsync(s => s.Email == DemoData.LineManagerEmail);

        // Act
        var appraisal = (await AppraisalsAsync(CurrentYear)).Single(a => a.StaffMember.Email == DemoData.TeachingAssistantEmail);
        var lastYear = (await AppraisalsAsync(CompletedYear)).Single(a => a.StaffMember.Email == DemoData.TeachingAssistantEmail);
        var sencoTasks = await UseAsync(sp => sp.GetRequiredService<AppraisalTasks>().ForStaffAsync(senco.Id, Today));

        // Assert: nothing written yet, so a demo user can do the whole year
        Assert.Empty(appraisal.Objectives);
        Assert.Empty(appraisal.Reviews);
        Assert.Equal(ObjectivesStatus.Draft, appraisal.ObjectivesStatus);
        Assert.Equal(senco.Id, appraisal.AppraiserId);
        Assert.Null(appraisal.ReviewerId);
        Assert.Contains(sencoTasks, t => t.Kind == AppraisalTaskKind.AgreeObjectives && t.As == TaskRole.Appraiser
            && t.AppraisalId == appraisal.Id && t.IsOverdue);
        // Last year she led the Year 7 reading group: the story her progression reflections tell.
        var readingGroup = Assert.Single(lastYear.Objectives, o => o.Type == ObjectiveType.PupilProgress);
        Assert.Contains("reading", readingGroup.Title, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(readingGroup.Baseline);
        Assert.NotNull(readingGroup.Target);
        Assert.True(lastYear.CurrentReview(ReviewKind.Final)!.IsLocked);
    }

    [SkippableFact]
    public async Task Get_CurrentYear_SencosTeam_HasObjectivesStillToAgreeAndNoMidYearRatingsYet()
    {
        // Arrange
        await using var db = App.Database.CreateContext();
        var senco = await db.StaffMembers.SingleAsync(s => s.Email == DemoData.LineManagerEmail);
        var team = await UseAsync(sp => sp.GetRequiredService<ProfileCalculator>().TeamAsync(senco.Id));

        // Act
        var summary = (await SchoolAsync(DemoData.SecondaryUrn, CurrentYear, team)).Summary;
        var lastYear = (await SchoolAsync(DemoData.SecondaryUrn, CompletedYear, team)).Summary;

        // Assert: her team are all support staff; most agreed, at least the demo teaching assistant still to agree
        Assert.InRange(summary.Staff, 5, 15);
        Assert.Equal(summary.Staff, summary.SupportStaff);
        Assert.InRange(summary.ObjectivesAgreed, summary.Staff / 2, summary.Staff - 1);
        Assert.True(summary.ObjectivesOverdue >= 1);
        Assert.Equal(0, summary.MidYearByCategory[StaffCategory.Support].OnTrack);
        Assert.True(lastYear.MidYearByCategory[StaffCategory.Support].OnTrack >= 0.8 * lastYear.Staff);
    }
}
