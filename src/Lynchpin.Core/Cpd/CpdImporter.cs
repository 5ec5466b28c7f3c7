using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>
/// Imports CPD activities (<c>activity_ref,title,kind,provider,start,end,hours,cost,staff_ref</c>), all or nothing: a row
/// per person attending, with that person's hours and cost; rows sharing an <c>activity_ref</c> are one group activity and
/// must agree on its title, kind, provider and dates. The rules of an activity are the form's
/// (<see cref="CpdActivities.Validate"/>). A reference the school already has is refused, so a file is not counted twice.
/// </summary>
public class CpdImporter(LynchpinDbContext db, SchoolClock clock)
    : SchoolImporter<CpdImporter.Row>(db, new(CpdImportColumns.Required, CpdImportColumns.Optional, "activities", CpdImportColumns.StaffRef))
{
    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var refs = rows.Select(r => r.ActivityRef).Where(r => r.Length > 0).Distinct().ToList();
        var stored = (await Db.CpdActivities.AsNoTracking().Where(a => a.SchoolId == run.School.Id && a.Ref != null && refs.Contains(a.Ref))
            .Select(a => a.Ref!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var group in rows.Where(r => r.ActivityRef.Length > 0).GroupBy(r => r.ActivityRef, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var row in group)
            {
                if (stored.Contains(row.ActivityRef))
                {
                    run.Error(row.Line, $"{CpdImportColumns.ActivityRef} \"{row.ActivityRef}\" is already in Lynchpin for {run.School.Name}; give a new reference or leave those rows out");
                }
                else if (row != first && row.Activity != first.Activity)
                {
                    run.Error(row.Line, $"{CpdImportColumns.ActivityRef} \"{row.ActivityRef}\" is on line {first.Line} with another title, kind, provider or dates; rows of one activity must agree");
                }
                if (run.EarlierLineOf((row.ActivityRef, row.StaffRef), row.Line) is int earlier)
                {
                    run.Error(row.Line, $"{row.StaffRef} is in activity {row.ActivityRef} twice: lines {earlier} and {row.Line}; keep one");
                }
            }
        }
        return ct => WriteAsync(run, rows, ct);
    }

    private async Task<ImportResult> WriteAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var by = run.By?.Name ?? "Import";
        var activities = rows.GroupBy(r => r.ActivityRef, StringComparer.Ordinal).Select(group =>
        {
            var a = group.First().Activity;
            return new CpdActivity
            {
                SchoolId = run.School.Id,
                Ref = group.Key,
                Title = a.Title,
                Kind = a.Kind!.Value,
                Provider = a.Provider.Length == 0 ? null : a.Provider,
                StartDate = a.Start!.Value,
                EndDate = a.End ?? a.Start!.Value,
                RecordedAt = clock.UtcNow,
                RecordedByName = by,
                Attendances = group.Select(r => new CpdAttendance { StaffMemberId = run.Staff.IdOf(r.StaffRef), Hours = r.Hours ?? 0m, Cost = r.Cost ?? 0m }).ToList(),
            };
        }).ToList();
        Db.CpdActivities.AddRange(activities);
        await Db.SaveChangesAsync(ct);
        return new ImportResult(activities.Count, 0, []);
    }

    /// <summary>What the rows of one activity share.</summary>
    public sealed record ActivityValues(string Title, CpdKind? Kind, string Provider, DateOnly? Start, DateOnly? End);

    public sealed record Row(int Line, string ActivityRef, ActivityValues Activity, decimal? Hours, decimal? Cost, string StaffRef)
    {
        public static Row Parse(TabularRow row, ImportRun run)
        {
            var activityRef = ImportValues.Text(row, CpdImportColumns.ActivityRef, CpdActivity.RefMaxLength, run.Errors);
            if (activityRef.Length == 0)
            {
                run.Error(row.Line, $"{CpdImportColumns.ActivityRef} is empty; give each activity a reference, the same on every row of a group activity");
            }
            var kindText = row[CpdImportColumns.Kind];
            CpdKind? kind = CpdCodes.Kinds.TryParse(kindText.ToLowerInvariant(), out var parsedKind) ? parsedKind : null;
            if (kind is null)
            {
                run.Error(row.Line, $"{CpdImportColumns.Kind} \"{kindText}\" is not one of {string.Join(", ", CpdCodes.Kinds.All.Select(CpdCodes.Kinds.Code))}");
            }
            var start = Date(row, CpdImportColumns.Start, run);
            var end = Date(row, CpdImportColumns.End, run);
            var hours = Amount(row, CpdImportColumns.Hours, run);
            var cost = Amount(row, CpdImportColumns.Cost, run);
            var title = row[CpdImportColumns.Title];
            var provider = row[CpdImportColumns.Provider];
            // The form's rules for what was readable: title, provider, dates in order, hours and cost in range.
            var input = new CpdActivityInput(title, kind ?? CpdKind.Course, provider, start ?? DateOnly.MinValue, end, hours, cost, null, []);
            foreach (var error in CpdActivities.Validate(input))
            {
                run.Error(row.Line, $"{CpdImportColumns.ForField(error.Field)}: {error.Message}");
            }
            if (row[CpdImportColumns.StaffRef].Length == 0)
            {
                run.Error(row.Line, $"{CpdImportColumns.StaffRef} is empty; a row is one person at the activity");
            }
            return new Row(row.Line, activityRef, new ActivityValues(title, kind, provider, start, end), hours, cost, row[CpdImportColumns.StaffRef]);
        }

        private static DateOnly? Date(TabularRow row, string column, ImportRun run)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                if (column == CpdImportColumns.Start)
                {
                    run.Error(row.Line, $"{column} is empty; write the date the activity started, like 2025-10-10");
                }
                return null;
            }
            if (ImportValues.TryParseIsoDate(text, out var date))
            {
                return date;
            }
            run.Error(row.Line, $"{column} \"{text}\" is not a date; write it like 2025-10-10");
            return null;
        }

        private static decimal? Amount(TabularRow row, string column, ImportRun run)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                return null;
            }
            if (ImportValues.TryParseDecimal(text, out var amount))
            {
                return amount;
            }
            run.Error(row.Line, $"{column} \"{text}\" is not a number; write it like 6 or 125.50, without £");
            return null;
        }
    }
}

public static class CpdImportColumns
{
    public const string ActivityRef = "activity_ref";
    public const string Title = "title";
    public const string Kind = "kind";
    public const string Provider = "provider";
    public const string Start = "start";
    public const string End = "end";
    public const string Hours = "hours";
    public const string Cost = "cost";
    public const string StaffRef = "staff_ref";

    public static readonly IReadOnlyList<string> Required = [ActivityRef, Title, Kind, Start, StaffRef];

    public static readonly IReadOnlyList<string> Optional = [Provider, End, Hours, Cost];

    public static readonly IReadOnlyList<string> All = [ActivityRef, Title, Kind, Provider, Start, End, Hours, Cost, StaffRef];

    /// <summary>The column of a <see cref="CpdActivityInput"/> field, for the form's messages.</summary>
    public static string ForField(string field) => field switch
    {
        "Title" => Title,
        "Kind" => Kind,
        "Provider" => Provider,
        "StartDate" => Start,
        "EndDate" => End,
        "Hours" => Hours,
        "Cost" => Cost,
        _ => field,
    };
}
