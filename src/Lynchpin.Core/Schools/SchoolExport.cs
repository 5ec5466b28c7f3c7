using System.Globalization;
using System.IO.Compression;
using System.Text;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Schools;

/// <summary>What <see cref="SchoolExport"/> wrote.</summary>
public sealed record SchoolExportSummary(int Staff, int Assessments, int EvidenceFiles, int AuditRows);

/// <summary>
/// <c>export school --school URN --out FILE.zip</c>: a school's records to take elsewhere. Staff and assessments in the
/// formats their import pages accept (re-importable as they are), every evidence file of the school's appraisals with
/// an index, and the school's audit trail. The export is itself audited.
/// </summary>
public sealed class SchoolExport(LynchpinDbContext db, EvidenceStore evidence, AuditLog audit)
{
    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    public async Task<SchoolExportSummary> WriteAsync(School school, Stream zip, CancellationToken ct = default)
    {
        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.LineManager!.School).Include(s => s.Coach!.School)
            .Where(s => s.SchoolId == school.Id).OrderBy(s => s.StaffRef).ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.StaffMember).Include(a => a.Assessor!.School)
            .Where(a => a.StaffMember.SchoolId == school.Id && a.IsCurrent)
            .OrderBy(a => a.StaffMember.StaffRef).ThenBy(a => a.Year).ThenBy(a => a.Checkpoint).ToListAsync(ct);
        var files = await db.Evidence.AsNoTracking()
            .Where(e => e.Review.Appraisal.StaffMember.SchoolId == school.Id && e.Review.IsCurrent)
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.StoredName,
                e.FileName,
                e.Link,
                e.UploadedAt,
                e.UploadedByName,
                StaffRef = e.Review.Appraisal.StaffMember.StaffRef,
                e.Review.Appraisal.Cycle.Year,
                e.Review.Kind,
            })
            .ToListAsync(ct);
        var auditRows = await db.AuditEvents.AsNoTracking().Where(e => e.SchoolId == school.Id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);

        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        Write(archive, "staff.csv", SpreadsheetText.Csv(StaffImportColumns.All, staff.Select(s => (IReadOnlyList<string?>)
        [
            s.StaffRef, s.FirstName, s.LastName, s.Email, s.JobTitle, s.RoleFamily.Code(), s.Qts ? "yes" : "no", s.Slt ? "yes" : "no",
            RefFrom(school, s.LineManager), RefFrom(school, s.Coach), Day(s.StartDate), Day(s.LeavingDate),
            Number(s.HoursPerWeek), Number(s.WeeksPerYear),
        ])));
        Write(archive, "assessments.csv", SpreadsheetText.Csv(AssessmentImportColumns.All, assessments.Select(a => (IReadOnlyList<string?>)
        [
            a.StaffMember.StaffRef, Whole(a.Year), Whole(a.Checkpoint), Whole(a.Stage), Day(a.AssessedOn), RefFrom(school, a.Assessor), a.Note,
        ])));

        var written = 0;
        var index = new List<IReadOnlyList<string?>>();
        foreach (var file in files)
        {
            string? path = null;
            if (file.StoredName is { } stored && await evidence.OpenReadAsync(stored, ct) is { } content)
            {
                await using (content)
                {
                    path = $"evidence/{file.Id}-{Path.GetFileName(file.FileName ?? "evidence")}";
                    await using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                    await content.CopyToAsync(entry, ct);
                    written++;
                }
            }
            index.Add([file.StaffRef, Whole(file.Year), file.Kind.ToString(), file.FileName, path, file.Link,
                file.UploadedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), file.UploadedByName]);
        }
        Write(archive, "evidence.csv", SpreadsheetText.Csv(
            ["staff_ref", "year", "review", "file_name", "file_in_export", "link", "uploaded_at_utc", "uploaded_by"], index));
        WriteBytes(archive, "audit.csv", AuditTrail.Csv(auditRows));
        Write(archive, "README.txt", $"""
            {school.Name} (URN {school.Urn}), exported from Lynchpin {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.

            staff.csv        staff, in the format of "Import staff" (re-importable as it is)
            assessments.csv  current assessments, in the format of "Import assessments" (re-importable as it is)
            evidence.csv     the evidence of current appraisal reviews; files under evidence/
            audit.csv        the school's audit trail: who read or changed what, and when

            """);

        await audit.WriteAsync(AuditActions.Exported, AuditSubject.School(school),
            $"school export: {staff.Count} staff, {assessments.Count} assessments, {written} evidence files, {auditRows.Count} audit rows", cancellationToken: ct);
        return new SchoolExportSummary(staff.Count, assessments.Count, written, auditRows.Count);
    }

    /// <summary>A staff_ref as the importers read it: on its own in this school, URN:REF at another school of the trust.</summary>
    private static string? RefFrom(School school, StaffMember? person) =>
        person is null ? null : person.SchoolId == school.Id ? person.StaffRef : $"{person.School.Urn}:{person.StaffRef}";

    private static void Write(ZipArchive archive, string name, string text) => WriteBytes(archive, name, Encoding.UTF8.GetBytes(text));

    private static void WriteBytes(ZipArchive archive, string name, byte[] bytes)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(bytes);
    }
}
