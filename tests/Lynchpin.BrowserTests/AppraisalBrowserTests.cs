using System.Globalization;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// A year of appraisal for a teaching assistant, in a browser: the SENCo (her line manager and appraiser) writes her
/// 2026/27 objectives, she agrees them, the mid-year review is rated, commented and signed by both and locks, and the
/// SENCo's dashboard moves. The demo seeds her appraisal with no objectives for this; every number is read before and after.
/// </summary>
public class AppraisalBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The year under way in the demo (objectives due 31 October 2026; mid-year review not yet due).</summary>
    private const int Year = 2026;

    private const string PupilProgressTitle = "Year 8 reading group: reading age";
    private const string DevelopmentTitle = "Precision teaching";

    /// <summary>The two numbers the SENCo watches on her team's dashboard.</summary>
    private sealed record TeamNumbers(int ObjectivesAgreed, int SupportOnTrack);

    [SkippableFact]
    public Task LineManager_SetsTeachingAssistantsObjectives_SheAgrees_MidYearSignedByBoth_DashboardMoves() => RunAsync(async senco =>
    {
        // Arrange: the SENCo and the teaching assistant, each in their own browser context
        var (kayleighId, kayleighBefore) = await KayleighsAppraisalAsync();
        Assert.Equal(0, kayleighBefore);
        await using var kayleighContext = await Browser.NewContextAsync();
        var kayleigh = await kayleighContext.NewPageAsync();
        try
        {
            await SignInAsDemoUserAsync(senco, DemoData.LineManagerEmail);
            var before = await OpenTeamDashboardAsync(senco);
            await SaveScreenshotAsync(senco, "appraisal-dashboard-before");

            // Act: from the dashboard's people table to the teaching assistant's appraisal
            await senco.Locator("#people-table").GetByRole(AriaRole.Link, new() { Name = "Kayleigh Brooks", Exact = true }).ClickAsync();
            await senco.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{kayleighId}/appraisal");

            // Assert: nothing written yet, late, and the SENCo is her appraiser
            Assert.Equal("Appraisal", (await senco.Locator("h1").InnerTextAsync()).Trim());
            Assert.True(await senco.Locator("#no-objectives").IsVisibleAsync());
            Assert.True(await senco.Locator("#objectives-overdue").IsVisibleAsync());
            Assert.StartsWith("Siobhan Gallagher", (await senco.Locator("#appraiser").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(senco);

            // Act: a pupil-progress objective with a group, a measure, a baseline and a target
            await AddObjectiveAsync(senco, PupilProgressTitle, "Pupil progress",
                "The group's average reading age rises by at least 12 months between the September and July reading tests.",
                pupilGroup: "Year 8 reading intervention group (6 pupils)", measure: "average reading age", baseline: "9 years 1 month", target: "10 years 1 month");

            // Assert: one objective, so the set cannot yet be agreed
            Assert.Equal("The objective is added.", await SuccessBannerAsync(senco));
            Assert.Equal("false", await senco.Locator("#checklist-count").GetAttributeAsync("data-done"));
            Assert.Equal("true", await senco.Locator("#checklist-pupil-progress").GetAttributeAsync("data-done"));
            var progressCard = Objective(senco, PupilProgressTitle);
            Assert.Equal("pupil-progress", await progressCard.GetAttributeAsync("data-type"));
            var pupils = await progressCard.InnerTextAsync();
            Assert.Contains("Year 8 reading intervention group (6 pupils)", pupils, StringComparison.Ordinal);
            Assert.Contains("average reading age: from 9 years 1 month to 10 years 1 month", pupils, StringComparison.Ordinal);

            // Act: a professional-development objective
            await AddObjectiveAsync(senco, DevelopmentTitle, "Professional development",
                "Complete the two half-day precision teaching sessions by December and use precision teaching with the group from January to July 2027.");

            // Assert: the set is ready, and only Kayleigh can agree it
            Assert.Equal("professional-development", await Objective(senco, DevelopmentTitle).GetAttributeAsync("data-type"));
            foreach (var item in new[] { "#checklist-count", "#checklist-pupil-progress", "#checklist-measurable" })
            {
                Assert.Equal("true", await senco.Locator(item).GetAttributeAsync("data-done"));
            }
            Assert.Contains("Not yet agreed by Kayleigh Brooks.", await senco.Locator("#objectives-status").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await senco.Locator("#agree-form").CountAsync());
            Assert.Equal(0, await senco.GetByRole(AriaRole.Button, new() { Name = "Agree these objectives" }).CountAsync());
            Assert.Equal(0, await senco.Locator("#review-link-mid-year").CountAsync());
            await AssertNoAxeViolationsAsync(senco);
            await SaveScreenshotAsync(senco, "appraisal-objectives-set-by-line-manager");

            // Act: Kayleigh opens her own appraisal and agrees
            await SignInAsDemoUserAsync(kayleigh, DemoData.TeachingAssistantEmail);
            await Menu(kayleigh, "My appraisal").ClickAsync();
            await kayleigh.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{kayleighId}/appraisal");
            await ShowYearAsync(kayleigh);
            Assert.Equal("My appraisal", (await kayleigh.Locator("h1").InnerTextAsync()).Trim());
            Assert.Equal(1, await Objective(kayleigh, PupilProgressTitle).CountAsync());
            Assert.Equal(1, await Objective(kayleigh, DevelopmentTitle).CountAsync());
            Assert.Equal(0, await kayleigh.Locator("#add-objective").CountAsync());
            await AssertNoAxeViolationsAsync(kayleigh);
            await SaveScreenshotAsync(kayleigh, "appraisal-my-appraisal-to-agree");
            await kayleigh.GetByRole(AriaRole.Button, new() { Name = "Agree these objectives" }).ClickAsync();
            await kayleigh.Locator(".govuk-notification-banner--success").WaitForAsync();

            // Assert
            Assert.Equal("You have agreed your objectives.", await SuccessBannerAsync(kayleigh));
            Assert.Contains("Agreed by you", await kayleigh.Locator("#objectives-status").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await kayleigh.Locator("#objectives-overdue").CountAsync());
            await AssertNoAxeViolationsAsync(kayleigh);

            // Act: the SENCo starts the mid-year review, rates each objective on track with a comment, saves and signs
            await senco.ReloadAsync();
            await senco.Locator("#review-link-mid-year").ClickAsync();
            await senco.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{kayleighId}/appraisal/reviews/mid-year");
            Assert.Equal("Not started", (await senco.Locator("#review-status").InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(senco);
            await senco.GetByRole(AriaRole.Button, new() { Name = "Start the mid-year review" }).ClickAsync();
            await senco.Locator(".govuk-notification-banner--success").WaitForAsync();
            Assert.Equal("The mid-year review has started.", await SuccessBannerAsync(senco));
            await AssertNoAxeViolationsAsync(senco);
            foreach (var (title, comment) in new[]
            {
                (PupilProgressTitle, "Up 6 months on average at the February test: on course for a year's gain."),
                (DevelopmentTitle, "Both training sessions done; precision teaching started with the group in January."),
            })
            {
                await senco.GetByRole(AriaRole.Group, new() { Name = $"How is ‘{title}’ going?" })
                    .GetByRole(AriaRole.Radio, new() { Name = "On track", Exact = true }).CheckAsync();
                await senco.GetByLabel($"Comment on ‘{title}’").FillAsync(comment);
            }
            await senco.GetByLabel("Appraiser's comments").FillAsync("A strong first half of the year. The reading group is responding well to precision teaching.");
            await senco.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
            await senco.Locator(".govuk-notification-banner--success").WaitForAsync();
            Assert.Equal("Your part of the review is saved as a draft.", await SuccessBannerAsync(senco));
            await senco.GetByRole(AriaRole.Button, new() { Name = "Sign as appraiser" }).ClickAsync();
            await senco.Locator(".govuk-notification-banner--success").WaitForAsync();

            // Assert: signed by the appraiser, waiting for Kayleigh
            Assert.Equal("You have signed the mid-year review as appraiser.", await SuccessBannerAsync(senco));
            Assert.Equal("Signed by the appraiser; waiting for Kayleigh to sign", (await senco.Locator("#review-status").InnerTextAsync()).Trim());
            Assert.StartsWith("Signed by Siobhan Gallagher", (await senco.Locator("#appraiser-signature").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(senco);
            await SaveScreenshotAsync(senco, "appraisal-mid-year-signed-by-appraiser");

            // Act: Kayleigh reads the ratings, adds her comments and signs
            await kayleigh.ReloadAsync();
            await kayleigh.Locator("#review-link-mid-year").ClickAsync();
            await kayleigh.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{kayleighId}/appraisal/reviews/mid-year");
            Assert.Equal(2, await kayleigh.Locator("[data-objective][data-rating='on-track']").CountAsync());
            Assert.Equal(0, await kayleigh.Locator("#appraiser-form").CountAsync());
            await AssertNoAxeViolationsAsync(kayleigh);
            await kayleigh.GetByLabel("Your comments").FillAsync("I agree. The group enjoy the precision teaching and two of them now read at home every night.");
            await kayleigh.GetByRole(AriaRole.Button, new() { Name = "Save your comments" }).ClickAsync();
            await kayleigh.Locator(".govuk-notification-banner--success").WaitForAsync();
            Assert.Equal("Your comments are saved.", await SuccessBannerAsync(kayleigh));
            await kayleigh.GetByRole(AriaRole.Button, new() { Name = "Sign as appraisee" }).ClickAsync();
            await kayleigh.Locator(".govuk-notification-banner--success").WaitForAsync();

            // Assert: signed by both, locked, nothing left to change
            Assert.Equal("You have signed the mid-year review. It is signed by both of you and now locked.", await SuccessBannerAsync(kayleigh));
            Assert.Equal("Signed by both: locked", (await kayleigh.Locator("#review-status").InnerTextAsync()).Trim());
            Assert.True(await kayleigh.Locator("#locked-notice").IsVisibleAsync());
            Assert.Equal(0, await kayleigh.Locator("#appraisee-form, #appraiser-form, #sign-appraisee-form, #upload-form, #link-form").CountAsync());
            Assert.Contains("two of them now read at home", await kayleigh.Locator("#appraisee-comments").InnerTextAsync(), StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(kayleigh);
            await SaveScreenshotAsync(kayleigh, "appraisal-mid-year-locked");

            // Assert: at phone width, neither her review nor her appraisal scrolls sideways
            await kayleigh.SetViewportSizeAsync(375, 812);
            await AssertNoSidewaysScrollAsync(kayleigh);
            await AssertNoAxeViolationsAsync(kayleigh);
            await SaveScreenshotAsync(kayleigh, "appraisal-mid-year-phone");
            await kayleigh.GotoAsync($"/staff/{kayleighId}/appraisal?year={Year}");
            await AssertNoSidewaysScrollAsync(kayleigh);
            await AssertNoAxeViolationsAsync(kayleigh);
            await SaveScreenshotAsync(kayleigh, "appraisal-person-phone");

            // Assert: the SENCo's team numbers moved by exactly her
            var after = await OpenTeamDashboardAsync(senco);
            await SaveScreenshotAsync(senco, "appraisal-dashboard-after");
            Assert.Equal(before with { ObjectivesAgreed = before.ObjectivesAgreed + 1, SupportOnTrack = before.SupportOnTrack + 1 }, after);
            Assert.Equal(2, (await KayleighsAppraisalAsync()).Objectives);
        }
        catch
        {
            await SaveScreenshotAsync(kayleigh, $"{nameof(AppraisalBrowserTests)}.kayleigh.failed");
            throw;
        }
    });

    [SkippableFact]
    public Task TeachingAssistant_OpensTheSchoolsAppraisalDashboard_IsRefused() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TeachingAssistantEmail);

        // Act
        var response = await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/appraisal?year={Year}");

        // Assert: refused, and no menu item leads there; her own appraisal does
        Assert.NotNull(response);
        Assert.Equal(403, response.Status);
        Assert.Equal(0, await Menu(page, "Appraisal").CountAsync());
        Assert.Equal(1, await Menu(page, "My appraisal").CountAsync());
        await AssertNoAxeViolationsAsync(page);
    });

    [SkippableFact]
    public Task Headteacher_ReadsLastYear_SupportPlanReopenedFinalReviewAndPayRecommendation() => RunAsync(async page =>
    {
        // Arrange: the demo's 2025/26, finished
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await Menu(page, "Appraisal").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/appraisal");
        await page.GetByLabel("School year", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "2025" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show year" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("year=2025", StringComparison.Ordinal));

        // Assert: everyone agreed objectives with a pupil-progress one; support staff mostly on track, some at risk
        var staff = await CellAsync(page, "objectives-table", "With an appraisal", 1);
        Assert.Equal(staff, await CellAsync(page, "objectives-table", "Objectives agreed", 1));
        Assert.Equal(staff, await CellAsync(page, "objectives-table", "With a pupil-progress objective", 1));
        var supportOnTrack = await CellAsync(page, "category-table", "Support staff", 1);
        var supportAtRisk = await CellAsync(page, "category-table", "Support staff", 2);
        Assert.True(supportAtRisk >= 1);
        Assert.True(supportOnTrack > 10 * supportAtRisk);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "appraisal-dashboard-last-year");

        // Act: a teaching assistant who was off track at the mid-year review
        var tyrone = await StaffIdAsync("NA068");
        await page.GotoAsync($"/staff/{tyrone}/appraisal?year=2025");

        // Assert: the support plan, with its coach and date, on the objective rated off track
        var plan = page.Locator("[id^='support-plan-']");
        Assert.Equal(1, await plan.CountAsync());
        Assert.Contains("Coach: Janet Howarth", await plan.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("off-track", await page.Locator(".lynchpin-objective").Filter(new() { Has = plan })
            .Locator("[data-rating]").First.GetAttributeAsync("data-rating"));
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "appraisal-last-year-support-plan");

        // Act: a teacher whose final review was reopened when the published results came in
        var rajesh = await StaffIdAsync("NA026");
        await page.GotoAsync($"/staff/{rajesh}/appraisal/reviews/final?year=2025");

        // Assert: version 2, signed again; version 1 kept; the pay recommendation, which the head may read
        Assert.Equal("Signed by both: locked", (await page.Locator("#review-status").InnerTextAsync()).Trim());
        Assert.StartsWith("2 (current)", (await page.Locator("#review-version").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("published in August", await page.Locator("#history-table tr[data-version='1'] [data-reopened]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("UPS3", await page.Locator("#pay-text").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "appraisal-last-year-reopened-final");
    });

    private async Task<int> StaffIdAsync(string staffRef)
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        return await db.StaffMembers.Where(s => s.StaffRef == staffRef && s.School.Urn == DemoData.SecondaryUrn).Select(s => s.Id).SingleAsync();
    }

    /// <summary>Her 2026/27 appraisal's staff id and how many objectives it has, from the database.</summary>
    private async Task<(int StaffId, int Objectives)> KayleighsAppraisalAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var appraisal = await db.Appraisals.Where(a => a.StaffMember.Email == DemoData.TeachingAssistantEmail && a.Cycle.Year == Year)
            .Select(a => new { a.StaffMemberId, Objectives = a.Objectives.Count }).SingleAsync();
        return (appraisal.StaffMemberId, appraisal.Objectives);
    }

    /// <summary>From the menu to the appraisal dashboard for 2026/27; reads the team's agreed objectives and support staff on track.</summary>
    private static async Task<TeamNumbers> OpenTeamDashboardAsync(IPage page)
    {
        await Menu(page, "Appraisal").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/appraisal");
        await ShowYearAsync(page);
        Assert.StartsWith("Your team", (await page.Locator("#appraisal-scope").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        var agreed = await CellAsync(page, "objectives-table", "Objectives agreed", 1);
        var supportOnTrack = await CellAsync(page, "category-table", "Support staff", 1);
        // The sentences above the tables say the same.
        Assert.Contains($"{agreed} of ", await page.Locator("#sentences").InnerTextAsync(), StringComparison.Ordinal);
        return new TeamNumbers(agreed, supportOnTrack);
    }

    /// <summary>Chooses 2026/27 in the page's year picker, unless it is already shown.</summary>
    private static async Task ShowYearAsync(IPage page)
    {
        var value = Year.ToString(CultureInfo.InvariantCulture);
        if (await page.GetByLabel("School year", new() { Exact = true }).InputValueAsync() == value)
        {
            return;
        }
        await page.GetByLabel("School year", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = value });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show year" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"year={value}", StringComparison.Ordinal));
    }

    /// <summary>The number in a table's row (found by its header) and column, as the page shows it.</summary>
    private static async Task<int> CellAsync(IPage page, string tableId, string rowHeader, int column)
    {
        var row = page.Locator($"#{tableId} tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true }) });
        var text = await row.Locator("td").Nth(column - 1).InnerTextAsync();
        return int.Parse(text.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>"Add an objective" on the appraisal page, the form filled and saved, back on the appraisal page.</summary>
    private static async Task AddObjectiveAsync(IPage page, string title, string type, string criteria,
        string? pupilGroup = null, string? measure = null, string? baseline = null, string? target = null)
    {
        var appraisalPath = new Uri(page.Url).AbsolutePath;
        await page.Locator("#add-objective").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{appraisalPath}/objectives/new");
        Assert.Equal("Add an objective", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByRole(AriaRole.Radio, new() { Name = type, Exact = true }).CheckAsync();
        await page.GetByLabel("Success criteria").FillAsync(criteria);
        foreach (var (label, value) in new[] { ("Pupil group", pupilGroup), ("Measure", measure), ("Baseline", baseline), ("Target", target) })
        {
            if (value is not null)
            {
                await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
            }
        }
        if (pupilGroup is not null)
        {
            await SaveScreenshotAsync(page, "appraisal-add-pupil-progress-objective");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == appraisalPath);
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Equal(1, await Objective(page, title).CountAsync());
        await AssertNoAxeViolationsAsync(page);
    }

    /// <summary>An objective's card on the appraisal page, by its title.</summary>
    private static ILocator Objective(IPage page, string title) =>
        page.Locator(".lynchpin-objective").Filter(new() { Has = page.Locator(".govuk-summary-card__title", new() { HasTextString = title }) });

    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The page is no wider than the window: nothing to scroll to sideways (tables may scroll inside their own box).</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]}px wide at a {widths[1]}px window.");
    }

    private static async Task<string> SuccessBannerAsync(IPage page) =>
        (await page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading").InnerTextAsync()).Trim();
}
