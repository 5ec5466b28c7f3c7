using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Outcomes;
using Lynchpin.Tests.Appraisals;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Outcomes;

/// <summary>
/// Objectives against outcomes (issue 16 item 4) on the appraisal page: an objective naming disadvantaged pupils and Progress 8
/// shows the school's published figure for its year with the interval beside its target; a suppressed figure says suppressed;
/// a year without a file, or a class the files do not publish for, has no published figure; a measure the files do not publish
/// (reading age) shows nothing.
/// </summary>
public abstract class ObjectiveOutcomesTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ObjectiveOutcomesTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : ObjectiveOutcomesTests(app), IClassFixture<PostgresAppFactory>;

    private static ObjectiveInput Goal(string title, string group, string measure, string target) =>
        new(title, $"{group}: {measure} to {target} by July 2026", ObjectiveType.PupilProgress, PupilGroup: group, Measure: measure, Baseline: "-0.40", Target: target);

    [SkippableFact]
    public async Task Get_AppraisalWithObjectivesNamingPublishedMeasures_ShowsEachFigureSuppressedOrNoneBesideTheTarget()
    {
        // Arrange: the school's 2025/26 KS4 file holds disadvantaged pupils' Progress 8 with its interval and a suppressed Attainment 8
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, jobTitle: "Headteacher");
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, jobTitle: "Assistant head (KS4)");
        await OpenAsync(school);
        await Data.WithDbAsync(async db =>
        {
            foreach (var (measure, value, marker) in new (string, decimal?, string?)[]
            {
                (OutcomeMeasures.P8Disadvantaged, -0.33m, null), (OutcomeMeasures.P8DisadvantagedLow, -0.55m, null),
                (OutcomeMeasures.P8DisadvantagedHigh, -0.11m, null), (OutcomeMeasures.Att8, null, "SUPP"),
            })
            {
                db.SchoolOutcomes.Add(new SchoolOutcome { SchoolId = school.Id, Year = Year, Measure = measure, Value = value, Marker = marker, ImportedAt = DateTime.UtcNow });
            }
            return await db.SaveChangesAsync();
        });
        var appraisal = await AppraisalOfAsync(teacher);
        var ids = new List<int>();
        foreach (var goal in new[]
        {
            Goal("Disadvantaged pupils' progress", "disadvantaged pupils in Year 11", "Progress 8", "-0.15"),
            Goal("Attainment of the year", "all pupils in Year 11", "Attainment 8", "47"),
            Goal("My class's progress", "my Year 11 maths class", "Progress 8", "0.2"),
            Goal("Reading group", "Year 7 reading group", "reading age", "9y 11m"),
        })
        {
            var added = await AddObjectiveAsync(appraisal, goal);
            AssertDone(added);
            ids.Add(added.Value!.Id);
        }
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head));

        // Act
        using var response = await client.GetAsync($"/staff/{teacher.Id}/appraisal?year={Year}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        string Shown(int id) => PageAssert.Text(document.GetElementById($"outcome-{id}"));
        Assert.Contains("Progress 8, disadvantaged pupils, 2025/26: -0.33 (95 % interval -0.55 to -0.11). Target: -0.15.", Shown(ids[0]));
        Assert.Contains("does not show what the work did", Shown(ids[0]));
        Assert.Equal("suppressed", document.QuerySelector($"#outcome-{ids[1]} [data-published]")!.GetAttribute("data-published"));
        Assert.Contains("Attainment 8, 2025/26: suppressed in the published file (SUPP).", Shown(ids[1]));
        Assert.Contains("No published figure for this group", Shown(ids[2]));
        Assert.Null(document.GetElementById($"outcome-{ids[3]}"));
    }

    [SkippableFact]
    public async Task Get_AppraisalInAYearNoFileHolds_SaysNoPublishedFigure()
    {
        // Arrange: figures for last year only
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, jobTitle: "Headteacher");
        await OpenAsync(school);
        await Data.WithDbAsync(async db =>
        {
            db.SchoolOutcomes.Add(new SchoolOutcome { SchoolId = school.Id, Year = Year - 1, Measure = OutcomeMeasures.P8Disadvantaged, Value = -0.2m, ImportedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var added = await AddObjectiveAsync(await AppraisalOfAsync(head), Goal("Pupil premium progress", "pupil premium pupils", "Progress 8", "-0.1"));
        AssertDone(added);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head));

        // Act
        using var response = await client.GetAsync($"/staff/{head.Id}/appraisal?year={Year}");

        // Assert
        var text = PageAssert.Text((await PageAssert.OkAsync(response)).GetElementById($"outcome-{added.Value!.Id}"));
        Assert.Contains("No published figure for Progress 8, disadvantaged pupils, 2025/26.", text);
        Assert.Contains("Target: -0.1.", text);
    }
}

/// <summary>Which published measure an objective's own words name (unit).</summary>
public class ObjectiveOutcomeMatchTests
{
    [Theory]
    [InlineData("disadvantaged pupils in Year 11", "Progress 8", OutcomeMeasures.P8Disadvantaged, true)]
    [InlineData("Pupil premium pupils", "P8 score", OutcomeMeasures.P8Disadvantaged, true)]
    [InlineData("All pupils", "Attainment 8", OutcomeMeasures.Att8, true)]
    [InlineData("the whole cohort", "Persistent absence rate", OutcomeMeasures.PersistentAbsence, true)]
    [InlineData("my Year 11 maths class", "Progress 8", OutcomeMeasures.P8, false)]
    [InlineData("disadvantaged pupils", "Grade 5 or above in English and maths", OutcomeMeasures.Basics95, false)]
    public void Match_GroupAndMeasureAsWritten_NameThePublishedMeasure(string group, string measure, string code, bool forGroup)
    {
        // Act
        var match = ObjectiveOutcomes.Match(group, measure);

        // Assert
        Assert.Equal((code, forGroup), (match!.Value.Measure.Code, match.Value.ForGroup));
    }

    [Theory]
    [InlineData("Year 7 reading group", "reading age")]
    [InlineData("all pupils", "P80 reading score")]
    [InlineData(null, "Progress 8")]
    [InlineData("disadvantaged pupils", null)]
    public void Match_MeasureNotPublishedOrGroupMissing_IsNone(string? group, string? measure)
    {
        // Act
        var match = ObjectiveOutcomes.Match(group, measure);

        // Assert
        Assert.Null(match);
    }
}
