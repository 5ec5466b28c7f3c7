using System.Text;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Imports;
using Lynchpin.Web.Pages.Imports;
using Lynchpin.Web.Pages.Shared;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>The one import page, for every import of the table, as a school leader sees it on a laptop and on a phone.</summary>
public class ImportPagesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>Each import's address, as it was before the pages became one.</summary>
    private static readonly Dictionary<string, string> Addresses = new()
    {
        ["staff"] = "/schools/{0}/import-staff",
        ["assessments"] = "/schools/{0}/import-assessments",
        ["objectives"] = "/schools/{0}/appraisal/import-objectives",
        ["timetable"] = "/schools/{0}/observations/import/timetable",
        ["duties"] = "/schools/{0}/observations/import/duties",
        ["observers"] = "/schools/{0}/observations/import/observers",
        ["pupils"] = "/schools/{0}/import-pupils",
        ["attendance"] = "/schools/{0}/import-attendance",
        ["exclusions"] = "/schools/{0}/import-exclusions",
        ["calendar"] = "/schools/{0}/import-calendar",
        ["qualifications"] = "/schools/{0}/import-qualifications",
        ["cpd"] = "/schools/{0}/import-cpd",
        ["pay"] = "/schools/{0}/import-pay",
    };

    /// <summary>A school of its own with its head, so the test does not depend on the demo data.</summary>
    private async Task<(School School, string HeadRef)> CreateSchoolAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var n = Random.Shared.Next(100_000, 999_999);
        var school = new School { Urn = 800_000 + n % 100_000, Name = $"Rowan Bank School {n}", Phase = "Primary", IsOpen = true };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var head = new StaffMember { SchoolId = school.Id, StaffRef = $"RB{n}H", FirstName = "Maya", LastName = "Okafor", JobTitle = "Headteacher", RoleFamily = RoleFamily.Teaching, Slt = true };
        db.StaffMembers.Add(head);
        await db.SaveChangesAsync();
        return (school, head.StaffRef);
    }

    [SkippableFact]
    public Task SchoolLeader_OpensEveryImport_ReadsItAt1280And375WithoutAxeViolations() => RunAsync(async page =>
    {
        // Arrange
        var (school, headRef) = await CreateSchoolAsync();
        var (email, password) = await Browser.CreateUserAsync(UserRole.SchoolLeader, schoolUrn: school.Urn, staffRef: headRef);
        // Pay access too: the pay import is for leaders who have it.
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true));
        }
        await SignInAsync(page, email, password);
        var links = Browser.App.Services.GetRequiredService<LinkGenerator>();

        foreach (var import in ImportTable.All)
        {
            // Act: the link made from the import's key
            var path = links.GetPathByPage(PageLinks.NameOf<ImportModel>(), values: new { urn = school.Urn, import = import.Key });
            await page.GotoAsync(path!);

            // Assert
            Assert.Equal(string.Format(Addresses[import.Key], school.Urn), path);
            Assert.Equal(import.Heading, (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.Equal(string.Join(", ", import.Columns), (await page.Locator("code").First.InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(page);
            await SaveScreenshotAsync(page, $"import-{import.Key}");
            await AssertNoSidewaysScrollAtPhoneWidthAsync(page, $"import-{import.Key}-375");
        }
    });

    [SkippableFact]
    public Task SchoolLeader_UploadsObservers_ABadFileListsEachLineOnAPhone() => RunAsync(async page =>
    {
        // Arrange
        var (school, headRef) = await CreateSchoolAsync();
        var (email, password) = await Browser.CreateUserAsync(UserRole.SchoolLeader, schoolUrn: school.Urn, staffRef: headRef);
        await SignInAsync(page, email, password);
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync($"/schools/{school.Urn}/observations/import/observers");

        // Act: line 2 names nobody, line 3 asks for too many visits
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "observers.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"staff_ref,visits,year_group\nNOBODY,2,\n{headRef},99,\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the observers" }).ClickAsync();
        await page.Locator("#row-errors").WaitForAsync();

        // Assert
        var lines = await page.Locator("#row-errors tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["2", "3"], lines.Select(l => l.Trim()));
        Assert.Contains("The file has 2 problems", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "import-observers-problems-375");
    });
}
