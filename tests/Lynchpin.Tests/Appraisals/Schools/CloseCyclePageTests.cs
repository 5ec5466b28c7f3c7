using System.Net;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>
/// Issue 14: a leader closes a finished appraisal cycle (after confirming) and it becomes read-only, saying who closed it
/// and when; reopening makes it writable again. The walk over every write route is in RouteMatrixTests.ClosedCycles.
/// </summary>
public abstract class CloseCyclePageTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CloseCyclePageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CloseCyclePageTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record Setup(School School, StaffMember Head, StaffMember Teacher, HttpClient Leader);

    private async Task<Setup> SchoolAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, firstName: "Ada", lastName: $"Closer{TestData.Unique()}");
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head);
        await OpenAsync(school);
        var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head));
        return new Setup(school, head, teacher, leader);
    }

    /// <summary>Opens the close page and presses its one button (close, or reopen when closed).</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, School school)
    {
        var url = $"/schools/{school.Urn}/appraisal/close?year={Year}";
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = (IHtmlFormElement)(await Html.ParseAsync(page)).QuerySelector("form[action*='/appraisal/close']")!;
        return await Html.SubmitAsync(client, form, Html.FormValues(form), new Uri(client.BaseAddress!, url));
    }

    [SkippableFact]
    public async Task Post_TheHeadClosesTheCycle_ItsPagesSayWhoClosedItWhenAndOfferNoChanges_UntilReopened()
    {
        // Arrange
        var s = await SchoolAsync();
        var dashboard = $"/schools/{s.School.Urn}/appraisal?year={Year}";
        var person = $"/staff/{s.Teacher.Id}/appraisal?year={Year}";

        // Act
        using var closed = await ConfirmAsync(s.Leader, s.School);

        // Assert: closed, and said so with the date as people write it
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var cycle = await Data.WithDbAsync(db => db.AppraisalCycles.SingleAsync(c => c.SchoolId == s.School.Id && c.Year == Year));
        Assert.Equal(s.Head.FullName, cycle.ClosedByName);
        var when = Dates.Long(SchoolClock.DateOf(cycle.ClosedAt!.Value));
        var board = await Html.ParseAsync(await s.Leader.GetAsync(dashboard));
        Assert.Contains($"{s.Head.FullName} closed it on {when}", board.QuerySelector("#closed-cycle")!.TextContent);
        Assert.Null(board.QuerySelector("#close-cycle"));
        Assert.NotNull(board.QuerySelector("#reopen-cycle"));
        Assert.DoesNotContain("Add people who joined since", board.Body!.TextContent);
        var page = await Html.ParseAsync(await s.Leader.GetAsync(person));
        Assert.NotNull(page.QuerySelector("#closed-cycle"));
        Assert.Null(page.QuerySelector("#add-objective"));
        Assert.Null(page.QuerySelector("#assign-link"));

        // Act: reopen
        using var reopened = await ConfirmAsync(s.Leader, s.School);

        // Assert: writable again
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Null(await Data.WithDbAsync(db => db.AppraisalCycles.Where(c => c.Id == cycle.Id).Select(c => c.ClosedAt).SingleAsync()));
        page = await Html.ParseAsync(await s.Leader.GetAsync(person));
        Assert.Null(page.QuerySelector("#closed-cycle"));
        Assert.NotNull(page.QuerySelector("#add-objective"));
    }

    [SkippableFact]
    public async Task Post_ALineManagerTriesToClose_IsForbiddenAndTheCycleStaysOpen()
    {
        // Arrange
        var s = await SchoolAsync();
        var manager = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.Teacher));

        // Act
        using var page = await manager.GetAsync($"/schools/{s.School.Urn}/appraisal/close?year={Year}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.False(await Data.WithDbAsync(db => db.AppraisalCycles.AnyAsync(c => c.SchoolId == s.School.Id && c.ClosedAt != null)));
    }

    [SkippableFact]
    public async Task Save_AnyAppraisalChangeInAClosedCycle_IsRefusedByTheSaveItselfAndNothingIsWritten()
    {
        // Arrange: a service called without the pages' check
        var s = await SchoolAsync();
        var appraisal = await AppraisalOfAsync(s.Teacher);
        await Data.WithDbAsync(db => ClosedCycles.CloseAsync(db, appraisal.CycleId, new Recorder(null, "Ada Head"), DateTime.UtcNow).ContinueWith(_ => 0));

        // Act
        var refused = await Assert.ThrowsAsync<ClosedCycleException>(() => AddObjectiveAsync(appraisal, PupilProgress));
        var dates = await Assert.ThrowsAsync<ClosedCycleException>(() => WithAsync<AppraisalCycles, int>(async c =>
        {
            await c.SetDueDatesAsync(appraisal.CycleId, CycleDueDates.Default(Year) with { FinalDue = new DateOnly(Year + 1, 7, 1) });
            return 0;
        }));

        // Assert
        Assert.Contains("appraisal cycle was closed by Ada Head on", refused.Message);
        Assert.Equal(refused.Message, dates.Message);
        Assert.Empty(await Data.WithDbAsync(db => db.Objectives.Where(o => o.AppraisalId == appraisal.Id).ToListAsync()));
        Assert.Equal(new DateOnly(Year + 1, 7, 15), await Data.WithDbAsync(db => db.AppraisalCycles.Where(c => c.Id == appraisal.CycleId).Select(c => c.FinalDue).SingleAsync()));

        // Reopened, the same change is saved.
        await Data.WithDbAsync(db => ClosedCycles.ReopenAsync(db, appraisal.CycleId).ContinueWith(_ => 0));
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));
    }
}
