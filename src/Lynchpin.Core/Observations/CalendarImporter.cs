using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>
/// Imports a school's term dates from CSV or XLSX: rows <c>start,end,kind[,name]</c>, dates inclusive, written
/// yyyy-mm-dd or dd/mm/yyyy, kind term, holiday, inset or closure. The file replaces the term dates of every school year
/// its rows start in (other years stay), all or nothing; terms may not overlap one another.
/// </summary>
public class CalendarImporter(LynchpinDbContext db, SchoolCalendars calendars)
    : SchoolImporter<CalendarImporter.Row>(db, new(CalendarImportColumns.Required, CalendarImportColumns.Optional, "dates"))
{
    protected override Row? Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors);

    protected override Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            foreach (var error in SchoolCalendars.Check(row.Range))
            {
                run.Error(row.Line, error.Message);
            }
        }
        var terms = rows.Where(r => r.Range.Kind == CalendarDayKind.Term).OrderBy(r => r.Range.Start).ToList();
        for (var i = 1; i < terms.Count; i++)
        {
            if (terms[i].Range.Start <= terms[i - 1].Range.End)
            {
                run.Error(terms[i].Line, $"This term overlaps the term on line {terms[i - 1].Line}: terms cannot share a day (a half term is a holiday row inside a term)");
            }
        }
        return Task.FromResult<ImportWrite>(async ct =>
        {
            var replaced = await calendars.ReplaceTermDatesAsync(run.School.Id, rows.Select(r => r.Range).ToList(), ct);
            return new ListImportResult(rows.Count, replaced);
        });
    }

    /// <summary>One line of the file: a range of dates of one kind. Null when a date or the kind cannot be read.</summary>
    public sealed record Row(int Line, CalendarRange Range)
    {
        public static Row? Parse(TabularRow row, List<RowError> errors)
        {
            var count = errors.Count;
            var start = Date(row, CalendarImportColumns.Start, errors);
            // An empty end is a single day (an INSET day, a polling day).
            var end = row[CalendarImportColumns.End].Length == 0 ? start : Date(row, CalendarImportColumns.End, errors);
            var kindText = row[CalendarImportColumns.Kind];
            if (!ObservationCodes.TryParseDayKind(kindText, out var kind))
            {
                errors.Add(new RowError(row.Line, kindText.Length == 0
                    ? $"{CalendarImportColumns.Kind} is empty; write term, holiday, inset or closure"
                    : $"{CalendarImportColumns.Kind} \"{kindText}\" is not known; write term, holiday, inset or closure"));
            }
            var name = ImportValues.Text(row, CalendarImportColumns.Name, Data.Models.SchoolTermDate.NameMaxLength, errors);
            return errors.Count > count || start is not { } first || end is not { } last
                ? null
                : new Row(row.Line, new CalendarRange(first, last, kind, name.Length == 0 ? null : name));
        }

        private static DateOnly? Date(TabularRow row, string column, List<RowError> errors)
        {
            var text = row[column];
            if (ImportValues.TryParseDate(text, out var date))
            {
                return date;
            }
            errors.Add(new RowError(row.Line, text.Length == 0
                ? $"{column} is empty; write the date like {ImportValues.DateSpellings}"
                : $"{column} \"{text}\" is not a date; write it like {ImportValues.DateSpellings}"));
            return null;
        }
    }
}

public static class CalendarImportColumns
{
    public const string Start = "start";
    public const string End = "end";
    public const string Kind = "kind";
    public const string Name = "name";

    public static readonly IReadOnlyList<string> Required = [Start, End, Kind];

    public static readonly IReadOnlyList<string> Optional = [Name];

    public static readonly IReadOnlyList<string> All = [Start, End, Kind, Name];
}
