using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Web.Pages.Careers;

/// <summary>The words and tag colours the careers pages show for ratings, deadlines and qualifications.</summary>
public static class CareerText
{
    public static (string Text, string Tag) Rating(StandardRating? rating) => rating switch
    {
        StandardRating.NotMet => ("Not met", "govuk-tag--red"),
        StandardRating.Developing => ("Developing", "govuk-tag--yellow"),
        StandardRating.Secure => ("Secure", "govuk-tag--green"),
        StandardRating.Strength => ("Strength", "govuk-tag--blue"),
        _ => ("Not rated", "govuk-tag--grey"),
    };

    public static (string Text, string Tag) Deadline(DeadlineState state) => state switch
    {
        DeadlineState.Overdue => ("Overdue", "govuk-tag--red"),
        DeadlineState.DueSoon => ("Due soon", "govuk-tag--orange"),
        DeadlineState.Met => ("Met", "govuk-tag--green"),
        _ => ("Due", "govuk-tag--grey"),
    };

    public static (string Text, string Tag) Expiry(ExpiryState state) => state switch
    {
        ExpiryState.Expired => ("Expired", "govuk-tag--red"),
        ExpiryState.ExpiringSoon => ("Renew soon", "govuk-tag--orange"),
        _ => ("Current", "govuk-tag--green"),
    };

    /// <summary>Held, in progress or required, as a person's qualifications table says it.</summary>
    public static (string Text, string Tag) Status(PersonQualification q) =>
        q.Held ? ("Held", "govuk-tag--green") : q.InProgress ? ("In progress", "govuk-tag--blue") : ("Required", "govuk-tag--orange");

    public static string Date(DateOnly? date) => date is DateOnly d ? Dates.Long(d) : "";

    public static string Level(Qualification? q) => q?.Level is int level ? $"Level {level}" : "";
}
