using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals.Reviews;

/// <summary>Evidence on the review page: uploads (type and size checked, nothing saved when refused), links, removal and downloads.</summary>
public abstract class ReviewEvidencePageTests(LynchpinAppFactory app) : ReviewPageTest(app)
{
    public sealed class Sqlite(ReviewSqliteFactory app) : ReviewEvidencePageTests(app), IClassFixture<ReviewSqliteFactory>;

    public sealed class Postgres(ReviewPostgresFactory app) : ReviewEvidencePageTests(app), IClassFixture<ReviewPostgresFactory>;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\nReading ages, January: 9y 7m average\n");

    private async Task<People> StartedAsync()
    {
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        return people;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content, string objectiveId = "")
    {
        using var page = await client.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        var form = (IHtmlFormElement)document.GetElementById("upload-form")!;
        var values = Html.FormValues(form);
        values["FileObjectiveId"] = objectiveId;
        return await Html.SubmitWithFileAsync(client, form, values, "Upload", fileName, content, page.RequestMessage!.RequestUri!);
    }

    [SkippableFact]
    public async Task Get_TheUploadForm_SendsMultipartAndSaysWhatIsAllowed()
    {
        // Arrange
        var people = await StartedAsync();
        using var person = await SignInAsync(people.PersonUser);

        // Act
        using var response = await person.GetAsync(MidYearUrl(people.Person));

        // Assert
        var document = await PageAssert.OkAsync(response);
        var form = document.GetElementById("upload-form");
        Assert.Equal("multipart/form-data", form?.GetAttribute("enctype"));
        Assert.Equal(EvidenceStore.AllowedDescription, PageAssert.Text(document.GetElementById("Upload-hint")));
        Assert.NotNull(document.QuerySelector("#link-form"));
    }

    [SkippableFact]
    public async Task PostUpload_AnAllowedFile_StoresItForTheObjectiveAndListsIt()
    {
        // Arrange
        var people = await StartedAsync();
        using var person = await SignInAsync(people.PersonUser);
        var url = MidYearUrl(people.Person);

        // Act
        using var response = await UploadAsync(person, url, "reading-ages.pdf", Pdf, people.First.Id.ToString());
        using var page = await person.GetAsync(url);

        // Assert
        PageAssert.RedirectsTo(response, url + "#evidence");
        var evidence = Assert.Single(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).Evidence);
        Assert.Equal(("reading-ages.pdf", "application/pdf", (long?)Pdf.Length, people.First.Id, people.Person.FullName),
            (evidence.FileName, evidence.ContentType, evidence.Length, evidence.ObjectiveId, evidence.UploadedByName));
        Assert.True(File.Exists(Path.Combine(ReviewAppFactory.EvidenceFolder, evidence.StoredName!)));
        var row = (await PageAssert.OkAsync(page)).QuerySelector($"#evidence-table tr[data-evidence='{evidence.Id}']");
        Assert.NotNull(row);
        Assert.Equal($"/staff/{people.Person.Id}/appraisal/evidence/{evidence.Id}", row.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(people.First.Title, PageAssert.Text(row));
    }

    [SkippableFact]
    public async Task PostUpload_AWrongType_Returns400WithTheErrorAndSavesNothing()
    {
        // Arrange
        var people = await StartedAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        var before = await FingerprintAsync(people.Appraisal);

        // Act
        using var response = await UploadAsync(manager, MidYearUrl(people.Person), "notes.html", Encoding.UTF8.GetBytes("<script>alert(1)</script>"));

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Upload");
        Assert.Contains(EvidenceStore.AllowedDescription, PageAssert.Text(document.GetElementById("Upload-error")));
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task PostUpload_ContentNotMatchingItsType_Returns400AndSavesNothing()
    {
        // Arrange
        var people = await StartedAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        var before = await FingerprintAsync(people.Appraisal);

        // Act: a page of HTML named as a picture.
        using var response = await UploadAsync(manager, MidYearUrl(people.Person), "chart.png", Encoding.UTF8.GetBytes("<html><body>not a picture</body></html>"));

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Upload");
        Assert.Contains("not a PNG file", PageAssert.Text(document.GetElementById("Upload-error")));
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task PostUpload_ElevenMegabytes_Returns400WithTheErrorAndSavesNothing()
    {
        // Arrange
        var people = await StartedAsync();
        using var person = await SignInAsync(people.PersonUser);
        var before = await FingerprintAsync(people.Appraisal);
        var content = new byte[11 * 1024 * 1024];
        Pdf.CopyTo(content, 0);

        // Act
        using var response = await UploadAsync(person, MidYearUrl(people.Person), "big-scan.pdf", content);

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Upload");
        Assert.Contains("The file must be smaller than 10 MB", PageAssert.Text(document.GetElementById("Upload-error")));
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }

    [SkippableFact]
    public async Task GetDownload_SendsTheStoredTypeAsAnAttachmentWithNoSniffing()
    {
        // Arrange
        var people = await StartedAsync();
        using var person = await SignInAsync(people.PersonUser);
        using (var uploaded = await UploadAsync(person, MidYearUrl(people.Person), "reading-ages.pdf", Pdf))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }
        var evidence = Assert.Single(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).Evidence);
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var response = await manager.GetAsync($"/staff/{people.Person.Id}/appraisal/evidence/{evidence.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("reading-ages.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task GetDownload_AnotherSchoolsUserOrTheWrongPerson_IsRefused()
    {
        // Arrange
        var people = await StartedAsync();
        var evidence = await WithAsync<AppraisalReviews, Result<Evidence>>(async r =>
        {
            var review = await r.CurrentAsync(people.Appraisal.Id, ReviewKind.MidYear);
            return await r.AddFileAsync(review!.Id, null, new MemoryStream(Pdf), "reading-ages.pdf", Leader);
        });
        var otherSchool = await Data.CreateSchoolAsync();
        using var outsider = await SignInAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: otherSchool));
        using var colleague = await SignInAsync(await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(people.School, lineManager: people.Manager)));
        var url = $"/staff/{people.Person.Id}/appraisal/evidence/{evidence.Value!.Id}";

        // Act
        using var fromOtherSchool = await outsider.GetAsync(url);
        using var fromColleague = await colleague.GetAsync(url);
        using var underAnotherPerson = await (await SignInAsync(people.HeadUser)).GetAsync($"/staff/{people.Manager.Id}/appraisal/evidence/{evidence.Value.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, fromOtherSchool.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromColleague.StatusCode);
        Assert.NotEqual("application/pdf", fromOtherSchool.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, underAnotherPerson.StatusCode);
    }

    [SkippableFact]
    public async Task PostLink_ThenRemove_AddsAndRemovesTheLink()
    {
        // Arrange
        var people = await StartedAsync();
        using var manager = await SignInAsync(people.ManagerUser);
        var url = MidYearUrl(people.Person);

        // Act
        using var added = await PostFormAsync(manager, url, "link-form", new Dictionary<string, string>
        {
            ["Link"] = "https://drive.example/reading-ages",
            ["LinkObjectiveId"] = people.Second.Id.ToString(),
        });
        var stored = Assert.Single(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).Evidence);
        using var page = await manager.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        var removeForm = (IHtmlFormElement)document.QuerySelector($"tr[data-evidence='{stored.Id}'] form")!;
        using var removed = await Html.SubmitAsync(manager, removeForm, Html.FormValues(removeForm), page.RequestMessage!.RequestUri!);

        // Assert
        PageAssert.RedirectsTo(added, url + "#evidence");
        Assert.Equal(("https://drive.example/reading-ages", people.Second.Id), (stored.Link, stored.ObjectiveId));
        Assert.Equal("https://drive.example/reading-ages", document.QuerySelector($"tr[data-evidence='{stored.Id}'] a")?.GetAttribute("href"));
        PageAssert.RedirectsTo(removed, url + "#evidence");
        Assert.Empty(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).Evidence);
    }

    [SkippableFact]
    public async Task PostLink_NotAWebAddress_Returns400WithTheError()
    {
        // Arrange
        var people = await StartedAsync();
        using var person = await SignInAsync(people.PersonUser);

        // Act
        using var response = await PostFormAsync(person, MidYearUrl(people.Person), "link-form", new Dictionary<string, string> { ["Link"] = "javascript:alert(1)" });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Link");
        Assert.Empty(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).Evidence);
    }

    [SkippableFact]
    public async Task PostRemoveEvidence_OnALockedReview_IsRefused()
    {
        // Arrange
        var people = await PeopleAsync();
        var review = await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        var link = await WithAsync<AppraisalReviews, Result<Evidence>>(r => r.AddLinkAsync(review.Id, null, "https://drive.example/a", Leader));
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiserAsync(review.Id, Leader)));
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiseeAsync(review.Id)));
        using var manager = await SignInAsync(people.ManagerUser);
        using var page = await manager.GetAsync(MidYearUrl(people.Person));
        var before = await FingerprintAsync(people.Appraisal);

        // Act
        using var response = await PostHandlerAsync(manager, MidYearUrl(people.Person), "RemoveEvidence",
            new Dictionary<string, string> { ["evidenceId"] = link.Value!.Id.ToString() });

        // Assert
        var document = await PageAssert.OkAsync(page);
        Assert.Null(document.QuerySelector("#evidence-table form"));
        Assert.Null(document.QuerySelector("#link-form"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locked", await Html.ErrorSummaryAsync(response));
        Assert.Equal(before, await FingerprintAsync(people.Appraisal));
    }
}
