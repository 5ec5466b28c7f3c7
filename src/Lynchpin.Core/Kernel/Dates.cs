using System.Globalization;

namespace Lynchpin.Core.Kernel;

/// <summary>Dates as people read them, in British English: "10 January 2027" in every message, never yyyy-mm-dd.</summary>
public static class Dates
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The dates the app accepts from anyone (forms, query strings, files): 1 January 1900 to 31 December 2100. Beyond
    /// them nothing is real, and date arithmetic near DateOnly's ends (a year 9999 plus a day) fails.
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>What a date out of <see cref="InRange">range</see> is told.</summary>
    public static string OutOfRange => $"Enter a date between {Long(Earliest)} and {Long(Latest)}";

    /// <summary>"10 January 2027".</summary>
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>"Sunday 10 January 2027".</summary>
    public static string WithDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);

    /// <summary>"10 January 2027 to 14 February 2027", or one date when they are the same.</summary>
    public static string Range(DateOnly from, DateOnly to) => from == to ? Long(from) : $"{Long(from)} to {Long(to)}";
}
