using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals;

/// <summary>Pay recommendations: recorded after the final review begins, and every read and change audited.</summary>
public abstract class PayRecommendationsTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PayRecommendationsTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : PayRecommendationsTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly Recorder Head = new("head-user-id", "Hilary Head");

    private async Task<(StaffMember Teacher, Appraisal Appraisal)> TeacherAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true);
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head);
        await OpenAsync(school);
        return (teacher, await AgreedAsync(teacher));
    }

    private Task<List<AuditEvent>> AuditOfAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.AuditEvents.Where(e => e.StaffMemberId == person.Id).OrderBy(e => e.Id).ToListAsync());

    private Task<T> PayAsync<T>(Func<PayRecommendations, Task<T>> work) => WithAsync(work);

    [SkippableFact]
    public async Task Record_BeforeTheFinalReview_IsRefusedAndNothingIsAudited()
    {
        // Arrange
        var (teacher, appraisal) = await TeacherAsync();

        // Act
        var result = await PayAsync(p => p.RecordAsync(appraisal.Id, "Progress to M3", Head));

        // Assert
        Assert.Equal("PayRecommendation", Assert.Single(result.Errors).Field);
        Assert.Empty(await AuditOfAsync(teacher));
    }

    [SkippableFact]
    public async Task Read_ARecordedRecommendation_ReturnsItAndWritesAnAuditEvent()
    {
        // Arrange
        var (teacher, appraisal) = await TeacherAsync();
        await DraftReviewAsync(appraisal, ReviewKind.Final, Rating.Met, Rating.Met);
        AssertDone(await PayAsync(p => p.RecordAsync(appraisal.Id, " Progress to M3 ", Head)));

        // Act
        var read = await PayAsync(p => p.ReadAsync(appraisal.Id, new Recorder("hr-user-id", "Harper HR")));

        // Assert
        Assert.Equal(("Progress to M3", Head.Name), (read!.Text, read.RecordedByName));
        var events = await AuditOfAsync(teacher);
        Assert.Equal([AuditActions.PayRecommendationRecorded, AuditActions.PayRecommendationRead], events.Select(e => e.Action));
        var readEvent = events[1];
        Assert.Equal(("hr-user-id", "Harper HR", teacher.Id), (readEvent.UserId, readEvent.UserName, readEvent.StaffMemberId));
        Assert.Equal($"Appraisal {appraisal.Id} (2025/26): shown", readEvent.Detail);
    }

    [SkippableFact]
    public async Task Read_EveryRead_IsAuditedEvenWhenThereIsNone()
    {
        // Arrange
        var (teacher, appraisal) = await TeacherAsync();

        // Act
        var first = await PayAsync(p => p.ReadAsync(appraisal.Id, Head));
        var second = await PayAsync(p => p.ReadAsync(appraisal.Id, Head));

        // Assert
        Assert.Null(first);
        Assert.Null(second);
        var events = await AuditOfAsync(teacher);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((AuditActions.PayRecommendationRead, "head-user-id"), (e.Action, e.UserId)));
        Assert.All(events, e => Assert.EndsWith("none recorded", e.Detail));
    }

    [SkippableFact]
    public async Task Record_Again_ReplacesTheTextAndAuditsEachChange()
    {
        // Arrange
        var (teacher, appraisal) = await TeacherAsync();
        await DraftReviewAsync(appraisal, ReviewKind.Final, Rating.Met, Rating.PartlyMet);
        AssertDone(await PayAsync(p => p.RecordAsync(appraisal.Id, "Progress to M3", Head)));

        // Act
        AssertDone(await PayAsync(p => p.RecordAsync(appraisal.Id, "Progress to M4", new Recorder(null, "Command line"))));

        // Assert
        var stored = await Data.WithDbAsync(db => db.PayRecommendations.SingleAsync(p => p.AppraisalId == appraisal.Id));
        Assert.Equal(("Progress to M4", "Command line", null), (stored.Text, stored.RecordedByName, stored.RecordedByUserId));
        Assert.Equal(2, (await AuditOfAsync(teacher)).Count(e => e.Action == AuditActions.PayRecommendationRecorded));
    }

    [SkippableFact]
    public async Task UsersCreate_WithPayAccess_GrantsIt()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var bursar = await Data.CreateStaffAsync(school, RoleFamily.Business);
        var withAccess = $"bursar{TestData.Unique()}@school.test";
        var without = $"clerk{TestData.Unique()}@school.test";
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var granted = await CommandLine.RunAsync(App.Services,
            ["users", "create", "--email", withAccess, "--role", "Staff", "--school", school.Urn.ToString(), "--staff-ref", bursar.StaffRef,
             "--password", TestData.DefaultPassword, "--pay-access"], output, error);
        var plain = await CommandLine.RunAsync(App.Services,
            ["users", "create", "--email", without, "--role", "SchoolLeader", "--school", school.Urn.ToString(), "--password", TestData.DefaultPassword],
            output, error);

        // Assert
        Assert.True(granted == 0 && plain == 0, error.ToString());
        Assert.Contains($"Created Staff account {withAccess}, with pay access.", output.ToString());
        var access = await Data.WithDbAsync(db => db.Users.Where(u => u.Email == withAccess || u.Email == without).ToDictionaryAsync(u => u.Email!, u => u.PayAccess));
        Assert.True(access[withAccess]);
        Assert.False(access[without]);
    }
}
