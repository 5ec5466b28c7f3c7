namespace Lynchpin.Core.Pupils;

/// <summary>Why a pupil is on a vulnerable-pupil list. A pupil may have several, each with the dates it applied.</summary>
public enum PupilFlag
{
    /// <summary>In the care of a local authority (a child looked after, CLA).</summary>
    LookedAfter,
    /// <summary>Left care through adoption, a special guardianship or a child arrangements order.</summary>
    PreviouslyLookedAfter,
    ChildInNeed,
    /// <summary>On a child protection plan.</summary>
    ChildProtection,
    SenSupport,
    /// <summary>Has an education, health and care plan.</summary>
    Ehcp,
    PupilPremium,
}

/// <summary>The codes flags are written with in files and URLs, and their names on pages.</summary>
public static class PupilFlags
{
    public const char Separator = ';';

    private static readonly (PupilFlag Flag, string Code, string Name)[] All =
    [
        (PupilFlag.LookedAfter, "looked-after", "Looked after"),
        (PupilFlag.PreviouslyLookedAfter, "previously-looked-after", "Previously looked after"),
        (PupilFlag.ChildInNeed, "child-in-need", "Child in need"),
        (PupilFlag.ChildProtection, "child-protection", "Child protection plan"),
        (PupilFlag.SenSupport, "sen-support", "SEN support"),
        (PupilFlag.Ehcp, "ehcp", "EHC plan"),
        (PupilFlag.PupilPremium, "pupil-premium", "Pupil premium"),
    ];

    public static string AllCodes { get; } = string.Join(", ", All.Select(f => f.Code));

    public static string Code(this PupilFlag flag) => All.Single(f => f.Flag == flag).Code;

    public static string Name(this PupilFlag flag) => All.Single(f => f.Flag == flag).Name;

    public static bool TryParse(string? code, out PupilFlag flag)
    {
        var match = All.FirstOrDefault(f => string.Equals(f.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        flag = match.Flag;
        return match.Code is not null;
    }

    /// <summary>
    /// Reads a <c>;</c>-separated list such as <c>looked-after;pupil-premium</c> (any case, spaces and repeats ignored, empty
    /// for none). Returns the flags, or the problem naming every code that is not one.
    /// </summary>
    public static (IReadOnlySet<PupilFlag> Flags, string? Problem) ParseList(string text)
    {
        var flags = new HashSet<PupilFlag>();
        var unknown = new List<string>();
        foreach (var part in text.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParse(part, out var flag))
            {
                flags.Add(flag);
            }
            else
            {
                unknown.Add($"\"{part}\"");
            }
        }
        if (unknown.Count > 0)
        {
            return (flags, $"flags {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a flag" : "are not flags")}; use {AllCodes}, separated by ;");
        }
        // A pupil cannot be in care and previously in care at once: the file should say which is true now.
        if (flags.Contains(PupilFlag.LookedAfter) && flags.Contains(PupilFlag.PreviouslyLookedAfter))
        {
            return (flags, "flags has both looked-after and previously-looked-after; give the one that is true now");
        }
        return (flags, null);
    }

    public static string Format(IEnumerable<PupilFlag> flags) => string.Join(Separator, flags.Order().Select(Code));

    /// <summary>The flags that make a pupil's record eligible for a PEP: a child in care has one by law.</summary>
    public static bool NeedsPep(this IEnumerable<PupilFlag> flags) => flags.Contains(PupilFlag.LookedAfter);
}
