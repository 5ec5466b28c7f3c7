using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Learning;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Learning;

/// <summary>
/// The learning community (issue 18 item 2) on the default framework. Lea (teaching) is at stage 3 and has met the
/// criteria of stages 1 and 2 only, so she has two left up to stage 4: "Uses feedback from coaching …" (stage 3) and
/// "Shares effective practice …" (stage 4).
/// <code>
///                      school   stage   met Feedback / Shares   role
/// Ann (lead)           North    5       yes / yes (at 5)         learning lead for Shares
/// Cal (coach)          North    4       yes / yes (at 4)         coach, 7 coachees
/// Oli                  North    5       yes / yes                none: not suggested (has not agreed to share)
/// Pat (coach)          North    3       yes (at 3) / no          coach: not suggested (not above Lea's stage); below coach's stage 4
/// Xan (lead)           South    5       yes / no                 learning lead for Feedback, at the trust's other school
/// </code>
/// </summary>
public abstract class LearningCommunityTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : LearningCommunityTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : LearningCommunityTests(app), IClassFixture<PostgresAppFactory>;

    internal const string Feedback = "Uses feedback from coaching conversations to improve practice";
    internal const string Shares = "Shares effective practice with colleagues in the learning community";

    /// <summary>The default framework's ids (negative: never stored) for the two criteria.</summary>
    internal const int FeedbackId = -3001, SharesId = -4001;

    internal sealed record Scenario(School North, School South, StaffMember Lea, StaffMember Ann, StaffMember Cal, StaffMember Oli, StaffMember Pat, StaffMember Xan);

    internal static IReadOnlyList<string> UpToStageTwo(RoleFamily family) =>
        DefaultFramework.Stages.Where(s => s.Number <= 2).SelectMany(s => s.Criteria).Where(c => c.Family is null || c.Family == family).Select(c => c.Text).ToList();

    internal static async Task<Scenario> CreateAsync(LynchpinAppFactory app, TestData data)
    {
        var trust = await data.CreateTrustAsync();
        var north = await data.CreateSchoolAsync(trust);
        var south = await data.CreateSchoolAsync(trust);
        var lea = await data.CreateStaffAsync(north, firstName: "Lea", lastName: "Learner");
        var ann = await data.CreateStaffAsync(north, firstName: "Ann", lastName: "Lead");
        var cal = await data.CreateStaffAsync(north, firstName: "Cal", lastName: "Coach");
        var oli = await data.CreateStaffAsync(north, firstName: "Oli", lastName: "Other");
        var pat = await data.CreateStaffAsync(north, firstName: "Pat", lastName: "Newcoach");
        var xan = await data.CreateStaffAsync(south, firstName: "Xan", lastName: "Southern");
        var basics = UpToStageTwo(RoleFamily.Teaching);
        await AssessAsync(app, lea, 3, basics);
        await AssessAsync(app, ann, 5, [.. basics, Feedback, Shares]);
        await AssessAsync(app, cal, 4, [.. basics, Feedback, Shares]);
        await AssessAsync(app, oli, 5, [.. basics, Feedback, Shares]);
        await AssessAsync(app, pat, 3, [.. basics, Feedback]);
        await AssessAsync(app, xan, 5, [.. basics, Feedback]);
        for (var i = 0; i < 7; i++)
        {
            await data.CreateStaffAsync(north, coach: cal);
        }
        await GiveAsync(app, north, ann, LearningRoleKind.LearningLead, SharesId);
        await GiveAsync(app, north, cal, LearningRoleKind.Coach);
        await GiveAsync(app, north, pat, LearningRoleKind.Coach);
        await GiveAsync(app, south, xan, LearningRoleKind.LearningLead, FeedbackId);
        return new Scenario(north, south, lea, ann, cal, oli, pat, xan);
    }

    internal static async Task AssessAsync(LynchpinAppFactory app, StaffMember person, int stage, IReadOnlyList<string> met, int year = 2025, int checkpoint = 2)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AssessmentRecorder>().RecordAsync(
            new AssessmentInput(person.Id, year, checkpoint, stage, SchoolYear.DefaultDate(year, checkpoint).AddDays(-3), null, met, null), new Recorder(null, "Test"));
    }

    private static async Task<Result<LearningRole>> GiveAsync(LynchpinAppFactory app, School school, StaffMember? person, LearningRoleKind? kind, int? criterionId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearningCommunity>()
            .GiveAsync(school, person?.Id, kind, criterionId, new Recorder(null, "Head"));
    }

    private async Task<T> WithCommunityAsync<T>(Func<LearningCommunity, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<LearningCommunity>());
    }

    [SkippableFact]
    public async Task HelpFor_NamesLeadsThenCoachesWhoMetItHigher_AtTheSchoolThenTheTrust()
    {
        // Arrange
        var s = await CreateAsync(App, Data);

        // Act
        var help = (await WithCommunityAsync(c => c.HelpForAsync(s.North, [s.Lea.Id])))[s.Lea.Id];

        // Assert: the two criteria not met up to stage 4, each with who could help, best first
        Assert.Equal(3, help.Stage);
        Assert.Equal([(3, Feedback), (4, Shares)], help.Criteria.Select(c => (c.Stage, c.Criterion)));
        var feedback = help.Criteria[0].Helpers;
        Assert.Equal([s.Cal.Id, s.Xan.Id], feedback.Select(h => h.Id));
        Assert.Equal($"Xan Southern at {s.South.Name} met '{Feedback}' at stage 5 and leads it.", feedback[1].Why);
        Assert.False(feedback[1].SameSchool);
        var shares = help.Criteria[1].Helpers;
        Assert.Equal([s.Ann.Id, s.Cal.Id], shares.Select(h => h.Id));
        Assert.Equal($"Ann Lead met '{Shares}' at stage 5 and leads it.", shares[0].Why);
        Assert.Equal($"Cal Coach met '{Shares}' at stage 4 and coaches colleagues.", shares[1].Why);
    }

    [SkippableFact]
    public async Task HelpFor_AWithdrawnOfferAndALeaver_AreNoLongerSuggested()
    {
        // Arrange: Ann withdraws her offer; Cal leaves
        var s = await CreateAsync(App, Data);
        var annsRole = (await WithCommunityAsync(c => c.RolesOfAsync(s.Ann.Id))).Single();
        Assert.True(await WithCommunityAsync(c => c.WithdrawAsync(s.Ann.Id, annsRole.Id)));
        await Data.WithDbAsync(db => db.StaffMembers.Where(m => m.Id == s.Cal.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeavingDate, new DateOnly(2024, 8, 31))));

        // Act
        var help = (await WithCommunityAsync(c => c.HelpForAsync(s.North, [s.Lea.Id])))[s.Lea.Id];

        // Assert
        Assert.Equal([s.Xan.Id], help.Criteria[0].Helpers.Select(h => h.Id));
        Assert.Empty(help.Criteria[1].Helpers);
    }

    [SkippableFact]
    public async Task Withdraw_OnlyOnesOwnLearningLeadOffer()
    {
        // Arrange
        var s = await CreateAsync(App, Data);
        var calsCoachRole = (await WithCommunityAsync(c => c.RolesOfAsync(s.Cal.Id))).Single();
        var annsRole = (await WithCommunityAsync(c => c.RolesOfAsync(s.Ann.Id))).Single();

        // Act
        var coachRoleWithdrawn = await WithCommunityAsync(c => c.WithdrawAsync(s.Cal.Id, calsCoachRole.Id));
        var someoneElses = await WithCommunityAsync(c => c.WithdrawAsync(s.Cal.Id, annsRole.Id));

        // Assert: a coach's role is the leaders' to take back, and nobody withdraws another's offer
        Assert.False(coachRoleWithdrawn);
        Assert.False(someoneElses);
        Assert.Equal(4, await Data.WithDbAsync(db => db.LearningRoles.CountAsync(r => r.School.TrustId == s.North.TrustId)));
    }

    [SkippableFact]
    public async Task Holders_FlagTheStageBelowTheRolesAndACoachOverTheLimit()
    {
        // Arrange
        var s = await CreateAsync(App, Data);

        // Act
        var holders = await WithCommunityAsync(c => c.HoldersAsync(s.North));

        // Assert: coaches first (Cal, Pat), then the learning lead
        Assert.Equal([(s.Cal.Id, LearningRoleKind.Coach), (s.Pat.Id, LearningRoleKind.Coach), (s.Ann.Id, LearningRoleKind.LearningLead)],
            holders.Select(h => (h.Role.StaffMemberId, h.Role.Kind)));
        var (cal, pat, ann) = (holders[0], holders[1], holders[2]);
        Assert.Equal((4, 4, false, 7, true), (cal.Stage!.Value, cal.ExpectedStage, cal.BelowExpected, cal.Coachees, cal.OverLimit));
        Assert.Equal((3, 4, true, 0, false), (pat.Stage!.Value, pat.ExpectedStage, pat.BelowExpected, pat.Coachees, pat.OverLimit));
        Assert.Equal((5, 5, false), (ann.Stage!.Value, ann.ExpectedStage, ann.BelowExpected));
        Assert.Equal((4, (RoleFamily?)null, Shares), (ann.Role.CriterionStage!.Value, ann.Role.CriterionRoleFamily, ann.Role.CriterionText));
    }

    [SkippableFact]
    public async Task Settings_ChangeTheStageExpected_AndRefuseAStageOutOfRange()
    {
        // Arrange
        var s = await CreateAsync(App, Data);

        // Act
        var refused = await WithCommunityAsync(c => c.SaveSettingsAsync(s.North.Id, 7, null, 1));
        var saved = await WithCommunityAsync(c => c.SaveSettingsAsync(s.North.Id, 3, 4, 2));
        var holders = await WithCommunityAsync(c => c.HoldersAsync(s.North));

        // Assert
        Assert.Equal(["CoachStage", "FacilitatorStage"], refused.Errors.Select(e => e.Field));
        Assert.True(saved.Succeeded);
        Assert.All(holders.Where(h => h.Role.Kind == LearningRoleKind.Coach), h => Assert.False(h.BelowExpected));
        Assert.Equal(6, holders.Single(h => h.Role.Kind == LearningRoleKind.LearningLead).ExpectedStage);
    }

    [SkippableFact]
    public async Task Give_RefusesMissingChoicesAnotherSchoolsPersonALeaverAndTheSameRoleTwice()
    {
        // Arrange
        var s = await CreateAsync(App, Data);
        var leaver = await Data.CreateStaffAsync(s.North, leavingDate: new DateOnly(2024, 7, 31));

        // Act
        var nothing = await GiveAsync(App, s.North, null, null);
        var noCriterion = await GiveAsync(App, s.North, s.Oli, LearningRoleKind.LearningLead);
        var elsewhere = await GiveAsync(App, s.North, s.Xan, LearningRoleKind.Coach);
        var left = await GiveAsync(App, s.North, leaver, LearningRoleKind.TriadFacilitator);
        var again = await GiveAsync(App, s.North, s.Ann, LearningRoleKind.LearningLead, SharesId);
        var anotherCriterion = await GiveAsync(App, s.North, s.Ann, LearningRoleKind.LearningLead, FeedbackId);

        // Assert
        Assert.Equal(["StaffMemberId", "Kind"], nothing.Errors.Select(e => e.Field));
        Assert.Equal(["CriterionId"], noCriterion.Errors.Select(e => e.Field));
        Assert.Equal(["StaffMemberId"], elsewhere.Errors.Select(e => e.Field));
        Assert.Equal(["StaffMemberId"], left.Errors.Select(e => e.Field));
        Assert.Equal("Ann Lead already holds this role", again.Errors.Single().Message);
        Assert.True(anotherCriterion.Succeeded);
        Assert.Equal((3, Feedback), (anotherCriterion.Value!.CriterionStage!.Value, anotherCriterion.Value.CriterionText));
    }
}
