using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>Opening a cycle from its page, running it again for late joiners, and its due dates; on 10 March 2026, both databases.</summary>
public abstract class OpenCyclePageTests(LynchpinAppFactory app) : SchoolAppraisalTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : OpenCyclePageTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : OpenCyclePageTests(app), IClassFixture<PostgresMarchAppFactory>;

    private sealed record Staffed(School School, StaffMember Head, StaffMember Teacher, StaffMember Ta, StaffMember Site, StaffMember Leaver, StaffMember Starter);

    /// <summary>A head, a teacher, a TA and a site manager in post; one who left in January and one who starts after Easter.</summary>
    private async Task<Staffed> StaffedAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, jobTitle: "Headteacher");
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head);
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher);
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site, head);
        var leaver = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, leavingDate: new DateOnly(2026, 1, 31));
        var starter = await Data.CreateStaffAsync(school, RoleFamily.Pastoral, head, startDate: new DateOnly(2026, 4, 20));
        return new Staffed(school, head, teacher, ta, site, leaver, starter);
    }

    private Task<List<(int StaffId, int? AppraiserId)>> AppraisalsAsync(School school, int year = 2025) =>
        Data.WithDbAsync(db => db.Appraisals.Where(a => a.Cycle.SchoolId == school.Id && a.Cycle.Year == year)
            .OrderBy(a => a.StaffMemberId).Select(a => new { a.StaffMemberId, a.AppraiserId }).ToListAsync())
            .ContinueWith(t => t.Result.Select(a => (a.StaffMemberId, a.AppraiserId)).ToList());

    [SkippableFact]
    public async Task Post_OpenWithThePrefilledDates_GivesEveryoneInPostAnAppraisal()
    {
        // Arrange
        var s = await StaffedAsync();
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/open?year=2025";
        var before = await PageAsync(client, url);

        // Act: the form as it comes, with the default dates
        using var response = await PostFormAsync(client, url, "Input.ObjectivesDue", new Dictionary<string, string>());
        var after = await PageAsync(client, url);

        // Assert: the page said who would get one, and they did: teaching and support alike, not the leaver or the later starter
        Assert.Equal("2025-10-31", before.GetElementById("Input_ObjectivesDue")?.GetAttribute("value"));
        Assert.Equal("2026-02-28", before.GetElementById("Input_MidYearDue")?.GetAttribute("value"));
        Assert.Equal("2026-07-15", before.GetElementById("Input_FinalDue")?.GetAttribute("value"));
        Assert.Contains("the 4 people in post on 10 March 2026 — 2 teaching and 2 support staff", Text(before.GetElementById("pending")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/schools/{s.School.Urn}/appraisal/open?year=2025", response.Headers.Location?.OriginalString);
        Assert.Equal(
            [(s.Head.Id, (int?)null), (s.Teacher.Id, s.Head.Id), (s.Ta.Id, s.Teacher.Id), (s.Site.Id, s.Head.Id)],
            await AppraisalsAsync(s.School));
        var cycle = await Data.WithDbAsync(db => db.AppraisalCycles.SingleAsync(c => c.SchoolId == s.School.Id));
        Assert.Equal((new DateOnly(2025, 10, 31), new DateOnly(2026, 2, 28), new DateOnly(2026, 7, 15)), (cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue));

        // the result, with the way to fix the appraisal without an appraiser
        Assert.Equal("Cycle opened: 4 new appraisals", Text(after.GetElementById("run-result")));
        var details = after.QuerySelectorAll("#run-details li").Select(Text).ToList();
        Assert.Equal("4 people in post on 10 March 2026 were given an appraisal, with their line manager as appraiser.", details[0]);
        Assert.StartsWith("Of these, 1 has no appraiser yet", details[1]);
        Assert.NotNull(after.QuerySelector($"#run-details a[href='/schools/{s.School.Urn}/appraisal/appraisers?year=2025&appraiser=none']"));
        Assert.Equal([s.Head.FullName + ", Headteacher"], after.QuerySelectorAll("#no-appraiser li").Select(Text));
        Assert.Equal("Save the due dates", Text(after.GetElementById("submit")));
    }

    [SkippableFact]
    public async Task Post_LateJoiners_AddsOnlyThoseWhoStartedSince()
    {
        // Arrange: the cycle opened in the autumn; a TA started in February
        var s = await StaffedAsync();
        await OpenAsync(s.School);
        var joiner = await Data.CreateStaffAsync(s.School, RoleFamily.LearningSupport, s.Teacher, startDate: new DateOnly(2026, 2, 23));
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/open?year=2025";
        var before = await PageAsync(client, url);

        // Act
        using var response = await PostFormAsync(client, url, "year", new Dictionary<string, string>(),
            remove: ["Input.ObjectivesDue", "Input.MidYearDue", "Input.FinalDue"]);
        var after = await PageAsync(client, url);

        // Assert: the leaver had one from the autumn; the starter after Easter still has none
        Assert.Equal("1 person who started since gets an appraisal when you run this again (0 teaching, 1 support staff).", Text(before.GetElementById("pending")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            [(s.Head.Id, (int?)null), (s.Teacher.Id, s.Head.Id), (s.Ta.Id, s.Teacher.Id), (s.Site.Id, s.Head.Id), (s.Leaver.Id, s.Head.Id), (joiner.Id, s.Teacher.Id)],
            await AppraisalsAsync(s.School));
        Assert.Equal("Appraisals added: 1 new appraisal", Text(after.GetElementById("run-result")));
        Assert.Equal("5 people already had one.", after.QuerySelectorAll("#run-details li").Select(Text).ElementAt(1));
        Assert.StartsWith("Everyone in post on 10 March 2026 has an appraisal.", Text(after.GetElementById("pending")));
    }

    [SkippableFact]
    public async Task Post_DatesOutOfOrderOrOutsideTheYear_Returns400WithErrorsAndOpensNothing()
    {
        // Arrange
        var s = await StaffedAsync();
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/open?year=2025";

        // Act
        using var outOfOrder = await PostFormAsync(client, url, "Input.ObjectivesDue", new Dictionary<string, string>
        {
            ["Input.ObjectivesDue"] = "2025-10-31",
            ["Input.MidYearDue"] = "2025-10-01",
            ["Input.FinalDue"] = "2026-09-15",
        });
        using var missing = await PostFormAsync(client, url, "Input.ObjectivesDue", new Dictionary<string, string>
        {
            ["Input.ObjectivesDue"] = "",
            ["Input.MidYearDue"] = "not a date",
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, outOfOrder.StatusCode);
        var page = await Html.ParseAsync(outOfOrder);
        Assert.Equal(
        [
            "The mid-year review must be due after the objectives",
            "The date for the final review must be in the school year 2025/26",
        ], ErrorSummary(page));
        Assert.Equal("#Input_MidYearDue", page.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Input_FinalDue-error"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Enter the date objectives are due", "Enter a real mid-year review date"], ErrorSummary(await Html.ParseAsync(missing)));
        Assert.False(await Data.WithDbAsync(db => db.AppraisalCycles.AnyAsync(c => c.SchoolId == s.School.Id)));
        Assert.Empty(await AppraisalsAsync(s.School));
    }

    [SkippableFact]
    public async Task Post_OpenCycle_SavesNewDueDatesAndKeepsTheAppraisals()
    {
        // Arrange
        var s = await StaffedAsync();
        await OpenAsync(s.School);
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/open?year=2025";

        // Act
        using var response = await PostFormAsync(client, url, "Input.ObjectivesDue", new Dictionary<string, string>
        {
            ["Input.ObjectivesDue"] = "2025-11-14",
            ["Input.MidYearDue"] = "2026-03-20",
            ["Input.FinalDue"] = "2026-07-10",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cycle = await Data.WithDbAsync(db => db.AppraisalCycles.SingleAsync(c => c.SchoolId == s.School.Id));
        Assert.Equal((new DateOnly(2025, 11, 14), new DateOnly(2026, 3, 20), new DateOnly(2026, 7, 10)), (cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue));
        Assert.Equal(5, (await AppraisalsAsync(s.School)).Count);
    }

    [SkippableFact]
    public async Task Post_AsALineManager_IsForbiddenAndOpensNothing()
    {
        // Arrange: a line manager may see the team's dashboard, not open the cycle
        var s = await StaffedAsync();
        using var leader = await LeaderOfAsync(s.School);
        using var manager = await LineManagerAsync(s.Teacher);
        using var page = await leader.GetAsync($"/schools/{s.School.Urn}/appraisal/open?year=2025");
        var form = Html.FormWithField(await Html.ParseAsync(page), "Input.ObjectivesDue");
        var values = Html.FormValues(form);

        // Act: the manager's own token, the leader's form
        using var tokenPage = await manager.GetAsync("/account/tokens");
        values["__RequestVerificationToken"] = Html.FormValues(Html.FormWithField(await Html.ParseAsync(tokenPage), "Input.Name"))["__RequestVerificationToken"];
        using var response = await manager.PostAsync($"/schools/{s.School.Urn}/appraisal/open", new FormUrlEncodedContent(values));
        using var lateJoiners = await manager.PostAsync($"/schools/{s.School.Urn}/appraisal/open?handler=LateJoiners", new FormUrlEncodedContent(values));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lateJoiners.StatusCode);
        Assert.False(await Data.WithDbAsync(db => db.AppraisalCycles.AnyAsync(c => c.SchoolId == s.School.Id)));
    }
}
