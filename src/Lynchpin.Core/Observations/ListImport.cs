using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Observations;

/// <summary>An import that replaced a school's whole list: <see cref="ImportResult.Created"/> rows now stored, <see cref="Replaced"/> removed.</summary>
public sealed record ListImportResult(int Imported, int Replaced) : ImportResult(Imported, 0, []);

/// <summary>
/// What the timetable, duty and observer imports share: reading a file into rows checked one by one, and looking the
/// school and its staff up. Each import replaces the school's whole list, all or nothing.
/// </summary>
internal static class ListImport
{
    public static Task<School?> SchoolAsync(LynchpinDbContext db, int urn, CancellationToken cancellationToken) =>
        db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken);

    public static ImportResult NoSchool(int urn) => ImportResult.Failed([new RowError(0, $"There is no school with URN {urn}; import it from GIAS first")]);

    /// <summary>
    /// Reads every row with <paramref name="parse"/> (which reports its own problems into <paramref name="errors"/>);
    /// returns the failure that stops the file being read at all, or null.
    /// </summary>
    public static ImportResult? Read<T>(Stream file, string fileName, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional,
        Func<TabularRow, List<RowError>, T> parse, string what, List<T> rows, List<RowError> errors, CancellationToken cancellationToken)
    {
        try
        {
            using var table = TabularFile.Open(file, fileName);
            var headerErrors = table.ValidateColumns(required, optional);
            if (headerErrors.Count > 0)
            {
                return ImportResult.Failed(headerErrors);
            }
            foreach (var row in table.ReadRows())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(parse(row, errors));
            }
            errors.AddRange(table.Problems);
        }
        catch (TabularFileException e)
        {
            return ImportResult.Failed([e.Error]);
        }
        return rows.Count == 0 ? ImportResult.Failed([new RowError(0, $"The file has headings but no {what} under them")]) : null;
    }

    /// <summary>The school's staff by reference (matched exactly, as the staff import stores them).</summary>
    public static Task<Dictionary<string, int>> StaffIdsAsync(LynchpinDbContext db, int schoolId, CancellationToken cancellationToken) =>
        db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId)
            .Select(s => new { s.StaffRef, s.Id })
            .ToDictionaryAsync(s => s.StaffRef, s => s.Id, StringComparer.Ordinal, cancellationToken);

    public static string NotStaff(string column, string staffRef, School school) =>
        $"{column} \"{staffRef}\" is not a member of staff at {school.Name}; check the reference or import the person first";

    /// <summary>Problems sorted by line; a line's own problems stay in column order.</summary>
    public static ImportResult Failed(List<RowError> errors) => ImportResult.Failed(errors.OrderBy(e => e.Line).ToList());

    /// <summary>Whether rows of these weeks both take place in some week (an every-week row meets both A and B).</summary>
    public static bool Overlap(TimetableWeek a, TimetableWeek b) => a == TimetableWeek.Every || b == TimetableWeek.Every || a == b;

    /// <summary>" in week A" when two overlapping rows meet only in one week; empty when both are every week.</summary>
    public static string CommonWeekText(TimetableWeek a, TimetableWeek b) =>
        a == TimetableWeek.Every && b == TimetableWeek.Every ? "" : $" in week {(a == TimetableWeek.Every ? b : a)}";

    /// <summary>Reads a text column that must not be longer than its database column.</summary>
    public static string Text(TabularRow row, string column, int maxLength, List<RowError> errors)
    {
        var text = row[column];
        if (text.Length > maxLength)
        {
            errors.Add(new RowError(row.Line, ImportValues.TooLong(column, text, maxLength)));
        }
        return text;
    }

    /// <summary>Our own transaction unless the caller already has one (then the caller decides to commit).</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginAsync(LynchpinDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
}
