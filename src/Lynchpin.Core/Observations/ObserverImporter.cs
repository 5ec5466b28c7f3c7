using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Observations;

public static class ObserverImportColumns
{
    public const string StaffRef = "staff_ref";
    public const string Visits = "visits";
    public const string YearGroup = "year_group";

    public static readonly IReadOnlyList<string> Required = [StaffRef, Visits];

    public static readonly IReadOnlyList<string> Optional = [YearGroup];

    public static readonly IReadOnlyList<string> All = [StaffRef, Visits, YearGroup];
}

/// <summary>
/// Imports a school's observers from CSV or XLSX, replacing the list stored, all or nothing. Columns
/// <c>staff_ref,visits,year_group</c>: any member of staff (most observers are not teachers), the visits they make in
/// each rota (0 to 50; 0 keeps them on the list without visits), and optionally a focus year group — one year, such as
/// an achievement coordinator's. Each person once.
/// </summary>
public class ObserverImporter(LynchpinDbContext db)
    : SchoolImporter<ObserverImporter.Row>(db, new(ObserverImportColumns.Required, ObserverImportColumns.Optional, "observers", ObserverImportColumns.StaffRef))
{
    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors);

    protected override Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => run.Staff.Contains(r.StaffRef)))
        {
            if (run.EarlierLineOf(row.StaffRef, row.Line) is { } earlier)
            {
                run.Error(row.Line, $"{ObserverImportColumns.StaffRef} \"{row.StaffRef}\" is also on line {earlier}; each observer can appear only once");
            }
        }
        return Task.FromResult<ImportWrite>(ct => ReplaceAsync(Db.RotaObservers, o => o.SchoolId == run.School.Id, rows.Select(r => new RotaObserver
        {
            SchoolId = run.School.Id,
            StaffMemberId = run.Staff.IdOf(r.StaffRef),
            Visits = r.Visits!.Value,
            FocusYearGroup = r.YearGroup.Length == 0 ? null : r.YearGroup,
        }).ToList(), ct));
    }

    public sealed class Row
    {
        public int Line { get; private init; }
        public string StaffRef { get; private init; } = "";
        public int? Visits { get; private init; }
        public string YearGroup { get; private init; } = "";

        public static Row Parse(TabularRow row, List<RowError> errors)
        {
            void Error(string message) => errors.Add(new RowError(row.Line, message));
            var staffRef = row[ObserverImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                Error($"{ObserverImportColumns.StaffRef} is empty; every row needs the staff reference of the observer");
            }
            int? visits = null;
            var visitsText = row[ObserverImportColumns.Visits];
            if (ImportValues.TryParseWholeNumber(visitsText, out var number) && number <= RotaObserver.MaxVisits)
            {
                visits = number;
            }
            else
            {
                Error(visitsText.Length == 0
                    ? $"{ObserverImportColumns.Visits} is empty; write how many visits the observer makes in a rota, from 0 to {RotaObserver.MaxVisits}"
                    : $"{ObserverImportColumns.Visits} \"{visitsText}\" is not a number from 0 to {RotaObserver.MaxVisits}");
            }
            var yearText = row[ObserverImportColumns.YearGroup];
            if (!TimetableValues.TryParseYearGroup(yearText, allowMixed: false, out var yearGroup))
            {
                Error($"{ObserverImportColumns.YearGroup} \"{yearText}\" is not one year group; write {TimetableValues.YearGroupSpellings}, or leave it empty");
            }
            return new Row { Line = row.Line, StaffRef = staffRef, Visits = visits, YearGroup = yearGroup };
        }
    }
}
