namespace Lynchpin.Core.Pupils;

/// <summary>Which of its two codes names a local authority.</summary>
public enum LaCodeKind
{
    /// <summary>The DfE's three-digit number (<c>old_la_code</c>, the "LA (code)" of GIAS), e.g. 341.</summary>
    Old,
    /// <summary>The ONS nine-character code (<c>new_la_code</c>), e.g. E08000012.</summary>
    New,
}

/// <summary>
/// A local authority's code, as the DfE's files and GIAS write it: three digits (<c>old_la_code</c>) or nine characters
/// (<c>new_la_code</c>: E or W and eight digits). Both name the same authority; which pairs go together is learnt from the
/// published files, which carry both (see <see cref="LaCodes"/>).
/// </summary>
public readonly record struct LaCode(string Value, LaCodeKind Kind)
{
    public const int MaxLength = 9;

    public const string Expected = "a local authority's three-digit code (old_la_code, e.g. 341) or its nine-character code (new_la_code, e.g. E08000012)";

    /// <summary>ONS prefixes that name something bigger than a local authority: a country (E92, W92) or an English region (E12).</summary>
    private static readonly string[] NotAnAuthority = ["E92", "W92", "E12"];

    public static bool TryParse(string? text, out LaCode code)
    {
        code = default;
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value.Length == 3 && value.All(char.IsAsciiDigit))
        {
            code = new LaCode(value, LaCodeKind.Old);
            return true;
        }
        if (value.Length == 9 && value[0] is 'E' or 'W' && value[1..].All(char.IsAsciiDigit) && !NotAnAuthority.Contains(value[..3]))
        {
            code = new LaCode(value, LaCodeKind.New);
            return true;
        }
        return false;
    }

    /// <summary>Why <paramref name="text"/> is not an authority's code, or null when it is one.</summary>
    public static string? Problem(string column, string text)
    {
        if (TryParse(text, out _))
        {
            return null;
        }
        var value = text.Trim().ToUpperInvariant();
        return value.Length == 9 && NotAnAuthority.Contains(value[..3])
            ? $"{column} \"{text.Trim()}\" is a country's or region's code; give {Expected}"
            : $"{column} \"{text.Trim()}\" is not {Expected}";
    }

    public override string ToString() => Value;
}

/// <summary>
/// The pairs of old and new codes known for each authority, so that a pupil recorded under 341 and a virtual school
/// set up as E08000012 are matched. Built from what is stored (the published reference files give both codes on every
/// local-authority row).
/// </summary>
public sealed class LaCodes(IEnumerable<(string Old, string New)> pairs)
{
    private readonly Dictionary<string, string> newByOld = pairs.GroupBy(p => p.Old).ToDictionary(g => g.Key, g => g.First().New);
    private readonly Dictionary<string, string> oldByNew = pairs.GroupBy(p => p.New).ToDictionary(g => g.Key, g => g.First().Old);

    public static LaCodes None { get; } = new([]);

    /// <summary>Every code the authority of <paramref name="code"/> is known by (itself included).</summary>
    public IReadOnlyList<string> Aliases(string code)
    {
        if (!LaCode.TryParse(code, out var parsed))
        {
            return [];
        }
        var other = parsed.Kind == LaCodeKind.Old ? newByOld.GetValueOrDefault(parsed.Value) : oldByNew.GetValueOrDefault(parsed.Value);
        return other is null ? [parsed.Value] : [parsed.Value, other];
    }

    /// <summary>Whether two codes name the same authority: equal, or known as a pair.</summary>
    public bool SameAuthority(string? a, string? b) =>
        a is not null && b is not null && Aliases(a).Intersect(Aliases(b)).Any();

    /// <summary>The new code for an old one (or the code itself when it is new or no pair is known).</summary>
    public string? NewCodeOf(string code) =>
        Aliases(code).FirstOrDefault(c => c.Length == 9) ?? (LaCode.TryParse(code, out var p) ? p.Value : null);

    /// <summary>The old code for a new one (or null when no pair is known and the code is new).</summary>
    public string? OldCodeOf(string code) => Aliases(code).FirstOrDefault(c => c.Length == 3);
}
