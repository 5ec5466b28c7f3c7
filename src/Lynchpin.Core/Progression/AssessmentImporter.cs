using System.Globalization;
using System.Text.RegularExpressions;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Progression;

/// <summary>The columns of an assessments file, in template order.</summary>
public static class AssessmentImportColumns
{
    public const string StaffRef = "staff_ref";
    public const string Year = "year";
    public const string Checkpoint = "checkpoint";
    public const string Stage = "stage";
    public const string AssessedOn = "assessed_on";
    public const string AssessorRef = "assessor_ref";
    public const string Note = "note";

    /// <summary>Columns that must be in the heading row and have a value on every row.</summary>
    public static readonly IReadOnlyList<string> Required = [StaffRef, Year, Checkpoint, Stage, AssessedOn];

    /// <summary>Columns that may be left out of the file, or left empty on a row.</summary>
    public static readonly IReadOnlyList<string> Optional = [AssessorRef, Note];

    public static readonly IReadOnlyList<string> All = [StaffRef, Year, Checkpoint, Stage, AssessedOn, AssessorRef, Note];
}

/// <summary>
/// Imports a school's assessments from CSV or XLSX, all or nothing: every row is checked first, and if any is wrong
/// nothing changes and every problem is listed with its line; otherwise all rows are written in one transaction.
/// </summary>
/// <remarks>
/// <para>One row per person and checkpoint: staff_ref, year (2025 or 2025/26), checkpoint (1-4), stage (0-6),
/// assessed_on (yyyy-mm-dd, in that school year, not in the future, not before the person started), and optionally
/// assessor_ref (another member of the school's staff) and note.</para>
/// <para>A row for a checkpoint that already has an assessment is a correction: it adds a new version and the earlier
/// one is kept, as when recording on the page. A row that says exactly what the current version says (stage, date,
/// assessor, note) is left alone, so uploading the same file twice does not pile up identical versions.
/// An import records no criteria; those are ticked on the page.</para>
/// </remarks>
public partial class AssessmentImporter(LynchpinDbContext db, SchoolClock clock)
    : SchoolImporter<AssessmentImporter.Row>(db, new(AssessmentImportColumns.Required, AssessmentImportColumns.Optional, "assessments", AssessmentImportColumns.StaffRef))
{
    /// <summary>Who the command line records as the recorder (it has no account).</summary>
    public const string CommandLineRecorderName = "Import (command line)";

    public Task<ImportResult> ImportAsync(int schoolUrn, Stream file, string fileName, Recorder recorder, CancellationToken cancellationToken = default) =>
        ImportAsync(new ImportRequest(schoolUrn, file, fileName, recorder), cancellationToken);

    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        // Each version records who made it, so an import without a recorder is a mistake in the caller.
        var recorder = run.By ?? throw new ArgumentException("An assessments import records who made it: pass the recorder.", nameof(run));
        var today = clock.Today;
        foreach (var row in rows)
        {
            CheckAgainstSchool(row, run.Staff, today, run.Errors);
        }
        FindDuplicates(rows, run.Errors);
        return ct => WriteAsync(run.School, rows, run.Staff, recorder, ct);
    }

    private static void CheckAgainstSchool(Row row, SchoolStaff staff, DateOnly today, List<RowError> errors)
    {
        void Error(string message) => errors.Add(new RowError(row.Line, message));

        staff.TryGet(row.StaffRef, out var person);
        if (row.AssessorRef is { } assessorRef)
        {
            if (assessorRef == row.StaffRef)
            {
                Error($"{AssessmentImportColumns.AssessorRef} is {assessorRef}, the person being assessed; nobody can assess themselves");
            }
            else if (!staff.Contains(assessorRef))
            {
                Error($"{AssessmentImportColumns.AssessorRef} \"{assessorRef}\" is not a member of staff at {staff.School.Name}");
            }
        }
        if (row.AssessedOn is not { } on)
        {
            return;
        }
        if (on > today)
        {
            Error($"{AssessmentImportColumns.AssessedOn} {Dates.Long(on)} is in the future; record an assessment once it has been made");
        }
        else if (row.Year is { } year && (on < SchoolYear.Start(year) || on > SchoolYear.End(year)))
        {
            Error($"{AssessmentImportColumns.AssessedOn} {Dates.Long(on)} is not in the school year {SchoolYear.Name(year)} ({Dates.Range(SchoolYear.Start(year), SchoolYear.End(year))})");
        }
        if (person?.StartDate is { } started && on < started)
        {
            Error($"{AssessmentImportColumns.AssessedOn} {Dates.Long(on)} is before {row.StaffRef} started on {Dates.Long(started)}");
        }
    }

    /// <summary>Two or more rows for one person's checkpoint: each of them is an error naming the others.</summary>
    private static void FindDuplicates(IReadOnlyList<Row> rows, List<RowError> errors)
    {
        var groups = rows
            .Where(r => r.StaffRef.Length > 0 && r.Year is not null && r.Checkpoint is not null)
            .GroupBy(r => (r.StaffRef, Year: r.Year!.Value, Checkpoint: r.Checkpoint!.Value))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var lines = group.Select(r => r.Line).ToList();
            foreach (var row in group)
            {
                var others = string.Join(" and ", lines.Where(l => l != row.Line));
                errors.Add(new RowError(row.Line, Invariant(
                    $"{row.StaffRef} has another row for {SchoolYear.Name(group.Key.Year)} checkpoint {group.Key.Checkpoint} on line {others}; keep one row per person and checkpoint")));
            }
        }
    }

    /// <summary>
    /// Supersedes the current versions being corrected, then adds the new ones: two saves in that order, like
    /// <see cref="AssessmentRecorder"/>'s, so the unique index on current versions never sees two at once.
    /// </summary>
    private async Task<ImportResult> WriteAsync(School school, IReadOnlyList<Row> rows, SchoolStaff staff, Recorder recorder,
        CancellationToken cancellationToken)
    {
        var years = rows.Select(r => r.Year!.Value).Distinct().ToList();
        var stored = (await Db.Assessments
                .Where(a => a.StaffMember.SchoolId == school.Id && years.Contains(a.Year))
                .ToListAsync(cancellationToken))
            .ToLookup(a => (a.StaffMemberId, a.Year, a.Checkpoint));

        var recordedAt = clock.UtcNow;
        var added = new List<Assessment>();
        int created = 0, corrected = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var personId = staff.IdOf(row.StaffRef);
            int? assessorId = row.AssessorRef is null ? null : staff.IdOf(row.AssessorRef);
            var earlier = stored[(personId, row.Year!.Value, row.Checkpoint!.Value)].ToList();
            var current = earlier.SingleOrDefault(a => a.IsCurrent);
            if (current is not null && current.Stage == row.Stage && current.AssessedOn == row.AssessedOn
                && current.AssessorId == assessorId && current.Note == row.Note)
            {
                unchanged++;
                continue;
            }
            if (current is not null)
            {
                current.IsCurrent = false;
            }
            if (earlier.Count == 0)
            {
                created++;
            }
            else
            {
                corrected++;
            }
            added.Add(new Assessment
            {
                StaffMemberId = personId,
                Year = row.Year.Value,
                Checkpoint = row.Checkpoint.Value,
                Stage = row.Stage!.Value,
                AssessedOn = row.AssessedOn!.Value,
                AssessorId = assessorId,
                CriteriaMet = [],
                Note = row.Note,
                Version = earlier.Count == 0 ? 1 : earlier.Max(a => a.Version) + 1,
                IsCurrent = true,
                RecordedAt = recordedAt,
                RecordedByUserId = recorder.UserId,
                RecordedByName = recorder.Name,
            });
        }
        await Db.SaveChangesAsync(cancellationToken);
        Db.Assessments.AddRange(added);
        await Db.SaveChangesAsync(cancellationToken);
        return new ImportResult(created, corrected, []) { Unchanged = unchanged };
    }

    /// <summary>
    /// A school year as 2025, or as 2025/26 (also 2025-26 or 2025/2026), where the second part must follow the first.
    /// </summary>
    public static bool TryParseYear(string text, out int year)
    {
        year = 0;
        var match = YearPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (match.Groups[2].Success)
        {
            var end = match.Groups[2].Value;
            var expected = end.Length == 2 ? ((start + 1) % 100).ToString("00", CultureInfo.InvariantCulture) : (start + 1).ToString(CultureInfo.InvariantCulture);
            if (end != expected)
            {
                return false;
            }
        }
        if (start is < 2000 or > 2100)
        {
            return false;
        }
        year = start;
        return true;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$")]
    private static partial Regex YearPattern();

    /// <summary>One row of the file, its values read on their own; a value that did not read is null (and reported).</summary>
    public sealed record Row(int Line, string StaffRef, int? Year, int? Checkpoint, int? Stage, DateOnly? AssessedOn, string? AssessorRef, string? Note)
    {
        public static Row Parse(TabularRow row, List<RowError> errors)
        {
            var line = row.Line;
            void Error(string message) => errors.Add(new RowError(line, message));

            var staffRef = row[AssessmentImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                Error($"{AssessmentImportColumns.StaffRef} is empty; every row needs the staff reference of the person assessed");
            }

            int? year = null;
            var yearText = row[AssessmentImportColumns.Year];
            if (TryParseYear(yearText, out var parsedYear))
            {
                year = parsedYear;
            }
            else
            {
                Error(yearText.Length == 0
                    ? $"{AssessmentImportColumns.Year} is empty; write the school year, such as 2025 or 2025/26"
                    : $"{AssessmentImportColumns.Year} \"{yearText}\" is not a school year; write it as 2025 or 2025/26");
            }

            int? Number(string column, int min, int max, string what)
            {
                var text = row[column];
                if (ImportValues.TryParseWholeNumber(text, out var number) && number >= min && number <= max)
                {
                    return number;
                }
                Error(text.Length == 0 ? $"{column} is empty; {what}" : $"{column} \"{text}\" is not valid; {what}");
                return null;
            }

            var checkpoint = Number(AssessmentImportColumns.Checkpoint, SchoolYear.FirstCheckpoint, SchoolYear.LastCheckpoint,
                "use 1 (first six weeks), 2 (end of autumn term), 3 (end of spring term) or 4 (end of summer term)");
            var stage = Number(AssessmentImportColumns.Stage, ProgressionStage.Lowest, ProgressionStage.Highest, "use a stage from 0 to 6");

            DateOnly? assessedOn = null;
            var dateText = row[AssessmentImportColumns.AssessedOn];
            if (ImportValues.TryParseDate(dateText, out var date))
            {
                assessedOn = date;
            }
            else
            {
                Error(dateText.Length == 0
                    ? $"{AssessmentImportColumns.AssessedOn} is empty; write the date of the assessment as 2025-10-10 or 10/10/2025"
                    : $"{AssessmentImportColumns.AssessedOn} \"{dateText}\" is not a date written as 2025-10-10 or 10/10/2025");
            }

            var note = row[AssessmentImportColumns.Note];
            if (note.Length > Assessment.NoteMaxLength)
            {
                Error(ImportValues.TooLong(AssessmentImportColumns.Note, note, Assessment.NoteMaxLength));
            }
            var assessorRef = row[AssessmentImportColumns.AssessorRef];

            return new Row(line, staffRef, year, checkpoint, stage, assessedOn, assessorRef.Length == 0 ? null : assessorRef, note.Length == 0 ? null : note);
        }
    }
}
