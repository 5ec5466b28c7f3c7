using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The menu as the demo's users meet it: a head's long menu is one row at 1280 px, with their own pages and account
/// administration under "More", which opens on a laptop and inside the phone's menu; a teaching assistant, who sees only
/// herself, gets no staff filters and no role-family links. Screenshots at 1280 and 375 px.
/// </summary>
public class MenuBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_MenuIsOneRowAt1280_AndMoreOpensOnALaptopAndAPhone() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);

        // Act
        var rows = await page.EvaluateAsync<int>(
            "() => new Set([...document.querySelectorAll('#navigation > li')].map(li => Math.round(li.getBoundingClientRect().top))).size");
        var items = await page.Locator("#navigation > li").CountAsync();

        // Assert: one row, with "More" in it; then "More" opens and its link goes where it says
        Assert.Equal(1, rows);
        Assert.InRange(items, 2, 10);
        var account = await MenuLinkAsync(page, "Your account");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "menu-head-more-open");
        await account.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account");

        // Act: on a phone, the menu button, then "More", then a link under it
        await page.SetViewportSizeAsync(375, 812);
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var appraisal = await MenuLinkAsync(page, "My appraisal");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "menu-head-more-open-375");
        await appraisal.ClickAsync();

        // Assert
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/appraisal", StringComparison.Ordinal));
        Assert.Equal("My appraisal", (await page.Locator("h1").InnerTextAsync()).Trim());
    });

    [SkippableFact]
    public Task TeachingAssistant_SeesNoStaffFiltersAndNoRoleFamilyLinks() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TeachingAssistantEmail);

        // Act
        await (await MenuLinkAsync(page, "Staff")).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff");

        // Assert: herself, without a filter panel
        Assert.Equal(0, await page.Locator("form[role=search]").CountAsync());
        Assert.Equal(["Kayleigh Brooks"], (await page.Locator("#staff-table tbody tr td:first-child a").AllInnerTextsAsync()).Select(n => n.Trim()));
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "staff-list-ta");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "staff-list-ta-375");

        // Act: her school's page
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}");

        // Assert: the counts by role family, none a link to an empty list
        Assert.Equal(0, await page.Locator("a[href*='roleFamily=']").CountAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "school-page-ta");
    });
}
