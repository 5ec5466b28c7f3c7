using System.Net;
using AngleSharp.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Tests.Progression.Profile;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression;

/// <summary>
/// A team's stages in one page (/schools/{urn}/progression/record) on <see cref="ProfileScenario"/>'s end of spring term 2025/26:
/// in post A (stage 4), B (not assessed), C (stage 1) and E (never assessed); D had left.
/// </summary>
public abstract class RecordStagesPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : RecordStagesPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : RecordStagesPageTests(app), IClassFixture<PostgresAppFactory>;

    private static string Url(ProfileScenario s) => $"/schools/{s.School.Urn}/progression/record?year=2025&checkpoint=3";

    [SkippableFact]
    public async Task Get_AsALeader_ListsEveryoneInPostWithTheirPreviousStage()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync(Url(s));

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Equal(new[] { s.A.Id, s.B.Id, s.C.Id, s.E.Id }.Order(), Rows(page).Keys.Order());
        Assert.StartsWith("3 Establishing", Previous(page, s.A)); // at the end of autumn term
        Assert.StartsWith("4 Consolidating", Previous(page, s.B)); // corrected from 3
        Assert.StartsWith("0 ", Previous(page, s.C));
        Assert.Equal("None recorded", Previous(page, s.E));
        Assert.Equal("4", Selected(page, s.A)); // recorded already
        Assert.Equal("", Selected(page, s.B));
        Assert.NotNull(page.GetElementById("criteria-teaching-text"));
    }

    [SkippableFact]
    public async Task Post_StagesForSeveral_RecordsThemTogetherAndLeavesUnchangedRowsAlone()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var (form, values, uri) = await PageForms.OpenAsync(client, Url(s), "Input.AssessedOn");
        var rows = RowNames(values);
        values[rows[s.B.Id]] = "5";
        values[rows[s.E.Id]] = "3";

        // Act: A stays at 4, as recorded
        using var response = await Html.SubmitAsync(client, form, values, uri);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Data.WithDbAsync(db => db.Assessments.Where(a => a.Year == 2025 && a.Checkpoint == 3 && a.StaffMember.SchoolId == s.School.Id)
            .Select(a => new { a.StaffMemberId, a.Stage, a.Version, a.IsCurrent, a.AssessedOn }).ToListAsync());
        Assert.Equal(5, after.Single(a => a.StaffMemberId == s.B.Id).Stage);
        Assert.Equal(3, after.Single(a => a.StaffMemberId == s.E.Id).Stage);
        Assert.Equal(new DateOnly(2026, 3, 27), after.Single(a => a.StaffMemberId == s.E.Id).AssessedOn);
        Assert.Single(after, a => a.StaffMemberId == s.A.Id); // no "correction" that corrects nothing
        using var shown = await client.GetAsync(response.Headers.Location);
        Assert.Contains("2 stages are recorded for the end of spring term, 2025/26.", (await Html.ParseAsync(shown)).Body!.TextContent);
    }

    [SkippableFact]
    public async Task Post_OneRowWrong_SavesNothingAndPutsTheErrorOnThatRow()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var (form, values, uri) = await PageForms.OpenAsync(client, Url(s), "Input.AssessedOn");
        var rows = RowNames(values);
        values[rows[s.B.Id]] = "5";
        values[rows[s.E.Id]] = "9";

        // Act
        using var response = await Html.SubmitAsync(client, form, values, uri);

        // Assert
        var eRow = rows[s.E.Id].Replace('.', '_').Replace('[', '_').Replace(']', '_');
        var page = await PageAssert.FormErrorsAsync(response, eRow);
        Assert.Contains("Eve", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(0, await Data.WithDbAsync(db => db.Assessments.CountAsync(a => a.Year == 2025 && a.Checkpoint == 3 && (a.StaffMemberId == s.B.Id || a.StaffMemberId == s.E.Id))));
        Assert.Equal("5", Selected(page, s.B)); // what was chosen is still there
    }

    [SkippableFact]
    public async Task Post_ADateInTheFuture_IsAnErrorOnTheDate()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var (form, values, uri) = await PageForms.OpenAsync(client, Url(s), "Input.AssessedOn");
        values[RowNames(values)[s.E.Id]] = "3";
        values["Input.AssessedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");

        // Act
        using var response = await Html.SubmitAsync(client, form, values, uri);

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_AssessedOn");
        Assert.Equal(0, await Data.WithDbAsync(db => db.Assessments.CountAsync(a => a.StaffMemberId == s.E.Id)));
    }

    [SkippableFact]
    public async Task Get_AsALineManager_ListsOnlyTheirTeamAndRefusesAnyoneElsePosted()
    {
        // Arrange: A manages B, who manages C
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.A));

        // Act
        using var response = await client.GetAsync(Url(s) + $"&team={s.E.Id}");
        var (form, values, uri) = await PageForms.OpenAsync(client, Url(s), "Input.AssessedOn");
        values["Rows[0].StaffMemberId"] = s.E.Id.ToString();
        values["Rows[0].Stage"] = "6";
        using var post = await Html.SubmitAsync(client, form, values, uri);

        // Assert
        Assert.Equal(new[] { s.B.Id, s.C.Id }.Order(), Rows(await PageAssert.OkAsync(response)).Keys.Order());
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(0, await Data.WithDbAsync(db => db.Assessments.CountAsync(a => a.StaffMemberId == s.E.Id)));
    }

    /// <summary>Each row's staff id and its index.</summary>
    private static Dictionary<int, int> Rows(IDocument page) =>
        page.QuerySelectorAll("#record-table tbody tr").Select((r, i) => (Id: int.Parse(r.GetAttribute("data-staff-id")!), i)).ToDictionary(r => r.Id, r => r.i);

    /// <summary>Each person's stage field name in the posted form, from its hidden StaffMemberId.</summary>
    private static Dictionary<int, string> RowNames(Dictionary<string, string> values) =>
        values.Where(v => v.Key.EndsWith(".StaffMemberId", StringComparison.Ordinal))
            .ToDictionary(v => int.Parse(v.Value), v => v.Key.Replace(".StaffMemberId", ".Stage"));

    private static IElement Row(IDocument page, StaffMember person) =>
        page.QuerySelector($"#record-table tr[data-staff-id='{person.Id}']")!;

    private static string Previous(IDocument page, StaffMember person) => ProfilePage.Text(Row(page, person).QuerySelector("[data-previous]"));

    private static string Selected(IDocument page, StaffMember person) =>
        Row(page, person).QuerySelector("select option[selected]")?.GetAttribute("value") ?? "";
}
