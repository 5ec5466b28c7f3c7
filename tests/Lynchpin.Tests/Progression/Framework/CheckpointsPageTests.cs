using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Progression.Framework;

/// <summary>
/// /schools/{urn}/checkpoints: the year's four dates, the school's own or the default, and the leaders' form.
/// Year 2025/26, whose default dates are 10 Oct 2025, 19 Dec 2025, 27 Mar 2026 and 17 Jul 2026.
/// </summary>
public sealed class CheckpointsPageTests(SqliteAppFactory app) : IntegrationTest(app), IClassFixture<SqliteAppFactory>
{
    private const int Year = 2025;

    private static string Url(School school, int year = Year) => $"/schools/{school.Urn}/checkpoints?year={year}";

    private static Dictionary<string, string> Dates(string first, string second, string third, string fourth) => new()
    {
        ["Input.Checkpoint1"] = first,
        ["Input.Checkpoint2"] = second,
        ["Input.Checkpoint3"] = third,
        ["Input.Checkpoint4"] = fourth,
    };

    private async Task<IReadOnlyList<CheckpointInfo>> CheckpointsAsync(School school, int year = Year)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProfileCalculator>().CheckpointsAsync(school.Id, year);
    }

    private Task<List<CheckpointDate>> StoredAsync(School school) =>
        Data.WithDbAsync(db => db.CheckpointDates.AsNoTracking().Where(c => c.SchoolId == school.Id).OrderBy(c => c.Year).ThenBy(c => c.Checkpoint).ToListAsync());

    private async Task<(School School, HttpClient Leader)> SchoolWithLeaderAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));
        return (school, leader);
    }

    [SkippableFact]
    public async Task Get_SchoolWithoutItsOwnDates_ShowsTheDefaultsMarkedDefault()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;

        // Act
        using var response = await leader.GetAsync(Url(school));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await Html.ParseAsync(response)).QuerySelectorAll("#checkpoints tbody tr");
        Assert.Equal(["2025-10-10", "2025-12-19", "2026-03-27", "2026-07-17"], rows.Select(r => r.QuerySelector("[data-date]")!.GetAttribute("data-date")));
        Assert.Equal("1. First six weeks", rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.All(rows, r => Assert.Equal("Default", r.QuerySelector(".govuk-tag")!.TextContent.Trim()));
    }

    [SkippableFact]
    public async Task Post_LeaderSetsDates_StoresThemAndTheCalculatorUsesThem()
    {
        // Arrange: checkpoints 1 and 3 move; 2 and 4 stay on the default
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, Url(school), "Input.Checkpoint1",
            Dates("2025-10-17", "2025-12-19", "2026-03-20", "2026-07-17"));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url(school), response.Headers.Location!.OriginalString);
        var checkpoints = await CheckpointsAsync(school);
        Assert.Equal([new DateOnly(2025, 10, 17), new DateOnly(2025, 12, 19), new DateOnly(2026, 3, 20), new DateOnly(2026, 7, 17)],
            checkpoints.Select(c => c.Date));
        // Only the dates that differ from the default are stored.
        Assert.Equal([(1, new DateOnly(2025, 10, 17)), (3, new DateOnly(2026, 3, 20))], (await StoredAsync(school)).Select(c => (c.Checkpoint, c.Date)));
        using var page = await leader.GetAsync(Url(school));
        var document = await Html.ParseAsync(page);
        var tags = document.QuerySelectorAll("#checkpoints tbody tr .govuk-tag").Select(t => t.TextContent.Trim());
        Assert.Equal(["The school", "Default", "The school", "Default"], tags);
        Assert.Contains("checkpoint dates for 2025/26 are saved", document.QuerySelector(".govuk-notification-banner")!.TextContent);
    }

    [SkippableFact]
    public async Task Post_DateSetBackToTheDefault_RemovesTheSchoolsRow()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;
        using var first = await FrameworkForms.SubmitAsync(leader, Url(school), "Input.Checkpoint1", Dates("2025-10-17", "2025-12-12", "2026-03-27", "2026-07-17"));

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, Url(school), "Input.Checkpoint1", Dates("2025-10-10", "2025-12-12", "2026-03-27", "2026-07-17"));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([(2, new DateOnly(2025, 12, 12))], (await StoredAsync(school)).Select(c => (c.Checkpoint, c.Date)));
        Assert.Equal(new DateOnly(2025, 10, 10), (await CheckpointsAsync(school))[0].Date);
    }

    public static TheoryData<string, string, string, string, string, string> BadDates => new()
    {
        // Out of order: the spring date before the autumn one.
        { "2025-10-10", "2026-03-27", "2025-12-19", "2026-07-17", "Input_Checkpoint3", "The date of checkpoint 3 must be after the date of checkpoint 2" },
        // The same day twice is not in order either.
        { "2025-10-10", "2025-10-10", "2026-03-27", "2026-07-17", "Input_Checkpoint2", "The date of checkpoint 2 must be after the date of checkpoint 1" },
        // Before the school year starts.
        { "2025-08-29", "2025-12-19", "2026-03-27", "2026-07-17", "Input_Checkpoint1", "The date of checkpoint 1 must be in the school year 2025/26, 1 September 2025 to 31 August 2026" },
        // After it ends.
        { "2025-10-10", "2025-12-19", "2026-03-27", "2026-09-04", "Input_Checkpoint4", "The date of checkpoint 4 must be in the school year 2025/26" },
        // Missing.
        { "2025-10-10", "", "2026-03-27", "2026-07-17", "Input_Checkpoint2", "Enter the date of checkpoint 2, end of autumn term" },
        // Not a date.
        { "2025-10-10", "2025-12-19", "the spring", "2026-07-17", "Input_Checkpoint3", "Enter a real date of checkpoint 3" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadDates))]
    public async Task Post_InvalidDates_Returns400AndStoresNothing(string first, string second, string third, string fourth, string fieldId, string message)
    {
        // Arrange: one date is already the school's own, and must survive the bad post
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;
        using var earlier = await FrameworkForms.SubmitAsync(leader, Url(school), "Input.Checkpoint1", Dates("2025-10-10", "2025-12-12", "2026-03-27", "2026-07-17"));
        var before = await StoredAsync(school);

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, Url(school), "Input.Checkpoint1", Dates(first, second, third, fourth));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await Html.ErrorSummaryAsync(response));
        var document = await Html.ParseAsync(response);
        Assert.NotNull(document.QuerySelector($".govuk-error-summary a[href='#{fieldId}']"));
        Assert.NotNull(document.QuerySelector($"#{fieldId}-error"));
        Assert.Equal(before.Select(c => (c.Checkpoint, c.Date)), (await StoredAsync(school)).Select(c => (c.Checkpoint, c.Date)));
        Assert.Equal([(2, new DateOnly(2025, 12, 12))], before.Select(c => (c.Checkpoint, c.Date)));
    }

    [SkippableFact]
    public async Task Post_StaffAccount_ReadsTheDatesButMayNotChangeThem()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var teacher = await Data.CreateStaffAsync(school);
        using var staff = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: teacher));
        var values = Dates("2025-10-17", "2025-12-19", "2026-03-27", "2026-07-17");
        values["year"] = Year.ToString();
        values["__RequestVerificationToken"] = await FrameworkForms.AntiforgeryTokenAsync(staff);

        // Act
        using var read = await staff.GetAsync(Url(school));
        using var post = await staff.PostAsync($"/schools/{school.Urn}/checkpoints", new FormUrlEncodedContent(values));

        // Assert
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Null((await Html.ParseAsync(read)).QuerySelector("input[name='Input.Checkpoint1']"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await StoredAsync(school));
    }

    [SkippableFact]
    public async Task Get_NoYearGiven_ShowsTheCurrentSchoolYear()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;
        var current = SchoolYear.Of(DateOnly.FromDateTime(DateTime.Today));

        // Act
        using var response = await leader.GetAsync($"/schools/{school.Urn}/checkpoints");

        // Assert
        var document = await Html.ParseAsync(response);
        Assert.Contains(SchoolYear.Name(current), document.QuerySelector("h1")!.TextContent);
        Assert.Equal(current.ToString(), document.QuerySelector("#year option[selected]")!.GetAttribute("value"));
        Assert.Equal(SchoolYear.DefaultDate(current, 1).ToString("yyyy-MM-dd"), document.QuerySelector("#Input_Checkpoint1")!.GetAttribute("value"));
    }
}
