using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lynchpin.Core.Kernel;

/// <summary>
/// The app's own traces and metrics (beside ASP.NET Core's and EF Core's), named <see cref="Name"/>: exported when
/// OpenTelemetry is configured (README, "Traces, metrics and logs"), free when nothing listens.
/// </summary>
public static class LynchpinTelemetry
{
    public const string Name = "Lynchpin";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Imports = Meter.CreateCounter<long>("lynchpin.imports", "{import}", "Imports run, by importer and outcome");
    private static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("lynchpin.imports.rows", "{row}", "Rows created or updated by imports that succeeded");
    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("lynchpin.imports.duration", "s", "How long an import took, reading to commit");

    /// <summary>Records one import's outcome on its activity and in the metrics.</summary>
    public static void Imported(Activity? activity, string importer, bool succeeded, int rows, int errors, TimeSpan took)
    {
        var outcome = succeeded ? "succeeded" : "refused";
        activity?.SetTag("lynchpin.import.outcome", outcome);
        activity?.SetTag("lynchpin.import.rows", rows);
        activity?.SetTag("lynchpin.import.errors", errors);
        var tags = new TagList { { "importer", importer }, { "outcome", outcome } };
        Imports.Add(1, tags);
        ImportDuration.Record(took.TotalSeconds, tags);
        if (succeeded)
        {
            ImportedRows.Add(rows, new KeyValuePair<string, object?>("importer", importer));
        }
    }
}
