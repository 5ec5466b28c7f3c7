using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>A count in a profile table: a link to the people behind it (<see cref="PeopleModel"/>), or plain text when there are none.</summary>
public static class CountLink
{
    public static IHtmlContent Of(string text, int count, string url)
    {
        var encoded = HtmlEncoder.Default.Encode(text);
        return new HtmlString(count == 0 ? encoded : $"<a class=\"govuk-link\" href=\"{HtmlEncoder.Default.Encode(url)}\">{encoded}</a>");
    }
}
