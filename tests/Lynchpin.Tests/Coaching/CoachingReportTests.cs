using System.Net;
using ClosedXML.Excel;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Kernel;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Coaching;

/// <summary>
/// A school's coaching report (/api/schools/{urn}/coaching/report, linked from its coaching page) as CSV and XLSX: the
/// visits, plan, PEP counts and impact, with no pupil named in it, and text that looks like a formula kept as text.
/// </summary>
public abstract class CoachingReportTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CoachingReportTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CoachingReportTests(app), IClassFixture<PostgresAppFactory>;

    private static string Report(CoachingScenario s, string format) => $"/api/schools/{s.SchoolA1.Urn}/coaching/report?year={s.Year}&format={format}";

    private async Task<CoachingScenario> ScenarioWithAnActionAsync(string description)
    {
        var s = await CoachingScenario.CreateAsync(Data);
        var saved = await Data.WithServicesAsync(sp => sp.GetRequiredService<ActionPlans>().SaveActionAsync(s.SchoolA1.Id, s.Year, null,
            new PlanActionInput { Area = CoachingArea.Leadership, Description = description, OwnerId = s.Champion.Id }, new Recorder(null, "Test")));
        Assert.True(saved.Succeeded);
        return s;
    }

    [SkippableFact]
    public async Task Get_CsvReportAsTheSchoolLeader_HasTheVisitsPlanAndPepCountsAndNamesNoPupil()
    {
        // Arrange
        var s = await ScenarioWithAnActionAsync("Key adult for every looked-after child");
        using var leader = await App.CreateSignedInClientAsync(s.Leader);

        // Act
        using var response = await leader.GetAsync(Report(s, "csv"));
        var csv = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(s.Today.ToString("yyyy-MM-dd"), csv);
        Assert.Contains("Key adult for every looked-after child", csv);
        Assert.Contains(s.Champion.FullName, csv);
        foreach (var pupil in new[] { s.P1, s.P2 })
        {
            Assert.DoesNotContain(pupil.LastName, csv);
            Assert.DoesNotContain(pupil.Upn, csv);
        }
    }

    [SkippableFact]
    public async Task Get_XlsxReportAsTheCoach_HasASheetATableAndKeepsFormulaLikeTextAsText()
    {
        // Arrange
        var s = await ScenarioWithAnActionAsync("=HYPERLINK(\"https://example.invalid\",\"Click\")");
        using var coach = await App.CreateSignedInClientAsync(s.Coach);

        // Act
        using var response = await coach.GetAsync(Report(s, "xlsx"));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Visits", "Aims", "Actions", "Reviews", "Focus groups", "PEPs", "Impact"], workbook.Worksheets.Select(w => w.Name));
        var action = workbook.Worksheet("Actions").Cell(2, 2);
        Assert.False(action.HasFormula);
        Assert.StartsWith("=HYPERLINK", action.GetString());
        var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.DoesNotContain(cells, c => c.Contains(s.P1.LastName, StringComparison.Ordinal) || c.Contains(s.P1.Upn, StringComparison.Ordinal));
    }
}
