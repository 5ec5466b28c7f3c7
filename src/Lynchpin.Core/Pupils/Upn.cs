namespace Lynchpin.Core.Pupils;

/// <summary>
/// A unique pupil number as the DfE issues it: 13 characters, a check letter then 12 characters (the 3-digit LA code,
/// the 4-digit establishment number, 2 digits for the year it was allocated and a 3-digit serial). A temporary UPN
/// has a letter as its last character. The check letter is the remainder, modulo 23, of the sum of characters 2 to 13
/// each multiplied by its position, read from the 23 letters A-Z without I, O and S (a letter in position 13 counts as
/// its place in the same list).
/// </summary>
public static class Upn
{
    public const int Length = 13;

    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>Upper-cases and trims; a UPN is written in capitals.</summary>
    public static string Normalise(string text) => text.Trim().ToUpperInvariant();

    /// <summary>The check letter for the 12 characters after it, or null when they are not 11 digits and a digit or letter.</summary>
    public static char? CheckLetterFor(string last12)
    {
        if (last12.Length != Length - 1)
        {
            return null;
        }
        var sum = 0;
        for (var i = 0; i < last12.Length; i++)
        {
            var c = last12[i];
            int value;
            if (char.IsAsciiDigit(c))
            {
                value = c - '0';
            }
            else if (i == last12.Length - 1 && CheckLetters.IndexOf(c) is >= 0 and var place)
            {
                value = place;
            }
            else
            {
                return null;
            }
            sum += value * (i + 2);
        }
        return CheckLetters[sum % 23];
    }

    /// <summary>Why <paramref name="text"/> is not a UPN, or null when it is one (after <see cref="Normalise"/>).</summary>
    public static string? Problem(string text)
    {
        var upn = Normalise(text);
        if (upn.Length == 0)
        {
            return "upn is empty; every pupil needs their unique pupil number";
        }
        if (upn.Length != Length)
        {
            return $"upn \"{upn}\" has {upn.Length} characters; a UPN has 13 (a letter, then 12 digits, the last of which may be a letter)";
        }
        var expected = CheckLetterFor(upn[1..]);
        if (expected is null)
        {
            return $"upn \"{upn}\" must be a letter followed by 11 digits and a digit or letter (not I, O or S)";
        }
        return upn[0] == expected
            ? null
            : $"upn \"{upn}\" has check letter {upn[0]} but its digits give {expected}; check it was copied correctly";
    }

    public static bool IsValid(string text) => Problem(text) is null;

    /// <summary>The LA code a permanent UPN was allocated under (characters 2 to 4); not necessarily the pupil's authority now.</summary>
    public static string AllocatingLaCode(string upn) => Normalise(upn)[1..4];
}
