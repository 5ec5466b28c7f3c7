using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>
/// The school appraisal pages' hand-checked school (the case of AppraisalDashboardTests), on 10 March 2026 for 2025/26
/// (objectives due 31 Oct, mid-year 28 Feb, final 15 Jul):
/// <code>
///    who (family)              objectives               mid-year review                 status
/// A  head (teaching, SLT)      draft, none              –                               not reviewed
/// B  teacher (teaching)        agreed, pupil progress   on, on — signed by both         on track
/// C  teacher (teaching)        agreed, pupil progress   on, off — appraiser signed      off track
/// D  TA (learning support)     agreed, pupil progress   on, at risk — signed by both    at risk
/// E  site manager (site)       agreed, pupil progress   off, on — draft, unsigned       not reviewed
/// F  clerk (administration)    not agreed, role only    –                               not reviewed
/// G  TA (learning support)     draft, pupil progress    –                               not reviewed
/// H  teacher, left 31 Jan      (not counted)
/// </code>
/// A line-manages B, C, E, F and H; B line-manages D and G, so B's team is D and G.
/// </summary>
public abstract class SchoolAppraisalTest(LynchpinAppFactory app) : AppraisalTest(app)
{
    protected sealed record HandChecked(
        School School, StaffMember A, StaffMember B, StaffMember C, StaffMember D, StaffMember E, StaffMember F, StaffMember G, StaffMember H);

    protected async Task<HandChecked> HandCheckedAsync(Trust? trust = null)
    {
        var school = await Data.CreateSchoolAsync(trust);
        var a = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, firstName: "Ada", jobTitle: "Headteacher");
        var b = await Data.CreateStaffAsync(school, RoleFamily.Teaching, a, firstName: "Ben", jobTitle: "Head of English");
        var c = await Data.CreateStaffAsync(school, RoleFamily.Teaching, a, firstName: "Cat", jobTitle: "Teacher of maths");
        var d = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, b, firstName: "Dee", jobTitle: "Teaching assistant");
        var e = await Data.CreateStaffAsync(school, RoleFamily.Site, a, firstName: "Eli", jobTitle: "Site manager");
        var f = await Data.CreateStaffAsync(school, RoleFamily.Administration, a, firstName: "Fay", jobTitle: "Clerk");
        var g = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, b, firstName: "Gus", jobTitle: "Teaching assistant");
        var h = await Data.CreateStaffAsync(school, RoleFamily.Teaching, a, leavingDate: new DateOnly(2026, 1, 31), firstName: "Hal");
        await OpenAsync(school);

        await SignedReviewAsync(await AgreedAsync(b), ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        var cReview = await DraftReviewAsync(await AgreedAsync(c), ReviewKind.MidYear, Rating.OnTrack, Rating.OffTrack);
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiserAsync(cReview.Id, Leader)));
        await SignedReviewAsync(await AgreedAsync(d), ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        await DraftReviewAsync(await AgreedAsync(e), ReviewKind.MidYear, Rating.OffTrack, Rating.OnTrack);
        var fAppraisal = await AppraisalOfAsync(f);
        AssertDone(await AddObjectiveAsync(fAppraisal, RoleSpecific));
        AssertDone(await WithAsync<AppraisalObjectives, Result>(o => o.RecordNotAgreedAsync(fAppraisal.Id, "Too much at once")));
        AssertDone(await AddObjectiveAsync(await AppraisalOfAsync(g), PupilProgress));
        return new HandChecked(school, a, b, c, d, e, f, g, h);
    }

    protected async Task<HttpClient> LeaderOfAsync(School school, StaffMember? staff = null) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: staff));

    protected async Task<HttpClient> LineManagerAsync(StaffMember staff) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: staff));

    /// <summary>A page that must answer 200, parsed.</summary>
    protected static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    /// <summary>
    /// Fills the form holding <paramref name="field"/> on the page at <paramref name="url"/> (its own token and hidden
    /// fields kept), sets <paramref name="values"/> and posts it, as a browser would.
    /// </summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, string field, IDictionary<string, string> values, IEnumerable<string>? remove = null)
    {
        using var page = await client.GetAsync(url);
        Assert.True(page.IsSuccessStatusCode, $"GET {url} answered {(int)page.StatusCode}");
        var form = Html.FormWithField(await Html.ParseAsync(page), field);
        var sent = Html.FormValues(form);
        foreach (var key in remove ?? [])
        {
            sent.Remove(key);
        }
        foreach (var (key, value) in values)
        {
            sent[key] = value;
        }
        return await Html.SubmitAsync(client, form, sent, page.RequestMessage!.RequestUri!);
    }

    /// <summary>Posts a form whose fields repeat a name (checkboxes): <paramref name="values"/> as given, plus the form's token.</summary>
    protected static async Task<HttpResponseMessage> PostPairsAsync(
        HttpClient client, string url, string field, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var page = await client.GetAsync(url);
        var form = Html.FormWithField(await Html.ParseAsync(page), field);
        var token = Html.FormValues(form)["__RequestVerificationToken"];
        var target = new Uri(page.RequestMessage!.RequestUri!, form.GetAttribute("action") ?? "");
        return await client.PostAsync(target, new FormUrlEncodedContent(values.Append(new("__RequestVerificationToken", token))));
    }

    protected static string Text(IElement? element) =>
        element is null ? "" : string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The cells of the row of <paramref name="tableId"/> whose header is <paramref name="header"/>.</summary>
    protected static IReadOnlyList<string> Row(IDocument document, string tableId, string header)
    {
        var table = document.GetElementById(tableId) ?? throw new InvalidOperationException($"No table #{tableId} on the page.");
        var row = table.QuerySelectorAll("tbody tr").FirstOrDefault(r => Text(r.QuerySelector("th")) == header)
            ?? throw new InvalidOperationException($"Table #{tableId} has no row '{header}'.");
        return row.QuerySelectorAll("td").Select(Text).ToList();
    }

    /// <summary>The people table's row for a person, header (name) first.</summary>
    protected static IReadOnlyList<string>? PersonRow(IDocument document, StaffMember person) =>
        document.QuerySelector($"#people-table tr[data-staff='{person.Id}']")?.QuerySelectorAll("th, td").Select(Text).ToList();

    protected static IReadOnlyList<string> ErrorSummary(IDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(Text).ToList();
}
