using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>
/// govuk-frontend's select bound to a model property:
/// <c>&lt;govuk-select for="Input.SchoolId" label="School" items="Model.Schools" /&gt;</c>.
/// Without items, an enum property lists its values. Other attributes go onto the select.
/// </summary>
[HtmlTargetElement("govuk-select", Attributes = "for")]
public sealed class GovUkSelectTagHelper(IHtmlGenerator generator) : GovUkLabelledFieldTagHelper(generator)
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorText();
        var passThrough = StartFormGroup(output, error is not null);
        var (hintAndError, describedBy) = HintAndError(error);

        var select = new TagBuilder("select");
        select.AddCssClass(GovUkMarkup.Classes("govuk-select", error is null ? null : "govuk-select--error"));
        select.Attributes["id"] = FieldId;
        select.Attributes["name"] = FieldName;
        if (describedBy is not null)
        {
            select.Attributes["aria-describedby"] = describedBy;
        }
        GovUkMarkup.CopyAttributes(passThrough, select);

        var answered = HasAttemptedValue || For.Model is not null;
        foreach (var item in ItemsOrDefault(Items))
        {
            var value = item.Value ?? item.Text;
            var option = new TagBuilder("option");
            option.Attributes["value"] = value;
            if (answered ? IsCurrent(value) : item.Selected)
            {
                option.Attributes["selected"] = "selected";
            }
            if (item.Disabled)
            {
                option.Attributes["disabled"] = "disabled";
            }
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        output.Content.AppendHtml(LabelHtml());
        output.Content.AppendHtml(hintAndError);
        output.Content.AppendHtml(select);
    }
}
