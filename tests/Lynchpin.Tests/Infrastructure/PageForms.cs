using AngleSharp.Html.Dom;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>Fills in and posts a page's form as a browser would: open the page, change some fields, submit.</summary>
internal static class PageForms
{
    /// <summary>
    /// GETs <paramref name="url"/>, takes the form holding <paramref name="fieldName"/> as the page rendered it
    /// (antiforgery token and current values included), sets <paramref name="changes"/> and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string fieldName, IReadOnlyDictionary<string, string> changes)
    {
        var (form, values, pageUri) = await OpenAsync(client, url, fieldName);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }
        return await Html.SubmitAsync(client, form, values, pageUri);
    }

    /// <summary>The form holding <paramref name="fieldName"/> on the page at <paramref name="url"/>, with what it would send.</summary>
    public static async Task<(IHtmlFormElement Form, Dictionary<string, string> Values, Uri PageUri)> OpenAsync(HttpClient client, string url, string fieldName)
    {
        using var page = await client.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        var form = Html.FormWithField(document, fieldName);
        return (form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
    }

    /// <summary>
    /// The client's antiforgery token, from a page every signed-in account may open: for posting to a page
    /// the account is not allowed to open, to prove the post is refused for who it is, not for a missing token.
    /// </summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var (_, values, _) = await OpenAsync(client, "/account/tokens", "Input.Name");
        return values["__RequestVerificationToken"];
    }
}
