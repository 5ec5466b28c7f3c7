using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Careers;

/// <summary>
/// A person's current rating of each standard: the latest rating by their line manager where there is one, otherwise
/// their own latest. The pathway gaps and the training-needs view read the same answer.
/// </summary>
public static class StandardRatings
{
    public static Dictionary<(string Set, string Standard), StandardRating> Current(IEnumerable<StandardAssessment> assessments) =>
        assessments
            .GroupBy(a => (a.SetCode, a.StandardCode))
            .ToDictionary(
                g => (g.Key.SetCode, g.Key.StandardCode),
                g => g.OrderBy(a => a.By == AssessedBy.LineManager ? 0 : 1).ThenByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                    .First().Rating);

    /// <summary>The latest rating by one side (the person or the line manager), for showing both views side by side.</summary>
    public static Dictionary<(string Set, string Standard), StandardAssessment> Latest(IEnumerable<StandardAssessment> assessments, AssessedBy by) =>
        assessments.Where(a => a.By == by)
            .GroupBy(a => (a.SetCode, a.StandardCode))
            .ToDictionary(g => (g.Key.SetCode, g.Key.StandardCode), g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).First());
}
