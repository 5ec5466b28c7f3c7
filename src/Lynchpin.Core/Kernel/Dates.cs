using System.Globalization;

namespace Lynchpin.Core.Kernel;

/// <summary>Dates as people read them, in British English: "10 January 2027" in every message, never yyyy-mm-dd.</summary>
public static class Dates
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"10 January 2027".</summary>
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>"Sunday 10 January 2027".</summary>
    public static string WithDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);

    /// <summary>"10 January 2027 to 14 February 2027", or one date when they are the same.</summary>
    public static string Range(DateOnly from, DateOnly to) => from == to ? Long(from) : $"{Long(from)} to {Long(to)}";
}
