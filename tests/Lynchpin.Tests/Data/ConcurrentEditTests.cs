using System.Net;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Data;

/// <summary>
/// Two people with the same form open (ADR 0010): the first save wins, the second is a 409 naming who saved and when, with
/// their saved values beside the second person's typing (kept in the form), and nothing of the first lost. Saving again
/// after seeing theirs keeps the second person's. Races that used to be 500s end in one winner and one clear message.
/// </summary>
public abstract class ConcurrentEditTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ConcurrentEditTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ConcurrentEditTests(app), IClassFixture<PostgresAppFactory>;

    private const string SinceYouOpenedIt = "since you opened it";

    [SkippableFact]
    public async Task Post_StaffFormBothOpenBothSave_SecondIsA409AndTheFirstIsKept()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var (first, second) = await TwoLeadersAsync(world.SchoolA1);
        var url = $"/staff/{world.Caretaker.Id}/edit";
        var formA = await PageForms.OpenAsync(first, url, "Input.JobTitle");
        var formB = await PageForms.OpenAsync(second, url, "Input.JobTitle");

        // Act
        using var saved = await PostAsync(first, formA, new() { ["Input.JobTitle"] = "Site manager" });
        using var refused = await PostAsync(second, formB, new() { ["Input.LastName"] = "Okafor-Smith" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ConflictAsync(refused, "Input.LastName", "Okafor-Smith");
        Assert.Contains("Site manager", ConflictTable(page));
        var stored = await Data.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == world.Caretaker.Id));
        Assert.Equal("Site manager", stored.JobTitle);
        Assert.Equal(world.Caretaker.LastName, stored.LastName);

        // Saving again, having seen theirs, keeps this person's typing (here: over the job title too, as the form now says).
        using var again = await ResubmitAsync(second, page, refused);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await Data.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == world.Caretaker.Id));
        Assert.Equal("Okafor-Smith", stored.LastName);
    }

    [SkippableFact]
    public async Task Post_StageFormBothOpenBothSave_SecondIsA409AndTheFirstNameIsKept()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var (first, second) = await TwoLeadersAsync(school);
        // The school's own copy exists first, so both edit a stored framework.
        using (var made = await FrameworkFormAsync(first, $"/schools/{school.Urn}/framework/stages/3/edit", "Input.Name", new() { ["Input.Name"] = "Establishing" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }
        var url = $"/schools/{school.Urn}/framework/stages/2/edit";
        var formA = await PageForms.OpenAsync(first, url, "Input.Name");
        var formB = await PageForms.OpenAsync(second, url, "Input.Name");

        // Act
        using var saved = await PostAsync(first, formA, new() { ["Input.Name"] = "Our non-negotiables" });
        using var refused = await PostAsync(second, formB, new() { ["Input.Descriptor"] = "Every day, with every pupil" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ConflictAsync(refused, "Input.Descriptor", "Every day, with every pupil");
        Assert.Contains("Our non-negotiables", ConflictTable(page));
        Assert.Equal("Our non-negotiables", await StageNameAsync(school, 2));
    }

    [SkippableFact]
    public async Task Post_TwoPeopleRemoveCriterionOne_OnlyTheOneTheySawGoes()
    {
        // Arrange: the school's own framework, stage 2's first criterion for everyone open in two browsers.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var (first, second) = await TwoLeadersAsync(school);
        using (var made = await FrameworkFormAsync(first, $"/schools/{school.Urn}/framework/stages/3/edit", "Input.Name", new() { ["Input.Name"] = "Establishing" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }
        var before = await CriteriaAsync(school, 2);
        var url = $"/schools/{school.Urn}/framework/stages/2/criteria/1/remove";
        var formA = await PageForms.OpenAsync(first, url, "Input.CriterionId");
        var formB = await PageForms.OpenAsync(second, url, "Input.CriterionId");

        // Act
        using var removed = await PostAsync(first, formA, []);
        using var refused = await PostAsync(second, formB, []);

        // Assert: one criterion gone, the one both saw; the second confirmation changed nothing.
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(SinceYouOpenedIt, await Html.ErrorSummaryAsync(refused));
        Assert.Equal(before.Skip(1).ToList(), await CriteriaAsync(school, 2));
    }

    [SkippableFact]
    public async Task Post_CriterionFormOpenWhileAnotherIsRemoved_SavesTheOneByItsId()
    {
        // Arrange: criterion 2 open for change; then criterion 1 is removed, so the one open is now number 1.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var (first, second) = await TwoLeadersAsync(school);
        using (var made = await FrameworkFormAsync(first, $"/schools/{school.Urn}/framework/stages/3/edit", "Input.Name", new() { ["Input.Name"] = "Establishing" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }
        var before = await CriteriaAsync(school, 2);
        var open = await PageForms.OpenAsync(second, $"/schools/{school.Urn}/framework/stages/2/criteria/2/edit", "Input.Text");
        using (var removed = await FrameworkConfirmAsync(first, $"/schools/{school.Urn}/framework/stages/2/criteria/1/remove"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        // Act: refused as stale; saved again having seen it, it changes the criterion it showed, not today's number 2.
        using var refused = await PostAsync(second, open, new() { ["Input.Text"] = "Follows the routines, reworded" });
        var page = await ConflictAsync(refused, "Input.Text", "Follows the routines, reworded");
        using var saved = await ResubmitAsync(second, page, refused);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await CriteriaAsync(school, 2);
        Assert.Equal([.. before.Skip(2).Prepend("Follows the routines, reworded")], after);
    }

    [SkippableFact]
    public async Task Post_TwoFirstEditsOfAnInheritedFrameworkAtOnce_OneWinsTheOtherIsToldNo500()
    {
        // Arrange: the school follows the default; two leaders have the stage form open and save at the same moment.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var (first, second) = await TwoLeadersAsync(school);
        var url = $"/schools/{school.Urn}/framework/stages/2/edit";
        var formA = await PageForms.OpenAsync(first, url, "Input.Name");
        var formB = await PageForms.OpenAsync(second, url, "Input.Name");

        // Act
        var answers = await Task.WhenAll(
            PostAsync(first, formA, new() { ["Input.Name"] = "First leader's name" }),
            PostAsync(second, formB, new() { ["Input.Name"] = "Second leader's name" }));

        // Assert
        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], statuses);
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains(SinceYouOpenedIt, await Html.ErrorSummaryAsync(loser));
        var winner = answers[0].StatusCode == HttpStatusCode.Redirect ? "First leader's name" : "Second leader's name";
        Assert.Equal(winner, await StageNameAsync(school, 2));
        Assert.Equal(1, await Data.WithDbAsync(db => db.ProgressionFrameworks.CountAsync(f => f.SchoolId == school.Id)));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    // --- helpers ---

    private async Task<(HttpClient First, HttpClient Second)> TwoLeadersAsync(School school) =>
        (await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school)),
         await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school)));

    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client, (IHtmlFormElement Form, Dictionary<string, string> Values, Uri PageUri) opened, Dictionary<string, string> changes)
    {
        var values = new Dictionary<string, string>(opened.Values);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }
        return Html.SubmitAsync(client, opened.Form, values, opened.PageUri);
    }

    /// <summary>Asserts the refused save's page: a 409, the message, and the person's typing still in the form.</summary>
    private static async Task<IHtmlDocument> ConflictAsync(HttpResponseMessage response, string field, string typed)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = PageAssert.Text(page.QuerySelector(".govuk-error-summary"));
        Assert.Contains("changed this at", summary);
        Assert.Contains(SinceYouOpenedIt, summary);
        var input = page.QuerySelector($"[name='{field}']");
        Assert.NotNull(input);
        Assert.Equal(typed, input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value"));
        return page;
    }

    private static string ConflictTable(IHtmlDocument page) => PageAssert.Text(page.QuerySelector("#conflict"));

    /// <summary>Posts the refused page's form again as it came back (the typing, at the saved revision).</summary>
    private static Task<HttpResponseMessage> ResubmitAsync(HttpClient client, IHtmlDocument page, HttpResponseMessage refused)
    {
        var form = page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().Single(f => f.QuerySelector("[name='Input.Revision']") is not null);
        return Html.SubmitAsync(client, form, Html.FormValues(form), refused.RequestMessage!.RequestUri!);
    }

    private static async Task<HttpResponseMessage> FrameworkFormAsync(HttpClient client, string url, string field, Dictionary<string, string> changes) =>
        await PageForms.SubmitAsync(client, url, field, changes);

    private static async Task<HttpResponseMessage> FrameworkConfirmAsync(HttpClient client, string url)
    {
        var opened = await PageForms.OpenAsync(client, url, "Input.CriterionId");
        return await PostAsync(client, opened, []);
    }

    private Task<string> StageNameAsync(School school, int number) =>
        Data.WithDbAsync(db => db.ProgressionStages.Where(s => s.Framework.SchoolId == school.Id && s.Number == number).Select(s => s.Name).SingleAsync());

    /// <summary>A stage's criteria for everyone, in order.</summary>
    private Task<List<string>> CriteriaAsync(School school, int number) =>
        Data.WithDbAsync(db => db.StageCriteria
            .Where(c => c.Stage.Framework.SchoolId == school.Id && c.Stage.Number == number && c.RoleFamily == null)
            .OrderBy(c => c.SortOrder).Select(c => c.Text).ToListAsync());
}
