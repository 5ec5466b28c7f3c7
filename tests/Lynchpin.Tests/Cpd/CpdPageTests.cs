using System.Net;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Cpd;

/// <summary>
/// CPD over HTTP: a TA asks, her line manager approves, the budget holder approves the cost; she evaluates an activity and
/// her line manager adds a view; the school's CPD page and budget; bad input is a 400; others are refused.
/// </summary>
public abstract class CpdPageTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CpdPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CpdPageTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record People(School School, StaffMember Senco, StaffMember Ta, StaffMember Other, TestUser TaUser, TestUser SencoUser, TestUser Leader);

    private async Task<People> SchoolAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var senco = await Data.CreateStaffAsync(school, RoleFamily.Teaching, jobTitle: "SENCo");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, senco, jobTitle: "Teaching Assistant");
        var other = await Data.CreateStaffAsync(school, RoleFamily.Site, jobTitle: "Site manager");
        return new People(school, senco, ta, other,
            await Data.CreateUserAsync(UserRole.Staff, staff: ta),
            await Data.CreateUserAsync(UserRole.LineManager, staff: senco),
            await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));
    }

    private static Dictionary<string, string> Request(string title, string cost) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = "course",
        ["Input.Provider"] = "Kirklees Learning Partnership",
        ["Input.StartDate"] = "2027-03-04",
        ["Input.EndDate"] = "",
        ["Input.Hours"] = "6",
        ["Input.Cost"] = cost,
        ["Input.Reason"] = "To plan and teach whole-class phonics sessions",
    };

    [SkippableFact]
    public async Task Get_Home_ShowsTheLineManagerTheRequestToDecide_AndTheTaTheEvaluationDue()
    {
        // Arrange: the TA asks for a course; an activity of hers ended ten weeks ago, not yet evaluated.
        var p = await SchoolAsync();
        using var ta = await App.CreateSignedInClientAsync(p.TaUser);
        using var senco = await App.CreateSignedInClientAsync(p.SencoUser);
        using var other = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: p.Other));
        var title = $"Phonics for TAs {TestData.Unique()}";
        using var asked = await PageForms.SubmitAsync(ta, $"/staff/{p.Ta.Id}/cpd/request", "Input.Title", Request(title, "0"));
        var request = await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Title == title));
        var ended = AppToday.AddDays(-70);
        var activity = await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(p.School.Id, new CpdActivityInput(
            "Team Teach refresher", CpdKind.Course, null, ended, ended, 6m, 0m, null, [new AttendeeInput(p.Ta.Id)]), Leader));
        AssertDone(activity);
        var attendanceId = await Data.WithDbAsync(db => db.CpdAttendances.Where(a => a.StaffMemberId == p.Ta.Id).Select(a => a.Id).SingleAsync());

        // Act
        var sencoHome = await PageAssert.OkAsync(await senco.GetAsync("/"));
        var taHome = await PageAssert.OkAsync(await ta.GetAsync("/"));
        var otherHome = await PageAssert.OkAsync(await other.GetAsync("/"));

        // Assert
        var decide = Assert.Single(sencoHome.QuerySelectorAll("#cpd-task-list li"));
        Assert.Equal("DecideAsLineManager", decide.GetAttribute("data-kind"));
        Assert.Equal($"/schools/{p.School.Urn}/cpd/requests/{request.Id}", decide.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(title, decide.TextContent, StringComparison.Ordinal);
        var evaluate = Assert.Single(taHome.QuerySelectorAll("#cpd-task-list li"));
        Assert.Equal(($"/staff/{p.Ta.Id}/cpd/evaluations/{attendanceId}", "Evaluate Team Teach refresher"),
            (evaluate.QuerySelector("a")!.GetAttribute("href"), evaluate.QuerySelector("a")!.TextContent.Trim()));
        Assert.Null(otherHome.QuerySelector("#cpd-task-list"));
        Assert.Contains("You have no CPD tasks.", otherHome.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_TaRequests_SencoApproves_BudgetHolderApprovesTheCost()
    {
        // Arrange
        var p = await SchoolAsync();
        using var ta = await App.CreateSignedInClientAsync(p.TaUser);
        using var senco = await App.CreateSignedInClientAsync(p.SencoUser);
        using var leader = await App.CreateSignedInClientAsync(p.Leader);
        var title = $"Phonics for TAs {TestData.Unique()}";

        // Act
        using var asked = await PageForms.SubmitAsync(ta, $"/staff/{p.Ta.Id}/cpd/request", "Input.Title", Request(title, "120"));
        var request = await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Title == title));
        var url = $"/schools/{p.School.Urn}/cpd/requests/{request.Id}";
        using var byManager = await PageForms.SubmitAsync(senco, url, "Input.Reason", new Dictionary<string, string>());
        var afterManager = await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Id == request.Id));
        using var byHolder = await PageForms.SubmitAsync(leader, url, "Input.Reason", new Dictionary<string, string>());

        // Assert
        PageAssert.RedirectsTo(asked, $"/staff/{p.Ta.Id}/cpd#requests");
        PageAssert.RedirectsTo(byManager, url);
        Assert.Equal(CpdRequestStatus.WithBudgetHolder, afterManager.Status);
        PageAssert.RedirectsTo(byHolder, url);
        var stored = await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Id == request.Id));
        Assert.Equal(CpdRequestStatus.Approved, stored.Status);
        Assert.NotNull(stored.LineManagerName);
        var page = await PageAssert.OkAsync(await ta.GetAsync($"/staff/{p.Ta.Id}/cpd"));
        Assert.Contains(title, page.QuerySelector("#requests")!.ParentElement!.TextContent);
    }

    [SkippableFact]
    public async Task Post_RequestWithoutTitleOrReason_IsA400WithEachError_AndNothingSaved()
    {
        // Arrange
        var p = await SchoolAsync();
        using var ta = await App.CreateSignedInClientAsync(p.TaUser);
        var form = Request("", "120");
        form["Input.Reason"] = "";

        // Act
        using var response = await PageForms.SubmitAsync(ta, $"/staff/{p.Ta.Id}/cpd/request", "Input.Title", form);

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_Title", "Input_Reason");
        Assert.Equal(0, await Data.WithDbAsync(db => db.CpdRequests.CountAsync(r => r.StaffMemberId == p.Ta.Id)));
    }

    [SkippableFact]
    public async Task Post_DeclineWithoutAReason_IsA400_AndTheRequestWaitsStill()
    {
        // Arrange
        var p = await SchoolAsync();
        var request = (await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.CreateAsync(p.Ta.Id,
            new CpdRequestInput("Makaton level 1", CpdKind.Course, null, new DateOnly(2027, 2, 1), null, 3m, 0m, "To sign with pupils in Year 1", null)))).Value!;
        using var senco = await App.CreateSignedInClientAsync(p.SencoUser);
        var url = $"/schools/{p.School.Urn}/cpd/requests/{request.Id}";
        var (form, values, pageUri) = await PageForms.OpenAsync(senco, url, "Input.Reason");
        values["Input.Reason"] = "";

        // Act
        using var response = await senco.PostAsync(new Uri(pageUri, $"{url}?handler=Decline"), new FormUrlEncodedContent(values));

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_Reason");
        Assert.Equal(CpdRequestStatus.WithLineManager, (await Data.WithDbAsync(db => db.CpdRequests.SingleAsync(r => r.Id == request.Id))).Status);
    }

    [SkippableFact]
    public async Task Get_SomeoneElsesRequestOrCpd_Is403ForAColleague()
    {
        // Arrange
        var p = await SchoolAsync();
        var request = (await WithAsync<CpdRequests, Result<CpdRequest>>(r => r.CreateAsync(p.Ta.Id,
            new CpdRequestInput("Makaton level 1", CpdKind.Course, null, new DateOnly(2027, 2, 1), null, 3m, 0m, "To sign with pupils in Year 1", null)))).Value!;
        using var other = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: p.Other));

        // Act
        using var requestPage = await other.GetAsync($"/schools/{p.School.Urn}/cpd/requests/{request.Id}");
        using var cpdPage = await other.GetAsync($"/staff/{p.Ta.Id}/cpd");
        using var askForHer = await other.GetAsync($"/staff/{p.Ta.Id}/cpd/request");
        using var schoolCpd = await other.GetAsync($"/schools/{p.School.Urn}/cpd");

        // Assert
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [requestPage.StatusCode, cpdPage.StatusCode, askForHer.StatusCode, schoolCpd.StatusCode]);
    }

    [SkippableFact]
    public async Task Post_TaEvaluatesAnActivity_ThenHerLineManagerAddsAView()
    {
        // Arrange: a course that ended two months ago.
        var p = await SchoolAsync();
        var activity = (await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(p.School.Id,
            new CpdActivityInput("Precision teaching", CpdKind.Course, "Local authority", AppToday.AddMonths(-2), AppToday.AddMonths(-2), 6m, 80m, null,
                [new AttendeeInput(p.Ta.Id)]), Leader))).Value!;
        var attendance = await Data.WithDbAsync(db => db.CpdAttendances.SingleAsync(a => a.ActivityId == activity.Id));
        using var ta = await App.CreateSignedInClientAsync(p.TaUser);
        using var senco = await App.CreateSignedInClientAsync(p.SencoUser);
        var url = $"/staff/{p.Ta.Id}/cpd/evaluations/{attendance.Id}";

        // Act
        using var evaluated = await PageForms.SubmitAsync(ta, url, "Input.Comment", new Dictionary<string, string>
        {
            ["Input.Reaction"] = "strong",
            ["Input.Learning"] = "some",
            ["Input.UseInPractice"] = "some",
            ["Input.EffectOnPupils"] = "little",
            ["Input.Comment"] = "I run a daily precision teaching slot for three pupils in Year 3.",
        });
        using var viewed = await PageForms.SubmitAsync(senco, url, "Input.LineManagerView", new Dictionary<string, string>
        {
            ["Input.LineManagerView"] = "Two of the three pupils now read the Year 3 words.",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, viewed.StatusCode);
        var stored = await Data.WithDbAsync(db => db.CpdEvaluations.SingleAsync(e => e.AttendanceId == attendance.Id));
        Assert.Equal((ImpactRating.Strong, ImpactRating.Little, "Two of the three pupils now read the Year 3 words."),
            (stored.Reaction, stored.EffectOnPupils, stored.LineManagerView));
    }

    [SkippableFact]
    public async Task Post_BudgetAsLeader_IsSavedAndShownOnTheSchoolsCpdPage()
    {
        // Arrange
        var p = await SchoolAsync();
        using var leader = await App.CreateSignedInClientAsync(p.Leader);
        var year = Core.Progression.SchoolYear.Of(AppToday);

        // Act
        using var saved = await PageForms.SubmitAsync(leader, $"/schools/{p.School.Urn}/cpd/budget?year={year}", "Input.Amount",
            new Dictionary<string, string> { ["Input.Amount"] = "4500" });
        using var bad = await PageForms.SubmitAsync(leader, $"/schools/{p.School.Urn}/cpd/budget?year={year}", "Input.Amount",
            new Dictionary<string, string> { ["Input.Amount"] = "-1" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await PageAssert.FormErrorsAsync(bad, "Input_Amount");
        Assert.Equal(4500m, (await Data.WithDbAsync(db => db.CpdBudgets.SingleAsync(b => b.SchoolId == p.School.Id))).Amount);
        var page = await PageAssert.OkAsync(await leader.GetAsync($"/schools/{p.School.Urn}/cpd?year={year}"));
        Assert.Contains("£4,500", page.Body!.TextContent);
    }
}
