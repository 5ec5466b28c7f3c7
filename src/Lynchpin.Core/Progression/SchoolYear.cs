using System.Globalization;

namespace Lynchpin.Core.Progression;

/// <summary>An academic year, September to August, named by the year it starts in (2025 is 2025/26).</summary>
public static class SchoolYear
{
    public const int FirstCheckpoint = 1;
    public const int LastCheckpoint = 4;
    public static readonly IReadOnlyList<int> Checkpoints = [1, 2, 3, 4];

    public static string Name(int year) => $"{year}/{(year + 1) % 100:00}";

    public static int Of(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    public static DateOnly Start(int year) => new(year, 9, 1);

    public static DateOnly End(int year) => new(year + 1, 8, 31);

    public static bool IsCheckpoint(int number) => number is >= FirstCheckpoint and <= LastCheckpoint;

    public static string CheckpointName(int number) => number switch
    {
        1 => "First six weeks",
        2 => "End of autumn term",
        3 => "End of spring term",
        4 => "End of summer term",
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "A checkpoint is 1 to 4."),
    };

    /// <summary>
    /// A date a school would choose when it has not set its own: the Friday six weeks into the autumn term,
    /// and the last Friday before the usual end of each term.
    /// </summary>
    public static DateOnly DefaultDate(int year, int checkpoint) => checkpoint switch
    {
        1 => FirstMondayOnOrAfter(new DateOnly(year, 9, 1)).AddDays(5 * 7 + 4),
        2 => FridayOnOrBefore(new DateOnly(year, 12, 19)),
        3 => FridayOnOrBefore(new DateOnly(year + 1, 3, 31)),
        4 => FridayOnOrBefore(new DateOnly(year + 1, 7, 20)),
        _ => throw new ArgumentOutOfRangeException(nameof(checkpoint), checkpoint, "A checkpoint is 1 to 4."),
    };

    public static bool TryParse(string? text, out int year)
    {
        year = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var head = text.Trim().Split('/', '-')[0];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;
    }

    private static DateOnly FirstMondayOnOrAfter(DateOnly date)
    {
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }
        return date;
    }

    private static DateOnly FridayOnOrBefore(DateOnly date)
    {
        while (date.DayOfWeek != DayOfWeek.Friday)
        {
            date = date.AddDays(-1);
        }
        return date;
    }
}
