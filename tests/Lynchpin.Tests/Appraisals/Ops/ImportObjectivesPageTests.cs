using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary>/schools/{urn}/appraisal/import-objectives: a leader uploads a file; a bad row changes nothing and is listed.</summary>
public abstract class ImportObjectivesPageTests(OpsAppFactory app) : OpsTest(app)
{
    public sealed class Sqlite(SqliteOpsAppFactory app) : ImportObjectivesPageTests(app), IClassFixture<SqliteOpsAppFactory>;

    public sealed class Postgres(PostgresOpsAppFactory app) : ImportObjectivesPageTests(app), IClassFixture<PostgresOpsAppFactory>;

    private const string Header = "staff_ref,year,title,type,success_criteria,school_priority";

    private sealed record Setup(School School, StaffMember Teacher, StaffMember Ta, HttpClient Client);

    private async Task<Setup> CreateAsync(bool open = true)
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true);
        var teacher = await Data.CreateStaffAsync(school, lineManager: head);
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher);
        if (open)
        {
            await OpenAsync(school);
        }
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head);
        return new Setup(school, teacher, ta, await App.CreateSignedInClientAsync(leader));
    }

    private static string Url(School school) => $"/schools/{school.Urn}/appraisal/import-objectives";

    /// <summary>Posts the page's form with <paramref name="lines"/> as the file, as a browser would (multipart, with the antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, School school, string fileName, params string[] lines)
    {
        using var page = await client.GetAsync(Url(school));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = Html.FormWithField(await Html.ParseAsync(page), "Upload");
        var content = new MultipartFormDataContent
        {
            { new StringContent(Html.FormValues(form)["__RequestVerificationToken"]), "__RequestVerificationToken" },
        };
        if (lines.Length > 0)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "Upload", fileName);
        }
        return await client.PostAsync(Url(school), content);
    }

    private Task<List<Objective>> ObjectivesAsync(School school) =>
        Data.WithDbAsync(db => db.Objectives.Include(o => o.Appraisal).Where(o => o.Appraisal.Cycle.SchoolId == school.Id).OrderBy(o => o.Id).ToListAsync());

    [SkippableFact]
    public async Task Get_AsLeader_ExplainsTheColumnsAndLinksBackToTheSchoolsAppraisal()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await s.Client.GetAsync(Url(s.School));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("Import objectives", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(Header.Replace(",", ", "), document.QuerySelector("code")?.TextContent);
        Assert.Contains("pupil-progress, professional-development, school-priority or role-specific", document.QuerySelector("main")?.TextContent);
        Assert.Equal("Open appraisal cycle: 2026/27.", document.QuerySelector("#open-years")?.TextContent.Trim());
        Assert.Equal($"/schools/{s.School.Urn}/appraisal", document.QuerySelector(".govuk-back-link")?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("input[type=file][name=Upload]"));
    }

    [SkippableFact]
    public async Task Get_WithNoCycleOpen_WarnsToOpenOneFirst()
    {
        // Arrange
        var s = await CreateAsync(open: false);

        // Act
        using var response = await s.Client.GetAsync(Url(s.School));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("No appraisal cycle is open", document.QuerySelector(".govuk-warning-text")?.TextContent);
    }

    [SkippableFact]
    public async Task Get_AsLineManager_IsForbidden()
    {
        // Arrange
        var s = await CreateAsync();
        var manager = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.Teacher));

        // Act
        using var response = await manager.GetAsync(Url(s.School));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Post_FileWithABadRow_Returns400ListsTheRowAndStoresNothing()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await UploadAsync(s.Client, s.School, "objectives.csv", Header,
            $"{s.Ta.StaffRef},2026,Reading age of the Year 7 group,pupil-progress,Reading age up 9 months by July,Literacy",
            $"{s.Teacher.StaffRef},2026,Better feedback,professional-development,Give better feedback,");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("The file has 1 problem. Nothing was imported", document.QuerySelector(".govuk-error-summary")?.TextContent);
        var row = Assert.Single(document.QuerySelectorAll("#row-errors tbody tr"));
        Assert.Equal("3", row.QuerySelector("td")?.TextContent.Trim());
        Assert.Contains("success_criteria \"Give better feedback\" is not measurable", row.TextContent);
        Assert.Empty(await ObjectivesAsync(s.School));
    }

    [SkippableFact]
    public async Task Post_NoFile_Returns400AskingForOne()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await UploadAsync(s.Client, s.School, "none.csv");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select a CSV or XLSX file of objectives", await Html.ErrorSummaryAsync(response));
    }

    [SkippableFact]
    public async Task Post_FileOfAnotherType_Returns400()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await UploadAsync(s.Client, s.School, "objectives.txt", Header);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a CSV or XLSX", await Html.ErrorSummaryAsync(response));
    }

    [SkippableFact]
    public async Task Post_GoodFile_AddsTheObjectivesAndReturnsToTheSchoolsAppraisalWithTheCounts()
    {
        // Arrange
        var s = await CreateAsync();
        string[] file =
        [
            Header,
            $"{s.Ta.StaffRef},2026,Reading age of the Year 7 group,pupil-progress,Reading age up 9 months by July,Literacy",
            $"{s.Teacher.StaffRef},2026/27,Year 9 maths progress,pupil-progress,Progress score from -0.4 to 0 by July,",
        ];
        using (var first = await UploadAsync(s.Client, s.School, "first.csv", file[0], file[1]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // Act: the TA's row again, and the teacher's
        using var response = await UploadAsync(s.Client, s.School, "objectives.csv", file);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/schools/{s.School.Urn}/appraisal", response.Headers.Location?.OriginalString);
        Assert.Equal("Objectives imported: 1 added, 1 already there.", await SuccessBannerAsync(s.Client));
        var stored = await ObjectivesAsync(s.School);
        Assert.Equal(
            [(s.Ta.Id, "Reading age of the Year 7 group", "Literacy"), (s.Teacher.Id, "Year 9 maths progress", (string?)null)],
            stored.Select(o => (o.Appraisal.StaffMemberId, o.Title, o.SchoolPriority)));
    }

    /// <summary>
    /// The flash message the redirect leaves, read from a page every account may open: the school's appraisal page is
    /// another helper's, and the layout shows the banner on whichever page comes next.
    /// </summary>
    private static async Task<string?> SuccessBannerAsync(HttpClient client)
    {
        using var next = await client.GetAsync("/");
        var document = await Html.ParseAsync(next);
        return document.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim();
    }
}
