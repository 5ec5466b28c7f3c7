using System.Text;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>What a school leader of the demo trust does first: find their support staff and see each person's triad.</summary>
public class StaffBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task SchoolLeader_FiltersToSupportStaff_OpensPersonAndSeesLineManagerAndCoach() => RunAsync(async page =>
    {
        // Arrange
        await page.GotoAsync("/sign-in");
        await AssertNoAxeViolationsAsync(page);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await AssertNoAxeViolationsAsync(page);

        // Act: filter the staff list to support staff
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
        await AssertNoAxeViolationsAsync(page);
        var everyone = await ResultCountAsync(page);
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Value = "support" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("category=support", StringComparison.Ordinal));
        await AssertNoAxeViolationsAsync(page);

        // Assert: fewer people, and every role shown is support
        var support = await ResultCountAsync(page);
        Assert.InRange(support, 1, everyone - 1);
        var roles = await page.Locator("#staff-table tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(roles);
        Assert.All(roles, role => Assert.Contains("support", role, StringComparison.Ordinal));
        Assert.DoesNotContain(roles, role => role.Contains("· teaching", StringComparison.Ordinal));

        // Act: narrow to the teaching assistant and open her page
        await page.GetByLabel("Name, job title, reference or email").FillAsync("Kayleigh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=Kayleigh", StringComparison.Ordinal));
        await page.Locator("#staff-table").GetByRole(AriaRole.Link, new() { Name = "Kayleigh Brooks" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/staff/", StringComparison.Ordinal));

        // Assert: her learning triad, with links to both people
        Assert.Equal("Kayleigh Brooks", (await page.Locator("h1").InnerTextAsync()).Trim());
        var lineManager = page.Locator("#line-manager a");
        Assert.Equal("Siobhan Gallagher", (await lineManager.InnerTextAsync()).Trim());
        var coach = page.Locator("#coach a");
        Assert.Equal(1, await coach.CountAsync());
        var coachName = (await coach.InnerTextAsync()).Trim();
        Assert.NotEqual("Kayleigh Brooks", coachName);
        Assert.NotEqual("Siobhan Gallagher", coachName);
        await AssertNoAxeViolationsAsync(page);
        // Kept for review with the test results: the person page as a school leader sees it.
        await SaveScreenshotAsync(page, "person-page-triad");

        // Act: follow the link to the line manager, whose page lists Kayleigh as a direct report
        await lineManager.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/staff/", StringComparison.Ordinal));
        Assert.Equal("Siobhan Gallagher", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Kayleigh Brooks" }).CountAsync());
        await AssertNoAxeViolationsAsync(page);
    });

    [SkippableFact]
    public Task SchoolLeader_ImportsStaffFileWithOneBadRow_SeesRowReportAndNothingChanges() => RunAsync(async page =>
    {
        // Arrange: two good new people and, on line 3, an unknown role family
        var csv = new StringBuilder()
            .AppendLine("staff_ref,first_name,last_name,email,job_title,role_family,qts,slt,line_manager_ref,coach_ref,start_date,leaving_date,hours_per_week,weeks_per_year")
            .AppendLine("BRW01,Ada,Okafor,ada.okafor@northfield-academy.sch.example,Teaching assistant,learning-support,no,no,,,2026-09-01,,32.5,39")
            .AppendLine("BRW02,Tom,Reyes,tom.reyes@northfield-academy.sch.example,Wizard,sorcery,no,no,,,2026-09-01,,,")
            .AppendLine("BRW03,Mei,Chen,mei.chen@northfield-academy.sch.example,Teacher of science,teaching,yes,no,,,2026-09-01,,,")
            .ToString();
        var before = await StaffCountAsync(DemoData.SecondaryUrn);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);

        // Act
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/import-staff");
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "staff.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import staff" }).ClickAsync();
        await page.Locator("#row-errors").WaitForAsync();

        // Assert: the bad line is reported with its reason, the page says so at the top, and nobody was added
        var rows = await page.Locator("#row-errors tbody tr").AllInnerTextsAsync();
        var problem = Assert.Single(rows);
        Assert.StartsWith("3", problem.Trim(), StringComparison.Ordinal);
        Assert.Contains("sorcery", problem, StringComparison.Ordinal);
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await SaveScreenshotAsync(page, "import-staff-row-errors");
        await AssertNoAxeViolationsAsync(page);
        Assert.Equal(before, await StaffCountAsync(DemoData.SecondaryUrn));
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        Assert.False(await db.StaffMembers.AnyAsync(s => s.StaffRef.StartsWith("BRW")));
    });

    [SkippableFact]
    public Task TrustAdmin_VisitsSchoolsAndLineManagementTree_PagesPassAxe() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TrustAdminEmail);

        // Act
        await page.GotoAsync("/schools");
        var schools = await page.Locator("main a[href^='/schools/']").AllInnerTextsAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync($"/schools/{DemoData.SpecialUrn}");
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync($"/schools/{DemoData.SpecialUrn}/line-management");

        // Assert: all three schools are listed; the special school's tree is there and accessible
        Assert.Contains(schools, s => s.Contains(DemoData.SecondaryName, StringComparison.Ordinal));
        Assert.Contains(schools, s => s.Contains(DemoData.PrimaryName, StringComparison.Ordinal));
        Assert.Contains(schools, s => s.Contains(DemoData.SpecialName, StringComparison.Ordinal));
        Assert.True(await page.Locator("main a[href^='/staff/']").CountAsync() >= 30);
        await AssertNoAxeViolationsAsync(page);
    });

    [SkippableFact]
    public Task TeachingAssistant_SeesOwnRecordButNotAColleagues() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TeachingAssistantEmail);

        // Act
        await page.GotoAsync("/staff");
        var names = await page.Locator("#staff-table tbody a").AllInnerTextsAsync();
        await AssertNoAxeViolationsAsync(page);
        int headId;
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            headId = await db.StaffMembers.Where(s => s.Email == DemoData.HeadEmail).Select(s => s.Id).SingleAsync();
        }
        var colleague = await page.GotoAsync($"/staff/{headId}");

        // Assert
        Assert.Equal(["Kayleigh Brooks"], names);
        Assert.NotNull(colleague);
        Assert.Equal(403, colleague.Status);
        await AssertNoAxeViolationsAsync(page);
    });

    private static async Task<int> ResultCountAsync(IPage page)
    {
        var text = await page.Locator("#result-count").InnerTextAsync();
        return int.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> StaffCountAsync(int urn)
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        return await db.StaffMembers.CountAsync(s => s.School.Urn == urn);
    }
}
