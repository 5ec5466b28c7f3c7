using System.Net;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>
/// The bulk pages: a shared objective for a group, and moving appraisers. One school, cycle 2025/26 opened in the autumn:
/// <code>
/// Head (SLT) ─┬─ Mira (teaching) ─┬─ Tia (TA)           draft, no objectives
///             │                   └─ Tom (teacher)      draft, no objectives
///             ├─ Nat (teaching) ──── Sid (site)         agreed (2 objectives)
///             └─ Ann (administration)                   draft, 5 objectives (the most allowed)
/// </code>
/// </summary>
public abstract class BulkPagesTests(LynchpinAppFactory app) : SchoolAppraisalTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : BulkPagesTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : BulkPagesTests(app), IClassFixture<PostgresMarchAppFactory>;

    private sealed record Bulk(School School, StaffMember Head, StaffMember Mira, StaffMember Tia, StaffMember Tom, StaffMember Nat, StaffMember Sid, StaffMember Ann);

    private async Task<Bulk> BulkAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, firstName: "Hope");
        var mira = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Mira");
        var tia = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, mira, firstName: "Tia");
        var tom = await Data.CreateStaffAsync(school, RoleFamily.Teaching, mira, firstName: "Tom");
        var nat = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Nat");
        var sid = await Data.CreateStaffAsync(school, RoleFamily.Site, nat, firstName: "Sid");
        var ann = await Data.CreateStaffAsync(school, RoleFamily.Administration, head, firstName: "Ann");
        await OpenAsync(school);
        await AgreedAsync(sid);
        var annAppraisal = await AppraisalOfAsync(ann);
        for (var i = 0; i < AppraisalRules.MaxObjectives; i++)
        {
            AssertDone(await AddObjectiveAsync(annAppraisal, i == 0 ? PupilProgress : RoleSpecific with { Title = $"Role objective {i}" }));
        }
        return new Bulk(school, head, mira, tia, tom, nat, sid, ann);
    }

    private Task<List<string>> ObjectiveTitlesAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.Objectives.Where(o => o.Appraisal.StaffMemberId == person.Id).OrderBy(o => o.SortOrder).Select(o => o.Title).ToListAsync());

    private Task<int?> AppraiserOfAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.Appraisals.Where(a => a.StaffMemberId == person.Id).Select(a => a.AppraiserId).SingleAsync());

    private Task<int> AppraisalIdAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.Appraisals.Where(a => a.StaffMemberId == person.Id).Select(a => a.Id).SingleAsync());

    private static Dictionary<string, string> Attendance(string group) => new()
    {
        ["Input.Group"] = group,
        ["Input.Title"] = "Pupils in school more",
        ["Input.SuccessCriteria"] = "Attendance of the Year 9 group rises from 91% to 95% by July",
        ["Input.Type"] = "school-priority",
        ["Input.SchoolPriority"] = "Attendance",
        ["Input.Measure"] = "attendance %",
        ["Input.Baseline"] = "91%",
        ["Input.Target"] = "95%",
    };

    [SkippableFact]
    public async Task Post_SharedObjectiveForSupportStaff_AddsItAndNamesWhoWasLeftOutAndWhy()
    {
        // Arrange
        var s = await BulkAsync();
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/shared-objective?year=2025";

        // Act
        using var response = await PostFormAsync(client, url, "Input.Title", Attendance("support"));
        var page = await PageAsync(client, url);

        // Assert: Tia got it; Sid's are agreed, Ann has five; teachers are not in the group
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Pupils in school more"], await ObjectiveTitlesAsync(s.Tia));
        var added = await Data.WithDbAsync(db => db.Objectives.SingleAsync(o => o.Appraisal.StaffMemberId == s.Tia.Id));
        Assert.Equal((ObjectiveType.SchoolPriority, "Attendance", "attendance %", "91%", "95%"), (added.Type, added.SchoolPriority, added.Measure, added.Baseline, added.Target));
        Assert.Equal(2, (await ObjectiveTitlesAsync(s.Sid)).Count);
        Assert.Equal(AppraisalRules.MaxObjectives, (await ObjectiveTitlesAsync(s.Ann)).Count);
        Assert.Empty(await ObjectiveTitlesAsync(s.Tom));

        Assert.Equal("‘Pupils in school more’ for support staff", Text(page.GetElementById("outcome")));
        Assert.Equal([s.Tia.FullName], page.QuerySelectorAll("#added li").Select(Text));
        Assert.Equal([s.Sid.FullName], page.QuerySelectorAll("#skipped-agreed li").Select(Text));
        Assert.Equal([s.Ann.FullName], page.QuerySelectorAll("#skipped-full li").Select(Text));
        Assert.Contains("is added to the objectives of 1 person", Text(page.QuerySelector(".govuk-notification-banner")));
    }

    [SkippableFact]
    public async Task Post_SharedObjectiveForALineManagersTeam_GoesToEveryoneBelowThem()
    {
        // Arrange
        var s = await BulkAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await PostFormAsync(client, $"/schools/{s.School.Urn}/appraisal/shared-objective?year=2025", "Input.Title", Attendance($"team:{s.Mira.Id}"));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Pupils in school more"], await ObjectiveTitlesAsync(s.Tia));
        Assert.Equal(["Pupils in school more"], await ObjectiveTitlesAsync(s.Tom));
        Assert.Empty(await ObjectiveTitlesAsync(s.Mira));
        Assert.Empty(await ObjectiveTitlesAsync(s.Head));
    }

    [SkippableFact]
    public async Task Post_SharedObjectiveMissingItsGroupTitleAndType_Returns400AndAddsNothing()
    {
        // Arrange
        var s = await BulkAsync();
        var other = await Data.CreateSchoolAsync();
        var otherManager = await Data.CreateStaffAsync(other);
        await Data.CreateStaffAsync(other, lineManager: otherManager);
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/shared-objective?year=2025";
        var before = await Data.WithDbAsync(db => db.Objectives.CountAsync());

        // Act
        using var empty = await PostFormAsync(client, url, "Input.Title", new Dictionary<string, string>
        {
            ["Input.Group"] = "",
            ["Input.Title"] = " ",
            ["Input.SuccessCriteria"] = "Attendance rises to 95%",
        });
        using var elsewhere = await PostFormAsync(client, url, "Input.Title", Attendance($"team:{otherManager.Id}"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await Html.ParseAsync(empty);
        Assert.Equal(["Choose who gets the objective", "Enter a title for the objective", "Select the type of objective"], ErrorSummary(page));
        Assert.Equal(["#Input_Group", "#Input_Title", "#Input_Type"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Attendance rises to 95%", page.GetElementById("Input_SuccessCriteria")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(["Choose who gets the objective"], ErrorSummary(await Html.ParseAsync(elsewhere)));
        Assert.Equal(before, await Data.WithDbAsync(db => db.Objectives.CountAsync()));
    }

    [SkippableFact]
    public async Task Post_MoveAllOfOneAppraisersAppraisals_GivesThemTheNewAppraiser()
    {
        // Arrange
        var s = await BulkAsync();
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/appraisers?year=2025&appraiser={s.Mira.Id}";
        var page = await PageAsync(client, url);
        var ticked = page.QuerySelectorAll("input[name='Input.AppraisalIds'][checked]").Select(i => i.GetAttribute("value")!).ToList();

        // Act: the form as it comes (all of Mira's ticked), with Nat as the new appraiser
        using var response = await PostPairsAsync(client, url, "Input.NewAppraiserId",
        [
            new("year", "2025"), new("appraiser", s.Mira.Id.ToString()), new("Input.NewAppraiserId", s.Nat.Id.ToString()),
            .. ticked.Select(id => new KeyValuePair<string, string>("Input.AppraisalIds", id)),
        ]);

        // Assert
        Assert.Equal([(await AppraisalIdAsync(s.Tia)).ToString(), (await AppraisalIdAsync(s.Tom)).ToString()], ticked.Order());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/schools/{s.School.Urn}/appraisal/appraisers?year=2025&appraiser={s.Nat.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(s.Nat.Id, await AppraiserOfAsync(s.Tia));
        Assert.Equal(s.Nat.Id, await AppraiserOfAsync(s.Tom));
        Assert.Equal(s.Head.Id, await AppraiserOfAsync(s.Mira));
        var after = await PageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains($"{s.Nat.FullName} is now the appraiser of 2 people.", Text(after.QuerySelector(".govuk-notification-banner")));
        Assert.Equal(3, after.QuerySelectorAll("#appraisals-table tbody tr").Length);
    }

    [SkippableFact]
    public async Task Post_MoveIncludingTheNewAppraisersOwn_LeavesThatOneAndSaysSo()
    {
        // Arrange
        var s = await BulkAsync();
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/appraisers?year=2025";

        // Act: Nat would appraise Tia and themselves
        using var response = await PostPairsAsync(client, url, "Input.NewAppraiserId",
        [
            new("year", "2025"), new("Input.NewAppraiserId", s.Nat.Id.ToString()),
            new("Input.AppraisalIds", (await AppraisalIdAsync(s.Tia)).ToString()), new("Input.AppraisalIds", (await AppraisalIdAsync(s.Nat)).ToString()),
        ]);
        var after = await PageAsync(client, response.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(s.Nat.Id, await AppraiserOfAsync(s.Tia));
        Assert.Equal(s.Head.Id, await AppraiserOfAsync(s.Nat));
        Assert.Contains($"is now the appraiser of 1 person. Not moved, as nobody appraises themselves: {s.Nat.FullName}.",
            Text(after.QuerySelector(".govuk-notification-banner")));
    }

    [SkippableFact]
    public async Task Post_MoveWithNothingChosenOrAnOutsider_Returns400AndMovesNothing()
    {
        // Arrange
        var s = await BulkAsync();
        var outsider = await Data.CreateStaffAsync(await Data.CreateSchoolAsync(await Data.CreateTrustAsync()));
        using var client = await LeaderOfAsync(s.School);
        var url = $"/schools/{s.School.Urn}/appraisal/appraisers?year=2025";
        var tia = (await AppraisalIdAsync(s.Tia)).ToString();

        // Act
        using var nothing = await PostPairsAsync(client, url, "Input.NewAppraiserId", [new("year", "2025"), new("Input.NewAppraiserId", "")]);
        using var toOutsider = await PostPairsAsync(client, url, "Input.NewAppraiserId",
            [new("year", "2025"), new("Input.NewAppraiserId", outsider.Id.ToString()), new("Input.AppraisalIds", tia)]);
        using var foreignAppraisal = await PostPairsAsync(client, url, "Input.NewAppraiserId",
            [new("year", "2025"), new("Input.NewAppraiserId", s.Nat.Id.ToString()), new("Input.AppraisalIds", "999999")]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(["Select the people whose appraiser changes", "Choose the new appraiser"], ErrorSummary(await Html.ParseAsync(nothing)));
        Assert.Equal(HttpStatusCode.BadRequest, toOutsider.StatusCode);
        var page = await Html.ParseAsync(toOutsider);
        Assert.Equal(["Choose an appraiser who works in this school or its trust"], ErrorSummary(page));
        Assert.Equal("checked", page.QuerySelector($"input[name='Input.AppraisalIds'][value='{tia}']")?.GetAttribute("checked"));
        Assert.Equal(HttpStatusCode.BadRequest, foreignAppraisal.StatusCode);
        Assert.Equal(s.Mira.Id, await AppraiserOfAsync(s.Tia));
    }
}
