using System.Globalization;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// CPD and the parity report in a browser, on the demo trust: the teaching assistant asks for a course, the SENCo (her line
/// manager) approves it from her home page, the TA records it as done and evaluates it; the business manager reads the
/// parity report, its chart with the table of the same numbers. Axe on every page; screenshots at 1280 and 375 px.
/// </summary>
public class CareersBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task TeachingAssistant_AsksForCpd_SencoApproves_SheRecordsItAndEvaluatesIt() => RunAsync(async kayleigh =>
    {
        // Arrange: a course that ended nine weeks ago (so its evaluation is due), free, asked for after the event
        var (kayleighId, today) = await KayleighAsync();
        var title = $"Makaton level 1 ({Guid.NewGuid().ToString("N")[..6]})";
        var start = today.AddDays(-63).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var sencoContext = await Browser.NewContextAsync();
        var senco = await sencoContext.NewPageAsync();
        try
        {
            await SignInAsDemoUserAsync(kayleigh, DemoData.TeachingAssistantEmail);

            // Act: from her record to her CPD and the request form
            await kayleigh.GetByRole(AriaRole.Link, new() { Name = "Kayleigh Brooks", Exact = true }).First.ClickAsync();
            await kayleigh.Locator("#cpd-link").ClickAsync();
            await kayleigh.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{kayleighId}/cpd");
            await AssertNoAxeViolationsAsync(kayleigh);
            await kayleigh.Locator("#ask-for-cpd").ClickAsync();
            await AssertNoAxeViolationsAsync(kayleigh);
            await kayleigh.GetByLabel("What is it?").FillAsync(title);
            await kayleigh.GetByLabel("Kind").SelectOptionAsync("course");
            await kayleigh.GetByLabel("Provider (optional)").FillAsync("Makaton Charity tutor");
            await kayleigh.GetByLabel("Start date").FillAsync(start);
            await kayleigh.GetByLabel("Hours").FillAsync("6");
            await kayleigh.GetByLabel("Cost in pounds").FillAsync("0");
            await kayleigh.GetByLabel("Why?").FillAsync("To sign with the two Year 7 pupils who use Makaton in lessons.");
            await kayleigh.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();

            // Assert: sent, and with her line manager
            Assert.Equal("Your request is sent to your line manager.", await SuccessAsync(kayleigh));
            var row = kayleigh.Locator("#requests-table tr", new() { HasText = title });
            Assert.Contains("With line manager", await row.InnerTextAsync(), StringComparison.Ordinal);

            // Act: the SENCo finds it on her home page and approves it
            await SignInAsDemoUserAsync(senco, DemoData.LineManagerEmail);
            await senco.GotoAsync("/");
            var task = senco.Locator("#cpd-task-list a", new() { HasText = title });
            Assert.Equal($"Decide on Kayleigh Brooks's request: {title}", (await task.InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(senco);
            await task.ClickAsync();
            await AssertNoAxeViolationsAsync(senco);
            await SaveScreenshotAsync(senco, "cpd-request-to-decide");
            await senco.Locator("#approve").ClickAsync();

            // Assert: approved (it costs nothing, so no budget holder is needed), and gone from her tasks
            Assert.Equal("Approved", (await senco.Locator("#request-status").InnerTextAsync()).Trim());
            await senco.GotoAsync("/");
            Assert.Equal(0, await senco.Locator("#cpd-task-list a", new() { HasText = title }).CountAsync());

            // Act: the TA records it as done from the request's page
            await kayleigh.ReloadAsync();
            await kayleigh.Locator("#requests-table").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await kayleigh.Locator("#record-done").ClickAsync();
            Assert.Equal("Recorded as done: it is in the CPD record and the budget's spend.", await SuccessAsync(kayleigh));

            // Assert: the evaluation is due, on her home page and on her CPD page
            await kayleigh.GotoAsync("/");
            var evaluate = kayleigh.Locator("#cpd-task-list a", new() { HasText = title });
            Assert.Equal($"Evaluate {title}", (await evaluate.InnerTextAsync()).Trim());

            // Act: she evaluates it
            await evaluate.ClickAsync();
            await AssertNoAxeViolationsAsync(kayleigh);
            foreach (var (question, answer) in new[]
            {
                ("How useful was it?", "A lot"), ("How much did you learn?", "A lot"),
                ("How much have you used it in your work?", "Some"), ("How much difference has it made to pupils?", "A little"),
            })
            {
                await kayleigh.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }
            await kayleigh.GetByLabel("What has changed?").FillAsync("I sign the key words of each lesson; both pupils answer questions in class now.");
            await kayleigh.GetByRole(AriaRole.Button, new() { Name = "Save my evaluation" }).ClickAsync();

            // Assert: saved, now with her line manager for a view
            Assert.Equal("Your evaluation is saved. Your line manager is asked for their view.", await SuccessAsync(kayleigh));
            var activity = kayleigh.Locator("#activities ~ div tr", new() { HasText = title });
            Assert.Contains("With line manager", await activity.InnerTextAsync(), StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(kayleigh);
            await SaveScreenshotAsync(kayleigh, "cpd-person-1280");
            await AssertNoSidewaysScrollAtPhoneWidthAsync(kayleigh, "cpd-person-375");
            await senco.GotoAsync("/");
            Assert.Equal($"Add your view to Kayleigh Brooks's evaluation of {title}",
                (await senco.Locator("#cpd-task-list a", new() { HasText = title }).InnerTextAsync()).Trim());
        }
        catch
        {
            await SaveScreenshotAsync(senco, "CareersBrowserTests.senco.failed");
            throw;
        }
    });

    [SkippableFact]
    public Task TeachingAssistant_OpensHerCareer_SeesWhatSheLacksForHlta() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TeachingAssistantEmail);

        // Act: from the menu
        await (await MenuLinkAsync(page, "My career")).ClickAsync();

        // Assert: a teaching assistant level 3 working towards HLTA, with HLTA status still to gain (in progress)
        Assert.Contains("Working towards: Higher level teaching assistant", await page.Locator("#aim").InnerTextAsync(), StringComparison.Ordinal);
        var hlta = page.Locator("#next-steps [data-step='learning-support/hlta']");
        Assert.Contains("HLTA status", await hlta.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("to do", await hlta.Locator(".govuk-tag").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("CACHE Level 3", await page.Locator("#qualifications-table").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "career-ta-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "career-ta-375");
    });

    [SkippableFact]
    public Task BusinessManager_ReadsTheParityReport_ChartAndTableOfTheSameNumbers() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.BusinessManagerEmail);

        // Act: from her school's page to the report, for 2024/25
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pay and conditions parity report" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/parity");
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/parity?year=2024");

        // Assert: the chart is drawn, with the table of its numbers; pay columns for her (pay access), small groups hidden
        var chart = page.Locator("canvas#parity-chart");
        await chart.WaitForAsync();
        Assert.True((await chart.BoundingBoxAsync())!.Height > 100);
        Assert.Equal("2024/25 by group", (await page.Locator("#parity-table caption").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator("#parity-table th", new() { HasText = "Mean FTE salary" }).CountAsync());
        Assert.True(await page.Locator("#parity-table td[data-col='pay']", new() { HasText = "Fewer than 5" }).CountAsync() > 0);
        var teaching = await HoursPerHeadAsync(page, "all-teaching");
        var support = await HoursPerHeadAsync(page, "all-support");
        Assert.True(support < teaching, $"support {support} h per head, teaching {teaching}");
        Assert.NotEmpty(await page.Locator("#sentences li").AllInnerTextsAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "parity-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "parity-375");
    });

    private static async Task<decimal> HoursPerHeadAsync(IPage page, string group) => decimal.Parse(
        await page.Locator($"#parity-table tr[data-group='{group}'] [data-col='cpd-hours-per-head']").InnerTextAsync(), CultureInfo.InvariantCulture);

    private static async Task<string> SuccessAsync(IPage page) =>
        (await page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading").InnerTextAsync()).Trim();

    /// <summary>The TA's staff id, and today as the app sees it.</summary>
    private async Task<(int Id, DateOnly Today)> KayleighAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var id = await db.StaffMembers.Where(s => s.Email == DemoData.TeachingAssistantEmail).Select(s => s.Id).SingleAsync();
        return (id, scope.ServiceProvider.GetRequiredService<SchoolClock>().Today);
    }
}
