namespace Lynchpin.Core.Data.Models;

/// <summary>
/// What a school's leaders set for one indicator of their conditions review in a year (step 13, "Do you need to improve
/// the conditions?"): the target, their notes and actions, and for an indicator they enter rather than Lynchpin measures
/// (the time set aside for triads) its value. One per school, year and indicator.
/// </summary>
public class ConditionsEntry : IRevised
{
    public const int IndicatorMaxLength = 40;
    public const int TextMaxLength = 2000;
    public const string UniqueIndexName = "ix_conditions_entries_school_id_year_indicator";

    public int Revision { get; set; }
    public DateTime? RevisedAt { get; set; }
    public string? RevisedByName { get; set; }

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>The academic year by its start: 2026 is 2026/27.</summary>
    public int Year { get; set; }
    /// <summary>The indicator's code (<see cref="Conditions.ConditionsIndicators"/>).</summary>
    public required string Indicator { get; set; }
    public decimal? Target { get; set; }
    /// <summary>The value leaders entered, for an indicator Lynchpin cannot measure (minutes set aside for triads).</summary>
    public decimal? Value { get; set; }
    public string? Notes { get; set; }
    public string? Actions { get; set; }
}
