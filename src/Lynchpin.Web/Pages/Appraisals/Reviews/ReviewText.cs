namespace Lynchpin.Web.Pages.Appraisals.Reviews;

/// <summary>One objective as the review page shows it: what it is, its rating in this version and, at mid-year, its support plan.</summary>
public sealed record ObjectiveCard(
    int Number,
    Objective Objective,
    ObjectiveRating? Rating,
    ObjectiveRating? MidYearRating,
    bool ShowRating,
    bool ShowSupportPlan,
    bool CanAddSupportPlan,
    string SupportPlanUrl);

/// <summary>Typed text shown back: a paragraph per line, or a grey note when there is none.</summary>
public static class ReviewText
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Paragraphs(string? text, string empty)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        if (string.IsNullOrWhiteSpace(text))
        {
            html.AppendHtml("<p class=\"govuk-body govuk-hint\">");
            html.Append(empty);
            return html.AppendHtml("</p>");
        }
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.AppendHtml("<p class=\"govuk-body\">");
            html.Append(line);
            html.AppendHtml("</p>");
        }
        return html;
    }

    public static string FileSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.0} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0} KB"
        : $"{bytes} bytes";

    public static string RatingTagClass(Rating rating) => rating switch
    {
        Rating.OnTrack or Rating.Met => "govuk-tag--green",
        Rating.AtRisk or Rating.PartlyMet => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };
}

/// <summary>A review's written parts, to set what is saved beside what was typed after a refused save.</summary>
public sealed class ReviewParts : IRevisedInput
{
    public int Revision { get; set; }
    [System.ComponentModel.DataAnnotations.Display(Name = "appraiser's comments")] public string? AppraiserComments { get; init; }
    [System.ComponentModel.DataAnnotations.Display(Name = "overall comments")] public string? OverallComments { get; init; }
    [System.ComponentModel.DataAnnotations.Display(Name = "appraisee's comments")] public string? AppraiseeComments { get; init; }
    [System.ComponentModel.DataAnnotations.Display(Name = "reflection")] public string? Reflection { get; init; }

    public static ReviewParts Of(string? appraiser, string? overall, string? appraisee, string? reflection) =>
        new() { AppraiserComments = appraiser, OverallComments = overall, AppraiseeComments = appraisee, Reflection = reflection };
}
