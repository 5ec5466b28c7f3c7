using System.Net;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals.Reviews;

/// <summary>
/// /staff/{id}/appraisal/reviews/{mid-year|final}: starting, each party's part, signing, the lock, reopening with a
/// reason and the history of versions.
/// </summary>
public abstract class ReviewWorkflowPageTests(LynchpinAppFactory app) : ReviewPageTest(app)
{
    public sealed class Sqlite(ReviewSqliteFactory app) : ReviewWorkflowPageTests(app), IClassFixture<ReviewSqliteFactory>;

    public sealed class Postgres(ReviewPostgresFactory app) : ReviewWorkflowPageTests(app), IClassFixture<ReviewPostgresFactory>;

    [SkippableFact]
    public async Task PostStart_AsTheAppraiser_StartsTheReview()
    {
        // Arrange
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var response = await PostFormAsync(manager, MidYearUrl(people.Person), "start-form");

        // Assert
        PageAssert.RedirectsTo(response, MidYearUrl(people.Person) + "#appraiser-part");
        var review = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.Equal((1, true), (review.Version, review.IsCurrent));
        using var page = await manager.GetAsync(MidYearUrl(people.Person));
        var document = await PageAssert.OkAsync(page);
        Assert.NotNull(document.QuerySelector($"#appraiser-form input[name='Ratings[{people.First.Id}]'][value='off-track']"));
    }

    [SkippableFact]
    public async Task Get_TheAppraisersPart_IsYoursOnlyForTheAppraiser_NotForALeaderWhoMayEditIt()
    {
        // Arrange: the review started; the head may write the appraiser's part but is not the appraiser.
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        using var head = await SignInAsync(people.HeadUser);
        using (await PostFormAsync(manager, MidYearUrl(people.Person), "start-form")) { }

        // Act
        using var asAppraiser = await manager.GetAsync(MidYearUrl(people.Person));
        using var asHead = await head.GetAsync(MidYearUrl(people.Person));

        // Assert
        Assert.Equal("Your part as appraiser", PageAssert.Text((await PageAssert.OkAsync(asAppraiser)).QuerySelector("#appraiser-part")));
        var headPage = await PageAssert.OkAsync(asHead);
        Assert.Equal("The appraiser's part", PageAssert.Text(headPage.QuerySelector("#appraiser-part")));
        Assert.NotNull(headPage.QuerySelector("#appraiser-form"));
    }

    [SkippableFact]
    public async Task Get_ObjectivesNotAgreed_SaysWhyTheReviewCannotStart()
    {
        // Arrange
        var people = await PeopleAsync(agreed: false);
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var response = await manager.GetAsync(MidYearUrl(people.Person));

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Contains("Objectives must be agreed", PageAssert.Text(document.QuerySelector("#start-error")));
        Assert.Null(document.QuerySelector("#start-form"));
    }

    [SkippableFact]
    public async Task Get_EitherReview_ShowsTheCapabilityStatement()
    {
        // Arrange
        var people = await PeopleAsync();
        using var person = await SignInAsync(people.PersonUser);

        // Act
        using var midYear = await person.GetAsync(MidYearUrl(people.Person));
        using var final = await person.GetAsync(FinalUrl(people.Person));

        // Assert
        Assert.Equal(AppraisalRules.CapabilityStatement, PageAssert.Text((await PageAssert.OkAsync(midYear)).QuerySelector("#capability-statement")));
        Assert.Equal(AppraisalRules.CapabilityStatement, PageAssert.Text((await PageAssert.OkAsync(final)).QuerySelector("#capability-statement")));
    }

    [SkippableFact]
    public async Task MidYear_DoneAndSignedByBoth_IsLockedAndEditsAreRefused()
    {
        // Arrange
        var people = await PeopleAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        using var person = await SignInAsync(people.PersonUser);
        var url = MidYearUrl(people.Person);
        using (var started = await PostFormAsync(manager, url, "start-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        // Act: the appraiser rates and signs, the person comments and signs.
        using var saved = await PostFormAsync(manager, url, "appraiser-form", new Dictionary<string, string>
        {
            [$"Ratings[{people.First.Id}]"] = "on-track",
            [$"RatingComments[{people.First.Id}]"] = "Reading ages up five months already.",
            [$"Ratings[{people.Second.Id}]"] = "at-risk",
            ["AppraiserComments"] = "A strong first half of the year.",
        });
        using var appraiserSigned = await PostFormAsync(manager, url, "sign-appraiser-form");
        using var commented = await PostFormAsync(person, url, "appraisee-form", new Dictionary<string, string>
        {
            ["AppraiseeComments"] = "The room faults are out of my hands.",
        });
        using var personSigned = await PostFormAsync(person, url, "sign-appraisee-form");

        // Assert
        foreach (var response in new[] { saved, appraiserSigned, commented, personSigned })
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage!.RequestUri}: {await Html.ErrorSummaryAsync(response)}");
        }
        var review = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear));
        Assert.True(review.IsLocked);
        Assert.Equal(people.Manager.FullName, review.AppraiserSignedByName);
        Assert.Equal(("A strong first half of the year.", "The room faults are out of my hands."), (review.AppraiserComments, review.AppraiseeComments));
        Assert.Equal(
            [(people.First.Id, Rating.OnTrack, "Reading ages up five months already."), (people.Second.Id, Rating.AtRisk, null)],
            review.Ratings.OrderBy(r => r.ObjectiveId).Select(r => (r.ObjectiveId, r.Rating, r.Comment)));

        using var lockedPage = await manager.GetAsync(url);
        var document = await PageAssert.OkAsync(lockedPage);
        Assert.Equal("Signed by both: locked", PageAssert.Text(document.QuerySelector("#review-status")));
        Assert.StartsWith($"Signed by {people.Manager.FullName} on ", PageAssert.Text(document.QuerySelector("#appraiser-signature")));
        Assert.StartsWith("Signed on ", PageAssert.Text(document.QuerySelector("#appraisee-signature")));
        Assert.Null(document.QuerySelector("#appraiser-form"));
        Assert.Null(document.QuerySelector("#upload-form"));
        Assert.NotNull(document.QuerySelector("#reopen-form"));

        // Edits posted anyway are refused with the reason, and nothing changes.
        var before = await FingerprintAsync(people.Appraisal);
        using var appraiserEdit = await PostHandlerAsync(manager, url, "Appraiser", new Dictionary<string, string>
        {
            [$"Ratings[{people.First.Id}]"] = "off-track",
            ["AppraiserComments"] = "Changed after signing",
        });
        using var personEdit = await PostHandlerAsync(person, url, "Appraisee", new Dictionary<string, string> { ["AppraiseeComments"] = "Changed" });
        Assert.Equal(HttpStatusCode.BadRequest, appraiserEdit.StatusCode);
        Assert.Contains("locked", await Html.ErrorSummaryAsync(appraiserEdit));
        Assert.Equal(HttpStatusCode.BadRequest, personEdit.StatusCode);
        Assert.Contains("locked", await Html.ErrorSummaryAsync(personEdit));
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task PostSignAppraiser_WithoutRatings_Returns400WithAnErrorForEachObjectiveAndDoesNotSign()
    {
        // Arrange
        var people = await PeopleAsync();
        AssertDone(await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.StartAsync(people.Appraisal.Id, ReviewKind.MidYear)));
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var response = await PostFormAsync(manager, MidYearUrl(people.Person), "sign-appraiser-form");

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, $"Ratings_{people.First.Id}_", $"Ratings_{people.Second.Id}_");
        Assert.Contains($"Select on track, at risk or off track for ‘{people.First.Title}’", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        Assert.Null(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).AppraiserSignedAt);
    }

    [SkippableFact]
    public async Task PostAppraiser_AnUnknownRating_Returns400AndSavesNothing()
    {
        // Arrange
        var people = await PeopleAsync();
        AssertDone(await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.StartAsync(people.Appraisal.Id, ReviewKind.Final)));
        using var manager = await SignInAsync(people.ManagerUser);
        var before = await FingerprintAsync(people.Appraisal);

        // Act: a mid-year rating on the final review.
        using var response = await PostFormAsync(manager, FinalUrl(people.Person), "appraiser-form", new Dictionary<string, string>
        {
            [$"Ratings[{people.First.Id}]"] = "on-track",
            ["OverallComments"] = "A good year",
        });

        // Assert
        await PageAssert.FormErrorsAsync(response, $"Ratings_{people.First.Id}_");
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task Final_EachPartySavesTheirOwnPart()
    {
        // Arrange
        var people = await PeopleAsync();
        AssertDone(await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.StartAsync(people.Appraisal.Id, ReviewKind.Final)));
        using var manager = await SignInAsync(people.ManagerUser);
        using var person = await SignInAsync(people.PersonUser);
        var url = FinalUrl(people.Person);

        // Act
        using var appraiser = await PostFormAsync(manager, url, "appraiser-form", new Dictionary<string, string>
        {
            [$"Ratings[{people.First.Id}]"] = "met",
            [$"Ratings[{people.Second.Id}]"] = "partly-met",
            ["OverallComments"] = "A year of real progress for the reading group.",
        });
        using var appraisee = await PostFormAsync(person, url, "appraisee-form", new Dictionary<string, string>
        {
            ["AppraiseeComments"] = "Agreed.",
            ["Reflection"] = "I want to train in phonics next year.",
        });

        // Assert
        PageAssert.RedirectsTo(appraiser, url + "#appraiser-part");
        PageAssert.RedirectsTo(appraisee, url + "#appraisee-part");
        var review = Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.Final));
        Assert.Equal(("A year of real progress for the reading group.", "Agreed.", "I want to train in phonics next year."),
            (review.OverallComments, review.AppraiseeComments, review.Reflection));
        Assert.Equal([Rating.Met, Rating.PartlyMet], review.Ratings.OrderBy(r => r.ObjectiveId).Select(r => r.Rating));
        using var page = await person.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        Assert.Contains("A year of real progress", PageAssert.Text(document.QuerySelector("#overall-comments")));
        Assert.Equal("Partly met", PageAssert.Text(document.QuerySelector($"[data-objective='{people.Second.Id}'] [data-rating-shown]")));
    }

    [SkippableFact]
    public async Task ThePerson_CannotEditTheAppraisersPart_AndTheAppraiserCannotEditThePersons()
    {
        // Arrange
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        using var manager = await SignInAsync(people.ManagerUser);
        using var person = await SignInAsync(people.PersonUser);
        var url = MidYearUrl(people.Person);
        var before = await FingerprintAsync(people.Appraisal);

        // Act
        using var personPage = await person.GetAsync(url);
        using var managerPage = await manager.GetAsync(url);
        using var personWritesAppraiser = await PostHandlerAsync(person, url, "Appraiser", new Dictionary<string, string>
        {
            [$"Ratings[{people.First.Id}]"] = "off-track",
            ["AppraiserComments"] = "Written by the person",
        });
        using var personSignsAsAppraiser = await PostHandlerAsync(person, url, "SignAppraiser");
        using var managerWritesPerson = await PostHandlerAsync(manager, url, "Appraisee", new Dictionary<string, string> { ["AppraiseeComments"] = "Written by the manager" });
        using var managerSignsAsPerson = await PostHandlerAsync(manager, url, "SignAppraisee");

        // Assert
        var personDocument = await PageAssert.OkAsync(personPage);
        Assert.Null(personDocument.QuerySelector("#appraiser-form"));
        Assert.Empty(personDocument.QuerySelectorAll("input[name^='Ratings']"));
        Assert.NotNull(personDocument.QuerySelector("#appraisee-form"));
        Assert.Null(personDocument.QuerySelector("#sign-appraiser-form"));
        var managerDocument = await PageAssert.OkAsync(managerPage);
        Assert.NotNull(managerDocument.QuerySelector("#appraiser-form"));
        Assert.Null(managerDocument.QuerySelector("#appraisee-form"));
        Assert.Null(managerDocument.QuerySelector("#sign-appraisee-form"));
        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [personWritesAppraiser.StatusCode, personSignsAsAppraiser.StatusCode, managerWritesPerson.StatusCode, managerSignsAsPerson.StatusCode]);
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task PostSignAppraisee_BeforeTheAppraiserSigns_Returns400AndDoesNotSign()
    {
        // Arrange
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        using var person = await SignInAsync(people.PersonUser);
        using var page = await person.GetAsync(MidYearUrl(people.Person));
        var document = await PageAssert.OkAsync(page);

        // Act
        using var response = await PostHandlerAsync(person, MidYearUrl(people.Person), "SignAppraisee");

        // Assert
        Assert.Null(document.QuerySelector("#sign-appraisee-form"));
        Assert.NotNull(document.QuerySelector("#appraisee-waits"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("signs first", await Html.ErrorSummaryAsync(response));
        Assert.Null(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).AppraiseeSignedAt);
    }

    [SkippableFact]
    public async Task PostReopen_WithAReason_MakesANewVersionAndListsTheSignedOneAsHistory()
    {
        // Arrange
        var people = await PeopleAsync();
        var signed = await SignedReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OffTrack);
        using var head = await SignInAsync(people.HeadUser);
        var url = MidYearUrl(people.Person);

        // Act
        using var response = await PostFormAsync(head, url, "reopen-form", new Dictionary<string, string>
        {
            ["Reason"] = "The reading scores for January arrived late.",
        });
        using var current = await head.GetAsync(url);
        using var earlier = await head.GetAsync(url + "&version=1");

        // Assert
        PageAssert.RedirectsTo(response, url + "#appraiser-part");
        var versions = await VersionsAsync(people.Appraisal, ReviewKind.MidYear);
        Assert.Equal([(1, false, true), (2, true, false)], versions.Select(v => (v.Version, v.IsCurrent, v.IsLocked)));
        Assert.Equal(("The reading scores for January arrived late.", people.Head.FullName), (versions[1].ReopenReason, versions[1].ReopenedByName));
        Assert.Equal(signed.Ratings.OrderBy(r => r.ObjectiveId).Select(r => r.Rating), versions[1].Ratings.OrderBy(r => r.ObjectiveId).Select(r => r.Rating));

        var document = await PageAssert.OkAsync(current);
        Assert.Contains("Reason: The reading scores for January arrived late.", PageAssert.Text(document.QuerySelector("#review-version")));
        Assert.NotNull(document.QuerySelector("#appraiser-form"));
        var row = document.QuerySelector("#history-table tr[data-version='1']");
        Assert.NotNull(row);
        Assert.Contains($"by {people.Head.FullName}: The reading scores for January arrived late.", PageAssert.Text(row.QuerySelector("[data-reopened]")));
        Assert.Contains("Test leader (appraiser)", PageAssert.Text(row));
        Assert.NotNull(row.QuerySelector($"a[href='{url}&version=1']"));

        var history = await PageAssert.OkAsync(earlier);
        Assert.NotNull(history.QuerySelector("#history-notice"));
        Assert.Equal("Signed by both: locked", PageAssert.Text(history.QuerySelector("#review-status")));
        Assert.Null(history.QuerySelector("#appraiser-form"));
        Assert.Null(history.QuerySelector("#reopen-form"));
        Assert.Equal("Off track", PageAssert.Text(history.QuerySelector($"[data-objective='{people.Second.Id}'] [data-rating-shown]")));
    }

    [SkippableFact]
    public async Task PostReopen_WithoutAReason_Returns400AndKeepsTheLock()
    {
        // Arrange
        var people = await PeopleAsync();
        await SignedReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        using var manager = await SignInAsync(people.ManagerUser);
        var before = await FingerprintAsync(people.Appraisal);

        // Act
        using var response = await PostFormAsync(manager, MidYearUrl(people.Person), "reopen-form", new Dictionary<string, string> { ["Reason"] = " " });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Reason");
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task PostReopen_ByThePerson_IsForbidden()
    {
        // Arrange
        var people = await PeopleAsync();
        await SignedReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        using var person = await SignInAsync(people.PersonUser);
        using var page = await person.GetAsync(MidYearUrl(people.Person));
        var before = await FingerprintAsync(people.Appraisal);

        // Act
        using var response = await PostHandlerAsync(person, MidYearUrl(people.Person), "Reopen", new Dictionary<string, string> { ["Reason"] = "I want to change it" });

        // Assert
        Assert.Null((await PageAssert.OkAsync(page)).QuerySelector("#reopen-form"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task Get_OffTrackAtMidYear_LinksToTheSupportPlanForm()
    {
        // Arrange
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OffTrack);
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var response = await manager.GetAsync(MidYearUrl(people.Person));

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Null(document.QuerySelector($"[data-objective='{people.First.Id}'] [data-support-plan]"));
        var link = document.QuerySelector($"[data-objective='{people.Second.Id}'] [data-support-plan] a");
        Assert.Equal($"/staff/{people.Person.Id}/appraisal?year={Year}#objective-{people.Second.Id}", link?.GetAttribute("href"));
        Assert.StartsWith("Add a support plan", PageAssert.Text(link));
    }

    [SkippableFact]
    public async Task Get_WithoutAYear_ShowsThePersonsLatestAppraisal()
    {
        // Arrange
        var people = await PeopleAsync();
        using var person = await SignInAsync(people.PersonUser);

        // Act
        using var response = await person.GetAsync($"/staff/{people.Person.Id}/appraisal/reviews/mid-year");
        using var otherYear = await person.GetAsync($"/staff/{people.Person.Id}/appraisal/reviews/mid-year?year=2019");
        using var otherKind = await person.GetAsync($"/staff/{people.Person.Id}/appraisal/reviews/end-of-year?year={Year}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Contains("2025/26", PageAssert.Text(document.QuerySelector("h1")));
        Assert.Equal(HttpStatusCode.NotFound, otherYear.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherKind.StatusCode);
    }
}
