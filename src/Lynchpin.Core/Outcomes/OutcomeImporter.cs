using System.Globalization;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Outcomes;

/// <summary>A public file of one school year to import: everything Lynchpin holds, or only a trust's or one school's schools.</summary>
public sealed record OutcomeImportRequest(OutcomeFile Kind, int Year, Stream File, string FileName, int? TrustId = null, int? SchoolId = null);

/// <summary>What an outcomes import did: schools whose year was new, schools whose year was replaced, and rows skipped.</summary>
/// <param name="Skipped">Rows for schools Lynchpin does not hold (or outside the trust), and rows with no URN (England's, authorities').</param>
public sealed record OutcomeImportResult(int Added, int Replaced, int Skipped) : ImportResult(Added, Replaced, []);

/// <summary>One school's row: its URN and the figures kept, a missing one with the file's marker.</summary>
public sealed record OutcomeRow(int Line, int Urn, IReadOnlyList<OutcomeValue> Values);

public sealed record OutcomeValue(string Measure, decimal? Value, string? Marker);

/// <summary>
/// Imports the DfE's public files by URN, one school year at a time (<c>import outcomes ks4 --year 2023 --file F</c>, the
/// trust's import pages), all or nothing. Rows for schools Lynchpin does not hold are counted and skipped; a school's
/// figures already stored for that file and year are replaced. Anything but a number in a measure's cell (SUPP, NE, x, c,
/// low, blank…) is kept as missing, never as zero.
/// </summary>
public class OutcomeImports(LynchpinDbContext db, SchoolClock clock)
{
    public Task<ImportResult> ImportAsync(OutcomeImportRequest request, CancellationToken cancellationToken = default) =>
        new OutcomeImporter(db, clock, request).ImportAsync(cancellationToken);

    /// <summary>
    /// A cell of a measure: a number (a trailing % as the performance tables write shares is dropped), or missing with
    /// what the file wrote instead. Never an error: any text in a number's place is the statistics saying "no figure".
    /// </summary>
    public static OutcomeValue ReadValue(string measure, string text)
    {
        var cell = text.Trim();
        var number = cell.EndsWith('%') ? cell[..^1].TrimEnd() : cell;
        if (decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new OutcomeValue(measure, value, null);
        }
        var marker = cell.Length == 0 ? null : cell[..Math.Min(cell.Length, SchoolOutcome.MarkerMaxLength)];
        return new OutcomeValue(measure, null, marker);
    }

    private sealed class OutcomeImporter(LynchpinDbContext db, SchoolClock clock, OutcomeImportRequest request)
        : Importer<OutcomeRow>(db, Format(request.Kind))
    {
        private readonly IReadOnlyList<OutcomeMeasure> measures = OutcomeMeasures.Of(request.Kind);
        private readonly string urnColumn = OutcomeMeasures.UrnColumn(request.Kind);
        private int skipped;

        public Task<ImportResult> ImportAsync(CancellationToken cancellationToken) =>
            RunAsync(new ImportRun(school: null, by: null), () => TabularFile.Open(request.File, request.FileName, urnColumn), cancellationToken);

        private static ImportFormat Format(OutcomeFile kind) =>
            new([OutcomeMeasures.UrnColumn(kind)], [.. OutcomeMeasures.Of(kind).Select(m => m.Column), "time_period", "geographic_level"], "schools");

        protected override OutcomeRow? Parse(TabularRow row, ImportRun run)
        {
            // England's and local authorities' rows (no URN; another geographic_level) are not a school's.
            var level = row["geographic_level"];
            var urnText = row[urnColumn];
            if (urnText.Length == 0 || (level.Length > 0 && !level.Equals("School", StringComparison.OrdinalIgnoreCase)))
            {
                skipped++;
                return null;
            }
            if (!ImportValues.TryParseWholeNumber(urnText, out var urn))
            {
                run.Error(row.Line, $"{urnColumn} \"{urnText}\" is not a URN: a school's URN is a number, such as 100000");
                return null;
            }
            if (run.Columns.Contains("time_period") && row["time_period"].Length > 0)
            {
                if (!ReferenceValues.TryParseTimePeriod(row["time_period"], out var year))
                {
                    run.Error(row.Line, $"time_period \"{row["time_period"]}\" is not a school year as the DfE writes it, such as {request.Year}{(request.Year + 1) % 100:00} for {SchoolYear.Name(request.Year)}");
                    return null;
                }
                if (year != request.Year)
                {
                    // A file of several years: only the year being imported is kept.
                    skipped++;
                    return null;
                }
            }
            if (run.EarlierLineOf(urn, row.Line) is { } earlier)
            {
                run.Error(row.Line, $"{urnColumn} {urn} is on line {earlier} too; give each school once");
                return null;
            }
            var values = measures.Where(m => run.Columns.Contains(m.Column)).Select(m => ReadValue(m.Code, row[m.Column])).ToList();
            return new OutcomeRow(row.Line, urn, values);
        }

        protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<OutcomeRow> rows, CancellationToken cancellationToken)
        {
            if (!measures.Any(m => run.Columns.Contains(m.Column)))
            {
                run.Error(1, $"The file has none of the columns of the {request.Kind.Title()} Lynchpin keeps, such as {string.Join(", ", measures.Take(4).Select(m => m.Column))}");
            }
            var schools = Db.Schools.AsQueryable();
            if (request.TrustId is { } trustId)
            {
                schools = schools.Where(s => s.TrustId == trustId);
            }
            if (request.SchoolId is { } schoolId)
            {
                schools = schools.Where(s => s.Id == schoolId);
            }
            var held = await schools.Select(s => new { s.Urn, s.Id }).ToDictionaryAsync(s => s.Urn, s => s.Id, cancellationToken);
            var mine = rows.Where(r => held.ContainsKey(r.Urn)).ToList();
            skipped += rows.Count - mine.Count;
            return async ct =>
            {
                var ids = mine.Select(r => held[r.Urn]).ToList();
                var codes = measures.Select(m => m.Code).ToList();
                var before = await Db.SchoolOutcomes.Where(o => ids.Contains(o.SchoolId) && o.Year == request.Year && codes.Contains(o.Measure))
                    .Select(o => o.SchoolId).Distinct().ToListAsync(ct);
                await Db.SchoolOutcomes.Where(o => ids.Contains(o.SchoolId) && o.Year == request.Year && codes.Contains(o.Measure)).ExecuteDeleteAsync(ct);
                var now = clock.UtcNow;
                foreach (var row in mine)
                {
                    Db.SchoolOutcomes.AddRange(row.Values.Select(v => new SchoolOutcome
                    {
                        SchoolId = held[row.Urn],
                        Year = request.Year,
                        Measure = v.Measure,
                        Value = v.Value,
                        Marker = v.Marker,
                        ImportedAt = now,
                    }));
                }
                await Db.SaveChangesAsync(ct);
                return new OutcomeImportResult(mine.Count - before.Count, before.Count, skipped);
            };
        }
    }
}
