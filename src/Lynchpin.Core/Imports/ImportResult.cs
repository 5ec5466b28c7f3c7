namespace Lynchpin.Core.Imports;

/// <summary>One bad row of an import file: its line number in the file (header = line 1) and why.</summary>
/// <remarks>Line 0 means the problem is with the import as a whole (an unknown school, a file type we can't read).</remarks>
public record RowError(int Line, string Message);

/// <summary>
/// The report of every import, all or nothing: either every row was applied, or none and the errors say why. An import
/// with more to count derives from it (<see cref="ListImportResult"/>, the GIAS import's trusts).
/// </summary>
/// <param name="Created">Records added.</param>
/// <param name="Updated">Existing records matched by the file whose values changed.</param>
/// <param name="Errors">Every problem found, in line order; empty when the import was applied.</param>
public record ImportResult(int Created, int Updated, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Existing records matched by the file that already had exactly its values.</summary>
    public int Unchanged { get; init; }

    /// <summary>Problems found beyond those listed in <see cref="Errors"/> (the report lists the first <see cref="ImportLimits.MaxReportedErrors"/>).</summary>
    public int MoreErrors { get; init; }

    /// <summary>Every problem found, listed or not.</summary>
    public int ErrorCount => Errors.Count + MoreErrors;

    public static ImportResult Failed(IReadOnlyList<RowError> errors) => new(0, 0, errors);

    /// <summary>A refused import's report: the first problems by line, and how many more there were.</summary>
    internal static ImportResult Failed(ImportRun run)
    {
        run.KeepFirstErrors();
        return new(0, 0, run.Errors.OrderBy(e => e.Line).ToList()) { MoreErrors = run.DroppedErrors };
    }
}

/// <summary>An import that replaced a school's whole list: <see cref="ImportResult.Created"/> rows now stored, <see cref="Replaced"/> removed.</summary>
public sealed record ListImportResult(int Imported, int Replaced) : ImportResult(Imported, 0, []);
