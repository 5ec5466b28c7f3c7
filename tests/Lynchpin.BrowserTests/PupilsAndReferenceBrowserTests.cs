using System.Text;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Issue 12's later pieces in the demo trust, as their users do them: the designated teacher adds a flag with its date on a
/// pupil's record; the coach reads the caseload's schools side by side (chart and table); the virtual school uploads the
/// published reference figures, first a file with a bad row, then a good one; the assistant head reads her objective beside its published
/// outcome (issue 16 item 4). Every page at 1280 and 375 px, without axe violations.
/// </summary>
public class PupilsAndReferenceBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string ReferenceHeader =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,absence_terms,social_care_group,phase_type_grouping,t_pupils,pt_overall,pt_pupils_pa_10_exact";

    private static async Task LooksRightAsync(IPage page, string name)
    {
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, name);
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, $"{name}-375");
    }

    private static Task<string> BannerAsync(IPage page) => page.Locator(".govuk-notification-banner--success").InnerTextAsync();

    [SkippableFact]
    public Task DesignatedTeacher_AddsAFlagWithItsDate_SeesItOnThePupilsRecord() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.DesignatedTeacherEmail);
        await page.GotoAsync($"/pupils?school={DemoData.SecondaryUrn}");
        await page.Locator("main table a.govuk-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/pupils/", StringComparison.Ordinal));

        // Act: open "Change the flags" and add child in need from 2 November 2026 in the first empty row
        await page.GetByText("Change the flags").ClickAsync();
        var row = page.Locator("fieldset.lynchpin-flag-row", new() { Has = page.Locator("legend", new() { HasText = "Add a flag" }) }).First;
        await row.GetByLabel("Flag").SelectOptionAsync(new SelectOptionValue { Label = "Child in need" });
        await row.GetByLabel("Start date").FillAsync("2026-11-02");
        await LooksRightAsync(page, "pupil-flags-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the flags" }).ClickAsync();
        await page.WaitForSelectorAsync(".govuk-notification-banner--success");

        // Assert
        Assert.Contains("The flags are saved", await BannerAsync(page), StringComparison.Ordinal);
        Assert.Contains("Child in need: from 2 Nov 2026", await page.Locator("#details").InnerTextAsync(), StringComparison.Ordinal);
        await LooksRightAsync(page, "pupil-flags-saved");
    });

    [SkippableFact]
    public Task Coach_ReadsTheCaseloadsSchoolsSideBySide_ChartBesideTheTable() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.CoachEmail);

        // Act
        await page.GotoAsync("/coaching");
        await page.Locator("#cohort-chart").ScrollIntoViewIfNeededAsync();
        var rows = await page.Locator("#cohort-table tbody tr").AllInnerTextsAsync();
        var drawn = await page.EvaluateAsync<int>("() => Chart.getChart('cohort-chart')?.data.labels.length ?? 0");
        await LooksRightAsync(page, "coaching-home-cohorts");

        // Assert: a row and a bar position for each of the eleven schools; Northfield's six pupils, Brookside's three too few
        Assert.Equal(11, rows.Count);
        Assert.Equal(11, drawn);
        Assert.Contains(rows, r => r.StartsWith(DemoData.SecondaryName, StringComparison.Ordinal) && r.Contains("(n = 6)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(DemoData.PrimaryName, StringComparison.Ordinal) && r.Contains("Too few to compare", StringComparison.Ordinal));
    });

    [SkippableFact]
    public Task VirtualSchool_UploadsTheReferenceFile_ABadRowIsListedThenTheGoodFileIsStored() => RunAsync(async page =>
    {
        // Arrange: 2019/20 figures, a year the demo has none of
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.VirtualSchoolEmail);
        const string good = "201920,Academic year,National,E92000001,England,,,,,,six half terms,CLA 12 months at 31 March,Total,80850,12.1,20.4";
        FilePayload File(params string[] lines) => new()
        {
            Name = "cla-absence.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [ReferenceHeader, .. lines])),
        };

        // Act: from the caseloads page's link; a file whose second row's year is not one, then the good file
        await page.GotoAsync("/coaching/caseloads");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import the published figures for looked-after children" }).ClickAsync();
        await page.GetByLabel("File of reference figures").SetInputFilesAsync(File(good, good.Replace("201920", "2019/20", StringComparison.Ordinal)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the figures" }).ClickAsync();
        var problems = await page.Locator("#row-errors tbody tr").AllInnerTextsAsync();
        await LooksRightAsync(page, "reference-import-refused");
        await page.GetByLabel("File of reference figures").SetInputFilesAsync(File(good));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the figures" }).ClickAsync();
        await page.WaitForSelectorAsync(".govuk-notification-banner--success");

        // Assert
        Assert.Contains(problems, p => p.StartsWith("3", StringComparison.Ordinal) && p.Contains("time_period", StringComparison.Ordinal));
        Assert.Contains("3 added", await BannerAsync(page), StringComparison.Ordinal);
        Assert.Contains(await page.Locator("#stored tbody tr").AllInnerTextsAsync(), r => r.StartsWith("2019/20", StringComparison.Ordinal));
        await LooksRightAsync(page, "reference-import-done");
    });

    [SkippableFact]
    public Task AssistantHead_ReadsHerObjectiveBesideItsPublishedOutcome() => RunAsync(async page =>
    {
        // Arrange: the assistant head for KS4's 2025/26 objective names disadvantaged pupils' Progress 8
        await page.SetViewportSizeAsync(1280, 900);
        var (email, password) = await Browser.CreateUserAsync(UserRole.SchoolLeader, schoolUrn: DemoData.SecondaryUrn, staffRef: "NA006");
        await SignInAsync(page, email, password);

        // Act: her appraisal, then its 2025/26 year
        await (await MenuLinkAsync(page, "My appraisal")).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/appraisal", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(page.Url).AbsolutePath + "?year=2025");
        var outcome = page.Locator("[id^=outcome-]").First;
        await outcome.ScrollIntoViewIfNeededAsync();
        var text = await outcome.InnerTextAsync();
        await LooksRightAsync(page, "appraisal-objective-outcome");

        // Assert: the published figure with its interval beside the target, and no claim of what caused it
        Assert.Contains("Progress 8, disadvantaged pupils, 2025/26: -0.33 (95 % interval -0.55 to -0.11). Target: -0.15.", text, StringComparison.Ordinal);
        Assert.Contains("does not show what the work did", text, StringComparison.Ordinal);
    });
}
