using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>
/// govuk-frontend's file upload bound to an IFormFile property:
/// <c>&lt;govuk-file-upload for="Input.File" label="Upload a file" hint="A CSV file" accept=".csv" /&gt;</c>.
/// The form needs <c>enctype="multipart/form-data"</c>. Other attributes (accept, multiple…) go onto the input.
/// </summary>
[HtmlTargetElement("govuk-file-upload", Attributes = "for")]
public sealed class GovUkFileUploadTagHelper(IHtmlGenerator generator) : GovUkLabelledFieldTagHelper(generator)
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorText();
        var passThrough = StartFormGroup(output, error is not null);
        var (hintAndError, describedBy) = HintAndError(error);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass(GovUkMarkup.Classes("govuk-file-upload", error is null ? null : "govuk-file-upload--error"));
        input.Attributes["id"] = FieldId;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = "file";
        if (describedBy is not null)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }
        GovUkMarkup.CopyAttributes(passThrough, input);

        output.Content.AppendHtml(LabelHtml());
        output.Content.AppendHtml(hintAndError);
        output.Content.AppendHtml(input);
    }
}
