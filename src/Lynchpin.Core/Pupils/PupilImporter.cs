using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Pupils;

/// <summary>
/// Imports (or updates by UPN) a school's vulnerable pupils, all or nothing: <c>upn,first_name,last_name,date_of_birth,
/// year_group,flags,la_code,entered_care_on</c>, and optionally the carer's and social worker's names and contacts. The
/// file's flags are the pupil's flags from today: a flag the file leaves out is ended yesterday, a new one starts today
/// (looked-after from <c>entered_care_on</c> when given). The import is audited, as every change to pupil data is.
/// </summary>
public class PupilImporter(LynchpinDbContext db, SchoolClock clock)
    : SchoolImporter<PupilImporter.Row>(db, new(PupilImportColumns.Required, PupilImportColumns.Optional, "pupils"))
{
    protected override Row? Parse(TabularRow row, ImportRun run) => Row.Parse(row, run, clock.Today);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (run.EarlierLineOf(row.Upn, row.Line) is { } earlier)
            {
                run.Error(row.Line, $"upn {row.Upn} is also on line {earlier}; give each pupil one row");
            }
        }
        var stored = await Db.Pupils.Include(p => p.Flags).Where(p => p.SchoolId == run.School.Id).ToDictionaryAsync(p => p.Upn, cancellationToken);
        return ct => WriteAsync(run, rows, stored, ct);
    }

    private async Task<ImportResult> WriteAsync(ImportRun run, IReadOnlyList<Row> rows, Dictionary<string, Pupil> stored, CancellationToken ct)
    {
        var today = clock.Today;
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.Upn, out var pupil))
            {
                pupil = new Pupil
                {
                    SchoolId = run.School.Id,
                    Upn = row.Upn,
                    FirstName = row.FirstName,
                    LastName = row.LastName,
                    YearGroup = row.YearGroup,
                    CreatedAt = clock.UtcNow,
                };
                Db.Pupils.Add(pupil);
                created++;
            }
            var changed = row.ApplyTo(pupil, run.Columns, today);
            if (pupil.Id != 0)
            {
                if (changed)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            if (changed)
            {
                pupil.UpdatedAt = clock.UtcNow;
            }
        }
        PupilAudit.AddChange(Db, run.By, clock.UtcNow, PupilAudit.PupilsImported,
            $"{rows.Count} pupil(s) at school {run.School.Urn}: {created} added, {updated} updated, {unchanged} unchanged");
        await Db.SaveChangesAsync(ct);
        return new ImportResult(created, updated, []) { Unchanged = unchanged };
    }

    public sealed class Row
    {
        public int Line { get; private init; }
        public string Upn { get; private init; } = "";
        public string FirstName { get; private init; } = "";
        public string LastName { get; private init; } = "";
        public DateOnly DateOfBirth { get; private init; }
        public string YearGroup { get; private init; } = "";
        public IReadOnlySet<PupilFlag> Flags { get; private init; } = new HashSet<PupilFlag>();
        public string? LaCode { get; private init; }
        public DateOnly? EnteredCareOn { get; private init; }
        public IReadOnlyDictionary<string, string?> Contacts { get; private init; } = new Dictionary<string, string?>();

        public static Row? Parse(TabularRow row, ImportRun run, DateOnly today)
        {
            var errors = run.Errors;
            var before = errors.Count;
            // In column order, so a line's problems read left to right.
            var upn = global::Lynchpin.Core.Pupils.Upn.Normalise(row[PupilImportColumns.Upn]);
            if (global::Lynchpin.Core.Pupils.Upn.Problem(upn) is { } upnProblem)
            {
                errors.Add(new(row.Line, $"upn \"{row[PupilImportColumns.Upn]}\": {upnProblem}"));
            }
            var first = Name(row, PupilImportColumns.FirstName, errors);
            var last = Name(row, PupilImportColumns.LastName, errors);
            var born = ImportCells.Date(row, PupilImportColumns.DateOfBirth, errors);
            if (born is { } b && (b > today || b < today.AddYears(-25)))
            {
                errors.Add(new(row.Line, $"date_of_birth {row[PupilImportColumns.DateOfBirth]} is not the birthday of a school pupil"));
            }
            var year = row[PupilImportColumns.YearGroup].Trim().ToUpperInvariant();
            if (year.StartsWith("YEAR", StringComparison.Ordinal))
            {
                year = year[4..].Trim();
            }
            if (!YearGroups.Contains(year))
            {
                errors.Add(new(row.Line, $"year_group \"{row[PupilImportColumns.YearGroup]}\" is not a year group: use N, R or 1 to 14"));
            }
            var (flags, flagProblem) = PupilFlags.ParseList(row[PupilImportColumns.Flags]);
            if (flagProblem is not null)
            {
                errors.Add(new(row.Line, flagProblem));
            }
            var la = row[PupilImportColumns.LaCode].Trim().ToUpperInvariant();
            if (la.Length > 0 && global::Lynchpin.Core.Pupils.LaCode.Problem(PupilImportColumns.LaCode, la) is { } laProblem)
            {
                errors.Add(new(row.Line, laProblem));
            }
            else if (la.Length == 0 && flags.Contains(PupilFlag.LookedAfter))
            {
                errors.Add(new(row.Line, "la_code is empty; a looked-after pupil needs their responsible authority's code, such as 341 or E08000012"));
            }
            var entered = ImportCells.Date(row, PupilImportColumns.EnteredCareOn, errors, required: false);
            if (entered is { } e && (e > today || (born is { } dob && e < dob)))
            {
                errors.Add(new(row.Line, $"entered_care_on {row[PupilImportColumns.EnteredCareOn]} is not between the date of birth and today"));
            }
            var contacts = new Dictionary<string, string?>();
            foreach (var column in PupilImportColumns.Optional.Where(run.Columns.Contains))
            {
                var max = column is PupilImportColumns.CarerName or PupilImportColumns.SocialWorkerName ? Pupil.NameMaxLength : Pupil.ContactMaxLength;
                var text = ImportValues.Text(row, column, max, errors).Trim();
                contacts[column] = text.Length == 0 ? null : text;
            }
            if (errors.Count > before)
            {
                return null;
            }
            return new Row
            {
                Line = row.Line,
                Upn = upn,
                FirstName = first,
                LastName = last,
                DateOfBirth = born!.Value,
                YearGroup = year,
                Flags = flags,
                LaCode = la.Length == 0 ? null : la,
                EnteredCareOn = entered,
                Contacts = contacts,
            };
        }

        /// <summary>Sets the pupil's details and flags from the row; true when anything changed.</summary>
        public bool ApplyTo(Pupil pupil, IReadOnlySet<string> columns, DateOnly today)
        {
            var changed = pupil.Id == 0;
            void Set<T>(T current, T value, Action<T> set)
            {
                if (!EqualityComparer<T>.Default.Equals(current, value))
                {
                    set(value);
                    changed = true;
                }
            }
            Set(pupil.FirstName, FirstName, v => pupil.FirstName = v);
            Set(pupil.LastName, LastName, v => pupil.LastName = v);
            Set(pupil.DateOfBirth, DateOfBirth, v => pupil.DateOfBirth = v);
            Set(pupil.YearGroup, YearGroup, v => pupil.YearGroup = v);
            Set(pupil.LaCode, LaCode, v => pupil.LaCode = v);
            Set(pupil.EnteredCareOn, EnteredCareOn, v => pupil.EnteredCareOn = v);
            foreach (var (column, value) in Contacts)
            {
                switch (column)
                {
                    case PupilImportColumns.CarerName: Set(pupil.CarerName, value, v => pupil.CarerName = v); break;
                    case PupilImportColumns.CarerContact: Set(pupil.CarerContact, value, v => pupil.CarerContact = v); break;
                    case PupilImportColumns.SocialWorkerName: Set(pupil.SocialWorkerName, value, v => pupil.SocialWorkerName = v); break;
                    case PupilImportColumns.SocialWorkerContact: Set(pupil.SocialWorkerContact, value, v => pupil.SocialWorkerContact = v); break;
                }
            }
            // Flags keep their history: one the file no longer gives ends yesterday (one begun today was a mistake, and
            // goes), a new one starts today.
            foreach (var open in pupil.Flags.Where(f => f.To is null && !Flags.Contains(f.Flag)).ToList())
            {
                if (open.From >= today)
                {
                    pupil.Flags.Remove(open);
                }
                else
                {
                    open.To = today.AddDays(-1);
                }
                changed = true;
            }
            foreach (var flag in Flags.Where(f => !pupil.Flags.Any(p => p.Flag == f && p.To is null)))
            {
                var from = flag == PupilFlag.LookedAfter && EnteredCareOn is { } e ? e : today;
                pupil.Flags.Add(new PupilFlagPeriod { Flag = flag, From = from });
                changed = true;
            }
            return changed;
        }

        private static readonly HashSet<string> YearGroups = ["N", "R", .. Enumerable.Range(1, 14).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        private static string Name(TabularRow row, string column, List<RowError> errors)
        {
            var text = ImportValues.Text(row, column, Pupil.NameMaxLength, errors).Trim();
            if (text.Length == 0)
            {
                errors.Add(new(row.Line, $"{column} is empty"));
            }
            return text;
        }
    }
}

public static class PupilImportColumns
{
    public const string Upn = "upn";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string DateOfBirth = "date_of_birth";
    public const string YearGroup = "year_group";
    public const string Flags = "flags";
    public const string LaCode = "la_code";
    public const string EnteredCareOn = "entered_care_on";
    public const string CarerName = "carer_name";
    public const string CarerContact = "carer_contact";
    public const string SocialWorkerName = "social_worker_name";
    public const string SocialWorkerContact = "social_worker_contact";

    public static readonly IReadOnlyList<string> Required = [Upn, FirstName, LastName, DateOfBirth, YearGroup, Flags, LaCode, EnteredCareOn];

    public static readonly IReadOnlyList<string> Optional = [CarerName, CarerContact, SocialWorkerName, SocialWorkerContact];

    public static readonly IReadOnlyList<string> All = [.. Required, .. Optional];
}
