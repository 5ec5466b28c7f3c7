using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>
/// govuk-frontend's text input bound to a model property:
/// <c>&lt;govuk-input for="Input.FirstName" label="First name" hint="…" type="text" width-class="govuk-input--width-20" autocomplete="given-name" /&gt;</c>.
/// Other attributes (maxlength, inputmode, spellcheck…) go onto the input.
/// </summary>
[HtmlTargetElement("govuk-input", Attributes = "for")]
public sealed class GovUkInputTagHelper(IHtmlGenerator generator) : GovUkLabelledFieldTagHelper(generator)
{
    /// <summary>text (the default), email, number, date, tel, password…</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>One of govuk's width classes, e.g. govuk-input--width-20 or govuk-!-width-one-half.</summary>
    [HtmlAttributeName("width-class")]
    public string? WidthClass { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorText();
        var passThrough = StartFormGroup(output, error is not null);
        var (hintAndError, describedBy) = HintAndError(error);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass(GovUkMarkup.Classes("govuk-input", WidthClass, error is null ? null : "govuk-input--error"));
        input.Attributes["id"] = FieldId;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = Type;
        // Browsers read date and number values in one fixed format, whatever the server's culture;
        // a password is never sent back to the page.
        var value = Type switch
        {
            "password" => null,
            "date" => CurrentValue("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "number" => CurrentValue(culture: CultureInfo.InvariantCulture),
            _ => CurrentValue(),
        };
        if (!string.IsNullOrEmpty(value))
        {
            input.Attributes["value"] = value;
        }
        if (describedBy is not null)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }
        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }
        GovUkMarkup.CopyAttributes(passThrough, input);

        output.Content.AppendHtml(LabelHtml());
        output.Content.AppendHtml(hintAndError);
        output.Content.AppendHtml(input);
    }
}
