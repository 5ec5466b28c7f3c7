using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Retention;

/// <summary>What one retention run did: how many of each kind of record.</summary>
public sealed record RetentionRun(int StaffRecordsAnonymised, int AppraisalsDeleted, int ObservationNotesDeleted)
{
    public int Total => StaffRecordsAnonymised + AppraisalsDeleted + ObservationNotesDeleted;
}

/// <summary>
/// Issue 11, item 7: what each trust's <see cref="RetentionSettings"/> say is due goes, with an audit row for each record.
/// <list type="bullet">
/// <item>an observation's notes, answers and judgement are deleted once the observation is older than the notes' years
/// (the record of who observed whom and when stays: the coverage counts it);</item>
/// <item>an appraisal (objectives, reviews, evidence and its files, pay recommendations) is deleted once its school year
/// plus the appraisal years has ended ("current year + 6");</item>
/// <item>a leaver's staff record is anonymised (name, email, job title, reference) once the years after the leaving date
/// have passed.</item>
/// </list>
/// A person under a <see cref="LegalHold"/> keeps everything. Trusts that set nothing have the defaults. Dates are the
/// schools' (today from <see cref="SchoolClock"/>); running it twice the same day does nothing the second time.
/// </summary>
public sealed class RetentionRunner(LynchpinDbContext db, AuditLog audit, EvidenceStore evidence)
{
    public const string JobName = "Retention (daily)";

    /// <summary>What an anonymised staff record is called.</summary>
    public const string AnonymousFirstName = "Former member", AnonymousLastName = "of staff";

    /// <summary>A trust's periods: as set, else the defaults.</summary>
    public async Task<RetentionSettings> SettingsAsync(int trustId, CancellationToken cancellationToken = default) =>
        await db.RetentionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.TrustId == trustId, cancellationToken)
        ?? new RetentionSettings { TrustId = trustId };

    public async Task<RetentionRun> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var settings = await db.RetentionSettings.AsNoTracking().ToDictionaryAsync(s => s.TrustId, cancellationToken);
        var trustOfSchool = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TrustId, cancellationToken);
        RetentionSettings For(int schoolId) =>
            trustOfSchool.GetValueOrDefault(schoolId) is int trust && settings.TryGetValue(trust, out var set) ? set : new RetentionSettings();
        var held = (await db.LegalHolds.Select(h => h.StaffMemberId).ToListAsync(cancellationToken)).ToHashSet();

        var notes = await ObservationNotesAsync(today, For, held, cancellationToken);
        var appraisals = await AppraisalsAsync(today, For, held, cancellationToken);
        var staff = await StaffRecordsAsync(today, For, held, cancellationToken);
        var files = db.ChangeTracker.Entries<Evidence>().Where(e => e.State == EntityState.Deleted)
            .Select(e => e.Entity.StoredName).OfType<string>().ToList();
        await db.SaveChangesAsync(cancellationToken);
        // The files after the rows: a file left by a failed save would be harmless, a row without its file is not.
        foreach (var file in files)
        {
            await evidence.DeleteAsync(file, cancellationToken);
        }
        return new RetentionRun(staff, appraisals, notes);
    }

    private async Task<int> ObservationNotesAsync(DateOnly today, Func<int, RetentionSettings> settingsOf, HashSet<int> held, CancellationToken ct)
    {
        // The most lenient cut-off of any trust first (at least a year), then each record by its own trust's.
        var candidates = await db.ObservationRecords.Include(r => r.Observee).ThenInclude(s => s.School)
            .Where(r => r.Date < today.AddYears(-1) && (r.Notes != null || r.Judgement != null))
            .ToListAsync(ct);
        var count = 0;
        foreach (var record in candidates.Where(r => !held.Contains(r.ObserveeId)
            && r.Date.AddYears(settingsOf(r.SchoolId).ObservationNoteYears) < today))
        {
            record.Notes = null;
            record.Judgement = null;
            record.Answers = [];
            audit.Add(AuditActions.RetentionDeleted, AuditSubject.Record(AuditRecordTypes.ObservationRecord, record.Id, record.Observee),
                string.Create(CultureInfo.InvariantCulture, $"Observation notes of {Dates.Long(record.Date)}, kept {settingsOf(record.SchoolId).ObservationNoteYears} years"));
            count++;
        }
        return count;
    }

    private async Task<int> AppraisalsAsync(DateOnly today, Func<int, RetentionSettings> settingsOf, HashSet<int> held, CancellationToken ct)
    {
        var lastEndedYear = SchoolYear.Of(today) - 1;
        var candidates = await db.Appraisals.Include(a => a.Cycle).Include(a => a.StaffMember).ThenInclude(s => s.School)
            .Include(a => a.Objectives).ThenInclude(o => o.SupportPlan)
            .Include(a => a.Reviews).ThenInclude(r => r.Ratings)
            .Include(a => a.Reviews).ThenInclude(r => r.Evidence)
            .Where(a => a.Cycle.Year <= lastEndedYear)
            .AsSplitQuery().ToListAsync(ct);
        var count = 0;
        foreach (var appraisal in candidates.Where(a => !held.Contains(a.StaffMemberId)
            && SchoolYear.End(a.Cycle.Year + settingsOf(a.Cycle.SchoolId).AppraisalYears) < today))
        {
            db.PayRecommendations.RemoveRange(await db.PayRecommendations.Where(p => p.AppraisalId == appraisal.Id).ToListAsync(ct));
            db.Appraisals.Remove(appraisal);
            audit.Add(AuditActions.RetentionDeleted, AuditSubject.Record(AuditRecordTypes.Appraisal, appraisal.Id, appraisal.StaffMember),
                $"Appraisal of {SchoolYear.Name(appraisal.Cycle.Year)}, kept to the end of {SchoolYear.Name(appraisal.Cycle.Year + settingsOf(appraisal.Cycle.SchoolId).AppraisalYears)}");
            count++;
        }
        return count;
    }

    private async Task<int> StaffRecordsAsync(DateOnly today, Func<int, RetentionSettings> settingsOf, HashSet<int> held, CancellationToken ct)
    {
        var candidates = await db.StaffMembers.Include(s => s.School)
            .Where(s => s.LeavingDate != null && s.LeavingDate < today.AddYears(-1)
                && !(s.FirstName == AnonymousFirstName && s.LastName == AnonymousLastName))
            .ToListAsync(ct);
        var count = 0;
        foreach (var staff in candidates.Where(s => !held.Contains(s.Id)
            && s.LeavingDate!.Value.AddYears(settingsOf(s.SchoolId).StaffRecordYears) < today))
        {
            var left = staff.LeavingDate!.Value;
            staff.FirstName = AnonymousFirstName;
            staff.LastName = AnonymousLastName;
            staff.Email = null;
            staff.JobTitle = "Left " + left.ToString("yyyy", CultureInfo.InvariantCulture);
            staff.StaffRef = string.Create(CultureInfo.InvariantCulture, $"X{staff.Id}");
            audit.Add(AuditActions.RetentionAnonymised, AuditSubject.Record(AuditRecordTypes.Staff, staff.Id, staff),
                string.Create(CultureInfo.InvariantCulture, $"Staff record of a leaver (left {Dates.Long(left)}), kept {settingsOf(staff.SchoolId).StaffRecordYears} years"));
            count++;
        }
        return count;
    }
}
