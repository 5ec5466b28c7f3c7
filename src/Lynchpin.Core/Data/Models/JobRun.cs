namespace Lynchpin.Core.Data.Models;

/// <summary>
/// One run of a scheduled job for one slot (an hour or a day). The pair (job, slot) is unique, so when several servers
/// share the database the first to add the row runs the job and the others find the slot taken.
/// </summary>
public class JobRun
{
    public const int JobMaxLength = 40;
    public const int ServerMaxLength = 200;
    public const int OutcomeMaxLength = 1000;

    public int Id { get; set; }

    public required string Job { get; set; }

    /// <summary>When the slot starts, in UTC (a day's slot starts at its hour in the schools' time zone).</summary>
    public DateTime Slot { get; set; }

    /// <summary>The server that ran it: machine name and process id.</summary>
    public required string Server { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public bool Failed { get; set; }

    /// <summary>What the run did, in a line (or why it failed).</summary>
    public string? Outcome { get; set; }
}
