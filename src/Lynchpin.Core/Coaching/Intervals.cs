namespace Lynchpin.Core.Coaching;

/// <summary>A 95 % interval, as percentages.</summary>
public readonly record struct Interval(double Low, double High);

/// <summary>
/// The two 95 % intervals impact figures need. The unit that varies is the pupil, not the session: a cohort of 12
/// looked-after children is 12 observations, however many sessions each had.
/// <list type="bullet">
/// <item><b>A share of pupils</b> (persistent absence, pupils with a suspension): the Wilson score interval, which stays inside
/// 0-100 % and behaves at small n and at 0 or n of n, where the textbook p ± 1.96·√(p(1-p)/n) collapses to a point.</item>
/// <item><b>A rate summed over sessions</b> (attendance = Σ attended ÷ Σ possible): a ratio estimator with the pupil as the
/// cluster and a t quantile with n − 1 degrees of freedom. Treating every session as an independent trial (Wilson over
/// sessions) would be wrong: one pupil's sessions move together (illness, a placement move), so it would claim a
/// precision of a fraction of a point from a dozen children. The ratio form keeps the DfE's summed definition (pupils with
/// more possible sessions weigh more); with equal sessions it is exactly the t interval of the pupils' own rates.</item>
/// </list>
/// </summary>
public static class Intervals
{
    public const double Z95 = 1.959963984540054;

    /// <summary>The Wilson score interval for <paramref name="successes"/> of <paramref name="n"/>, as percentages; null for n = 0.</summary>
    public static Interval? Wilson(int successes, int n)
    {
        if (n <= 0)
        {
            return null;
        }
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        var p = (double)successes / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denominator;
        var half = Z95 / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(100 * Math.Max(0, centre - half), 100 * Math.Min(1, centre + half));
    }

    /// <summary>
    /// The 95 % interval of Σ attended ÷ Σ possible over pupils, as percentages: R ± t(n−1)·SE with
    /// SE² = n/(n−1) · Σ(aᵢ − R·pᵢ)² / (Σpᵢ)², clipped to 0-100. Null with fewer than two pupils (no spread to measure).
    /// </summary>
    public static Interval? RatioOfSums(IReadOnlyList<(int Attended, int Possible)> pupils)
    {
        var counted = pupils.Where(p => p.Possible > 0).ToList();
        var n = counted.Count;
        if (n < 2)
        {
            return null;
        }
        double totalAttended = counted.Sum(p => (double)p.Attended);
        double totalPossible = counted.Sum(p => (double)p.Possible);
        var ratio = totalAttended / totalPossible;
        var squares = counted.Sum(p => Math.Pow(p.Attended - ratio * p.Possible, 2));
        var standardError = Math.Sqrt(n / (n - 1.0) * squares) / totalPossible;
        var half = TQuantile975(n - 1) * standardError;
        return new Interval(100 * Math.Max(0, ratio - half), 100 * Math.Min(1, ratio + half));
    }

    /// <summary>
    /// The 97.5th percentile of Student's t with <paramref name="degreesOfFreedom"/>: from the table to 30, then the
    /// Cornish-Fisher expansion about the normal (within 0.001 of the exact value beyond 30).
    /// </summary>
    public static double TQuantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= TTable.Length)
        {
            return TTable[degreesOfFreedom - 1];
        }
        double z = Z95, v = degreesOfFreedom;
        return z + (Math.Pow(z, 3) + z) / (4 * v) + (5 * Math.Pow(z, 5) + 16 * Math.Pow(z, 3) + 3 * z) / (96 * v * v)
            + (3 * Math.Pow(z, 7) + 19 * Math.Pow(z, 5) + 17 * Math.Pow(z, 3) - 15 * z) / (384 * v * v * v);
    }

    private static readonly double[] TTable =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];
}
