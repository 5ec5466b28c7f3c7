using System.Net;
using System.Text;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Schools;

/// <summary>/schools/{urn}/term-dates and its import: everyone at the school sees the year's dates, leaders add, remove and import them.</summary>
public abstract class TermDatesPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : TermDatesPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : TermDatesPageTests(app), IClassFixture<PostgresAppFactory>;

    private static string Url(School school, int year = 2026) => $"/schools/{school.Urn}/term-dates?year={year}";

    private async Task<(School School, HttpClient Leader)> SchoolWithLeaderAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));
        return (school, leader);
    }

    private Task<List<SchoolTermDate>> StoredAsync(School school) =>
        Data.WithDbAsync(async db => (await db.SchoolTermDates.AsNoTracking().Where(t => t.SchoolId == school.Id).ToListAsync())
            .OrderBy(t => t.Start).ThenBy(t => t.Kind).ToList());

    [SkippableFact]
    public async Task Get_NoTermDates_WarnsThatEveryWeekdayCountsAndStaffSeeNoForm()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching);
        using var staff = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: teacher));

        // Act
        using var leaderPage = await leader.GetAsync(Url(school));
        using var staffPage = await staff.GetAsync(Url(school));

        // Assert
        var document = await PageAssert.OkAsync(leaderPage);
        Assert.Contains("No term dates for 2026/27 yet", PageAssert.Text(document.QuerySelector("#no-term-dates")));
        Assert.NotNull(document.QuerySelector("form[method=post] #Input_Start"));
        var staffDocument = await PageAssert.OkAsync(staffPage);
        Assert.NotNull(staffDocument.QuerySelector("#no-term-dates"));
        Assert.Null(staffDocument.QuerySelector("#Input_Start"));
    }

    [SkippableFact]
    public async Task Post_TermAndHalfTerm_AreStoredShownAndCountedInSchoolDays()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;

        // Act
        using var term = await PageForms.SubmitAsync(leader, Url(school), "Input.Start", new Dictionary<string, string>
        {
            ["Input.Kind"] = "term",
            ["Input.Start"] = "2026-09-02",
            ["Input.End"] = "2026-12-18",
            ["Input.Name"] = "Autumn term",
        });
        using var halfTerm = await PageForms.SubmitAsync(leader, Url(school), "Input.Start", new Dictionary<string, string>
        {
            ["Input.Kind"] = "holiday",
            ["Input.Start"] = "2026-10-26",
            ["Input.End"] = "2026-10-30",
            ["Input.Name"] = "Half term",
        });
        using var page = await leader.GetAsync(Url(school));

        // Assert
        PageAssert.RedirectsTo(term, Url(school));
        PageAssert.RedirectsTo(halfTerm, Url(school));
        var document = await PageAssert.OkAsync(page);
        Assert.Equal(
            [("term", "2 September 2026 to 18 December 2026"), ("holiday", "26 October 2026 to 30 October 2026")],
            document.QuerySelectorAll("#term-dates tbody tr").Select(r => (r.GetAttribute("data-kind"), PageAssert.Text(r.QuerySelector("td")))));
        // 2 Sep to 18 Dec has 78 weekdays; half term takes 5.
        Assert.Equal("73 school days in 2026/27.", PageAssert.Text(document.QuerySelector("#school-days")));
        Assert.Equal(2, (await StoredAsync(school)).Count);
    }

    [SkippableFact]
    public async Task Post_NoKindAndEndBeforeStartOrAnOverlappingTerm_Returns400WithEveryErrorAndStoresNothing()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;

        // Act
        using var bad = await PageForms.SubmitAsync(leader, Url(school), "Input.Start", new Dictionary<string, string>
        {
            ["Input.Kind"] = "",
            ["Input.Start"] = "2026-12-18",
            ["Input.End"] = "2026-09-02",
        });
        using var first = await PageForms.SubmitAsync(leader, Url(school), "Input.Start", new Dictionary<string, string>
        {
            ["Input.Kind"] = "term",
            ["Input.Start"] = "2026-09-02",
            ["Input.End"] = "2026-12-18",
        });
        using var overlapping = await PageForms.SubmitAsync(leader, Url(school), "Input.Start", new Dictionary<string, string>
        {
            ["Input.Kind"] = "term",
            ["Input.Start"] = "2026-12-01",
            ["Input.End"] = "2027-03-26",
        });

        // Assert
        await PageAssert.FormErrorsAsync(bad, "Input_Kind", "Input_End");
        var document = await PageAssert.FormErrorsAsync(overlapping, "Input_Start");
        Assert.Contains("Term from 1 December 2026 to 26 March 2027 overlaps Term from 2 September 2026 to 18 December 2026",
            PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        Assert.Equal([new DateOnly(2026, 9, 2)], (await StoredAsync(school)).Select(t => t.Start));
    }

    [SkippableFact]
    public async Task Post_Remove_TakesTheDatesAway()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;
        using var added = await PageForms.SubmitAsync(leader, Url(school), "Input.Start", new Dictionary<string, string>
        {
            ["Input.Kind"] = "inset",
            ["Input.Start"] = "2026-11-13",
            ["Input.End"] = "",
        });
        var id = Assert.Single(await StoredAsync(school)).Id;

        // Act
        var token = await PageForms.AntiforgeryTokenAsync(leader);
        using var removed = await leader.PostAsync($"/schools/{school.Urn}/term-dates?handler=Remove&id={id}&year=2026",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await StoredAsync(school));
    }

    [SkippableFact]
    public async Task Post_ImportFile_ReplacesTheYearAndGoesBackToTheTermDates()
    {
        // Arrange
        var (school, leader) = await SchoolWithLeaderAsync();
        using var _ = leader;
        using var page = await leader.GetAsync($"/schools/{school.Urn}/import-calendar");
        var document = await PageAssert.OkAsync(page);
        var form = Html.FormWithField(document, "Upload");
        var file = Encoding.UTF8.GetBytes("start,end,kind,name\n02/09/2026,18/12/2026,term,Autumn term\n2026-10-26,2026-10-30,holiday,Half term\n");

        // Act
        using var response = await Html.SubmitWithFileAsync(leader, form, Html.FormValues(form), "Upload", "calendar.csv", file, page.RequestMessage!.RequestUri!);

        // Assert
        PageAssert.RedirectsTo(response, $"/schools/{school.Urn}/term-dates");
        Assert.Equal(
            [(new DateOnly(2026, 9, 2), CalendarDayKind.Term), (new DateOnly(2026, 10, 26), CalendarDayKind.Holiday)],
            (await StoredAsync(school)).Select(t => (t.Start, t.Kind)));
    }
}
