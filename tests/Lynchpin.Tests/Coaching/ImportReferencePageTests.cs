using System.Net;
using System.Text;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Imports;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Coaching;

/// <summary>
/// The upload page of <c>import outcomes-reference</c> (/coaching/outcomes-reference): a virtual school uploads the DfE's file
/// and the figures are stored, listed by year and audited; a file with bad rows is a 400 listing each line, with nothing
/// stored; a coach and a school leader may not open it.
/// </summary>
public abstract class ImportReferencePageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ImportReferencePageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : ImportReferencePageTests(app), IClassFixture<PostgresAppFactory>;

    private const string Page = "/coaching/outcomes-reference";

    [SkippableFact]
    public async Task Post_VirtualSchoolUploadsTheDfeFile_FiguresStoredListedByYearAndAudited()
    {
        // Arrange
        var user = await Data.CreateUserAsync(UserRole.VirtualSchool, laCode: CoachingScenario.ExampleshireNew);
        using var client = await App.CreateSignedInClientAsync(user);
        var (form, values, pageUri) = await PageForms.OpenAsync(client, Page, "Upload");
        var bytes = await File.ReadAllBytesAsync(ImportFiles.TestFile("outcomes-cla-absence-sample.csv"));

        // Act
        using var saved = await Html.SubmitWithFileAsync(client, form, values, "Upload", "cla-absence.csv", bytes, pageUri);
        using var page = await client.GetAsync(Page);

        // Assert
        PageAssert.RedirectsTo(saved, Page);
        var document = await PageAssert.OkAsync(page);
        Assert.Contains("Reference figures imported: 48 added, 0 revised, 0 unchanged", PageAssert.Text(document.QuerySelector("main")));
        var england = await Data.WithDbAsync(db => db.OutcomeReferences.AsNoTracking()
            .SingleAsync(r => r.Year == 2023 && r.Level == ReferenceLevel.National && r.SocialCareGroup == "CLA 12 months at 31 March" && r.Measure == "pt_overall"));
        Assert.Equal(13.3m, england.Value);
        var rows = document.QuerySelectorAll("#stored tbody tr").Select(r => PageAssert.Text(r)).ToList();
        Assert.Contains(rows, r => r.StartsWith("2023/24 Yes", StringComparison.Ordinal));
        Assert.True(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.UserId == user.Id && e.Detail!.Contains("outcomes-reference"))));
    }

    [SkippableFact]
    public async Task Post_FileWithBadRows_Is400ListingEachLineAndStoresNothing()
    {
        // Arrange: 2018/19, a year no test stores
        var user = await Data.CreateUserAsync(UserRole.VirtualSchool, laCode: CoachingScenario.ExampleshireNew);
        using var client = await App.CreateSignedInClientAsync(user);
        var header = File.ReadLines(ImportFiles.TestFile("outcomes-cla-absence-sample.csv")).First();
        var good = "201819,Academic year,National,E92000001,England,,,,,,six half terms,CLA 12 months at 31 March,Total,86077,79017,19729,13.3,76400,21.6,45871,12.8,86010,22.5,51394,8.2";
        var csv = string.Join("\n", header, good, good.Replace("201819", "2018/19", StringComparison.Ordinal), good.Replace(",13.3,", ",lots,", StringComparison.Ordinal));
        var (form, values, pageUri) = await PageForms.OpenAsync(client, Page, "Upload");

        // Act
        using var refused = await Html.SubmitWithFileAsync(client, form, values, "Upload", "cla-absence.csv", Encoding.UTF8.GetBytes(csv), pageUri);

        // Assert
        var document = await PageAssert.FormErrorsAsync(refused, "Upload");
        var problems = document.QuerySelectorAll("#row-errors tbody tr").Select(r => PageAssert.Text(r)).ToList();
        Assert.Contains(problems, p => p.StartsWith("3 ", StringComparison.Ordinal) && p.Contains("time_period", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("4 ", StringComparison.Ordinal) && p.Contains("pt_overall", StringComparison.Ordinal));
        Assert.False(await Data.WithDbAsync(db => db.OutcomeReferences.AnyAsync(r => r.Year == 2018)));
    }

    [SkippableTheory]
    [InlineData(UserRole.Coach)]
    [InlineData(UserRole.SchoolLeader)]
    public async Task Get_CoachOrSchoolLeader_IsForbidden(UserRole role)
    {
        // Arrange
        var user = role == UserRole.SchoolLeader
            ? await Data.CreateUserAsync(role, school: await Data.CreateSchoolAsync())
            : await Data.CreateUserAsync(role);
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var response = await client.GetAsync(Page);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
