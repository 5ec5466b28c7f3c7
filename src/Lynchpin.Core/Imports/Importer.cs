using System.Diagnostics;
using Lynchpin.Core.Data;

namespace Lynchpin.Core.Imports;

/// <summary>What one import's files look like: the columns they must and may have (any other is ignored), and what the rows are.</summary>
/// <param name="RowsName">For "The file has headings but no {RowsName} under them"; null where headings alone are a file (that imports nothing).</param>
/// <param name="StaffRefColumn">
/// The column naming the member of the school's staff each row is about: the pipeline looks every one up (an error for
/// a ref that names nobody; an empty cell is the row mapper's to report) and gives the mapper <see cref="ImportRun.Staff"/>.
/// </param>
public sealed record ImportFormat(IReadOnlyList<string> Required, IReadOnlyList<string> Optional, string? RowsName,
    string? StaffRefColumn = null);

/// <summary>Writes the checked rows; the pipeline runs it inside the import's one transaction.</summary>
public delegate Task<ImportResult> ImportWrite(CancellationToken cancellationToken);

/// <summary>
/// The one import pipeline, all or nothing. A subclass is a row mapper: it names its columns, reads one row at a time,
/// checks the rows against each other and what is stored, and says how to write them. The pipeline does the rest the
/// same way for every import:
/// <list type="number">
/// <item>opens the file (CSV or XLSX, see <see cref="TabularFile"/>) and checks the heading row (a failure stops here);</item>
/// <item>reads every row through <see cref="Parse"/>, which reports each problem with its line;</item>
/// <item>looks up the people rows name in <see cref="ImportFormat.StaffRefColumn"/> among the school's staff;</item>
/// <item>asks <see cref="CheckAsync"/> to check the rows against the database, outside any transaction;</item>
/// <item>if anything is wrong, changes nothing and reports every problem, sorted by line (a line's own problems stay in
/// the order they were found);</item>
/// <item>otherwise runs the write <see cref="CheckAsync"/> returned in one transaction (the caller's, if it has one).</item>
/// </list>
/// </summary>
/// <remarks>
/// The reading loop is here and only here, so limits on rows or cells, or a streaming reader, go in once for every
/// import; a row mapper sees one <see cref="TabularRow"/> at a time and then the rows it made.
/// </remarks>
public abstract class Importer<TRow>(LynchpinDbContext db, ImportFormat format) where TRow : class
{
    protected LynchpinDbContext Db { get; } = db;

    /// <summary>
    /// Reads one row's values on their own, adding an error to <see cref="ImportRun.Errors"/> for each problem. Returns
    /// the row even when it has problems if later checks still need it (a staff_ref that others name); null leaves it out.
    /// </summary>
    protected abstract TRow? Parse(TabularRow row, ImportRun run);

    /// <summary>
    /// Checks the rows against each other and what is stored, adding errors to <see cref="ImportRun.Errors"/>; returns
    /// the write, which the pipeline runs only if no row has a problem. Runs outside the transaction.
    /// </summary>
    protected abstract Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    /// <summary>The pipeline: read, check, then write all or nothing; traced and counted (<see cref="LynchpinTelemetry"/>).</summary>
    protected async Task<ImportResult> RunAsync(ImportRun run, Func<TabularFile> open, CancellationToken cancellationToken)
    {
        var importer = GetType().Name;
        using var activity = LynchpinTelemetry.Source.StartActivity($"import {importer}");
        activity?.SetTag("lynchpin.school.id", run.SchoolId);
        var started = Stopwatch.GetTimestamp();
        var result = await ReadCheckAndWriteAsync(run, open, cancellationToken);
        LynchpinTelemetry.Imported(activity, importer, result.Succeeded, result.Created + result.Updated, result.ErrorCount,
            Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<ImportResult> ReadCheckAndWriteAsync(ImportRun run, Func<TabularFile> open, CancellationToken cancellationToken)
    {
        var rows = new List<TRow>();
        var namedStaff = new List<(int Line, string StaffRef)>();
        try
        {
            using var table = open();
            var headerErrors = table.ValidateColumns(format.Required, format.Optional);
            if (headerErrors.Count > 0)
            {
                return ImportResult.Failed(headerErrors);
            }
            run.Columns = format.Required.Concat(format.Optional).Where(table.HasColumn).ToHashSet(StringComparer.Ordinal);
            var read = 0;
            foreach (var row in table.ReadRows())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TooMany(++read, table.Headers.Count) is { } tooMany)
                {
                    return ImportResult.Failed([tooMany]);
                }
                if (run.Errors.Count > 2 * ImportLimits.MaxReportedErrors)
                {
                    run.KeepFirstErrors();
                }
                if (row.ColumnWithControlCharacter() is { } controlled)
                {
                    run.Error(row.Line, $"{controlled} has a control character (such as NUL) in it, which cannot be stored: delete it and save the file again");
                    continue;
                }
                if (Parse(row, run) is { } parsed)
                {
                    rows.Add(parsed);
                    if (format.StaffRefColumn is { } column)
                    {
                        namedStaff.Add((row.Line, row[column]));
                    }
                }
            }
            run.Errors.AddRange(table.Problems);
        }
        catch (TabularFileException e)
        {
            return ImportResult.Failed([e.Error]);
        }
        // Rows the mapper left out for their problems are not "no rows": their problems are the report.
        if (rows.Count == 0 && run.Errors.Count == 0 && format.RowsName is { } what)
        {
            return ImportResult.Failed([new RowError(0, $"The file has headings but no {what} under them")]);
        }

        if (format.StaffRefColumn is { } staffRef)
        {
            run.Staff = await SchoolStaff.LoadAsync(Db, run.School, cancellationToken);
            foreach (var (line, named) in namedStaff.Where(n => n.StaffRef.Length > 0 && !run.Staff.Contains(n.StaffRef)))
            {
                run.Error(line, run.Staff.NotStaff(staffRef, named));
            }
        }

        var write = await CheckAsync(run, rows, cancellationToken);
        if (run.Errors.Count > 0)
        {
            // The first problems by line (a stable sort: a line's own stay in column order), then a count.
            return ImportResult.Failed(run);
        }

        // Our own transaction unless the caller already has one (then the caller decides to commit).
        await using var transaction = Db.Database.CurrentTransaction is null
            ? await Db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await LockSchoolAsync(run, cancellationToken);
            var result = await write(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return result;
        }
        catch (Exception e) when (transaction is not null && DatabaseErrors.IsUniqueViolation(e))
        {
            // Checked against what was stored before another import of the school wrote the same rows.
            await transaction.RollbackAsync(cancellationToken);
            Db.ChangeTracker.Clear();
            return ImportResult.Failed([new RowError(0,
                "Another import into this school finished first, so nothing was changed. Upload the file again to import it over what is stored now")]);
        }
    }

    /// <summary>
    /// One import into a school at a time: a second waits for the first to commit, so a replace-import (timetable,
    /// duties, observers) cannot interleave its delete and insert with another's and double the rows. SQLite needs
    /// nothing more: its write transactions begin IMMEDIATE, one writer at a time.
    /// </summary>
    private async Task LockSchoolAsync(ImportRun run, CancellationToken cancellationToken)
    {
        if (run.SchoolId is int schoolId && Db.Database.IsNpgsql())
        {
            // Held until the transaction ends. The first key keeps imports apart from other advisory locks.
            await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockKey}, {schoolId})", cancellationToken);
        }
    }

    private const int ImportLockKey = 0x494D5054; // "IMPT"


    /// <summary>The file's size in rows and cells, checked as each row is read (the file size is checked on opening).</summary>
    private static RowError? TooMany(int rows, int columns) =>
        rows > ImportLimits.MaxRows
            ? new RowError(0, $"The file has more than {ImportLimits.MaxRows:N0} rows; split it into smaller files")
            : (long)rows * columns > ImportLimits.MaxCells
                ? new RowError(0, $"The file has more than {ImportLimits.MaxCells:N0} cells (rows times columns); delete the columns the import does not need, or split it")
                : null;
}
