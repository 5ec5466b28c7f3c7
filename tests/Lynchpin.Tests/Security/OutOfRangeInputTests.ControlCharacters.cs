using System.Net;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Security;

/// <summary>
/// Issue 15, one input policy: a control character (NUL, or another C0 character but tab, CR and LF) in any form field,
/// query value or API parameter is a 400 — the GOV.UK error summary naming the field on pages, problem+json on the API —
/// never a 500 or a response without a status, and nothing saved; the same on both databases. The same walk of every
/// page, form and endpoint of the demo trust as the out-of-range values.
/// </summary>
public abstract partial class OutOfRangeInputTests
{
    private static readonly string[] ControlValues = ["before\0after", "bell\u0007", "\u001Bescape"];

    [SkippableFact]
    public async Task Post_EveryFormWithAControlCharacterInEveryField_Is400WithTheErrorSummaryAndNothingSaved()
    {
        // Arrange
        var walker = await WalkerAsync();
        var failures = new List<string>();
        var forms = new List<string>();
        var before = await Data.WithDbAsync(db => db.StaffMembers.Select(s => s.JobTitle + s.LastName).ToListAsync());

        // Act: each form of each page, every text it sends (hidden ones too) with a control character in it, one value per post.
        foreach (var (route, endpoint) in Routes(walker))
        {
            if (route.StartsWith("/api", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null
                || route.StartsWith("/sign", StringComparison.Ordinal) || route.StartsWith("/account", StringComparison.Ordinal))
            {
                continue;
            }
            var client = ClientFor(walker, route);
            using var page = await client.GetAsync(route);
            if (page.StatusCode != HttpStatusCode.OK || page.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var count = (await Html.ParseAsync(page)).Forms.Count(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
            for (var index = 0; index < count; index++)
            {
                foreach (var value in ControlValues)
                {
                    // The page afresh each time: its antiforgery token and values as shown.
                    using var again = await client.GetAsync(route);
                    var form = (await Html.ParseAsync(again)).Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).ElementAt(index);
                    var values = Html.FormValues(form);
                    var fields = values.Keys.Where(k => k != "__RequestVerificationToken").ToList();
                    if (fields.Count == 0)
                    {
                        continue;
                    }
                    foreach (var field in fields)
                    {
                        values[field] = values[field] + value;
                    }
                    forms.Add($"{route} #{index}");
                    using var response = await SubmitAsync(client, form, values, again.RequestMessage!.RequestUri!);
                    if (await ProblemWith(response, api: false) is { } problem)
                    {
                        failures.Add($"POST {route} form {index} ({string.Join(", ", fields)}) with {Escape(value)}: {problem}");
                    }
                }
            }
        }

        // Assert
        Assert.True(forms.Count > 60, $"Only {forms.Count} forms: the walk found too few.\n" + string.Join("\n", forms));
        Assert.True(failures.Count == 0, $"{failures.Count} failures over {forms.Count} posts:\n" + string.Join("\n", failures));
        Assert.Equal(before, await Data.WithDbAsync(db => db.StaffMembers.Select(s => s.JobTitle + s.LastName).ToListAsync()));
    }

    [SkippableFact]
    public async Task Post_StaffFormWithAControlCharacterInTheJobTitle_Is400NamingTheFieldAndNothingSaved()
    {
        // Arrange
        var walker = await WalkerAsync();
        var url = $"/staff/{walker.Ids["staff"]}/edit";
        var stored = await Data.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == walker.Ids["staff"]));

        // Act
        using var response = await PageForms.SubmitAsync(walker.Head, url, "Input.JobTitle", new Dictionary<string, string> { ["Input.JobTitle"] = "Teaching\0assistant" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Job title contains a control character", await Html.ErrorSummaryAsync(response));
        // The form again, with what was typed kept around the character (a browser shows the NUL as a replacement mark).
        var typed = (await Html.ParseAsync(response)).QuerySelector("#Input_JobTitle")?.GetAttribute("value") ?? "";
        Assert.StartsWith("Teaching", typed);
        Assert.EndsWith("assistant", typed);
        var after = await Data.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == walker.Ids["staff"]));
        Assert.Equal(stored.JobTitle, after.JobTitle);
    }

    [SkippableTheory]
    [InlineData("Teaching\0assistant")]
    [InlineData("Bell\u0007")]
    public async Task SaveChanges_AControlCharacterInAnyText_IsRefusedOnBothDatabasesAndNothingWritten(string jobTitle)
    {
        // Arrange: the last line, for a path that did not check its input first.
        var walker = await WalkerAsync();
        var id = walker.Ids["staff"];

        // Act
        var thrown = await Record.ExceptionAsync(() => Data.WithDbAsync(async db =>
        {
            var member = await db.StaffMembers.SingleAsync(s => s.Id == id);
            member.JobTitle = jobTitle;
            return await db.SaveChangesAsync();
        }));

        // Assert
        var refused = Assert.IsType<ControlCharacterException>(thrown);
        Assert.Equal("JobTitle", refused.Property);
        Assert.NotEqual(jobTitle, await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.JobTitle).SingleAsync()));
    }

    [SkippableFact]
    public async Task Get_EveryQueryValueWithAControlCharacter_Is400WithTheErrorSummaryOrProblem()
    {
        // Arrange
        var walker = await WalkerAsync();
        var failures = new List<string>();
        var walked = 0;

        // Act: every value each page and endpoint reads from its query, and a search box's "q", with a NUL.
        foreach (var (route, endpoint) in Routes(walker))
        {
            foreach (var name in QueryNames(endpoint).Append("q").Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var url = $"{route}{(route.Contains('?') ? '&' : '?')}{name}=a%00b";
                using var response = await ClientFor(walker, route).GetAsync(url);
                walked++;
                if (await ProblemWith(response, route.StartsWith("/api", StringComparison.Ordinal)) is { } problem)
                {
                    failures.Add($"GET {url}: {problem}");
                }
            }
        }

        // Assert
        Assert.True(walked > 100, $"Only {walked} requests: the walk found too few routes.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {walked}:\n" + string.Join("\n", failures));
    }

    [SkippableTheory]
    [InlineData("/api/trusts/{0}/parity")]
    [InlineData("/api/trusts/{0}/profile")]
    [InlineData("/trusts/{0}/framework")]
    public async Task Get_AControlCharacterInTheAddress_Is400NeverA500(string pattern)
    {
        // Arrange
        var walker = await WalkerAsync();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, DemoData.TrustCode + "%01");

        // Act
        using var response = await ClientFor(walker, url).GetAsync(url);

        // Assert
        Assert.Null(await ProblemWith(response, url.StartsWith("/api", StringComparison.Ordinal)));
    }

    /// <summary>Posts the form; multipart forms (uploads) with their fields as parts and no file.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, Dictionary<string, string> values, Uri pageUri)
    {
        if (!(form.Enctype ?? "").Contains("multipart", StringComparison.Ordinal))
        {
            return Html.SubmitAsync(client, form, values, pageUri);
        }
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUri : new Uri(pageUri, form.GetAttribute("action"));
        return client.PostAsync(action, content);
    }

    private static string Escape(string value) => string.Concat(value.Select(c => c < ' ' ? $"\\u{(int)c:X4}" : c.ToString()));
}
