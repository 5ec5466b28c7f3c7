using Lynchpin.Core.Audit;

namespace Lynchpin.Core.Privacy;

/// <summary>A trust's subject access requests: logged with the date received (and so the date due), answered with the person's data.</summary>
public sealed class SubjectAccessRequests(LynchpinDbContext db, AuditLog audit, PersonalDataExport export, SchoolClock clock)
{
    public Task<List<SubjectAccessRequest>> ForTrustAsync(int trustId, CancellationToken ct) =>
        db.SubjectAccessRequests.AsNoTracking().Include(r => r.StaffMember).ThenInclude(s => s.School)
            .Where(r => r.TrustId == trustId).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).ToListAsync(ct);

    public async Task<Result<SubjectAccessRequest>> LogAsync(int trustId, int? staffMemberId, DateOnly? receivedOn, string? note, Recorder recorder, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var staff = staffMemberId is null ? null
            : await db.StaffMembers.Include(s => s.School).SingleOrDefaultAsync(s => s.Id == staffMemberId && s.School.TrustId == trustId, ct);
        if (staff is null)
        {
            errors.Add(new("StaffMemberId", "Select the person the request is from"));
        }
        if (receivedOn is null)
        {
            errors.Add(new("ReceivedOn", "Enter the date the request was received"));
        }
        else if (receivedOn > clock.Today)
        {
            errors.Add(new("ReceivedOn", "The date received must be today or in the past"));
        }
        if (note?.Length > SubjectAccessRequest.NoteMaxLength)
        {
            errors.Add(new("Note", $"The note must be {SubjectAccessRequest.NoteMaxLength} characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return Result<SubjectAccessRequest>.Fail(errors);
        }
        var request = new SubjectAccessRequest
        {
            TrustId = trustId,
            StaffMemberId = staff!.Id,
            ReceivedOn = receivedOn!.Value,
            DueOn = SubjectAccessDueDate.For(receivedOn.Value),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            LoggedAt = clock.UtcNow,
            LoggedByName = recorder.Name,
        };
        db.SubjectAccessRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.SubjectAccessLogged, Subject(request, staff), $"Received {request.ReceivedOn:yyyy-MM-dd}, due {request.DueOn:yyyy-MM-dd}", cancellationToken: ct);
        return Result<SubjectAccessRequest>.Done(request);
    }

    /// <summary>
    /// The person's data for the request, the download audited and the request marked answered; null if it is not the trust's.
    /// Pay goes in only if <paramref name="mayReadPay"/> says the caller may read this person's pay (the pay page's rule:
    /// least privilege holds for a subject access answer too), and its read is audited as any pay read is.
    /// </summary>
    public async Task<(string Name, byte[] Zip, bool WithPay)?> AnswerAsync(int trustId, int requestId, Func<StaffMember, Task<bool>> mayReadPay, CancellationToken ct)
    {
        var request = await db.SubjectAccessRequests.Include(r => r.StaffMember).ThenInclude(s => s.School)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.TrustId == trustId, ct);
        if (request is null)
        {
            return null;
        }
        var subject = await export.ForStaffAsync(request.StaffMemberId, ct);
        var withPay = await mayReadPay(request.StaffMember);
        var zip = await export.ZipAsync(subject, withPay, ct);
        request.AnsweredAt = clock.UtcNow;
        audit.Add(AuditActions.SubjectAccessAnswered, Subject(request, request.StaffMember),
            $"Data of {subject.Name} downloaded{(withPay ? " with pay" : ", pay left out (no pay access)")}");
        if (withPay)
        {
            audit.Add(AuditActions.PayRecordsRead, AuditSubject.Record(AuditRecordTypes.Pay, request.StaffMemberId, request.StaffMember), "In a subject access answer");
        }
        await db.SaveChangesAsync(ct);
        return (subject.Name, zip, withPay);
    }

    /// <summary>One's own data, its download audited. It includes one's own pay: it is the person's data, read by them alone.</summary>
    public async Task<(string Name, byte[] Zip)> OwnDataAsync(string userId, CancellationToken ct)
    {
        var subject = await export.ForAccountAsync(userId, ct);
        var zip = await export.ZipAsync(subject, includePay: true, ct);
        await audit.WriteAsync(AuditActions.OwnDataDownloaded, AuditSubject.Account(subject.Account!), cancellationToken: ct);
        return (subject.Name, zip);
    }

    /// <summary>The file name of a download: <c>lynchpin-data-jo-bloggs-2026-12-07.zip</c>.</summary>
    public string FileName(string name) =>
        $"lynchpin-data-{new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-')}-{clock.Today:yyyy-MM-dd}.zip";

    private static AuditSubject Subject(SubjectAccessRequest request, StaffMember staff) =>
        new(request.TrustId, staff.SchoolId, staff.Id, AuditRecordTypes.SubjectAccessRequest, request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
