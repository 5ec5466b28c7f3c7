using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals;

/// <summary>
/// Opening a cycle and the bulk actions, on both providers. The school:
/// <code>
/// Head (no line manager) ─┬─ TA (learning support)
///                         ├─ Site manager
///                         ├─ Starter: starts 10 Sep 2025
///                         ├─ Late joiner: starts 1 Oct 2025
///                         ├─ Early leaver: leaves 5 Sep 2025
///                         └─ Summer leaver: left 20 Jul 2025
/// Former manager (left 31 Jul 2025) ── Orphan (teaching)
/// </code>
/// </summary>
public abstract class AppraisalCyclesTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AppraisalCyclesTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : AppraisalCyclesTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record People(
        School School, StaffMember Head, StaffMember Ta, StaffMember Site, StaffMember Starter, StaffMember LateJoiner,
        StaffMember EarlyLeaver, StaffMember SummerLeaver, StaffMember FormerManager, StaffMember Orphan);

    private async Task<People> CreateSchoolAsync(Trust? trust = null)
    {
        var school = await Data.CreateSchoolAsync(trust);
        var head = await Data.CreateStaffAsync(school, slt: true, jobTitle: "Headteacher");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, head, jobTitle: "Teaching assistant");
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site, head, jobTitle: "Site manager");
        var starter = await Data.CreateStaffAsync(school, RoleFamily.Administration, head, startDate: new DateOnly(2025, 9, 10));
        var late = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, startDate: new DateOnly(2025, 10, 1));
        var early = await Data.CreateStaffAsync(school, RoleFamily.Pastoral, head, leavingDate: new DateOnly(2025, 9, 5));
        var summer = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, leavingDate: new DateOnly(2025, 7, 20));
        var former = await Data.CreateStaffAsync(school, RoleFamily.Teaching, leavingDate: new DateOnly(2025, 7, 31));
        var orphan = await Data.CreateStaffAsync(school, RoleFamily.Teaching, former);
        return new People(school, head, ta, site, starter, late, early, summer, former, orphan);
    }

    private Task<Dictionary<int, Appraisal>> AppraisalsAsync(School school, int year = Year) =>
        Data.WithDbAsync(db => db.Appraisals.Where(a => a.Cycle.SchoolId == school.Id && a.Cycle.Year == year).ToDictionaryAsync(a => a.StaffMemberId));

    [SkippableFact]
    public async Task Open_BeforeTheYearStarts_GivesAnAppraisalToEveryoneInPostOnTheFirstOfSeptember()
    {
        // Arrange
        var p = await CreateSchoolAsync();

        // Act
        var result = await OpenAsync(p.School, today: new DateOnly(2025, 6, 20));

        // Assert: the early leaver is still there on 1 September; the starter and the late joiner are not yet
        var appraisals = await AppraisalsAsync(p.School);
        Assert.Equal(new DateOnly(2025, 9, 1), result.InPostOn);
        Assert.True(result.CycleCreated);
        Assert.Equal(new HashSet<int> { p.Head.Id, p.Ta.Id, p.Site.Id, p.EarlyLeaver.Id, p.Orphan.Id }, appraisals.Keys.ToHashSet());
        Assert.Equal(5, result.Created);
    }

    [SkippableFact]
    public async Task Open_DuringTheYear_GivesAnAppraisalToEveryoneInPostToday()
    {
        // Arrange
        var p = await CreateSchoolAsync();

        // Act
        var result = await OpenAsync(p.School, today: new DateOnly(2025, 9, 15));

        // Assert: teaching and support alike; leavers and those not yet started are left out
        var appraisals = await AppraisalsAsync(p.School);
        Assert.Equal(new DateOnly(2025, 9, 15), result.InPostOn);
        Assert.Equal(new HashSet<int> { p.Head.Id, p.Ta.Id, p.Site.Id, p.Starter.Id, p.Orphan.Id }, appraisals.Keys.ToHashSet());
        Assert.All(appraisals.Values, a => Assert.Equal(ObjectivesStatus.Draft, a.ObjectivesStatus));
    }

    [SkippableFact]
    public async Task Open_Appraisers_AreLineManagersInPost()
    {
        // Arrange
        var p = await CreateSchoolAsync();

        // Act
        var result = await OpenAsync(p.School);

        // Assert: the head has no line manager, the orphan's has left; both wait for an appraiser
        var appraisals = await AppraisalsAsync(p.School);
        Assert.Equal(p.Head.Id, appraisals[p.Ta.Id].AppraiserId);
        Assert.Equal(p.Head.Id, appraisals[p.Site.Id].AppraiserId);
        Assert.Null(appraisals[p.Head.Id].AppraiserId);
        Assert.Null(appraisals[p.Orphan.Id].AppraiserId);
        Assert.Equal(2, result.CreatedWithoutAppraiser);
        Assert.All(appraisals.Values, a => Assert.Null(a.ReviewerId));
    }

    [SkippableFact]
    public async Task Open_RunTwice_CreatesNothingTheSecondTime()
    {
        // Arrange
        var p = await CreateSchoolAsync();
        var first = await OpenAsync(p.School);

        // Act
        var second = await OpenAsync(p.School);

        // Assert
        Assert.False(second.CycleCreated);
        Assert.Equal(first.Cycle.Id, second.Cycle.Id);
        Assert.Equal(0, second.Created);
        Assert.Equal(first.Created, second.AlreadyHad);
        Assert.Equal(first.Created, (await AppraisalsAsync(p.School)).Count);
    }

    [SkippableFact]
    public async Task Open_RerunAfterALateJoinerStarts_AddsOnlyThem()
    {
        // Arrange
        var p = await CreateSchoolAsync();
        await OpenAsync(p.School, today: new DateOnly(2025, 9, 15));
        var before = await AppraisalsAsync(p.School);

        // Act
        var rerun = await OpenAsync(p.School, today: new DateOnly(2025, 10, 2));

        // Assert
        var after = await AppraisalsAsync(p.School);
        Assert.Equal(1, rerun.Created);
        Assert.Equal([p.LateJoiner.Id], after.Keys.Except(before.Keys));
        Assert.Equal(p.Head.Id, after[p.LateJoiner.Id].AppraiserId);
        Assert.All(before, kv => Assert.Equal(kv.Value.Id, after[kv.Key].Id));
    }

    [SkippableFact]
    public async Task Open_WithDueDates_KeepsThemAndARerunDoesNotChangeThem()
    {
        // Arrange
        var p = await CreateSchoolAsync();
        var dates = new CycleDueDates(new(2025, 10, 17), new(2026, 2, 13), new(2026, 7, 10));

        // Act
        await WithAsync<AppraisalCycles, OpenCycleResult>(c => c.OpenAsync(p.School.Id, Year, dates, Leader, Autumn));
        var rerun = await WithAsync<AppraisalCycles, OpenCycleResult>(c => c.OpenAsync(p.School.Id, Year, null, Leader, Autumn));

        // Assert
        var cycle = await Data.WithDbAsync(db => db.AppraisalCycles.SingleAsync(c => c.Id == rerun.Cycle.Id));
        Assert.Equal(dates, new CycleDueDates(cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue));
        Assert.Equal(Leader.Name, cycle.OpenedByName);
    }

    [SkippableFact]
    public async Task Open_TwoSchools_KeepsTheirCyclesApart()
    {
        // Arrange
        var a = await CreateSchoolAsync();
        var b = await CreateSchoolAsync();

        // Act
        await OpenAsync(a.School);

        // Assert
        Assert.NotEmpty(await AppraisalsAsync(a.School));
        Assert.Empty(await AppraisalsAsync(b.School));
        Assert.Null(await WithAsync<AppraisalCycles, AppraisalCycle?>(c => c.FindAsync(b.School.Id, Year)));
    }

    [SkippableFact]
    public async Task AssignSharedObjective_ToSupportStaff_AddsItInOneStepAndSkipsAgreedAndFullOnes()
    {
        // Arrange: the TA's objectives are agreed; the site manager already has five
        var p = await CreateSchoolAsync();
        var cycle = (await OpenAsync(p.School)).Cycle;
        await AgreedAsync(p.Ta);
        var site = await AppraisalOfAsync(p.Site);
        for (var i = 0; i < 5; i++)
        {
            AssertDone(await AddObjectiveAsync(site, RoleSpecific));
        }
        var priority = new ObjectiveInput("Attendance is everyone's business", "Whole-school attendance reaches 95% by July",
            ObjectiveType.SchoolPriority, SchoolPriority: "Attendance");

        // Act
        var result = await WithAsync<AppraisalCycles, Result<SharedObjectiveResult>>(c =>
            c.AssignSharedObjectiveAsync(cycle.Id, new ProfileFilter(Category: StaffCategory.Support), priority));

        // Assert: the starter (administration) gets it; teachers are not in the group
        AssertDone(result);
        Assert.Equal(1, result.Value!.Added);
        Assert.Equal([p.Ta.FullName], result.Value.SkippedAgreed);
        Assert.Equal([p.Site.FullName], result.Value.SkippedFull);
        var starter = await AppraisalOfAsync(p.Starter);
        var objective = Assert.Single(starter.Objectives);
        Assert.Equal((priority.Title, ObjectiveType.SchoolPriority, "Attendance"), (objective.Title, objective.Type, objective.SchoolPriority));
        Assert.Empty((await AppraisalOfAsync(p.Orphan)).Objectives);
    }

    [SkippableFact]
    public async Task AssignSharedObjective_InvalidObjective_AddsNothing()
    {
        // Arrange
        var p = await CreateSchoolAsync();
        var cycle = (await OpenAsync(p.School)).Cycle;

        // Act
        var result = await WithAsync<AppraisalCycles, Result<SharedObjectiveResult>>(c =>
            c.AssignSharedObjectiveAsync(cycle.Id, ProfileFilter.Everyone, new ObjectiveInput("", "", null)));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(0, await Data.WithDbAsync(db => db.Objectives.CountAsync(o => o.Appraisal.CycleId == cycle.Id)));
    }

    [SkippableFact]
    public async Task MoveAppraiser_ToASiteManager_MovesAllButTheirOwnAndClearsAReviewerWhoBecomesAppraiser()
    {
        // Arrange
        var p = await CreateSchoolAsync();
        await OpenAsync(p.School);
        var ta = await AppraisalOfAsync(p.Ta);
        var site = await AppraisalOfAsync(p.Site);
        var orphan = await AppraisalOfAsync(p.Orphan);
        await Data.WithDbAsync(db =>
        {
            db.Appraisals.Single(a => a.Id == orphan.Id).ReviewerId = p.Site.Id;
            return db.SaveChangesAsync();
        });

        // Act
        var result = await WithAsync<AppraisalCycles, Result<MoveAppraiserResult>>(c =>
            c.MoveAppraiserAsync([ta.Id, site.Id, orphan.Id], p.Site.Id));

        // Assert
        AssertDone(result);
        Assert.Equal(2, result.Value!.Moved);
        Assert.Equal([p.Site.FullName], result.Value.Skipped);
        var after = await AppraisalsAsync(p.School);
        Assert.Equal(p.Site.Id, after[p.Ta.Id].AppraiserId);
        Assert.Equal(p.Head.Id, after[p.Site.Id].AppraiserId);
        Assert.Equal(p.Site.Id, after[p.Orphan.Id].AppraiserId);
        Assert.Null(after[p.Orphan.Id].ReviewerId);
    }

    [SkippableFact]
    public async Task MoveAppraiser_ToSomeoneInAnotherTrust_MovesNobody()
    {
        // Arrange
        var p = await CreateSchoolAsync(await Data.CreateTrustAsync());
        var elsewhere = await Data.CreateStaffAsync(await Data.CreateSchoolAsync(await Data.CreateTrustAsync()));
        await OpenAsync(p.School);
        var ta = await AppraisalOfAsync(p.Ta);

        // Act
        var result = await WithAsync<AppraisalCycles, Result<MoveAppraiserResult>>(c => c.MoveAppraiserAsync([ta.Id], elsewhere.Id));

        // Assert
        Assert.Equal("AppraiserId", Assert.Single(result.Errors).Field);
        Assert.Equal(p.Head.Id, (await AppraisalOfAsync(p.Ta)).AppraiserId);
    }

    [SkippableFact]
    public async Task MoveAppraiser_ToSomeoneInAnotherSchoolOfTheTrust_Moves()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var p = await CreateSchoolAsync(trust);
        var executiveHead = await Data.CreateStaffAsync(await Data.CreateSchoolAsync(trust), slt: true);
        await OpenAsync(p.School);
        var head = await AppraisalOfAsync(p.Head);

        // Act
        var result = await WithAsync<AppraisalCycles, Result<MoveAppraiserResult>>(c => c.MoveAppraiserAsync([head.Id], executiveHead.Id));

        // Assert
        AssertDone(result);
        Assert.Equal(executiveHead.Id, (await AppraisalOfAsync(p.Head)).AppraiserId);
    }

    [SkippableFact]
    public async Task Assign_ReviewerAboveTheAppraiser_IsKeptAndOneBelowIsRefused()
    {
        // Arrange: a TA appraised by a teacher whose line manager is the head
        var p = await CreateSchoolAsync();
        var teacher = await Data.CreateStaffAsync(p.School, RoleFamily.Teaching, p.Head);
        await OpenAsync(p.School);
        var ta = await AppraisalOfAsync(p.Ta);

        // Act
        var above = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(ta.Id, teacher.Id, p.Head.Id));
        var sideways = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(ta.Id, teacher.Id, p.Site.Id));
        var self = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(ta.Id, p.Ta.Id, null));

        // Assert
        AssertDone(above);
        Assert.Equal("The reviewer must be above the appraiser in line management", Assert.Single(sideways.Errors).Message);
        Assert.Equal("A person cannot be their own appraiser", Assert.Single(self.Errors).Message);
        var after = await AppraisalOfAsync(p.Ta);
        Assert.Equal((teacher.Id, p.Head.Id), (after.AppraiserId, after.ReviewerId));
    }
}
