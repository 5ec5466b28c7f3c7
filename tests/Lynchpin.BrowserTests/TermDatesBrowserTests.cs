using System.Globalization;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The demo head enters Northfield's term dates (a term with a two-week holiday in it) on the term dates page, makes a
/// four-week rota over the holiday, sees no visit in it and the report in plain words, then makes it again and replaces
/// the first; each page without axe violations, at 1280 and 375 px.
/// </summary>
public class TermDatesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_EntersTermDates_MakesARotaOverAHoliday_NoVisitInIt_ThenReplacesIt() => RunAsync(async page =>
    {
        // Arrange: weeks from the Monday after next (as RotaBrowserTests, whose rota this term also covers): the term runs
        // from a week before to ten weeks after, with a holiday in weeks 5 and 6; the rota covers weeks 4 to 7.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        var (holidayStart, holidayEnd) = (monday.AddDays(35), monday.AddDays(46));
        var (rotaFrom, rotaTo) = (monday.AddDays(28), monday.AddDays(55));
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);

        // Act: the term dates page from the school's page
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Term dates", Exact = true }).ClickAsync();
        await page.Locator("#no-term-dates").WaitForAsync();
        await AssertNoAxeViolationsAsync(page);
        await AddAsync(page, "Term", monday.AddDays(-7), monday.AddDays(74), "Spring term");
        await AddAsync(page, "Holiday", holidayStart, holidayEnd, "Winter holiday");

        // Assert: both shown, with the school days counted
        Assert.Equal(2, await page.Locator("#term-dates tbody tr").CountAsync());
        Assert.EndsWith("school days in " + Year(monday) + ".", (await page.Locator("#school-days").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "term-dates");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "term-dates-375");

        // Act: a rota over the holiday
        await MakeRotaAsync(page, rotaFrom, rotaTo);

        // Assert: visits only in term, the checker passes, the report in plain words with the solver in a details section
        var dates = (await page.Locator("table.rota-day").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.date)"))
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.True(d < holidayStart || d > holidayEnd, $"a visit on {d} is in the holiday"));
        Assert.True(await page.Locator("#checker-pass").IsVisibleAsync());
        var summary = await page.Locator("#rota-summary li").AllInnerTextsAsync();
        Assert.Contains("No visits in the 2 weeks the school is closed.", summary.Select(s => s.Trim()));
        Assert.False(await page.Locator("#rota-status").IsVisibleAsync());
        await page.GetByText("The solver's figures").ClickAsync();
        Assert.True(await page.Locator("#rota-status").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "rota-over-holiday");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "rota-over-holiday-375");

        // Act: the same dates again: the overlap is named, and the head replaces the first rota
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/observations/rotas/new");
        await FillRotaFormAsync(page, rotaFrom, rotaTo);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Make the rota") }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("These dates overlap the learning walk rota", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "rota-overlap");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "rota-overlap-375");
        await page.GetByLabel("Replace it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Make the rota") }).ClickAsync();
        await page.Locator("#rota-summary").WaitForAsync(new() { Timeout = 60_000 });

        // Assert: one rota over these dates on the hub
        Assert.Contains("It replaces the learning walk rota", await page.Locator(".govuk-notification-banner--success").InnerTextAsync());
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/observations");
        var rows = await page.Locator("#rotas tbody tr").AllInnerTextsAsync();
        Assert.Single(rows, r => r.Contains(Dates(rotaFrom), StringComparison.Ordinal));
    });

    private static async Task AddAsync(IPage page, string kind, DateOnly start, DateOnly end, string name)
    {
        await page.GetByLabel("What it is").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("First day").FillAsync(Iso(start));
        await page.GetByLabel("Last day").FillAsync(Iso(end));
        await page.GetByLabel("Name (optional)").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the dates" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
    }

    private static async Task MakeRotaAsync(IPage page, DateOnly from, DateOnly to)
    {
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/observations/rotas/new");
        await AssertNoAxeViolationsAsync(page);
        await FillRotaFormAsync(page, from, to);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Make the rota") }).ClickAsync();
        await page.Locator("#rota-summary").WaitForAsync(new() { Timeout = 60_000 });
    }

    private static async Task FillRotaFormAsync(IPage page, DateOnly from, DateOnly to)
    {
        await page.GetByLabel("First day").FillAsync(Iso(from));
        await page.GetByLabel("Last day").FillAsync(Iso(to));
        await page.GetByLabel("Learning walk").CheckAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>As the hub's rota list writes a date: "Mon 4 Jan 2027".</summary>
    private static string Dates(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Year(DateOnly date) => Core.Progression.SchoolYear.Name(Core.Progression.SchoolYear.Of(date));
}
