using System.Net;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Coaching;

/// <summary>
/// The action plan's forms over HTTP, each posted with only what its own form holds (as a browser sends it): the coach adds
/// an action and marks it done, the aim and a review are saved; and every form the coaching pages show carries its own
/// antiforgery token (forms with an explicit action attribute get none unless asked, which made saving an action a 400).
/// </summary>
public abstract class PlanPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PlanPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : PlanPageTests(app), IClassFixture<PostgresAppFactory>;

    private static string Plan(CoachingScenario s) => $"/schools/{s.SchoolA1.Urn}/coaching/plan?year={s.Year}";

    private static string NewAction(CoachingScenario s) => $"/schools/{s.SchoolA1.Urn}/coaching/plan/actions?year={s.Year}&area=leadership";

    [SkippableFact]
    public async Task Post_CoachAddsAnActionThenMarksItDone_IsStoredWithOwnerAndEvidence()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var coach = await App.CreateSignedInClientAsync(s.Coach);
        var description = $"Champion shares the PEP tracker {TestData.Unique()}";

        // Act
        using var added = await PageForms.SubmitAsync(coach, NewAction(s), "Input.Description", new Dictionary<string, string>
        {
            ["Input.Description"] = description,
            ["Input.OwnerId"] = s.Champion.Id.ToString(),
            ["Input.DueOn"] = $"{s.Year + 1}-03-31",
        });
        var id = await Data.WithDbAsync(db => db.PlanActions.Where(a => a.Description == description).Select(a => a.Id).SingleAsync());
        var edit = $"/schools/{s.SchoolA1.Urn}/coaching/plan/actions?year={s.Year}&action={id}";
        using var noEvidence = await PageForms.SubmitAsync(coach, edit, "Input.Description", new Dictionary<string, string> { ["Input.Status"] = "Done" });
        using var done = await PageForms.SubmitAsync(coach, edit, "Input.Description", new Dictionary<string, string>
        {
            ["Input.Status"] = "Done",
            ["Input.Evidence"] = "Minutes of the heads of year meeting",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith($"/schools/{s.SchoolA1.Urn}/coaching/plan?year={s.Year}", added.Headers.Location!.OriginalString);
        await PageAssert.FormErrorsAsync(noEvidence, "Input_Evidence");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await Data.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((CoachingArea.Leadership, s.Champion.Id, PlanActionStatus.Done, "Minutes of the heads of year meeting"),
            (stored.Area, stored.OwnerId, stored.Status, stored.Evidence));
    }

    [SkippableFact]
    public async Task Post_LeaderSetsAnAimAndRecordsAReview_BothShownOnThePlan()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var leader = await App.CreateSignedInClientAsync(s.Leader);
        var aim = $"Every looked-after child has a key adult {TestData.Unique()}";

        // Act
        using var aimSaved = await PageForms.SubmitAsync(leader, Plan(s), "AimInput.Aim", new Dictionary<string, string> { ["AimInput.Aim"] = aim });
        using var reviewed = await PageForms.SubmitAsync(leader, Plan(s), "Review.Note", new Dictionary<string, string>
        {
            ["Review.Area"] = "Leadership",
            ["Review.Status"] = "Amber",
            ["Review.Note"] = "Key adults named for half of the cohort",
        });
        using var page = await leader.GetAsync(Plan(s));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, aimSaved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var document = await PageAssert.OkAsync(page);
        Assert.Contains(aim, PageAssert.Text(document.QuerySelector("[data-aim=leadership]")));
        Assert.Contains("Key adults named for half of the cohort", PageAssert.Text(document.QuerySelector("[data-reviews=leadership]")));
    }

    [SkippableFact]
    public async Task Post_ChampionNotOnTheSlt_Is400OnTheFieldAndTheChampionStays()
    {
        // Arrange: the scenario's champion is on the SLT; the designated teacher is not
        var s = await CoachingScenario.CreateAsync(Data);
        using var leader = await App.CreateSignedInClientAsync(s.Leader);
        var (form, values, pageUri) = await PageForms.OpenAsync(leader, $"/schools/{s.SchoolA1.Urn}/coaching", "Contacts.ChampionId");
        values["Contacts.ChampionId"] = s.DesignatedTeacher.Id.ToString();

        // Act: a post as a browser would send it if the page offered someone off the SLT
        using var refused = await Html.SubmitAsync(leader, form, values, pageUri);

        // Assert
        var document = await PageAssert.FormErrorsAsync(refused, "Contacts_ChampionId");
        Assert.Contains("is not on the senior leadership team", PageAssert.Text(document.GetElementById("Contacts_ChampionId-error")));
        Assert.Equal(s.Champion.Id, await Data.WithDbAsync(db => db.SchoolCoachingContacts.Where(c => c.SchoolId == s.SchoolA1.Id).Select(c => c.ChampionId).SingleAsync()));
    }

    [SkippableFact]
    public async Task Get_CoachingPages_EveryPostFormCarriesItsOwnAntiforgeryToken()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var coach = await App.CreateSignedInClientAsync(s.Coach);
        using var leader = await App.CreateSignedInClientAsync(s.Leader);
        var a1 = $"/schools/{s.SchoolA1.Urn}";
        (HttpClient Client, string Url)[] pages =
        [
            (coach, $"{a1}/coaching"), (coach, Plan(s)), (coach, NewAction(s)), (coach, $"{a1}/coaching/visits/record"),
            (coach, $"{a1}/coaching/focus-groups/new"), (coach, $"{a1}/coaching/impact"), (leader, $"{a1}/coaching"), (leader, Plan(s)),
            (leader, $"/pupils/{s.P1.Id}"), (leader, $"/pupils/{s.P1.Id}/peps/new"), (leader, $"/pupils/{s.P1.Id}/conversations/new"),
        ];
        var missing = new List<string>();
        var forms = 0;

        // Act
        foreach (var (client, url) in pages)
        {
            using var response = await client.GetAsync(url);
            var document = await PageAssert.OkAsync(response);
            foreach (var form in document.QuerySelectorAll("main form[method=post]"))
            {
                forms++;
                if (form.QuerySelector("input[name=__RequestVerificationToken]") is null)
                {
                    missing.Add($"{url}: {form.GetAttribute("action")}");
                }
            }
        }

        // Assert
        Assert.True(forms >= 11, $"Only {forms} forms were found: the pages changed.");
        Assert.Empty(missing);
    }
}
