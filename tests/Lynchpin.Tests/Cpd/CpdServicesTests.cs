using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Cpd;

/// <summary>CPD requests through approval to an activity, the budget against them, and evaluations, on both databases.</summary>
public abstract class CpdServicesTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CpdServicesTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CpdServicesTests(app), IClassFixture<PostgresAppFactory>;

    private const int Year = 2025;
    private static readonly CpdActor LineManager = new(false, IsLineManager: true, IsBudgetHolder: false);
    private static readonly CpdActor BudgetHolder = new(false, false, IsBudgetHolder: true);

    private static CpdRequestInput Course(decimal cost) =>
        new("HLTA preparation course", CpdKind.Course, "Kirklees Learning Partnership", new DateOnly(2025, 11, 3), new DateOnly(2025, 11, 4), 12m, cost,
            "To meet the HLTA standards for whole-class teaching", null);

    [SkippableFact]
    public async Task Request_ApprovedByLineManagerAndBudgetHolder_ThenDone_MovesFromCommitmentToSpend()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);
        AssertDone(await WithAsync<CpdBudgets, Result<CpdBudget>>(b => b.SetAsync(school.Id, Year, 5000m, null)));
        var request = (await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.CreateAsync(ta.Id, Course(250m)))).Value!;

        // Act
        var afterManager = await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.DecideAsync(request.Id, CpdDecision.LineManagerApproves, LineManager, null, new("u1", "Siobhan Gallagher")));
        var waiting = await WithAsync<CpdBudgets, CpdBudgetFigures>(b => b.FiguresAsync(school.Id, Year));
        var approved = await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.DecideAsync(request.Id, CpdDecision.BudgetHolderApproves, BudgetHolder, null, new("u2", "Imran Hussain")));
        var committed = await WithAsync<CpdBudgets, CpdBudgetFigures>(b => b.FiguresAsync(school.Id, Year));
        var done = await WithAsync<CpdRequests, Result<CpdActivity>>(r => r.RecordDoneAsync(request.Id, null, null, Leader));
        var spent = await WithAsync<CpdBudgets, CpdBudgetFigures>(b => b.FiguresAsync(school.Id, Year));

        // Assert
        Assert.Equal(CpdRequestStatus.WithBudgetHolder, afterManager.Value!.Status);
        Assert.Equal((0m, 0m, 250m), (waiting.Spend, waiting.Committed, waiting.AwaitingApproval));
        Assert.Equal(CpdRequestStatus.Approved, approved.Value!.Status);
        Assert.Equal((0m, 250m, 0m, 4750m), (committed.Spend, committed.Committed, committed.AwaitingApproval, committed.Remaining));
        AssertDone(done);
        Assert.Equal((250m, 0m, 4750m), (spent.Spend, spent.Committed, spent.Remaining));
        var stored = await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Id == request.Id));
        Assert.Equal((CpdRequestStatus.Recorded, done.Value!.Id, "Siobhan Gallagher", "Imran Hussain"),
            (stored.Status, stored.ActivityId!.Value, stored.LineManagerName, stored.BudgetHolderName));
        var attendance = await Data.WithDbAsync(db => db.CpdAttendances.SingleAsync(a => a.ActivityId == done.Value!.Id));
        Assert.Equal((ta.Id, 12m, 250m), (attendance.StaffMemberId, attendance.Hours, attendance.Cost));
    }

    [SkippableFact]
    public async Task Decline_NeedsAReason_AndOutOfTurnChangesNothing()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);
        var request = (await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.CreateAsync(ta.Id, Course(250m)))).Value!;

        var noReason = await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.DecideAsync(request.Id, CpdDecision.LineManagerDeclines, LineManager, " ", Leader));
        var outOfTurn = await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.DecideAsync(request.Id, CpdDecision.BudgetHolderApproves, BudgetHolder, null, Leader));
        var declined = await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.DecideAsync(request.Id, CpdDecision.LineManagerDeclines, LineManager, "Not this term: cover is short", Leader));

        Assert.Equal("Reason", Assert.Single(noReason.Errors).Field);
        Assert.Equal("Decision", Assert.Single(outOfTurn.Errors).Field);
        Assert.Equal(CpdRequestStatus.Declined, declined.Value!.Status);
        Assert.Equal("Not this term: cover is short", (await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Id == request.Id))).DeclinedReason);
    }

    [SkippableFact]
    public async Task Create_MissingAnswers_ListsEachInFormOrder()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);

        var result = await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.CreateAsync(ta.Id, new CpdRequestInput(null, null, null, null, null, null, -5m, null, null)));

        Assert.Equal(["Title", "Kind", "StartDate", "Hours", "Cost", "Reason"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await Data.WithDbAsync(db => db.CpdRequests.CountAsync(r => r.StaffMemberId == ta.Id)));
    }

    [SkippableFact]
    public async Task GroupActivity_RecordsEveryoneInOneStep_WithTheirOwnHoursWhereGiven()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var people = new[]
        {
            await Data.CreateStaffAsync(school, RoleFamily.Teaching),
            await Data.CreateStaffAsync(school, RoleFamily.LearningSupport),
            await Data.CreateStaffAsync(school, RoleFamily.Site),
        };

        var result = await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(school.Id, new CpdActivityInput(
            "INSET: adaptive teaching", CpdKind.Inset, null, new DateOnly(2026, 1, 5), null, 5m, 0m, null,
            [new AttendeeInput(people[0].Id), new AttendeeInput(people[1].Id), new AttendeeInput(people[2].Id, Hours: 2m)]), Leader));

        AssertDone(result);
        var attendances = await Data.WithDbAsync(db => db.CpdAttendances.Where(a => a.ActivityId == result.Value!.Id).OrderBy(a => a.StaffMemberId).ToListAsync());
        Assert.Equal([5m, 5m, 2m], attendances.Select(a => a.Hours));
        Assert.Equal(new DateOnly(2026, 1, 5), result.Value!.EndDate);
    }

    [SkippableFact]
    public async Task Evaluation_PersonThenLineManager_StatesFollow()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);
        var activity = (await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(school.Id, new CpdActivityInput(
            "Phonics training", CpdKind.Course, null, new DateOnly(2025, 10, 6), null, 3m, 0m, null, [new AttendeeInput(ta.Id)]), Leader))).Value!;
        var attendanceId = await Data.WithDbAsync(db => db.CpdAttendances.Where(a => a.ActivityId == activity.Id).Select(a => a.Id).SingleAsync());

        var early = await WithAsync<CpdEvaluations, Result<CpdEvaluation>>(e => e.AddLineManagerViewAsync(attendanceId, "Good", Leader));
        AssertDone(await WithAsync<CpdEvaluations, Result<CpdEvaluation>>(e => e.EvaluateAsync(attendanceId,
            new EvaluationInput(ImpactRating.Strong, ImpactRating.Some, ImpactRating.Some, ImpactRating.Little, "I now run the Year 7 phonics group."))));
        var afterPerson = (await WithAsync<CpdEvaluations, IReadOnlyList<EvaluationTask>>(e => e.ForPersonAsync(ta.Id))).Single();
        AssertDone(await WithAsync<CpdEvaluations, Result<CpdEvaluation>>(e => e.AddLineManagerViewAsync(attendanceId, "Reading ages in the group are up 5 months.", Leader)));
        var afterManager = (await WithAsync<CpdEvaluations, IReadOnlyList<EvaluationTask>>(e => e.ForPersonAsync(ta.Id))).Single();

        Assert.Equal("LineManagerView", Assert.Single(early.Errors).Field);
        Assert.Equal(EvaluationState.WithLineManager, afterPerson.State);
        Assert.Equal(EvaluationState.Done, afterManager.State);
        Assert.Equal(new DateOnly(2025, 11, 17), afterManager.DueOn);
    }

    [SkippableFact]
    public async Task TrainingNeeds_FromUnmetCriteriaObjectivesAndStandards_ByFamily()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site);
        await AssessAsync(ta, Year, 1, 2, "Completed the school's safeguarding training and knows how to report a concern");
        await ObjectiveAsync(ta, Year, ObjectiveType.ProfessionalDevelopment, "Lead a phonics intervention group");
        AssertDone(await WithAsync<Lynchpin.Core.Careers.StandardAssessments, Result<IReadOnlyList<StandardAssessment>>>(s =>
            s.RecordAsync(new Lynchpin.Core.Careers.StandardAssessmentInput(site.Id, "own-site", AssessedBy.Self,
                [new Lynchpin.Core.Careers.RatingInput("SITE-1", StandardRating.Developing)], new DateOnly(2025, 10, 1), null, null), Leader)));

        var needs = await WithAsync<DevelopmentQueries, IReadOnlyList<TrainingNeed>>(q => q.TrainingNeedsAsync(school, Year));
        var unmet = await WithAsync<DevelopmentQueries, IReadOnlyList<UnmetCriteria>>(q => q.UnmetCriteriaAsync(school, Year));

        var taNeeds = needs.Where(n => n.Family == RoleFamily.LearningSupport).ToList();
        Assert.Contains(taNeeds, n => n.Source == NeedSource.Objective && n.Text == "Lead a phonics intervention group");
        Assert.Contains(taNeeds, n => n.Source == NeedSource.ProgressionCriterion && n.Text == "Leads an intervention group with measured progress");
        Assert.DoesNotContain(taNeeds, n => n.Text == "Completed the school's safeguarding training and knows how to report a concern");
        Assert.Contains(needs, n => n.Family == RoleFamily.Site && n.Source == NeedSource.Standard && n.Text.Contains("statutory checks"));
        Assert.Equal(2, unmet.Single(u => u.StaffMemberId == ta.Id).Stage);
        Assert.Null(unmet.Single(u => u.StaffMemberId == site.Id).Stage);
    }
}
