using System.Text;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>A school leader imports a term's assessments: a bad row is reported and changes nothing; the fixed file is stored.</summary>
public class ImportAssessmentsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Header = "staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note";

    /// <summary>A school of its own (not the demo's) with a head and two staff, so the test does not depend on the demo data.</summary>
    private async Task<(School School, string[] Refs)> CreateSchoolAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var n = Random.Shared.Next(100_000, 999_999);
        var school = new School { Urn = 700_000 + n % 100_000, Name = $"Larchfield School {n}", Phase = "Secondary", IsOpen = true };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        string[] refs = [$"LF{n}H", $"LF{n}T", $"LF{n}A"];
        db.StaffMembers.AddRange(
            new StaffMember { SchoolId = school.Id, StaffRef = refs[0], FirstName = "Grace", LastName = "Hale", JobTitle = "Headteacher", RoleFamily = RoleFamily.Teaching, Slt = true },
            new StaffMember { SchoolId = school.Id, StaffRef = refs[1], FirstName = "Owen", LastName = "Pryce", JobTitle = "Teacher of history", RoleFamily = RoleFamily.Teaching },
            new StaffMember { SchoolId = school.Id, StaffRef = refs[2], FirstName = "Lily", LastName = "Moss", JobTitle = "Teaching assistant", RoleFamily = RoleFamily.LearningSupport });
        await db.SaveChangesAsync();
        return (school, refs);
    }

    private async Task<int> AssessmentCountAsync(School school)
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        return await db.Assessments.CountAsync(a => a.StaffMember.SchoolId == school.Id);
    }

    private static Task UploadAsync(IPage page, params string[] lines) =>
        page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "assessments.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"),
        });

    [SkippableFact]
    public Task SchoolLeader_ImportsAssessmentsWithOneBadRowThenFixed_SeesRowReportThenCounts() => RunAsync(async page =>
    {
        // Arrange
        var (school, refs) = await CreateSchoolAsync();
        var (email, password) = await Browser.CreateUserAsync(UserRole.SchoolLeader, schoolUrn: school.Urn, staffRef: refs[0]);
        await SignInAsync(page, email, password);

        // Act: line 3 has stage 8
        await page.GotoAsync($"/schools/{school.Urn}/import-assessments");
        await AssertNoAxeViolationsAsync(page);
        await UploadAsync(page, Header, $"{refs[1]},2025,1,3,2025-10-08,{refs[0]},", $"{refs[2]},2025,1,8,2025-10-08,{refs[1]},");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import assessments" }).ClickAsync();
        await page.Locator("#row-errors").WaitForAsync();

        // Assert: the bad line and why, the summary at the top, nothing stored
        var problem = Assert.Single(await page.Locator("#row-errors tbody tr").AllInnerTextsAsync());
        Assert.StartsWith("3", problem.Trim(), StringComparison.Ordinal);
        Assert.Contains("stage \"8\"", problem, StringComparison.Ordinal);
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page);
        Assert.Equal(0, await AssessmentCountAsync(school));

        // Act: the fixed file
        await UploadAsync(page, Header, $"{refs[1]},2025,1,3,2025-10-08,{refs[0]},", $"{refs[2]},2025,1,2,2025-10-08,{refs[1]},");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import assessments" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{school.Urn}");

        // Assert
        Assert.Contains("Assessments imported: 2 added, 0 corrected, 0 unchanged.", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await AssessmentCountAsync(school));
    });
}
