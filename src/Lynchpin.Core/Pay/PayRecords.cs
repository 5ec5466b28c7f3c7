using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Pay;

/// <summary>A year's pay as typed on the form or read from an import row.</summary>
public sealed record PayInput(int? Year, string? Scale, int? Point, decimal? FteSalary, decimal? HoursPerWeek, decimal? WeeksPerYear);

/// <summary>
/// The only way to a person's pay records: every read and every change writes an audit row (in the person's school and
/// trust, so the trust's admins see it in their trail) in the same save. Callers check the ReadPay operation first (a
/// pay-access account, never for oneself nor anyone above oneself in line management); nothing else in the app loads
/// this table for a page, and no ordinary export includes it.
/// </summary>
public class PayRecords(LynchpinDbContext db, SchoolClock clock, AuditLog audit)
{
    public const decimal MaxSalary = 1_000_000m;

    /// <summary>A person's pay by year, newest first; the read is audited (an empty read too).</summary>
    public async Task<IReadOnlyList<PayRecord>> ReadAsync(int staffMemberId, Recorder reader, CancellationToken ct = default)
    {
        var records = await db.PayRecords.AsNoTracking().Where(p => p.StaffMemberId == staffMemberId).OrderByDescending(p => p.Year).ToListAsync(ct);
        audit.Add(AuditActions.PayRecordsRead, await SubjectAsync(staffMemberId, ct),
            records.Count == 0 ? "No pay recorded" : $"Pay for {string.Join(", ", records.Select(r => SchoolYear.Name(r.Year)))}", audit.As(reader));
        await db.SaveChangesAsync(ct);
        return records;
    }

    /// <summary>Records (or replaces) a person's pay for a year.</summary>
    public async Task<Result<PayRecord>> SaveAsync(int staffMemberId, PayInput input, Recorder recorder, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result<PayRecord>.Fail(errors);
        }
        var record = await db.PayRecords.SingleOrDefaultAsync(p => p.StaffMemberId == staffMemberId && p.Year == input.Year, ct);
        if (record is null)
        {
            record = new PayRecord { StaffMemberId = staffMemberId, Year = input.Year!.Value, Scale = "", RecordedByName = recorder.Name };
            db.PayRecords.Add(record);
        }
        Apply(record, input, recorder, clock.UtcNow);
        audit.Add(AuditActions.PayRecorded, await SubjectAsync(staffMemberId, ct), $"Pay for {SchoolYear.Name(record.Year)}", audit.As(recorder));
        await db.SaveChangesAsync(ct);
        return Result<PayRecord>.Done(record);
    }

    /// <summary>The audit row's subject: the person's pay, in their school and trust.</summary>
    private async Task<AuditSubject> SubjectAsync(int staffMemberId, CancellationToken ct)
    {
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffMemberId)
            .Select(s => new { s.SchoolId, s.School.TrustId }).SingleAsync(ct);
        return new AuditSubject(staff.TrustId, staff.SchoolId, staffMemberId, AuditRecordTypes.Pay,
            staffMemberId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static void Apply(PayRecord record, PayInput input, Recorder recorder, DateTime now)
    {
        record.Scale = input.Scale!.Trim();
        record.Point = input.Point;
        record.FteSalary = input.FteSalary!.Value;
        record.HoursPerWeek = input.HoursPerWeek;
        record.WeeksPerYear = input.WeeksPerYear;
        record.RecordedAt = now;
        record.RecordedByName = recorder.Name;
    }

    public static List<FieldError> Validate(PayInput input)
    {
        var errors = new List<FieldError>();
        if (input.Year is null)
        {
            errors.Add(new("Year", "Enter the school year, such as 2025 for 2025/26"));
        }
        else if (input.Year is < 2000 or > 2100)
        {
            errors.Add(new("Year", "The school year must be between 2000 and 2100"));
        }
        if (string.IsNullOrWhiteSpace(input.Scale))
        {
            errors.Add(new("Scale", "Enter the pay scale, such as MPS, UPS, LPS or NJC"));
        }
        else if (input.Scale.Trim().Length > PayRecord.ScaleMaxLength)
        {
            errors.Add(new("Scale", $"The pay scale must be {PayRecord.ScaleMaxLength} characters or fewer"));
        }
        if (input.Point is < 0 or > 200)
        {
            errors.Add(new("Point", "The point must be a whole number from 0 to 200"));
        }
        if (input.FteSalary is null)
        {
            errors.Add(new("FteSalary", "Enter the full-time equivalent salary"));
        }
        else if (input.FteSalary is <= 0m or > MaxSalary)
        {
            errors.Add(new("FteSalary", $"The full-time equivalent salary must be more than £0 and at most £{MaxSalary:#,##0}"));
        }
        if (input.HoursPerWeek is <= 0m or > 60m)
        {
            errors.Add(new("HoursPerWeek", "Hours a week must be more than 0 and at most 60"));
        }
        if (input.WeeksPerYear is <= 0m or > 52.2m)
        {
            errors.Add(new("WeeksPerYear", "Weeks a year must be more than 0 and at most 52"));
        }
        return errors;
    }
}
