using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lynchpin.Web.TagHelpers;

/// <summary>
/// What the govuk form tag helpers share: the bound field (<c>for</c>), its hint, its ModelState error,
/// ASP.NET's default name and id (as <c>Html.NameFor</c> and <c>Html.IdFor</c> give them), and the
/// govuk-form-group wrapper.
/// </summary>
public abstract class GovUkFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Makes the label (or legend) the page's h1, for a page that asks one question.</summary>
    [HtmlAttributeName("page-heading")]
    public bool PageHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The form field name, e.g. <c>Input.FirstName</c>.</summary>
    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The element id, e.g. <c>Input_FirstName</c>: what the error summary links to.</summary>
    protected string FieldId => TagBuilder.CreateSanitizedId(FieldName, generator.IdAttributeDotReplacement);

    protected string HintId => FieldId + "-hint";

    protected string ErrorId => FieldId + "-error";

    /// <summary>
    /// The label text given, else the property's [Display] name, else its name; with a capital first letter, as a GOV.UK label
    /// starts. [Display] names stay lower case ("date of the visit") because error messages use them mid-sentence.
    /// </summary>
    protected string DisplayName(string? given) => Capitalised(given ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name);

    /// <summary>The text with its first letter upper case (the rest as written: "URN", "PEP" and names keep theirs).</summary>
    public static string Capitalised(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.AsSpan(1));

    /// <summary>The field's first error: govuk shows one message per field; the summary lists them all.</summary>
    protected string? ErrorText()
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) || entry.Errors.Count == 0)
        {
            return null;
        }
        return ModelErrors.Text(entry.Errors[0]);
    }

    /// <summary>What the person typed if the form came back with errors, else the model's value.</summary>
    protected string? CurrentValue(string? format = null, IFormatProvider? culture = null)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.AttemptedValue;
        }
        return For.Model switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(format, culture ?? CultureInfo.CurrentCulture),
            var model => model.ToString(),
        };
    }

    /// <summary>Whether an option's value is the field's current one; enums match by name or by number.</summary>
    protected bool IsCurrent(string optionValue)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue is string[] values
                ? values.Contains(optionValue, StringComparer.OrdinalIgnoreCase)
                : string.Equals(entry.AttemptedValue, optionValue, StringComparison.OrdinalIgnoreCase);
        }
        return For.Model switch
        {
            null => false,
            Enum value => optionValue == value.ToString() || optionValue == Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            var model => string.Equals(Convert.ToString(model, CultureInfo.InvariantCulture), optionValue, StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>Whether the form came back: then the model's own choices (Selected) no longer apply.</summary>
    protected bool HasAttemptedValue =>
        ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null;

    /// <summary>The items given, else an enum's values or Yes/No for a bool, so simple fields need no list.</summary>
    protected IEnumerable<SelectListItem> ItemsOrDefault(IEnumerable<SelectListItem>? items)
    {
        if (items is not null)
        {
            return items;
        }
        var type = Nullable.GetUnderlyingType(For.Metadata.ModelType) ?? For.Metadata.ModelType;
        if (type == typeof(bool))
        {
            return GovUkItems.YesNo();
        }
        if (type.IsEnum)
        {
            // As Html.GetEnumSelectList: [Display] names, numeric values (IsCurrent matches either).
            return (For.Metadata.EnumGroupedDisplayNamesAndValues ?? [])
                .Select(v => new SelectListItem(v.Key.Name, v.Value))
                .ToList();
        }
        throw new InvalidOperationException($"Give items for {For.Name}: it is neither a bool nor an enum.");
    }

    /// <summary>Turns the tag helper's element into the govuk-form-group div and returns the attributes meant for the control.</summary>
    protected List<TagHelperAttribute> StartFormGroup(TagHelperOutput output, bool hasError)
    {
        var passThrough = output.Attributes.ToList();
        output.Attributes.Clear();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovUkMarkup.Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null));
        return passThrough;
    }

    /// <summary>Hint then error message, in govuk's order, and the ids the control is described by.</summary>
    protected (IHtmlContent Html, string? DescribedBy) HintAndError(string? error)
    {
        var html = new HtmlContentBuilder();
        if (Hint is not null)
        {
            html.AppendHtml(GovUkMarkup.Hint(HintId, Hint));
        }
        if (error is not null)
        {
            html.AppendHtml(GovUkMarkup.ErrorMessage(ErrorId, error));
        }
        var describedBy = GovUkMarkup.Classes(Hint is null ? null : HintId, error is null ? null : ErrorId);
        return (html, describedBy.Length == 0 ? null : describedBy);
    }
}

/// <summary>A govuk field with one control and a label: input, select, textarea, file upload.</summary>
public abstract class GovUkLabelledFieldTagHelper(IHtmlGenerator generator) : GovUkFieldTagHelper(generator)
{
    /// <summary>The label text; without it, the property's [Display] name or its name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>A govuk label size class, e.g. govuk-label--m.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    protected IHtmlContent LabelHtml() => GovUkMarkup.Label(FieldId, DisplayName(Label), LabelClass, PageHeading);
}
