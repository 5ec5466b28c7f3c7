using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>
/// govuk-frontend's radios in a fieldset, bound to a model property:
/// <c>&lt;govuk-radios for="Input.IsTeacher" legend="Do they teach?" inline="true" /&gt;</c>.
/// Without items, a bool gets Yes/No and an enum its values. The first radio has the field's id
/// (<c>Input_IsTeacher</c>) so the error summary's link lands on it; the others add -2, -3…
/// Other attributes go onto the form group.
/// </summary>
[HtmlTargetElement("govuk-radios", Attributes = "for")]
public sealed class GovUkRadiosTagHelper(IHtmlGenerator generator) : GovUkFieldTagHelper(generator)
{
    /// <summary>The question; without it, the property's [Display] name or its name.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>A govuk legend size class, e.g. govuk-fieldset__legend--m.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>Side by side: for two short answers such as Yes and No.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorText();
        var passThrough = StartFormGroup(output, error is not null);
        foreach (var attribute in passThrough)
        {
            if (attribute.Name == "class")
            {
                output.AddClass(attribute.Value?.ToString() ?? string.Empty, HtmlEncoder.Default);
            }
            else
            {
                output.Attributes.Add(attribute);
            }
        }
        var (hintAndError, describedBy) = HintAndError(error);

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (describedBy is not null)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }
        fieldset.InnerHtml.AppendHtml(GovUkMarkup.Legend(DisplayName(Legend), LegendClass, PageHeading));
        fieldset.InnerHtml.AppendHtml(hintAndError);

        var radios = new TagBuilder("div");
        radios.AddCssClass(GovUkMarkup.Classes("govuk-radios", Inline ? "govuk-radios--inline" : null));
        radios.Attributes["data-module"] = "govuk-radios";

        var answered = HasAttemptedValue || For.Model is not null;
        var index = 0;
        foreach (var item in ItemsOrDefault(Items))
        {
            index++;
            var id = index == 1 ? FieldId : $"{FieldId}-{index}";
            var value = item.Value ?? item.Text;

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass("govuk-radios__input");
            input.Attributes["id"] = id;
            input.Attributes["name"] = FieldName;
            input.Attributes["type"] = "radio";
            input.Attributes["value"] = value;
            if (answered ? IsCurrent(value) : item.Selected)
            {
                input.Attributes["checked"] = "checked";
            }
            if (item.Disabled)
            {
                input.Attributes["disabled"] = "disabled";
            }

            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label govuk-radios__label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);

            var radio = new TagBuilder("div");
            radio.AddCssClass("govuk-radios__item");
            radio.InnerHtml.AppendHtml(input).AppendHtml(label);
            radios.InnerHtml.AppendHtml(radio);
        }
        fieldset.InnerHtml.AppendHtml(radios);
        output.Content.AppendHtml(fieldset);
    }
}
