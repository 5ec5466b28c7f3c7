using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;
using C = Lynchpin.Core.Staff.StaffImportColumns;

namespace Lynchpin.Core.Staff;

/// <summary>
/// Imports a school's staff from CSV or XLSX, all or nothing: every row is checked first, and if any is wrong nothing
/// changes and every problem is listed with its line; otherwise all rows are written in one transaction.
/// </summary>
/// <remarks>
/// <para>Columns (headings matched ignoring case; other columns are ignored):</para>
/// <list type="bullet">
/// <item><b>Required</b> in the heading row and on every row: staff_ref, first_name, last_name, job_title, role_family.</item>
/// <item><b>Optional</b>: email, qts, slt, line_manager_ref, coach_ref, start_date, leaving_date, hours_per_week,
/// weeks_per_year. A column left out of the file leaves that field as it is for people already stored (so a file of
/// names and roles does not wipe emails or line managers); an empty cell in a column that is there clears the field
/// (qts and slt: empty means no).</item>
/// </list>
/// <para>People are matched to stored staff by staff_ref (exactly, as the database's unique index does); stored staff
/// missing from the file are left as they are. line_manager_ref and coach_ref name a staff_ref in the file or stored
/// for this school, or <c>URN:REF</c> for someone at another school of the same trust. Line management must not go round
/// in a circle anywhere in the trust once the file is applied; coaching may be mutual.</para>
/// </remarks>
public class StaffImporter(LynchpinDbContext db)
    : SchoolImporter<StaffImportRow>(db, new(C.Required, C.Optional, "people"))
{
    protected override StaffImportRow Parse(TabularRow row, ImportRun run) => StaffImportRow.Parse(row, run.Errors);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<StaffImportRow> rows, CancellationToken cancellationToken)
    {
        var school = run.School;
        var fileRows = FindDuplicates(rows, run.Errors);
        // Not tracked: tracking thousands of people costs seconds; the write attaches only those the file changes.
        var stored = await Db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id).ToListAsync(cancellationToken);
        CheckDatesAgainstStored(fileRows, stored, run.Columns, run.Errors);
        var trust = await StaffImportTrust.LoadAsync(Db, school, stored, rows, cancellationToken);
        var links = new StaffImportLinks(school, trust, fileRows, run.Columns);
        foreach (var row in rows)
        {
            links.Resolve(row, run.Errors);
        }
        links.CheckLineManagementCycles(run.Errors);
        return ct => WriteAsync(school, stored, fileRows, links, run.Columns, ct);
    }

    /// <summary>The first row for each staff_ref; later rows with the same ref are errors.</summary>
    private static Dictionary<string, StaffImportRow> FindDuplicates(IReadOnlyList<StaffImportRow> rows, List<RowError> errors)
    {
        var byRef = new Dictionary<string, StaffImportRow>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.StaffRef.Length > 0))
        {
            if (!byRef.TryAdd(row.StaffRef, row))
            {
                errors.Add(new RowError(row.Line,
                    $"{C.StaffRef} \"{row.StaffRef}\" is also on line {byRef[row.StaffRef].Line}; each person can appear only once"));
            }
        }
        return byRef;
    }

    /// <summary>
    /// When the file has only one of the date columns, the other comes from the stored record, and the pair must
    /// still make sense (a row with both was checked on its own).
    /// </summary>
    private static void CheckDatesAgainstStored(Dictionary<string, StaffImportRow> fileRows, List<StaffMember> stored,
        IReadOnlySet<string> columns, List<RowError> errors)
    {
        var hasStart = columns.Contains(C.StartDate);
        var hasLeaving = columns.Contains(C.LeavingDate);
        if (hasStart == hasLeaving)
        {
            return;
        }
        foreach (var person in stored)
        {
            if (!fileRows.TryGetValue(person.StaffRef, out var row))
            {
                continue;
            }
            var start = hasStart ? row.StartDate : person.StartDate;
            var leaving = hasLeaving ? row.LeavingDate : person.LeavingDate;
            if (start is { } s && leaving is { } l && l < s)
            {
                errors.Add(new RowError(row.Line, FormattableString.Invariant(
                    $"{C.LeavingDate} {Dates.Long(l)} is before {C.StartDate} {Dates.Long(s)}, which is already stored for {row.StaffRef}")));
            }
        }
    }

    private async Task<ImportResult> WriteAsync(School school, List<StaffMember> stored, Dictionary<string, StaffImportRow> fileRows,
        StaffImportLinks links, IReadOnlySet<string> columns, CancellationToken cancellationToken)
    {
        var storedByRef = stored.ToDictionary(s => s.StaffRef, StringComparer.Ordinal);
        var entities = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        var before = new Dictionary<StaffMember, object>();
        var added = new List<StaffMember>();
        foreach (var row in fileRows.Values)
        {
            if (storedByRef.TryGetValue(row.StaffRef, out var person))
            {
                before[person] = Snapshot(person);
            }
            else
            {
                person = new StaffMember
                {
                    SchoolId = school.Id,
                    StaffRef = row.StaffRef,
                    FirstName = row.FirstName,
                    LastName = row.LastName,
                    JobTitle = row.JobTitle,
                };
                added.Add(person);
            }
            Apply(row, person, columns);
            entities[row.StaffRef] = person;
        }

        // New people get their ids first, so every line manager and coach is set before anything is written.
        var writer = new TableWriter(Db);
        var ids = await writer.ReserveIdsAsync<StaffMember>(added.Count, cancellationToken);
        for (var i = 0; i < added.Count; i++)
        {
            added[i].Id = ids[i];
        }
        foreach (var row in fileRows.Values)
        {
            var person = entities[row.StaffRef];
            if (columns.Contains(C.LineManagerRef))
            {
                person.LineManagerId = links.IdOf(links.LineManagerOf(row), entities);
            }
            if (columns.Contains(C.CoachRef))
            {
                person.CoachId = links.IdOf(links.CoachOf(row), entities);
            }
        }

        if (added.Count > 0)
        {
            // Thousands of new people in one COPY or prepared insert, not one tracked insert and update each (issue 15
            // item 3). The rows' text was checked for control characters as they were read.
            await writer.InsertAsync(added, cancellationToken);
            await DataVersions.RaiseAsync(Db, new DataVersions.Changes { Structure = true, Schools = { school.Id } }, cancellationToken);
        }
        // People already stored: updates of those the file changed, each conditional on the revision that was read.
        var changed = before.Where(b => !Snapshot(b.Key).Equals(b.Value)).Select(b => b.Key).ToList();
        foreach (var person in changed)
        {
            // An import names nobody as the reviser.
            person.RevisedAt = null;
            person.RevisedByName = null;
            Db.Entry(person).State = EntityState.Modified;
        }
        await Db.SaveChangesAsync(cancellationToken);
        return new ImportResult(added.Count, changed.Count, []) { Unchanged = before.Count - changed.Count };
    }

    /// <summary>The fields of optional columns: a column left out of the file leaves its field as stored.</summary>
    private static readonly (string Column, Action<StaffImportRow, StaffMember> Set)[] OptionalFields =
    [
        (C.Email, (row, person) => person.Email = row.Email),
        (C.Qts, (row, person) => person.Qts = row.Qts),
        (C.Slt, (row, person) => person.Slt = row.Slt),
        (C.StartDate, (row, person) => person.StartDate = row.StartDate),
        (C.LeavingDate, (row, person) => person.LeavingDate = row.LeavingDate),
        (C.HoursPerWeek, (row, person) => person.HoursPerWeek = row.HoursPerWeek),
        (C.WeeksPerYear, (row, person) => person.WeeksPerYear = row.WeeksPerYear),
    ];

    private static void Apply(StaffImportRow row, StaffMember person, IReadOnlySet<string> columns)
    {
        person.FirstName = row.FirstName;
        person.LastName = row.LastName;
        person.JobTitle = row.JobTitle;
        person.RoleFamily = row.RoleFamily;
        foreach (var (_, set) in OptionalFields.Where(f => columns.Contains(f.Column)))
        {
            set(row, person);
        }
    }

    // Everything an import can change, to tell "updated" from "unchanged".
    private static object Snapshot(StaffMember s) =>
        (s.FirstName, s.LastName, s.Email, s.JobTitle, s.RoleFamily, s.Qts, s.Slt, s.StartDate, s.LeavingDate,
            s.HoursPerWeek, s.WeeksPerYear, s.LineManagerId, s.CoachId);
}
