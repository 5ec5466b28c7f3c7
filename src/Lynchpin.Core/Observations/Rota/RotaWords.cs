namespace Lynchpin.Core.Observations.Rota;

/// <summary>
/// A rota's measures as a head would say them ("Every observer gets the visits they asked for; 68 of 70 people seen"),
/// for the rota page and the command's report; the solver's own figures go beside them, for those who want them.
/// </summary>
public static class RotaWords
{
    public static IReadOnlyList<string> Summary(RotaMeasures m)
    {
        var lines = new List<string>
        {
            m.ObserversShort == 0
                ? $"Every observer gets the visits they asked for: {Count(m.VisitsMade, "visit")} in all."
                : $"{m.ObserversShort} of {Count(m.Observers, "observer")} get fewer visits than they asked for: {m.VisitsMade} of {Count(m.VisitsRequested, "visit")} are planned.",
            $"{m.DistinctObservees} of {m.Observees} {(m.Observees == 1 ? "person who leads" : "people who lead")} lessons {(m.DistinctObservees == 1 ? "is" : "are")} seen.",
        };
        var termWeeks = m.Weeks.Where(w => w.SchoolDays > 0).ToList();
        if (termWeeks.Count > 1)
        {
            var shortWeeks = termWeeks.Where(w => w.Short).ToList();
            lines.Add(shortWeeks.Count == 0
                ? $"Visits reach every week of term: {Between(termWeeks.Min(w => w.Visits), termWeeks.Max(w => w.Visits))} a week over {termWeeks.Count} weeks."
                : $"{shortWeeks.Count} of {termWeeks.Count} weeks of term get fewer than half their share of the visits: "
                    + string.Join(", ", shortWeeks.Select(w => $"the week of {Dates.Long(w.Monday)} ({Count(w.Visits, "visit")})")) + ".");
        }
        var closedWeeks = m.Weeks.Count(w => w.SchoolDays == 0);
        if (closedWeeks > 0)
        {
            lines.Add($"No visits in the {(closedWeeks == 1 ? "week" : $"{closedWeeks} weeks")} the school is closed.");
        }
        lines.Add(m.RepeatedPairs == 0
            ? "No observer visits the same person twice."
            : $"{Count(m.RepeatedPairs, "visit")} {(m.RepeatedPairs == 1 ? "repeats a pair" : "repeat a pair")}: an observer visiting someone they already visit.");
        if (m.FocusVisitsRequested > 0)
        {
            lines.Add($"{m.FocusVisits} of the {m.FocusVisitsRequested} visits by observers with a focus year group are in it.");
        }
        if (m.DistinctSubjects > 0)
        {
            lines.Add($"Visits cover {Count(m.DistinctSubjects, "subject")}; pastoral and support staff make {Math.Round(m.PastoralAndSupportShare * 100):0} % of them.");
        }
        return lines;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Between(int min, int max) => min == max ? $"{min}" : $"{min} to {max}";
}
