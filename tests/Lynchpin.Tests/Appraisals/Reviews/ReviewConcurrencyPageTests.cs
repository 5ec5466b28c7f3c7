using System.Net;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Reviews;

/// <summary>
/// A review open in two browsers (ADR 0010): two starts at once give one review and a clear message, a stale save is a 409
/// keeping the typing, and a signature is for the text the signer saw: signing a page older than the review is refused.
/// </summary>
public abstract class ReviewConcurrencyPageTests(LynchpinAppFactory app) : ReviewPageTest(app)
{
    public sealed class Sqlite(ReviewSqliteFactory app) : ReviewConcurrencyPageTests(app), IClassFixture<ReviewSqliteFactory>;

    public sealed class Postgres(ReviewPostgresFactory app) : ReviewConcurrencyPageTests(app), IClassFixture<ReviewPostgresFactory>;

    [SkippableFact]
    public async Task PostStart_TwoPressesAtOnce_OneReviewAndTheOtherIsToldNo500()
    {
        // Arrange: the appraiser and the head both have the page with "Start the mid-year review" open.
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        using var head = await SignInAsync(people.HeadUser);
        var formA = await OpenFormAsync(manager, MidYearUrl(people.Person), "start-form");
        var formB = await OpenFormAsync(head, MidYearUrl(people.Person), "start-form");

        // Act
        var answers = await Task.WhenAll(
            Html.SubmitAsync(manager, formA.Form, formA.Values, formA.PageUri),
            Html.SubmitAsync(head, formB.Form, formB.Values, formB.PageUri));

        // Assert: one review; each press either started it or was told it had been (a redirect or a 409), never a 500.
        Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("started this review", await Html.ErrorSummaryAsync(refused));
        }
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [SkippableFact]
    public async Task PostEditObjective_BothOpenBothSave_SecondIsA409KeepingTheTypingAndTheFirstIsKept()
    {
        // Arrange: the appraiser and the head both have the same draft objective's form open.
        var people = await PeopleAsync(agreed: false);
        var objective = await AddObjectiveAsync(people.Appraisal, PupilProgress);
        AssertDone(objective);
        var first = objective.Value!;
        using var manager = await SignInAsync(people.ManagerUser);
        using var head = await SignInAsync(people.HeadUser);
        var url = $"/staff/{people.Person.Id}/appraisal/objectives/{first.Id}/edit";
        var formA = await OpenObjectiveFormAsync(manager, url);
        var formB = await OpenObjectiveFormAsync(head, url);
        formA.Values["Input.Target"] = "9 years 11 months";
        formB.Values["Input.Baseline"] = "8 years 10 months";

        // Act
        using var saved = await Html.SubmitAsync(manager, formA.Form, formA.Values, formA.PageUri);
        using var refused = await Html.SubmitAsync(head, formB.Form, formB.Values, formB.PageUri);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("since you opened it", PageAssert.Text(page.QuerySelector(".govuk-error-summary")));
        Assert.Contains("9 years 11 months", PageAssert.Text(page.QuerySelector("#conflict")));
        Assert.Equal("8 years 10 months", page.QuerySelector("[name='Input.Baseline']")?.GetAttribute("value"));
        var stored = await ObjectiveAsync(first.Id);
        Assert.Equal(("9 years 11 months", first.Baseline), (stored.Target, stored.Baseline));

        // Saving again, having seen theirs, keeps the head's typing (the table showed the target it now sets back).
        var again = Html.FormWithField(page, "Input.Baseline");
        using var resaved = await Html.SubmitAsync(head, again, Html.FormValues(again), formB.PageUri);
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Equal("8 years 10 months", (await ObjectiveAsync(first.Id)).Baseline);
    }

    private Task<Objective> ObjectiveAsync(int id) =>
        Data.WithDbAsync(db => db.Objectives.SingleAsync(o => o.Id == id));

    private static async Task<(AngleSharp.Html.Dom.IHtmlFormElement Form, Dictionary<string, string> Values, Uri PageUri)> OpenObjectiveFormAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        var form = Html.FormWithField(await PageAssert.OkAsync(page), "Input.Baseline");
        return (form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
    }

    [SkippableFact]
    public async Task PostAppraiser_BothOpenBothSave_SecondIsA409KeepingTheTypingAndTheFirstIsKept()
    {
        // Arrange
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        using var head = await SignInAsync(people.HeadUser);
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "start-form")) { }
        var formA = await OpenFormAsync(manager, MidYearUrl(people.Person), "appraiser-form");
        var formB = await OpenFormAsync(head, MidYearUrl(people.Person), "appraiser-form");
        formA.Values["AppraiserComments"] = "Good progress on the reading group";
        formB.Values["AppraiserComments"] = "The head's own view";

        // Act
        using var saved = await Html.SubmitAsync(manager, formA.Form, formA.Values, formA.PageUri);
        using var refused = await Html.SubmitAsync(head, formB.Form, formB.Values, formB.PageUri);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("since you opened it", PageAssert.Text(page.QuerySelector(".govuk-error-summary")));
        Assert.Contains("Good progress on the reading group", PageAssert.Text(page.QuerySelector("#conflict")));
        Assert.Equal("The head's own view", (page.QuerySelector("#appraiser-form textarea[name='AppraiserComments']") as AngleSharp.Html.Dom.IHtmlTextAreaElement)?.Value);
        var review = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.Equal("Good progress on the reading group", review.AppraiserComments);
    }

    [SkippableFact]
    public async Task PostSignAppraiser_TheTextChangedSinceThePageOpened_IsRefusedAndNotSigned()
    {
        // Arrange: every objective rated; the appraiser opens the page to sign; then the head changes the comments.
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        using var head = await SignInAsync(people.HeadUser);
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "start-form")) { }
        using (var rated = await PostFormAsync(manager, MidYearUrl(people.Person), "appraiser-form", Rated(people, "First draft")))
        {
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        }
        var sign = await OpenFormAsync(manager, MidYearUrl(people.Person), "sign-appraiser-form");
        using (var changed = await PostFormAsync(head, MidYearUrl(people.Person), "appraiser-form", new Dictionary<string, string> { ["AppraiserComments"] = "Rewritten by the head" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        // Act
        using var refused = await Html.SubmitAsync(manager, sign.Form, sign.Values, sign.PageUri);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("since you opened it", await Html.ErrorSummaryAsync(refused));
        var review = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.Null(review.AppraiserSignedAt);
        Assert.Null(review.AppraiserSignedRevision);

        // Signed from a fresh page, the signature records the revision of the text signed.
        using var signed = await PostFormAsync(manager, MidYearUrl(people.Person), "sign-appraiser-form");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var after = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.Equal(review.Revision, after.AppraiserSignedRevision);
        Assert.Equal("Rewritten by the head", after.AppraiserComments);
    }

    [SkippableFact]
    public async Task PostSignAppraisee_TheAppraiserChangedTheirPartSince_IsRefusedAndNotSigned()
    {
        // Arrange: the appraiser rated and signed; the person opens the page to sign; the appraiser then edits and signs again.
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        using var person = await SignInAsync(people.PersonUser);
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "start-form")) { }
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "appraiser-form", Rated(people, "First draft"))) { }
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "sign-appraiser-form")) { }
        var sign = await OpenFormAsync(person, MidYearUrl(people.Person), "sign-appraisee-form");
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "appraiser-form", new Dictionary<string, string> { ["AppraiserComments"] = "Second thoughts" })) { }
        using (var resigned = await PostFormAsync(manager, MidYearUrl(people.Person), "sign-appraiser-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, resigned.StatusCode);
        }

        // Act
        using var refused = await Html.SubmitAsync(person, sign.Form, sign.Values, sign.PageUri);

        // Assert: the person never saw "Second thoughts", so their signature does not land on it.
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var review = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.Null(review.AppraiseeSignedAt);
        Assert.False(review.IsLocked);
    }

    private static Dictionary<string, string> Rated(People people, string comments) => new()
    {
        [$"Ratings[{people.First.Id}]"] = "on-track",
        [$"Ratings[{people.Second.Id}]"] = "at-risk",
        ["AppraiserComments"] = comments,
    };
}
