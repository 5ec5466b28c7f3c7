using System.Net;
using AngleSharp.Dom;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary>The home page's "Your appraisal tasks": the signed-in person's tasks as appraiser and as appraisee, with due dates, overdue marked, and links.</summary>
public abstract class HomePageTasksTests(OpsAppFactory app) : OpsTest(app)
{
    public sealed class Sqlite(SqliteOpsAppFactory app) : HomePageTasksTests(app), IClassFixture<SqliteOpsAppFactory>;

    public sealed class Postgres(PostgresOpsAppFactory app) : HomePageTasksTests(app), IClassFixture<PostgresOpsAppFactory>;

    /// <summary>Objectives due a week from <see cref="OpsTest.Today"/>, the mid-year review in December: both are due soon or showing.</summary>
    private static readonly CycleDueDates SoonDates = new(new(2026, 11, 27), new(2026, 12, 18), new(2027, 7, 15));

    private sealed record Row(string Task, string Link, string Due, string Status, string TagClass);

    private async Task<(School School, StaffMember Head, StaffMember Teacher, StaffMember Ta)> SchoolAsync(CycleDueDates? dates = null)
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true);
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Tess");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher, firstName: "Tariq");
        await OpenAsync(school, dates);
        return (school, head, teacher, ta);
    }

    private async Task<IDocument> HomeAsync(StaffMember person, UserRole role = UserRole.Staff)
    {
        var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(role, staff: person));
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static List<Row> Tasks(IDocument page) => page.QuerySelectorAll(".lynchpin-appraisal-tasks tbody tr")
        .Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td");
            var tag = cells[2].QuerySelector(".govuk-tag")!;
            return new Row(cells[0].QuerySelector("a")!.TextContent.Trim(), cells[0].QuerySelector("a")!.GetAttribute("href")!,
                cells[1].TextContent.Trim(), tag.TextContent.Trim(), tag.ClassName!);
        })
        .ToList();

    [SkippableFact]
    public async Task Get_AsAppraisee_ShowsAgreeingTheirObjectivesDueSoonWithALinkToTheirAppraisal()
    {
        // Arrange
        var s = await SchoolAsync(SoonDates);
        await ReadyAsync(s.Ta);

        // Act
        var page = await HomeAsync(s.Ta);

        // Assert
        Assert.Equal("Your appraisal tasks", page.QuerySelector("#appraisal-tasks")?.TextContent.Trim());
        var row = Assert.Single(Tasks(page));
        Assert.Equal("Agree your objectives, or record why not", row.Task);
        Assert.Equal($"/staff/{s.Ta.Id}/appraisal?year=2026", row.Link);
        Assert.Equal("27 November 2026", row.Due);
        Assert.Equal("Due soon", row.Status);
        Assert.DoesNotContain("govuk-tag--red", row.TagClass);
    }

    [SkippableFact]
    public async Task Get_AsAppraiserAfterTheDueDate_MarksSettingObjectivesOverdue()
    {
        // Arrange: the default dates, objectives due on 31 October
        var s = await SchoolAsync();

        // Act
        var page = await HomeAsync(s.Teacher, UserRole.LineManager);

        // Assert: the teacher's own objectives are not yet written, so only the appraiser's task shows
        Assert.Equal("As appraiser", Assert.Single(page.QuerySelectorAll(".lynchpin-appraisal-tasks caption")).TextContent.Trim());
        var row = Assert.Single(Tasks(page));
        Assert.Equal($"Set objectives with {s.Ta.FullName} and get them agreed", row.Task);
        Assert.Equal($"/staff/{s.Ta.Id}/appraisal?year=2026", row.Link);
        Assert.Equal("31 October 2026", row.Due);
        Assert.Equal("Overdue", row.Status);
        Assert.Contains("govuk-tag--red", row.TagClass);
    }

    [SkippableFact]
    public async Task Get_AsAppraiserAndAppraisee_ListsBothEarliestFirstWithReviewLinks()
    {
        // Arrange: the TA's objectives are agreed (a mid-year review is coming), the teacher's own are ready to agree
        var s = await SchoolAsync(SoonDates);
        await AgreedAsync(s.Ta);
        await ReadyAsync(s.Teacher);

        // Act
        var page = await HomeAsync(s.Teacher, UserRole.LineManager);

        // Assert: their own appraisal first, then those they appraise
        Assert.Equal(["For your own appraisal", "As appraiser"],
            page.QuerySelectorAll(".lynchpin-appraisal-tasks caption").Select(c => c.TextContent.Trim()));
        Assert.Equal(
            [
                ("Agree your objectives, or record why not", $"/staff/{s.Teacher.Id}/appraisal?year=2026", "27 November 2026", "Due soon"),
                ($"Mid-year review with {s.Ta.FullName}: rate each objective and sign", $"/staff/{s.Ta.Id}/appraisal/reviews/mid-year?year=2026", "18 December 2026", "To do"),
            ],
            Tasks(page).Select(r => (r.Task, r.Link, r.Due, r.Status)));
    }

    [SkippableFact]
    public async Task Get_ForAPersonToSignTheirReview_LinksToThatReview()
    {
        // Arrange: the teacher rates and signs the TA's mid-year review; it waits for the TA
        var s = await SchoolAsync(SoonDates);
        var appraisal = await AgreedAsync(s.Ta);
        var review = await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.StartAsync(appraisal.Id, ReviewKind.MidYear));
        AssertDone(review);
        var ratings = appraisal.Objectives.Select(o => new RatingInput(o.Id, Rating.OnTrack)).ToList();
        AssertDone(await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r =>
            r.SaveAsAppraiserAsync(review.Value!.Id, new AppraiserReviewInput(ratings, "Going well"))));
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiserAsync(review.Value!.Id, Leader)));

        // Act
        var page = await HomeAsync(s.Ta);

        // Assert
        var row = Assert.Single(Tasks(page));
        Assert.Equal("Read and sign your mid-year review", row.Task);
        Assert.Equal($"/staff/{s.Ta.Id}/appraisal/reviews/mid-year?year=2026", row.Link);
    }

    [SkippableFact]
    public async Task Get_WithNothingDue_SaysSo()
    {
        // Arrange: the TA has no objectives yet, so nothing waits on them
        var s = await SchoolAsync(SoonDates);

        // Act
        var page = await HomeAsync(s.Ta);

        // Assert
        Assert.Empty(Tasks(page));
        Assert.Contains("You have no appraisal tasks due.", page.QuerySelector("main")?.TextContent);
    }

    [SkippableFact]
    public async Task Get_AsAnAccountWithoutAStaffRecord_ShowsNoTasksSection()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Null(page.QuerySelector("#appraisal-tasks"));
        Assert.DoesNotContain("appraisal tasks", page.QuerySelector("main")?.TextContent);
    }
}
