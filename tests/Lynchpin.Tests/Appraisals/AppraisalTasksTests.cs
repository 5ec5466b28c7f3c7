using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals;

/// <summary>Due and overdue tasks through a year, for an appraiser (a teacher) and the TA they appraise, on both providers.</summary>
public abstract class AppraisalTasksTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AppraisalTasksTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : AppraisalTasksTests(app), IClassFixture<PostgresAppFactory>;

    private async Task<(StaffMember Teacher, StaffMember Ta)> PairAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true);
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head);
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher);
        await OpenAsync(school);
        return (teacher, ta);
    }

    private Task<IReadOnlyList<AppraisalTask>> TasksAsync(StaffMember person, DateOnly today) =>
        WithAsync<AppraisalTasks, IReadOnlyList<AppraisalTask>>(t => t.ForStaffAsync(person.Id, today));

    private static string Show(IEnumerable<AppraisalTask> tasks) =>
        string.Join("; ", tasks.Select(t => $"{t.As} {t.Kind} {t.Review?.Code()} {t.DueDate:yyyy-MM-dd}{(t.IsOverdue ? " overdue" : "")}"));

    [SkippableFact]
    public async Task Objectives_AppraiserFirstThenThePersonOnceTheSetCanBeAgreed()
    {
        // Arrange
        var (teacher, ta) = await PairAsync();
        var september = new DateOnly(2025, 9, 20);

        // Act
        var teacherBefore = await TasksAsync(teacher, september);
        var taBefore = await TasksAsync(ta, september);
        var appraisal = await AppraisalOfAsync(ta);
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));
        var taWithOne = await TasksAsync(ta, september);
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));
        var taReady = await TasksAsync(ta, september);
        var teacherLate = await TasksAsync(teacher, new DateOnly(2025, 11, 5));

        // Assert: the teacher's own appraisal (by the head) gives them an appraisee task only once theirs is ready
        Assert.Equal("Appraiser AgreeObjectives  2025-10-31", Show(teacherBefore));
        Assert.Equal($"Set objectives with {ta.FullName} and get them agreed", teacherBefore[0].Description);
        Assert.Empty(taBefore);
        Assert.Empty(taWithOne);
        Assert.Equal("Appraisee AgreeObjectives  2025-10-31", Show(taReady));
        Assert.Equal("Appraiser AgreeObjectives  2025-10-31 overdue", Show(teacherLate));
    }

    [SkippableFact]
    public async Task MidYear_AppearsSixWeeksBeforeItIsDueAndPassesToThePersonWhenTheAppraiserSigns()
    {
        // Arrange
        var (teacher, ta) = await PairAsync();
        var appraisal = await AgreedAsync(ta);

        // Act
        var december = await TasksAsync(teacher, new DateOnly(2025, 12, 1));
        var january = await TasksAsync(teacher, new DateOnly(2026, 1, 20));
        var review = await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiserAsync(review.Id, Leader)));
        var teacherAfterSigning = await TasksAsync(teacher, new DateOnly(2026, 3, 2));
        var taAfterSigning = await TasksAsync(ta, new DateOnly(2026, 3, 2));
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiseeAsync(review.Id)));
        var taAfterBoth = await TasksAsync(ta, new DateOnly(2026, 3, 2));

        // Assert: the teacher's own objectives are still to agree with the head, so filter to the TA
        Assert.DoesNotContain(december, t => t.StaffMemberId == ta.Id);
        Assert.Equal("Appraiser Review mid-year 2026-02-28", Show(january.Where(t => t.StaffMemberId == ta.Id)));
        Assert.DoesNotContain(teacherAfterSigning, t => t.StaffMemberId == ta.Id);
        Assert.Equal("Appraisee SignReview mid-year 2026-02-28 overdue", Show(taAfterSigning));
        Assert.Equal("Read and sign your mid-year review", taAfterSigning[0].Description);
        Assert.Empty(taAfterBoth);
    }

    [SkippableFact]
    public async Task Final_ForAnAppraiser_AppearsInJuneAndIsOverdueAfterTheFifteenthOfJuly()
    {
        // Arrange
        var (teacher, ta) = await PairAsync();
        var appraisal = await AgreedAsync(ta);
        await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);

        // Act
        var june = await TasksAsync(teacher, new DateOnly(2026, 6, 10));
        var august = await TasksAsync(teacher, new DateOnly(2026, 8, 1));
        var nextYear = await TasksAsync(teacher, new DateOnly(2026, 10, 1));

        // Assert: last year's overdue review still shows in the next school year
        Assert.Equal("Appraiser Review final 2026-07-15", Show(june.Where(t => t.StaffMemberId == ta.Id)));
        Assert.Equal("Appraiser Review final 2026-07-15 overdue", Show(august.Where(t => t.StaffMemberId == ta.Id)));
        Assert.Single(nextYear, t => t.StaffMemberId == ta.Id);
    }

    [SkippableFact]
    public async Task Tasks_ForSomeoneWhoHasLeft_AreGone()
    {
        // Arrange
        var (teacher, ta) = await PairAsync();
        await Data.WithDbAsync(db =>
        {
            db.StaffMembers.Single(s => s.Id == ta.Id).LeavingDate = new DateOnly(2025, 10, 1);
            return db.SaveChangesAsync();
        });

        // Act
        var tasks = await TasksAsync(teacher, new DateOnly(2025, 10, 2));

        // Assert
        Assert.DoesNotContain(tasks, t => t.StaffMemberId == ta.Id);
    }
}
