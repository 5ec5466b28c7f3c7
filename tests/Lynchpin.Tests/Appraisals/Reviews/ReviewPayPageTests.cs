using System.Net;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Reviews;

/// <summary>
/// The pay recommendation on the final review page: only for accounts with pay access, every showing audited, and
/// absent from the page (not hidden) for everyone else, the person included.
/// </summary>
public abstract class ReviewPayPageTests(LynchpinAppFactory app) : ReviewPageTest(app)
{
    public sealed class Sqlite(ReviewSqliteFactory app) : ReviewPayPageTests(app), IClassFixture<ReviewSqliteFactory>;

    public sealed class Postgres(ReviewPostgresFactory app) : ReviewPayPageTests(app), IClassFixture<ReviewPostgresFactory>;

    private const string Recommendation = "Progress to point 4 of the support staff pay scale";

    /// <summary>A final review under way with a recommendation recorded by the head.</summary>
    private async Task<People> RecordedAsync()
    {
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.Final, Rating.Met, Rating.PartlyMet);
        AssertDone(await WithAsync<PayRecommendations, Result<PayRecommendation>>(p =>
            p.RecordAsync(people.Appraisal.Id, Recommendation, new Recorder(people.HeadUser.Id, people.Head.FullName))));
        return people;
    }

    private Task<List<AuditEvent>> ReadsOfAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.StaffMemberId == person.Id && e.Action == AuditActions.PayRecommendationRead).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The audit trail's record of changes to the person's recommendation, as values to compare.</summary>
    private async Task<List<(long Id, string? UserId, string UserName)>> ChangesOfAsync(StaffMember person)
    {
        var events = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.StaffMemberId == person.Id && e.Action == AuditActions.PayRecommendationRecorded).OrderBy(e => e.Id).ToListAsync());
        return events.Select(e => (e.Id, e.UserId, e.UserName)).ToList();
    }

    private static async Task<string> PageHtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [SkippableFact]
    public async Task Get_FinalAsAPayAccessAccount_ShowsTheRecommendationAndAuditsEachRead()
    {
        // Arrange
        var people = await RecordedAsync();
        await GrantPayAccessAsync(people.HeadUser);
        using var head = await SignInAsync(people.HeadUser);

        // Act
        using var first = await head.GetAsync(FinalUrl(people.Person));
        using var second = await head.GetAsync(FinalUrl(people.Person));

        // Assert
        var document = await PageAssert.OkAsync(first);
        Assert.Equal(Recommendation, PageAssert.Text(document.QuerySelector("#pay-text")));
        Assert.NotNull(document.QuerySelector("#pay-form"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var reads = await ReadsOfAsync(people.Person);
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e => Assert.Equal((people.HeadUser.Id, people.Head.FullName), (e.UserId, e.UserName)));
        Assert.All(reads, e => Assert.Equal($"Appraisal {people.Appraisal.Id} (2025/26): shown", e.Detail));
    }

    [SkippableFact]
    public async Task PostPay_AsAPayAccessAccount_RecordsTheChangeAndAuditsIt()
    {
        // Arrange
        var people = await RecordedAsync();
        await GrantPayAccessAsync(people.HeadUser);
        using var head = await SignInAsync(people.HeadUser);
        var changesBefore = await ChangesOfAsync(people.Person);

        // Act
        using var response = await PostFormAsync(head, FinalUrl(people.Person), "pay-form",
            new Dictionary<string, string> { ["PayText"] = "Progress to point 5" });

        // Assert
        PageAssert.RedirectsTo(response, FinalUrl(people.Person) + "#pay-recommendation");
        var stored = await Data.WithDbAsync(db => db.PayRecommendations.AsNoTracking().SingleAsync(p => p.AppraisalId == people.Appraisal.Id));
        Assert.Equal(("Progress to point 5", people.Head.FullName), (stored.Text, stored.RecordedByName));
        var change = Assert.Single((await ChangesOfAsync(people.Person)).Except(changesBefore));
        Assert.Equal((people.HeadUser.Id, people.Head.FullName), (change.UserId, change.UserName));
    }

    [SkippableFact]
    public async Task PostPay_Empty_Returns400WithTheErrorAndKeepsTheRecommendation()
    {
        // Arrange
        var people = await RecordedAsync();
        await GrantPayAccessAsync(people.HeadUser);
        using var head = await SignInAsync(people.HeadUser);

        // Act
        using var response = await PostFormAsync(head, FinalUrl(people.Person), "pay-form", new Dictionary<string, string> { ["PayText"] = "" });

        // Assert
        await PageAssert.FormErrorsAsync(response, "PayText");
        Assert.Equal(Recommendation, await Data.WithDbAsync(db => db.PayRecommendations.Where(p => p.AppraisalId == people.Appraisal.Id).Select(p => p.Text).SingleAsync()));
    }

    [SkippableFact]
    public async Task Get_FinalAsTheLineManagerOrThePerson_HasNoPaySectionAndReadsNothing()
    {
        // Arrange: the person has pay access too (say they are the business manager), which still does not show them their own.
        var people = await RecordedAsync();
        await GrantPayAccessAsync(people.PersonUser);
        using var manager = await SignInAsync(people.ManagerUser);
        using var person = await SignInAsync(people.PersonUser);
        using var leaderWithoutAccess = await SignInAsync(people.HeadUser);

        // Act
        var pages = new[]
        {
            await PageHtmlAsync(await manager.GetAsync(FinalUrl(people.Person))),
            await PageHtmlAsync(await person.GetAsync(FinalUrl(people.Person))),
            await PageHtmlAsync(await leaderWithoutAccess.GetAsync(FinalUrl(people.Person))),
        };

        // Assert
        Assert.All(pages, html =>
        {
            Assert.DoesNotContain(Recommendation, html);
            Assert.DoesNotContain("pay-recommendation", html);
            Assert.DoesNotContain("Pay recommendation", html, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Empty(await ReadsOfAsync(people.Person));
    }

    [SkippableFact]
    public async Task PostPay_AsTheLineManager_IsForbiddenAndChangesNothing()
    {
        // Arrange
        var people = await RecordedAsync();
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var response = await PostHandlerAsync(manager, FinalUrl(people.Person), "Pay", new Dictionary<string, string> { ["PayText"] = "No progression" });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Recommendation, await Data.WithDbAsync(db => db.PayRecommendations.Where(p => p.AppraisalId == people.Appraisal.Id).Select(p => p.Text).SingleAsync()));
        Assert.Empty(await ReadsOfAsync(people.Person));
    }

    [SkippableFact]
    public async Task Get_MidYearAsAPayAccessAccount_NeitherShowsNorReadsPay()
    {
        // Arrange
        var people = await RecordedAsync();
        await GrantPayAccessAsync(people.HeadUser);
        using var head = await SignInAsync(people.HeadUser);

        // Act
        var html = await PageHtmlAsync(await head.GetAsync(MidYearUrl(people.Person)));

        // Assert
        Assert.DoesNotContain(Recommendation, html);
        Assert.DoesNotContain("pay-recommendation", html);
        Assert.Empty(await ReadsOfAsync(people.Person));
    }
}
