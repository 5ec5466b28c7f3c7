namespace Lynchpin.Core.Coaching;

/// <summary>The outcomes impact is reported on, each defined as the DfE defines it (see <see cref="ImpactCalculator"/>).</summary>
public enum ImpactMeasure
{
    /// <summary>Sessions attended ÷ sessions possible in the school year, summed over the cohort's sessions, as a percentage.</summary>
    Attendance,
    /// <summary>The share of the cohort missing 10 % or more of their possible sessions.</summary>
    PersistentAbsence,
    /// <summary>The share of the cohort with one or more suspensions starting in the school year.</summary>
    Suspensions,
}

public static class ImpactMeasures
{
    private static readonly (ImpactMeasure Measure, string Code, string Name)[] All =
    [
        (ImpactMeasure.Attendance, "attendance", "Attendance"),
        (ImpactMeasure.PersistentAbsence, "persistent-absence", "Persistent absence"),
        (ImpactMeasure.Suspensions, "suspensions", "Pupils with a suspension"),
    ];

    public static IReadOnlyList<ImpactMeasure> InOrder { get; } = All.Select(m => m.Measure).ToList();

    public static string AllCodes { get; } = string.Join(", ", All.Select(m => m.Code));

    public static string Code(this ImpactMeasure measure) => All.Single(m => m.Measure == measure).Code;

    public static string Name(this ImpactMeasure measure) => All.Single(m => m.Measure == measure).Name;

    /// <summary>Whether a higher value is better: attendance yes; persistent absence and suspensions no.</summary>
    public static bool HigherIsBetter(this ImpactMeasure measure) => measure == ImpactMeasure.Attendance;

    public static bool TryParse(string? code, out ImpactMeasure measure)
    {
        var match = All.FirstOrDefault(m => string.Equals(m.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        measure = match.Measure;
        return match.Code is not null;
    }
}
