using System.Net;
using System.Text;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Outcomes;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Outcomes;

/// <summary>The school outcomes page, the trust comparison and the trust's import page over HTTP, on both databases.</summary>
public abstract class OutcomePagesTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : OutcomePagesTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : OutcomePagesTests(app), IClassFixture<PostgresAppFactory>;

    private Task ImportAsync(OutcomeFile kind, int year, string csv) => Data.WithServicesAsync(async sp =>
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var result = await sp.GetRequiredService<OutcomeImports>().ImportAsync(new OutcomeImportRequest(kind, year, stream, "f.csv"));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return 0;
    });

    /// <summary>Two people assessed at checkpoint 4 of <paramref name="year"/>, at stages 3 and 5.</summary>
    private async Task AssessAsync(School school, int year)
    {
        var (a, b) = (await Data.CreateStaffAsync(school), await Data.CreateStaffAsync(school, RoleFamily.LearningSupport));
        await Data.WithDbAsync(async db =>
        {
            foreach (var (person, stage) in new[] { (a, 3), (b, 5) })
            {
                db.Assessments.Add(new Assessment
                {
                    StaffMemberId = person.Id, Year = year, Checkpoint = 4, Stage = stage,
                    AssessedOn = new DateOnly(year + 1, 7, 10), RecordedAt = DateTime.UtcNow, RecordedByName = "Test",
                });
            }
            return await db.SaveChangesAsync();
        });
    }

    [SkippableFact]
    public async Task Get_SchoolOutcomesAsLeader_ShowsYearsWithIntervalsBesideLynchpinMeasures()
    {
        // Arrange: Progress 8 for two years, suppressed attainment in the second, two people assessed in 2023
        var school = await Data.CreateSchoolAsync();
        await ImportAsync(OutcomeFile.Ks4, 2022, $"URN,P8MEA,P8CILOW,P8CIUPP,ATT8SCR\n{school.Urn},-0.14,-0.38,0.10,44.1\n");
        await ImportAsync(OutcomeFile.Ks4, 2023, $"URN,P8MEA,P8CILOW,P8CIUPP,ATT8SCR\n{school.Urn},-0.01,-0.25,0.23,SUPP\n");
        await AssessAsync(school, 2023);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/schools/{school.Urn}/outcomes");

        // Assert
        var page = await PageAssert.OkAsync(response);
        var table = page.GetElementById("outcomes-table")!;
        Assert.Equal(["2022/23", "2023/24"], table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent.Trim()));
        Assert.Equal(["-0.14 (-0.38 to 0.1)", "-0.01 (-0.25 to 0.23)"], Cells(table, OutcomeMeasures.P8));
        Assert.Equal(["44.1", "– (SUPP)"], Cells(table, OutcomeMeasures.Att8));
        Assert.Equal(["–", "4 (n = 2)"], Cells(table, "meanStage"));
        Assert.Equal(["–", "100 (n = 2)"], Cells(table, "shareStage3To5"));
        var sentences = page.QuerySelectorAll("#changes li").Select(li => li.TextContent).ToList();
        Assert.Contains("Progress 8 rose from -0.14 in 2022/23 to -0.01 in 2023/24 (+0.13). The change is within the 2023/24 interval (±0.24), so it may be no more than chance.", sentences);
        Assert.All(sentences, s => Assert.DoesNotMatch("(?i)because|caused|led to|due to|result of", s));
        Assert.NotNull(page.QuerySelector("script[data-chart='outcomes-chart']"));
    }

    [SkippableFact]
    public async Task Get_TrustOutcomesSortedByProgress8_ListsEverySchoolWithTheTrustWeightedByPupils()
    {
        // Arrange: three schools, one without figures; trust P8 = (0.3 × 100 + -0.1 × 300) / 400 = 0
        var trust = await Data.CreateTrustAsync();
        var (a, b, c) = (await Data.CreateSchoolAsync(trust, "A school"), await Data.CreateSchoolAsync(trust, "B school"), await Data.CreateSchoolAsync(trust, "C school"));
        await ImportAsync(OutcomeFile.Ks4, 2023, $"URN,TOTPUPS,P8MEA,P8CILOW,P8CIUPP\n{a.Urn},100,0.3,0.1,0.5\n{b.Urn},300,-0.1,-0.2,0.0\n");
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/trusts/{trust.Code}/outcomes?year=2023&sort=p8");

        // Assert
        var page = await PageAssert.OkAsync(response);
        var urns = page.QuerySelectorAll("#comparison tbody tr[data-urn]").Select(tr => tr.GetAttribute("data-urn")).ToList();
        Assert.Equal([$"{b.Urn}", $"{a.Urn}", $"{c.Urn}"], urns); // ascending, the school without a figure last
        Assert.Equal("0", page.QuerySelectorAll("#trust-row td").First().TextContent.Trim());
        Assert.Contains("no correlation can be worked out", page.GetElementById("correlation")!.TextContent);
        Assert.NotNull(page.QuerySelector(".govuk-warning-text"));
    }

    [SkippableFact]
    public async Task Post_TrustImportPage_ImportsTheTrustsSchoolsAndRedirectsToTheYear()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var other = await Data.CreateSchoolAsync();
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateSignedInClientAsync(admin);
        var (form, values, pageUri) = await PageForms.OpenAsync(client, $"/trusts/{trust.Code}/outcomes/import/workforce", "Upload");
        values["Year"] = "2023/24";
        var csv = Encoding.UTF8.GetBytes($"URN,Total Number of Teachers (Headcount),Total Number of Teaching Assistants (Headcount),Something Else\n{school.Urn},61,c,7\n{other.Urn},40,12,1\n");

        // Act
        using var response = await Html.SubmitWithFileAsync(client, form, values, "Upload", "census.csv", csv, pageUri);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/trusts/{trust.Code}/outcomes?year=2023", response.Headers.Location?.OriginalString);
        var stored = await Data.WithDbAsync(db => db.SchoolOutcomes.Where(o => o.Year == 2023 && (o.SchoolId == school.Id || o.SchoolId == other.Id)).ToListAsync());
        Assert.Equal(61m, stored.Single(o => o.SchoolId == school.Id && o.Measure == OutcomeMeasures.TeachersHeadcount).Value);
        Assert.Equal("c", stored.Single(o => o.Measure == OutcomeMeasures.TasHeadcount).Marker);
        Assert.DoesNotContain(stored, o => o.SchoolId == other.Id);
    }

    [SkippableFact]
    public async Task Post_TrustImportPageWithBadYearAndNoFile_Shows400WithEachError()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await PageForms.SubmitAsync(client, $"/trusts/{trust.Code}/outcomes/import/ks4", "Year", new Dictionary<string, string> { ["Year"] = "last year" });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Year", "Upload");
    }

    private static List<string> Cells(AngleSharp.Dom.IElement table, string measure) =>
        table.QuerySelectorAll($"tr[data-measure='{measure}'] td").Select(td => td.TextContent.Trim()).ToList();
}

/// <summary>The outcomes API on both databases: the trust's rows with exactly the documented keys, and a school's years.</summary>
public abstract class OutcomesApiTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : OutcomesApiTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : OutcomesApiTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_TrustOutcomes_OneRowPerSchoolWithTheFilesFiguresAndNullWhereMissing()
    {
        // Arrange: KS4 for one school (suppressed Attainment 8), the census for both
        var trust = await Data.CreateTrustAsync();
        var (a, b) = (await Data.CreateSchoolAsync(trust), await Data.CreateSchoolAsync(trust));
        await Data.WithServicesAsync(async sp =>
        {
            var imports = sp.GetRequiredService<OutcomeImports>();
            using var ks4 = new MemoryStream(Encoding.UTF8.GetBytes($"URN,P8MEA,P8CILOW,P8CIUPP,ATT8SCR\n{a.Urn},0.21,0.02,0.40,NE\n"));
            await imports.ImportAsync(new OutcomeImportRequest(OutcomeFile.Ks4, 2023, ks4, "ks4.csv"));
            using var census = new MemoryStream(Encoding.UTF8.GetBytes(
                $"URN,Total Number of Teachers (Headcount),Total Number of Teaching Assistants (Headcount),Ratio of Teaching Assistants to All Teachers (Full-Time Equivalent)\n{a.Urn},64,31,0.4\n{b.Urn},20,x,0.9\n"));
            return await imports.ImportAsync(new OutcomeImportRequest(OutcomeFile.Workforce, 2023, census, "census.csv"));
        });
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateBearerClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/api/trusts/{trust.Code}/outcomes?year=2023");
        using var school = await client.GetAsync($"/api/schools/{a.Urn}/outcomes");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            ["urn", "p8", "p8Low", "p8High", "att8", "teachersHeadcount", "tasHeadcount", "taTeacherRatioFte", "meanStage", "shareStage3To5",
             "shareOnTrack", "shareSupportOnTrack", "cpdHoursTeaching", "cpdHoursSupport", "observationCoverage"],
            rows[0].EnumerateObject().Select(p => p.Name));
        var first = rows.Single(r => r.GetProperty("urn").GetString() == $"{a.Urn}");
        Assert.Equal((0.21m, 0.02m, 0.40m), (first.GetProperty("p8").GetDecimal(), first.GetProperty("p8Low").GetDecimal(), first.GetProperty("p8High").GetDecimal()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("att8").ValueKind);
        Assert.Equal(31m, first.GetProperty("tasHeadcount").GetDecimal());
        var second = rows.Single(r => r.GetProperty("urn").GetString() == $"{b.Urn}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("p8").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("tasHeadcount").ValueKind);
        Assert.Equal(0.9m, second.GetProperty("taTeacherRatioFte").GetDecimal());

        Assert.Equal(HttpStatusCode.OK, school.StatusCode);
        using var years = System.Text.Json.JsonDocument.Parse(await school.Content.ReadAsStringAsync());
        var year = years.RootElement.GetProperty("years").EnumerateArray().Single();
        Assert.Equal(2023, year.GetProperty("year").GetInt32());
        Assert.Equal(0.21m, year.GetProperty("outcomes").GetProperty("p8").GetDecimal());
        Assert.Equal("NE", year.GetProperty("markers").GetProperty("att8").GetString());
    }

    [SkippableFact]
    public async Task Get_TrustOutcomesWithBadYear_IsAProblem400()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateBearerClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/api/trusts/{trust.Code}/outcomes?year=last");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Get_OpenApiDocument_ListsTheOutcomesEndpointsAndTheirKeys()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/openapi/v1.json");

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/schools/{urn}/outcomes", paths);
        Assert.Contains("/api/trusts/{code}/outcomes", paths);
        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("TrustOutcomeDto");
        Assert.Contains("taTeacherRatioFte", schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }
}
