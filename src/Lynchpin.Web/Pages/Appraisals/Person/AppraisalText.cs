using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>How the person pages, the print record and the staff page word an appraisal's states.</summary>
public static class AppraisalText
{
    public static string Date(DateOnly date) => Dates.Long(date);

    public static string Date(DateTime utc) => SchoolClock.Format(utc, "d MMMM yyyy");

    /// <summary>The objectives' state as a govuk tag: its words and colour class.</summary>
    public static (string Text, string TagClass) Objectives(ObjectivesStatus status) => status switch
    {
        ObjectivesStatus.Agreed => ("Agreed", "govuk-tag--green"),
        ObjectivesStatus.NotAgreed => ("Not agreed", "govuk-tag--orange"),
        _ => ("Draft", "govuk-tag--grey"),
    };

    /// <summary>A review's state as a govuk tag: not started, in progress, waiting for the person, signed; overdue when due and not done.</summary>
    public static (string Text, string TagClass) Review(AppraisalReview? review, DateOnly due, DateOnly today)
    {
        if (review?.IsLocked == true)
        {
            return ("Signed by both", "govuk-tag--green");
        }
        if (due < today)
        {
            return ("Overdue", "govuk-tag--red");
        }
        return review switch
        {
            null => ("Not started", "govuk-tag--grey"),
            { AppraiserSignedAt: not null } => ("Waiting for the person to sign", "govuk-tag--yellow"),
            { AppraiseeSignedAt: not null } => ("Waiting for the appraiser to sign", "govuk-tag--yellow"),
            _ => ("In progress", "govuk-tag--blue"),
        };
    }

    /// <summary>"2 on track, 1 at risk": the ratings of a review by kind, in the kind's order; empty before any.</summary>
    public static string Tally(AppraisalReview? review)
    {
        if (review is null || review.Ratings.Count == 0)
        {
            return "";
        }
        return string.Join(", ", AppraisalCodes.RatingsFor(review.Kind)
            .Select(r => (Rating: r, Count: review.Ratings.Count(x => x.Rating == r)))
            .Where(t => t.Count > 0)
            .Select(t => $"{t.Count} {t.Rating.DisplayName().ToLowerInvariant()}"));
    }

    /// <summary>A govuk tag colour for a rating: green for on track and met, yellow between, red for off track and not met.</summary>
    public static string RatingTag(Rating rating) => rating switch
    {
        Rating.OnTrack or Rating.Met => "govuk-tag--green",
        Rating.AtRisk or Rating.PartlyMet => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };

    /// <summary>Lines of a long text (a reason, comments) for paragraphs, so what was typed keeps its breaks.</summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
