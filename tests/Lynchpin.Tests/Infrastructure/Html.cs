using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>Reads pages with AngleSharp and submits their forms as a browser would, antiforgery token included.</summary>
public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>The form that holds a field named <paramref name="fieldName"/>.</summary>
    public static IHtmlFormElement FormWithField(IDocument document, string fieldName)
    {
        var field = document.QuerySelectorAll("input, select, textarea")
            .FirstOrDefault(e => e.GetAttribute("name") == fieldName);
        return field?.Closest("form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form on the page has a field named '{fieldName}'.");
    }

    /// <summary>What the form would send as it stands: hidden fields (the antiforgery token), text, checked boxes, selected options.</summary>
    public static Dictionary<string, string> FormValues(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values[name] = input.Value;
                    }
                    break;
                case IHtmlInputElement input:
                    values[name] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    values[name] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement textArea:
                    values[name] = textArea.Value;
                    break;
            }
        }
        return values;
    }

    /// <summary>Posts <paramref name="values"/> to the form's action, resolved against the page it came from.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IDictionary<string, string> values, Uri pageUri)
    {
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action);
        return client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts the form as <c>multipart/form-data</c> with <paramref name="values"/> and one file in <paramref name="fileField"/>,
    /// as a browser sends a form with <c>enctype="multipart/form-data"</c>.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitWithFileAsync(
        HttpClient client, IHtmlFormElement form, IDictionary<string, string> values, string fileField, string fileName, byte[] content, Uri pageUri)
    {
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action);
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/octet-stream");
        body.Add(file, fileField, fileName);
        return client.PostAsync(target, body);
    }

    /// <summary>The GOV.UK error summary's text, or a note that the page has none; for failure messages.</summary>
    public static async Task<string> ErrorSummaryAsync(HttpResponseMessage response)
    {
        var document = await ParseAsync(response);
        var summary = document.QuerySelector(".govuk-error-summary");
        return summary is null ? "(no error summary on the page)" : string.Join(" ", summary.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
