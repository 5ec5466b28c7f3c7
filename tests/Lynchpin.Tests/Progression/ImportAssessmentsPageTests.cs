using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression;

/// <summary>/schools/{urn}/import-assessments: a leader uploads a file; a bad row changes nothing and is listed.</summary>
public abstract class ImportAssessmentsPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ImportAssessmentsPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ImportAssessmentsPageTests(app), IClassFixture<PostgresAppFactory>;

    private const string Header = "staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note";

    private sealed record Setup(School School, StaffMember Head, StaffMember Teacher, StaffMember Assistant, HttpClient Client);

    private async Task<Setup> CreateAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true, firstName: "Helen");
        var teacher = await Data.CreateStaffAsync(school, lineManager: head);
        var assistant = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, lineManager: teacher);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head);
        return new Setup(school, head, teacher, assistant, await App.CreateSignedInClientAsync(leader));
    }

    /// <summary>Posts the page's form with <paramref name="lines"/> as the file, as a browser would (multipart, with the antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, School school, string fileName, params string[] lines)
    {
        var url = $"/schools/{school.Urn}/import-assessments";
        using var page = await client.GetAsync(url);
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
        return await client.PostAsync(url, content);
    }

    private Task<List<Assessment>> AssessmentsOfAsync(School school) =>
        Data.WithDbAsync(db => db.Assessments.Include(a => a.StaffMember)
            .Where(a => a.StaffMember.SchoolId == school.Id).OrderBy(a => a.Checkpoint).ToListAsync());

    [SkippableFact]
    public async Task Get_Template_IsACsvOfTheColumnsForThoseWhoMayImport()
    {
        // Arrange
        var s = await CreateAsync();
        using var staff = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Assistant));
        var url = $"/schools/{s.School.Urn}/import-assessments?handler=Template";

        // Act
        using var page = await s.Client.GetAsync($"/schools/{s.School.Urn}/import-assessments");
        using var template = await s.Client.GetAsync(url);
        using var refused = await staff.GetAsync(url);

        // Assert: linked from the page; the header row and nothing else; a Staff account may not have it
        Assert.Equal(url, (await Html.ParseAsync(page)).GetElementById("template")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        Assert.Equal("assessments-template.csv", template.Content.Headers.ContentDisposition!.FileNameStar ?? template.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Header + "\r\n", Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [SkippableFact]
    public async Task Get_AsLeader_ExplainsTheColumns()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await s.Client.GetAsync($"/schools/{s.School.Urn}/import-assessments");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("Import assessments", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(Header.Replace(",", ", "), document.QuerySelector("code")?.TextContent);
        Assert.NotNull(document.QuerySelector("input[type=file][name=Upload]"));
    }

    [SkippableFact]
    public async Task Post_FileWithABadRow_Returns400ListsTheRowAndStoresNothing()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await UploadAsync(s.Client, s.School, "assessments.csv",
            Header,
            $"{s.Teacher.StaffRef},2025,1,3,2025-10-08,{s.Head.StaffRef},Good start",
            $"{s.Assistant.StaffRef},2025,1,9,2025-10-08,{s.Teacher.StaffRef},");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("Nothing was imported", document.QuerySelector(".govuk-error-summary")?.TextContent);
        var rows = document.QuerySelectorAll("#row-errors tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal("3", row.QuerySelector("td")?.TextContent.Trim());
        Assert.Contains("stage \"9\" is not valid", row.TextContent);
        Assert.Empty(await AssessmentsOfAsync(s.School));
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
        Assert.Contains("Select a CSV or XLSX file of assessments", await Html.ErrorSummaryAsync(response));
    }

    [SkippableFact]
    public async Task Post_FileOfAnotherType_Returns400()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        using var response = await UploadAsync(s.Client, s.School, "assessments.txt", Header);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a CSV or XLSX", await Html.ErrorSummaryAsync(response));
    }

    [SkippableFact]
    public async Task Post_GoodFile_StoresItAsTheLeaderAndShowsTheCounts()
    {
        // Arrange: the teacher already has checkpoint 1, so the file corrects it
        var s = await CreateAsync();
        using (var first = await UploadAsync(s.Client, s.School, "first.csv", Header, $"{s.Teacher.StaffRef},2025,1,3,2025-10-08,,"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // Act
        using var response = await UploadAsync(s.Client, s.School, "assessments.csv",
            Header,
            $"{s.Teacher.StaffRef},2025/26,1,4,2025-10-09,{s.Head.StaffRef},Moderated",
            $"{s.Assistant.StaffRef},2025,1,2,2025-10-08,{s.Teacher.StaffRef},");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/schools/{s.School.Urn}", response.Headers.Location?.OriginalString);
        using var next = await s.Client.GetAsync(response.Headers.Location);
        Assert.Contains("Assessments imported: 1 added, 1 corrected, 0 unchanged.", await next.Content.ReadAsStringAsync());
        var stored = await AssessmentsOfAsync(s.School);
        Assert.Equal(
            [(s.Teacher.StaffRef, 1, 3, false), (s.Teacher.StaffRef, 2, 4, true), (s.Assistant.StaffRef, 1, 2, true)],
            stored.OrderBy(a => a.StaffMember.StaffRef == s.Assistant.StaffRef).ThenBy(a => a.Version)
                .Select(a => (a.StaffMember.StaffRef, a.Version, a.Stage, a.IsCurrent)));
        Assert.All(stored, a => Assert.Equal(s.Head.FullName, a.RecordedByName));
        Assert.All(stored, a => Assert.NotNull(a.RecordedByUserId));
    }
}
