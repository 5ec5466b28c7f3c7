using System.Globalization;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Careers;

public enum GapKind
{
    Qualification,
    Standards,
    Experience,
}

/// <summary>One thing a person lacks for a step; <see cref="InProgress"/> when they are already working on it.</summary>
public sealed record Gap(GapKind Kind, string Text, bool InProgress = false);

/// <summary>A step open to a person and what they lack for it; ready when nothing.</summary>
public sealed record StepGaps(PathwayStep Step, IReadOnlyList<Gap> Gaps)
{
    public bool Ready => Gaps.Count == 0;
}

/// <summary>A qualification a person is studying for, and when they expect it.</summary>
public sealed record QualificationInProgress(string Code, DateOnly? ExpectedOn);

/// <summary>
/// What the gap rule needs to know about a person: qualifications held and in progress (by code), their current rating
/// of each standard (by set code and standard code) and when they started their current step.
/// </summary>
public sealed record CareerFacts(
    IReadOnlySet<string> Held,
    IReadOnlyList<QualificationInProgress> InProgress,
    IReadOnlyDictionary<(string Set, string Standard), StandardRating> Ratings,
    DateOnly? InStepSince);

/// <summary>What a person lacks for each step open to them: the rule behind "where can I go next".</summary>
public static class PathwayGaps
{
    /// <summary>Secure or better meets a standard a step expects.</summary>
    public const StandardRating Expected = StandardRating.Secure;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<StepGaps> ForNextSteps(PathwayStep current, CareerFacts facts, CareerPathways pathways,
        IReadOnlyList<StandardSet> sets, QualificationCatalogue catalogue, DateOnly today) =>
        pathways.NextSteps(current).Select(step => new StepGaps(step, For(step, facts, sets, catalogue, today))).ToList();

    public static IReadOnlyList<Gap> For(PathwayStep step, CareerFacts facts, IReadOnlyList<StandardSet> sets,
        QualificationCatalogue catalogue, DateOnly today)
    {
        var gaps = new List<Gap>();
        foreach (var anyOf in step.Qualifications)
        {
            if (anyOf.Any(facts.Held.Contains))
            {
                continue;
            }
            var studying = facts.InProgress.FirstOrDefault(p => anyOf.Contains(p.Code));
            var names = string.Join(" or ", anyOf.Select(code => catalogue.ByCode(code)?.Name ?? code));
            gaps.Add(studying is null
                ? new Gap(GapKind.Qualification, names)
                : new Gap(GapKind.Qualification,
                    $"{catalogue.ByCode(studying.Code)?.Name ?? studying.Code}: in progress" +
                    (studying.ExpectedOn is DateOnly expected ? $", expected {expected.ToString("d MMMM yyyy", British)}" : ""),
                    InProgress: true));
        }
        foreach (var expectation in step.Standards)
        {
            var set = sets.FirstOrDefault(s => string.Equals(s.Code, expectation.SetCode, StringComparison.OrdinalIgnoreCase));
            if (set is null)
            {
                continue;
            }
            var expected = set.Standards.Where(s => expectation.Tier is null || s.Tier == expectation.Tier).ToList();
            var short_ = expected.Where(s => !facts.Ratings.TryGetValue((set.Code, s.Code), out var r) || r < Expected).ToList();
            if (short_.Count > 0)
            {
                var tier = expectation.Tier is int t && t >= 1 && t <= set.Tiers.Count ? $", {set.Tiers[t - 1]}" : "";
                gaps.Add(new Gap(GapKind.Standards,
                    $"{set.Name}{tier}: {short_.Count} of {expected.Count} not yet rated secure ({string.Join(", ", short_.Select(s => s.Code))})"));
            }
        }
        if (step.ExperienceMonths > 0)
        {
            var months = facts.InStepSince is DateOnly since ? MonthsBetween(since, today) : 0;
            if (months < step.ExperienceMonths)
            {
                var more = step.ExperienceMonths - months;
                gaps.Add(new Gap(GapKind.Experience,
                    $"{Months(step.ExperienceMonths)} in your current role ({Months(more)} more)"));
            }
        }
        return gaps;
    }

    /// <summary>Whole months from one date to another (1 March to 28 March is 0; to 1 April is 1).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return to.Day < from.Day && !IsLastDayOfMonth(to) ? months - 1 : months;
    }

    private static bool IsLastDayOfMonth(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);

    private static string Months(int n) => n % 12 == 0 && n >= 12
        ? (n == 12 ? "1 year" : $"{n / 12} years")
        : (n == 1 ? "1 month" : $"{n} months");
}
