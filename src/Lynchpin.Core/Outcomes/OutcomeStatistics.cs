using Lynchpin.Core.Coaching;

namespace Lynchpin.Core.Outcomes;

/// <summary>Pearson's r across schools with its 95 % interval; null figures when there are too few schools to say.</summary>
/// <param name="N">Schools with both figures.</param>
/// <param name="R">Pearson's r (null with fewer than 3 schools, or when either figure does not vary).</param>
/// <param name="Low">Lower 95 % limit by Fisher's z (null with fewer than 4 schools).</param>
public sealed record Correlation(int N, double? R, double? Low, double? High);

/// <summary>The arithmetic of the outcomes pages: correlation across schools, and trust figures weighted by pupils.</summary>
public static class OutcomeStatistics
{
    /// <summary>
    /// Pearson's r of the pairs, and its 95 % interval from Fisher's z: z = atanh(r), SE = 1/√(n − 3),
    /// back-transformed with tanh. An association across a handful of schools, not a cause.
    /// </summary>
    public static Correlation Pearson(IReadOnlyList<(double X, double Y)> pairs)
    {
        var n = pairs.Count;
        if (n < 3)
        {
            return new Correlation(n, null, null, null);
        }
        var meanX = pairs.Average(p => p.X);
        var meanY = pairs.Average(p => p.Y);
        var sxy = pairs.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = pairs.Sum(p => (p.X - meanX) * (p.X - meanX));
        var syy = pairs.Sum(p => (p.Y - meanY) * (p.Y - meanY));
        if (sxx == 0 || syy == 0)
        {
            return new Correlation(n, null, null, null);
        }
        var r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        if (n < 4 || Math.Abs(r) == 1)
        {
            return new Correlation(n, r, null, null);
        }
        var z = Math.Atanh(r);
        var half = Intervals.Z95 / Math.Sqrt(n - 3);
        return new Correlation(n, r, Math.Tanh(z - half), Math.Tanh(z + half));
    }

    /// <summary>Σ valueᵢ·pupilsᵢ ÷ Σ pupilsᵢ over the schools with both; null when none has.</summary>
    public static decimal? WeightedByPupils(IEnumerable<(decimal? Value, decimal? Pupils)> schools)
    {
        var counted = schools.Where(s => s is { Value: not null, Pupils: > 0 }).ToList();
        var pupils = counted.Sum(s => s.Pupils!.Value);
        return pupils == 0 ? null : counted.Sum(s => s.Value!.Value * s.Pupils!.Value) / pupils;
    }
}
