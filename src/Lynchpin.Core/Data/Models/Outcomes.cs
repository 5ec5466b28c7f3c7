namespace Lynchpin.Core.Data.Models;

/// <summary>
/// One published figure for a school and year, from the DfE's performance tables, the workforce census or the absence
/// statistics (see <c>Core/Outcomes/OutcomeMeasures</c>). A value the file left out or suppressed is kept as missing
/// (<see cref="Value"/> null, the file's marker in <see cref="Marker"/>), never as zero.
/// </summary>
public class SchoolOutcome
{
    public const int MeasureMaxLength = 40;
    public const int MarkerMaxLength = 20;
    public const string UniqueIndexName = "ix_school_outcomes_figure";

    public long Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>The school year by its start: 2022 is 2022/23.</summary>
    public int Year { get; set; }
    /// <summary>Lynchpin's code for the measure, such as <c>p8</c> or <c>tasHeadcount</c>.</summary>
    public required string Measure { get; set; }
    public decimal? Value { get; set; }
    /// <summary>What the file had instead of a number (SUPP, NE, c, x…), or null for an empty cell or a number.</summary>
    public string? Marker { get; set; }
    public DateTime ImportedAt { get; set; }
}
