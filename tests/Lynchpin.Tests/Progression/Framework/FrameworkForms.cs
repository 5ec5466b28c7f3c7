using AngleSharp.Html.Dom;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Progression.Framework;

/// <summary>Opens the framework and checkpoint pages and submits their forms as a browser would.</summary>
internal static class FrameworkForms
{
    /// <summary>GETs <paramref name="url"/>, fills the form holding <paramref name="field"/> with <paramref name="values"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string field, IDictionary<string, string> values)
    {
        using var page = await client.GetAsync(url);
        Assert.True(page.IsSuccessStatusCode, $"GET {url} answered {(int)page.StatusCode}");
        var form = Html.FormWithField(await Html.ParseAsync(page), field);
        var posted = Html.FormValues(form);
        foreach (var (name, value) in values)
        {
            posted[name] = value;
        }
        return await Html.SubmitAsync(client, form, posted, page.RequestMessage!.RequestUri!);
    }

    /// <summary>Posts a page with no fields of its own (a confirmation), with the antiforgery token from its form.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        Assert.True(page.IsSuccessStatusCode, $"GET {url} answered {(int)page.StatusCode}");
        var document = await Html.ParseAsync(page);
        var form = document.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().Single();
        return await Html.SubmitAsync(client, form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
    }

    /// <summary>An antiforgery token for a client that may not open the form it posts to, from a page every account may open.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/account/tokens");
        var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Name");
        return Html.FormValues(form)["__RequestVerificationToken"];
    }

    /// <summary>The framework page's "where it comes from" text.</summary>
    public static async Task<string> SourceAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        return (await Html.ParseAsync(page)).QuerySelector("#framework-source")!.TextContent.Trim();
    }

    /// <summary>A stage's heading on the framework page, e.g. "Stage 2: Non-negotiables met".</summary>
    public static string StageHeading(AngleSharp.Dom.IDocument document, int stage) =>
        document.QuerySelector($"#stage-{stage}-heading")!.TextContent.Trim();

    /// <summary>The criteria texts the framework page lists for a stage under a group ("everyone" or a role family code).</summary>
    public static IReadOnlyList<string> Criteria(AngleSharp.Dom.IDocument document, int stage, string group) =>
        document.QuerySelectorAll($"#stage-{stage} [data-family='{group}'] .lynchpin-criterion").Select(e => e.TextContent.Trim()).ToList();
}
