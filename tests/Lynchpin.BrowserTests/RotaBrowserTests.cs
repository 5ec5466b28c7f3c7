using System.Globalization;
using System.Text;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The demo head sets up observations at Northfield Academy through the pages: imports a two-week timetable for four
/// teachers and four observers (three of them pastoral or support staff), sets week A, makes a two-week rota, reads
/// the report and the checker's pass, and opens coverage; the rota and coverage pages fit a phone's width.
/// </summary>
public class RotaBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_ImportsTimetableAndObservers_SetsWeekA_MakesARota_SeesReportCheckerAndCoverage() => RunAsync(async page =>
    {
        // Arrange: four teachers (not on the SLT) to observe; a senior leader and three pastoral or support staff to observe them.
        var (teachers, observers) = await ChooseStaffAsync();
        var weekA = NextMonday(DateOnly.FromDateTime(DateTime.Now));
        var dir = Directory.CreateTempSubdirectory("rota-browser");
        var timetable = Path.Combine(dir.FullName, "timetable.csv");
        var observerFile = Path.Combine(dir.FullName, "observers.csv");
        await File.WriteAllTextAsync(timetable, TimetableCsv(teachers), Encoding.UTF8);
        await File.WriteAllTextAsync(observerFile, "staff_ref,visits,year_group\n" + string.Join("\n", observers.Select(o => $"{o.StaffRef},2,")), Encoding.UTF8);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);

        // Act: the hub from the navigation
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Observations", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/observations");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "observations-hub-before");

        // Act: import the timetable and the observers
        await page.GetByRole(AriaRole.Link, new() { Name = "Import the timetable" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("File of the timetable").SetInputFilesAsync(timetable);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the timetable" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.StartsWith("Timetable imported: 40 lessons", await SuccessBannerAsync(page), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import the observers" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("File of the observers").SetInputFilesAsync(observerFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the observers" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.StartsWith("4 observers, 3 of them pastoral or support staff", (await page.Locator("#setup-observers").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        // Act: week A
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the calendar" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Date week A starts").FillAsync(weekA.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the week A date" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.StartsWith("Week A starts on", await SuccessBannerAsync(page), StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "observations-settings");

        // Act: make a two-week rota
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/observations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a rota" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("First day").FillAsync(weekA.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Last day").FillAsync(weekA.AddDays(11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Learning walk").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Make the rota") }).ClickAsync();
        await page.Locator("#rota-summary").WaitForAsync(new() { Timeout = 60_000 });

        // Assert: the report, every visit placed, the checker's pass
        var status = (await page.Locator("#rota-status").TextContentAsync())!.Trim();
        Assert.True(status.StartsWith("Optimal", StringComparison.Ordinal) || status.StartsWith("Feasible", StringComparison.Ordinal), status);
        Assert.Equal(8, await page.Locator("tr[data-visit-id]").CountAsync());
        Assert.True(await page.Locator("#checker-pass").IsVisibleAsync());
        Assert.Equal(7, await page.Locator("#goals tbody tr").CountAsync());
        Assert.Equal("Every observer gets the visits they asked for: 8 visits in all.", (await page.Locator("#rota-summary li").First.InnerTextAsync()).Trim());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "rota");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "rota-375");

        // Act: coverage over the rota's dates
        await page.GetByRole(AriaRole.Link, new() { Name = "Coverage over these dates" }).ClickAsync();
        await page.Locator("#coverage-table").WaitForAsync();

        // Assert: the four teachers are listed with two visits planned each; nothing recorded yet
        foreach (var teacher in teachers)
        {
            var cells = await page.Locator($"#coverage-table tr[data-staff-ref='{teacher.StaffRef}'] td").AllInnerTextsAsync();
            Assert.Equal("2", cells[^1].Trim());
        }
        Assert.Equal("No visits have been recorded in these dates yet.", (await page.Locator("#share-sentence").InnerTextAsync()).Trim());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "coverage");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "coverage-375");
        dir.Delete(recursive: true);
    });

    private static async Task<string> SuccessBannerAsync(IPage page) =>
        (await page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading").InnerTextAsync()).Trim();

    /// <summary>Each teacher has five lessons in week A and five in week B, in different periods and days.</summary>
    private static string TimetableCsv(IReadOnlyList<StaffMember> teachers)
    {
        var lines = new List<string> { "week,day,period,start,end,staff_ref,class,subject,year_group,room" };
        string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri"];
        for (var t = 0; t < teachers.Count; t++)
        {
            foreach (var week in new[] { "A", "B" })
            {
                for (var d = 0; d < days.Length; d++)
                {
                    var period = (t + d + (week == "B" ? 2 : 0)) % 5 + 1;
                    var start = new TimeOnly(8, 50).AddMinutes(60 * (period - 1));
                    lines.Add($"{week},{days[d]},{period},{start:HH\\:mm},{start.AddMinutes(55):HH\\:mm},{teachers[t].StaffRef},{7 + t}X{d + 1},Subject {t + 1},{7 + t},R{t + 1}");
                }
            }
        }
        return string.Join("\n", lines);
    }

    private static DateOnly NextMonday(DateOnly today) => today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);

    /// <summary>Four teachers in post, not on the SLT nor observers; a senior leader and three pastoral or support staff as observers.</summary>
    private async Task<(IReadOnlyList<StaffMember> Teachers, IReadOnlyList<StaffMember> Observers)> ChooseStaffAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var staff = (await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id).OrderBy(s => s.StaffRef).ToListAsync())
            .Where(s => (s.StartDate is null || s.StartDate <= today) && (s.LeavingDate is null || s.LeavingDate > today.AddDays(60))).ToList();
        var slt = staff.First(s => s.Slt);
        var pastoralOrSupport = staff.Where(s => !s.Slt && ObserverKinds.Of(s).IsPastoralOrSupport()).Take(3).ToList();
        var teachers = staff.Where(s => !s.Slt && s.RoleFamily == RoleFamily.Teaching).Take(4).ToList();
        Assert.Equal(3, pastoralOrSupport.Count);
        Assert.Equal(4, teachers.Count);
        return (teachers, [slt, .. pastoralOrSupport]);
    }
}
