using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>Reads the profile pages' tables and sentences as a person sees them.</summary>
internal static class ProfilePage
{
    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    /// <summary>The cells of the table row whose header is <paramref name="header"/> or starts with it and a space ("2" finds "2 Non-negotiables met").</summary>
    public static IReadOnlyList<string> Row(IDocument document, string tableId, string header)
    {
        var table = document.GetElementById(tableId) ?? throw new InvalidOperationException($"No table #{tableId} on the page.");
        var row = table.QuerySelectorAll("tbody tr").FirstOrDefault(r =>
        {
            var th = Text(r.QuerySelector("th"));
            return th == header || th.StartsWith(header + " ", StringComparison.Ordinal);
        }) ?? throw new InvalidOperationException($"Table #{tableId} has no row '{header}'.");
        return row.QuerySelectorAll("td").Select(Text).ToList();
    }

    public static IReadOnlyList<string> RowHeaders(IDocument document, string tableId) =>
        document.GetElementById(tableId)!.QuerySelectorAll("tbody tr th").Select(Text).ToList();

    public static IReadOnlyList<string> Paragraphs(IDocument document, string id) =>
        document.GetElementById(id)?.QuerySelectorAll("p").Select(Text).ToList() ?? [];

    /// <summary>A GOV.UK summary list as key → value text.</summary>
    public static IReadOnlyDictionary<string, string> SummaryList(IDocument document, string id) =>
        document.GetElementById(id)!.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => Text(r.QuerySelector("dt")), r => Text(r.QuerySelector("dd")));

    public static string Text(IElement? element) =>
        element is null ? "" : string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
