namespace Lynchpin.Core.Pupils;

/// <summary>Red, amber or green: a review's status, and a PEP's quality at a glance (always shown with its reasons).</summary>
public enum Rag
{
    Red,
    Amber,
    Green,
}

/// <summary>A PEP's SMART target as the quality check sees it.</summary>
public sealed record PepTargetFacts(string? Outcome, string? Why, string? How, string? Who, DateOnly? ByWhen, decimal? PupilPremiumPlusCost)
{
    /// <summary>What the target lacks to be SMART (specific outcome, why, how, who, and a date after the meeting).</summary>
    public IReadOnlyList<string> Missing(DateOnly meetingOn)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Outcome)) { missing.Add("the outcome"); }
        if (string.IsNullOrWhiteSpace(Why)) { missing.Add("why"); }
        if (string.IsNullOrWhiteSpace(How)) { missing.Add("how"); }
        if (string.IsNullOrWhiteSpace(Who)) { missing.Add("who"); }
        if (ByWhen is not { } by || by <= meetingOn) { missing.Add("a date after the meeting"); }
        return missing;
    }
}

/// <summary>A PEP as the quality check sees it: the previous PEP's targets count, and how many were evaluated at this one.</summary>
public sealed record PepFacts(
    DateOnly MeetingOn, string? ChildViews, IReadOnlyList<PepTargetFacts> Targets, DateOnly? NextPepOn,
    int PreviousTargets, int PreviousTargetsEvaluated);

/// <summary>One line of the check: what was checked, whether it passed, and why, in words a designated teacher can act on.</summary>
public sealed record QualityCheck(string Name, bool Passed, string Reason);

public sealed record PepQualityResult(IReadOnlyList<QualityCheck> Checks, Rag Rating)
{
    public IEnumerable<QualityCheck> Failed => Checks.Where(c => !c.Passed);

    public string RatingName => Rating switch
    {
        Rag.Green => "Meets every check",
        Rag.Amber => "Needs work",
        _ => "Not good enough",
    };
}

/// <summary>
/// The quality check of a PEP, the five things virtual schools look for: the child's voice, the previous targets
/// evaluated, at least three SMART targets, pupil premium plus tied to targets, and the next meeting set. Red when the
/// child's voice is missing or three or more checks fail; amber for one or two; green for none.
/// </summary>
public static class PepQuality
{
    public const int MinimumSmartTargets = 3;

    public const string ChildsVoice = "The child's voice";
    public const string PreviousTargets = "Previous targets evaluated";
    public const string SmartTargets = "At least three SMART targets";
    public const string PupilPremiumPlus = "Pupil premium plus linked to targets";
    public const string NextDate = "Next PEP date set";

    public static PepQualityResult Check(PepFacts pep)
    {
        var checks = new List<QualityCheck>
        {
            string.IsNullOrWhiteSpace(pep.ChildViews)
                ? new(ChildsVoice, false, "The child's own views are not recorded: write what they said, in their words")
                : new(ChildsVoice, true, "The child's views are recorded"),
            Previous(pep),
            Smart(pep),
            pep.Targets.Any(t => t.PupilPremiumPlusCost > 0)
                ? new(PupilPremiumPlus, true, $"{Plural(pep.Targets.Count(t => t.PupilPremiumPlusCost > 0), "target")} say what pupil premium plus pays for")
                : new(PupilPremiumPlus, false, "No target says what pupil premium plus pays for"),
            pep.NextPepOn is { } next && next > pep.MeetingOn
                ? new(NextDate, true, $"The next PEP is on {next:d MMM yyyy}")
                : new(NextDate, false, "No date after this meeting is set for the next PEP"),
        };
        var failed = checks.Count(c => !c.Passed);
        var rating = !checks[0].Passed || failed >= 3 ? Rag.Red : failed > 0 ? Rag.Amber : Rag.Green;
        return new PepQualityResult(checks, rating);
    }

    private static QualityCheck Previous(PepFacts pep)
    {
        if (pep.PreviousTargets == 0)
        {
            return new(PreviousTargets, true, "No earlier targets to evaluate");
        }
        var notEvaluated = pep.PreviousTargets - pep.PreviousTargetsEvaluated;
        return notEvaluated <= 0
            ? new(PreviousTargets, true, $"All {Plural(pep.PreviousTargets, "previous target")} evaluated")
            : new(PreviousTargets, false, $"{notEvaluated} of the {Plural(pep.PreviousTargets, "previous target")} not evaluated");
    }

    private static QualityCheck Smart(PepFacts pep)
    {
        var smart = pep.Targets.Count(t => t.Missing(pep.MeetingOn).Count == 0);
        if (smart >= MinimumSmartTargets)
        {
            return new(SmartTargets, true, $"{Plural(smart, "SMART target")}");
        }
        var gaps = pep.Targets.Select((t, i) => (Number: i + 1, Missing: t.Missing(pep.MeetingOn)))
            .Where(t => t.Missing.Count > 0)
            .Select(t => $"target {t.Number} lacks {string.Join(", ", t.Missing)}");
        var detail = string.Join("; ", gaps);
        return new(SmartTargets, false,
            $"{Plural(smart, "SMART target")}, {MinimumSmartTargets} needed{(detail.Length > 0 ? $": {detail}" : "")}");
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
