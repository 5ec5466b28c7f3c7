using System.Text;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// An achievement coordinator records a learning walk on a phone: Northfield Academy gets a small timetable and a rota
/// over the last two weeks with Nadia Farouk (Achievement Coordinator, Year 9) as its observer, made by the app's services;
/// she signs in at 375 px wide, opens My visits, records her walk and finds it listed, and the head's coverage page counts it.
/// No page scrolls sideways.
/// </summary>
public class RecordingBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string ObserverRef = "NA076";

    [SkippableFact]
    public Task PastoralObserver_RecordsALearningWalkAtPhoneWidth_AndSeesItListed() => RunAsync(async page =>
    {
        // Arrange: the head watches coverage over the rota's dates in a browser of her own
        var visit = await ArrangeRotaAsync();
        await using var headContext = await Browser.NewContextAsync();
        var head = await headContext.NewPageAsync();
        await SignInAsDemoUserAsync(head, DemoData.HeadEmail);
        var coverageUrl = $"/schools/{DemoData.SecondaryUrn}/observations/coverage?from={visit.Date:yyyy-MM-dd}&to={visit.Date:yyyy-MM-dd}";
        var recordsBefore = await CoverageRecordsAsync(head, coverageUrl);
        var (email, password) = await Browser.CreateUserAsync(UserRole.Staff, schoolUrn: DemoData.SecondaryUrn, staffRef: ObserverRef);
        await page.SetViewportSizeAsync(375, 812);
        await SignInAsync(page, email, password);

        // Act: My visits
        await page.GotoAsync("/observations/visits");

        // Assert: her visit, with its lesson and a Record link
        var card = page.Locator(".lynchpin-visit").Filter(new() { Has = page.Locator($"a[href='/observations/records/new?visit={visit.Id}']") });
        Assert.Equal(1, await card.CountAsync());
        var cardText = await card.InnerTextAsync();
        Assert.Contains(visit.Class, cardText, StringComparison.Ordinal);
        Assert.Contains(visit.Room, cardText, StringComparison.Ordinal);
        await AssertFitsTheScreenAsync(page);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "my-visits-phone");

        // Act: record the walk
        await card.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record") }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/observations/records/new", StringComparison.Ordinal));
        Assert.Contains("will not see this record", await page.Locator("#sharing").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsTheScreenAsync(page);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "record-form-phone");
        var answer = $"Pupils were solving simultaneous equations by elimination ({Guid.NewGuid():N}).";
        await page.GetByLabel("Arrived").FillAsync("09:05");
        await page.GetByLabel("Left").FillAsync("09:20");
        await page.GetByLabel("What are pupils learning?").FillAsync(answer);
        await page.GetByLabel("Notes on learning (optional)").FillAsync("Two pupils explained it to the class.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save record" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        // Assert: the record as saved
        Assert.Contains(answer, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsTheScreenAsync(page);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "record-view-phone");

        // Act: back to My visits
        await page.GotoAsync("/observations/visits");

        // Assert: listed under her records, and the visit now links to it
        var recordId = await RecordIdAsync(visit.Id);
        Assert.Equal(1, await page.Locator($"#written ~ ul a[href='/observations/records/{recordId}']").CountAsync());
        Assert.Equal(0, await card.CountAsync());
        Assert.Contains("Recorded", await page.Locator(".lynchpin-visit").Filter(new() { Has = page.Locator($"a[href='/observations/records/{recordId}']") }).InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsTheScreenAsync(page);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "my-visits-recorded-phone");

        // Assert: the head's coverage counts the walk, made by pastoral staff, and its answer is among the themes
        Assert.Equal(recordsBefore + 1, await CoverageRecordsAsync(head, coverageUrl));
        Assert.Contains("pastoral", await head.Locator("#share-sentence").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("simultaneous", await head.Locator("#themes").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(head);
        await SaveScreenshotAsync(head, "coverage-after-walk");

        // Act: the calendar page
        await page.GotoAsync("/observations/calendar");

        // Assert
        Assert.EndsWith(".ics", await page.Locator("#feed-url").InputValueAsync(), StringComparison.Ordinal);
        await AssertFitsTheScreenAsync(page);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "calendar-phone");
    });

    /// <summary>How many records the coverage page counts over its range, read from its summary sentence.</summary>
    private static async Task<int> CoverageRecordsAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var summary = await page.Locator("#coverage-summary").InnerTextAsync();
        var match = System.Text.RegularExpressions.Regex.Match(summary, @"in (\d+) records?\.");
        Assert.True(match.Success, summary);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>No sideways scroll: the page is no wider than the window.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{page.Url} is {scrollWidth} px wide in a {innerWidth} px window");
    }

    /// <summary>
    /// Period 1 maths and period 2 English in Year 9 every weekday, Nadia Farouk the one observer (a visit, focus Year 9), and a
    /// learning-walk rota over the last two weeks; returns her visit.
    /// </summary>
    private async Task<RotaVisit> ArrangeRotaAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LynchpinDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn);
        var timetable = new StringBuilder("week,day,period,start,end,staff_ref,class,subject,year_group,room\n");
        foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri" })
        {
            timetable.Append($",{day},1,09:00,10:00,NA011,9X1,Maths,9,M4\n");
            timetable.Append($",{day},2,10:00,11:00,NA010,9X2,English,9,E2\n");
        }
        Check(await services.GetRequiredService<TimetableImporter>().ImportAsync(school.Urn, Csv(timetable.ToString()), "timetable.csv"));
        Check(await services.GetRequiredService<ObserverImporter>().ImportAsync(school.Urn, Csv($"staff_ref,visits,year_group\n{ObserverRef},1,9\n"), "observers.csv"));
        var today = DateOnly.FromDateTime(DateTime.Now);
        // The demo's term dates are its own school year's; the rota plans only in term, so the fortnight is made a term.
        Check(await services.GetRequiredService<CalendarImporter>().ImportAsync(school.Urn,
            Csv($"start,end,kind,name\n{today.AddDays(-15):yyyy-MM-dd},{today.AddDays(-1):yyyy-MM-dd},term,Browser test term\n"), "calendar.csv"));
        // A rota made two weeks ago (a rota plans from the day it is made), so its visits have taken place.
        var fortnightAgo = new SchoolClock(new FixedTime(DateTimeOffset.UtcNow.AddDays(-15)));
        var generated = await new RotaService(db, fortnightAgo).GenerateAsync(school.Id,
            new RotaRequest(today.AddDays(-14), today.AddDays(-1), ObservationKind.LearningWalk), new Recorder(null, "Browser test"));
        Assert.True(generated.Succeeded, string.Join("; ", generated.Errors));
        return await db.RotaVisits.AsNoTracking().Include(v => v.Observer)
            .SingleAsync(v => v.RotaId == generated.Value!.Rota.Id && v.Observer.StaffRef == ObserverRef);
    }

    private async Task<int> RecordIdAsync(int visitId)
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LynchpinDbContext>().ObservationRecords
            .Where(r => r.VisitId == visitId).Select(r => r.Id).SingleAsync();
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static void Check(ImportResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors));
}
