using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>
/// govuk-frontend's textarea bound to a model property:
/// <c>&lt;govuk-textarea for="Input.Notes" label="Notes" hint="…" rows="5" /&gt;</c>.
/// Other attributes (maxlength, spellcheck…) go onto the textarea.
/// </summary>
[HtmlTargetElement("govuk-textarea", Attributes = "for")]
public sealed class GovUkTextareaTagHelper(IHtmlGenerator generator) : GovUkLabelledFieldTagHelper(generator)
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorText();
        var passThrough = StartFormGroup(output, error is not null);
        var (hintAndError, describedBy) = HintAndError(error);

        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass(GovUkMarkup.Classes("govuk-textarea", error is null ? null : "govuk-textarea--error"));
        textarea.Attributes["id"] = FieldId;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
        if (describedBy is not null)
        {
            textarea.Attributes["aria-describedby"] = describedBy;
        }
        if (Autocomplete is not null)
        {
            textarea.Attributes["autocomplete"] = Autocomplete;
        }
        GovUkMarkup.CopyAttributes(passThrough, textarea);
        // HTML drops a newline straight after <textarea>; starting with one keeps a value's own first newline.
        textarea.InnerHtml.AppendLine();
        textarea.InnerHtml.Append(CurrentValue() ?? string.Empty);

        output.Content.AppendHtml(LabelHtml());
        output.Content.AppendHtml(hintAndError);
        output.Content.AppendHtml(textarea);
    }
}
