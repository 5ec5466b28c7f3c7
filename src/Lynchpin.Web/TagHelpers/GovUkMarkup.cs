using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>The pieces every govuk form component shares (label, hint, error message), as in govuk-frontend's fixtures.</summary>
internal static class GovUkMarkup
{
    public static IHtmlContent Label(string forId, string text, string? cssClass, bool isPageHeading)
    {
        var label = new TagBuilder("label");
        label.AddCssClass(Classes("govuk-label", cssClass ?? (isPageHeading ? "govuk-label--l" : null)));
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading)
        {
            return label;
        }
        // A question that is the whole page is its h1, so screen readers hear it once.
        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static IHtmlContent Legend(string text, string? cssClass, bool isPageHeading)
    {
        var legend = new TagBuilder("legend");
        legend.AddCssClass(Classes("govuk-fieldset__legend", cssClass ?? (isPageHeading ? "govuk-fieldset__legend--l" : null)));
        if (isPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.Append(text);
            legend.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legend.InnerHtml.Append(text);
        }
        return legend;
    }

    public static IHtmlContent Hint(string id, string text)
    {
        var hint = new TagBuilder("div");
        hint.AddCssClass("govuk-hint");
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static IHtmlContent ErrorMessage(string id, string text)
    {
        var error = new TagBuilder("p");
        error.AddCssClass("govuk-error-message");
        error.Attributes["id"] = id;
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        error.InnerHtml.AppendHtml(prefix).Append(" " + text);
        return error;
    }

    /// <summary>Space-separated, skipping the empty ones: for class and aria-describedby lists.</summary>
    public static string Classes(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>
    /// Puts the attributes a page wrote on the tag helper but that it does not bind (maxlength, inputmode,
    /// disabled, data-*) onto the control, so pages are not limited to the attributes listed here.
    /// </summary>
    public static void CopyAttributes(IEnumerable<TagHelperAttribute> attributes, TagBuilder control)
    {
        foreach (var attribute in attributes)
        {
            var value = attribute.ValueStyle == HtmlAttributeValueStyle.Minimized ? string.Empty : Text(attribute.Value);
            if (attribute.Name == "class")
            {
                control.AddCssClass(value);
            }
            else
            {
                control.MergeAttribute(attribute.Name, value, replaceExisting: true);
            }
        }
    }

    // TagBuilder encodes attribute values itself, so already-encoded Razor values are decoded first.
    private static string Text(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case HtmlString html:
                return WebUtility.HtmlDecode(html.Value ?? string.Empty);
            case IHtmlContent content:
                using (var writer = new StringWriter())
                {
                    content.WriteTo(writer, HtmlEncoder.Default);
                    return WebUtility.HtmlDecode(writer.ToString());
                }
            default:
                return value.ToString() ?? string.Empty;
        }
    }
}
