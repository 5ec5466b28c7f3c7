using System.Globalization;
using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>The appraisal dashboard's numbers in a few plain sentences, for the top of the page.</summary>
public static class DashboardSentences
{
    public static IReadOnlyList<string> For(AppraisalSummary s, AppraisalCycle cycle, DateOnly today)
    {
        if (s.Staff == 0)
        {
            return ["Nobody in post has an appraisal in this cycle yet."];
        }
        var sentences = new List<string>();

        var objectives = $"{s.ObjectivesAgreed} of {Count(s.Staff)} have agreed objectives ({Percent(s.ObjectivesAgreedShare)})";
        if (s.ObjectivesOverdue > 0)
        {
            objectives += $"; {s.ObjectivesOverdue} {(s.ObjectivesOverdue == 1 ? "is" : "are")} still in draft after the date set, {Date(cycle.ObjectivesDue)}";
        }
        sentences.Add(objectives + ".");

        if (s.SupportStaff > 0)
        {
            sentences.Add($"{s.SupportWithPupilProgressObjective} of the {Count(s.SupportStaff, "member of support staff", "support staff")} " +
                $"({Percent(s.SupportPupilProgressShare)}) {(s.SupportWithPupilProgressObjective == 1 ? "has" : "have")} a pupil-progress objective.");
        }

        sentences.Add(Reviews("Mid-year reviews", s.MidYear, cycle.MidYearDue, today));
        if (cycle.MidYearDue < today || s.Final.Done > 0)
        {
            sentences.Add(Reviews("Final reviews", s.Final, cycle.FinalDue, today));
        }

        var all = s.MidYearAll;
        if (all.Reviewed > 0)
        {
            var teaching = s.MidYearByCategory[StaffCategory.Teaching];
            var support = s.MidYearByCategory[StaffCategory.Support];
            sentences.Add($"Of the {Count(all.Reviewed)} whose mid-year review the appraiser has signed, {all.OnTrack} {(all.OnTrack == 1 ? "is" : "are")} on track, " +
                $"{all.AtRisk} at risk and {all.OffTrack} off track: {OnTrack(teaching, "teaching staff")}, {OnTrack(support, "support staff")}.");
        }
        return sentences;
    }

    private static string Reviews(string what, ReviewCounts counts, DateOnly due, DateOnly today) =>
        $"{what}: {counts.Done} done, " +
        (due < today ? $"{counts.Overdue} overdue (due {Date(due)})." : $"{counts.Due} due by {Date(due)}.");

    private static string OnTrack(OnTrackCounts counts, string who) =>
        counts.Reviewed == 0 ? $"no {who} reviewed yet" : $"{counts.OnTrack} of {counts.Reviewed} {who} on track";

    /// <summary>"1 person", "7 people", or with other nouns.</summary>
    public static string Count(int n, string one = "person", string many = "people") => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>A share as a whole percentage, rounded half away from zero: "57%"; "–" when there is nobody.</summary>
    public static string Percent(double? share) =>
        share is double value ? Math.Round(100 * value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Date(DateOnly date) => Dates.Long(date);
}
