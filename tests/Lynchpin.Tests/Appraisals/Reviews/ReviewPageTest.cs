using AngleSharp.Html.Dom;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Reviews;

/// <summary>The app with evidence files kept in the tests' own folder, so no run writes under the source tree.</summary>
public class ReviewAppFactory : LynchpinAppFactory
{
    public static readonly string EvidenceFolder = Path.Combine(Path.GetTempPath(), "lynchpin-tests", "review-pages");

    protected ReviewAppFactory(DatabaseProvider provider) : base(provider) => WithSetting("Lynchpin:EvidenceFolder", EvidenceFolder);
}

public sealed class ReviewSqliteFactory() : ReviewAppFactory(DatabaseProvider.Sqlite);

public sealed class ReviewPostgresFactory() : ReviewAppFactory(DatabaseProvider.Postgres);

/// <summary>
/// The review pages over HTTP. Each test makes a school of its own: a head (a school leader account), a line manager
/// who is the appraiser, and a teaching assistant whose appraisal (2025/26) has two agreed objectives.
/// </summary>
public abstract class ReviewPageTest(LynchpinAppFactory app) : AppraisalTest(app)
{
    protected sealed record People(
        School School, StaffMember Head, StaffMember Manager, StaffMember Person, Appraisal Appraisal,
        TestUser HeadUser, TestUser ManagerUser, TestUser PersonUser)
    {
        public Objective First => Appraisal.Objectives[0];
        public Objective Second => Appraisal.Objectives[1];
    }

    protected async Task<People> PeopleAsync(bool agreed = true)
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, firstName: "Hilary", jobTitle: "Headteacher");
        var manager = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Morgan", jobTitle: "SENCo");
        var person = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, manager, firstName: "Kay", jobTitle: "Teaching assistant");
        await OpenAsync(school);
        var appraisal = agreed ? await AgreedAsync(person) : await AppraisalOfAsync(person);
        return new People(school, head, manager, person, appraisal,
            await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head),
            await Data.CreateUserAsync(UserRole.LineManager, staff: manager),
            await Data.CreateUserAsync(UserRole.Staff, staff: person));
    }

    protected static string MidYearUrl(StaffMember person) => $"/staff/{person.Id}/appraisal/reviews/mid-year?year={Year}";

    protected static string FinalUrl(StaffMember person) => $"/staff/{person.Id}/appraisal/reviews/final?year={Year}";

    protected Task<HttpClient> SignInAsync(TestUser user) => App.CreateSignedInClientAsync(user);

    protected Task GrantPayAccessAsync(TestUser user) =>
        Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));

    /// <summary>The form with id <paramref name="formId"/> on the page, as the browser would send it.</summary>
    protected static async Task<(IHtmlFormElement Form, Dictionary<string, string> Values, Uri PageUri)> OpenFormAsync(
        HttpClient client, string url, string formId)
    {
        using var page = await client.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        var form = document.GetElementById(formId) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form #{formId} on {url}.");
        return (form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
    }

    /// <summary>Opens the page, changes some fields of the form with id <paramref name="formId"/> and posts it.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, string formId, IReadOnlyDictionary<string, string>? changes = null)
    {
        var (form, values, pageUri) = await OpenFormAsync(client, url, formId);
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }
        return await Html.SubmitAsync(client, form, values, pageUri);
    }

    /// <summary>Posts to a handler of a page the account may not have the form for, with its own antiforgery token.</summary>
    protected static async Task<HttpResponseMessage> PostHandlerAsync(
        HttpClient client, string url, string handler, IReadOnlyDictionary<string, string>? values = null)
    {
        var form = new Dictionary<string, string>(values ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(client),
        };
        return await client.PostAsync($"{url}&handler={handler}", new FormUrlEncodedContent(form));
    }

    /// <summary>Every version of a kind of review, oldest first, with ratings and evidence.</summary>
    protected Task<List<AppraisalReview>> VersionsAsync(Appraisal appraisal, ReviewKind kind) =>
        Data.WithDbAsync(db => db.AppraisalReviews.AsNoTracking().Include(r => r.Ratings).Include(r => r.Evidence)
            .Where(r => r.AppraisalId == appraisal.Id && r.Kind == kind).OrderBy(r => r.Version).ToListAsync());

    /// <summary>Everything a review write could change for the appraisal, as one string to compare before and after.</summary>
    protected Task<string> FingerprintAsync(Appraisal appraisal) => Data.WithDbAsync(async db =>
    {
        var reviews = await db.AppraisalReviews.AsNoTracking().Include(r => r.Ratings).Include(r => r.Evidence)
            .Where(r => r.AppraisalId == appraisal.Id).OrderBy(r => r.Id).ToListAsync();
        var pay = await db.PayRecommendations.AsNoTracking().Where(p => p.AppraisalId == appraisal.Id).Select(p => p.Text).ToListAsync();
        return string.Join("\n", reviews.Select(r =>
            $"{r.Id} {r.Kind} v{r.Version} {r.IsCurrent} [{r.AppraiserComments}] [{r.AppraiseeComments}] [{r.OverallComments}] [{r.Reflection}] " +
            $"{r.AppraiserSignedAt} {r.AppraiseeSignedAt} " +
            string.Join(",", r.Ratings.OrderBy(x => x.ObjectiveId).Select(x => $"{x.ObjectiveId}:{x.Rating}:{x.Comment}")) + " " +
            string.Join(",", r.Evidence.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.FileName}{e.Link}"))).Append(string.Join(",", pay)));
    });
}
