namespace Lynchpin.Web.TagHelpers;

/// <summary>Ready-made item lists for govuk-radios and govuk-select.</summary>
public static class GovUkItems
{
    /// <summary>Yes/No for a bool: the values model binding reads as true and false.</summary>
    public static IReadOnlyList<SelectListItem> YesNo() =>
    [
        new SelectListItem("Yes", "true"),
        new SelectListItem("No", "false"),
    ];
}
