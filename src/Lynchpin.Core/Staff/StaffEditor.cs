using System.Net.Mail;

namespace Lynchpin.Core.Staff;

/// <summary>What a leader enters on the staff form.</summary>
public record StaffDetails(
    string StaffRef, string FirstName, string LastName, string? Email, string JobTitle, RoleFamily RoleFamily,
    bool Qts, bool Slt, DateOnly? StartDate, DateOnly? LeavingDate, decimal? HoursPerWeek, decimal? WeeksPerYear,
    int? LineManagerId, int? CoachId);

/// <summary>Adds and edits one member of staff, keeping refs unique in the school and line management acyclic in the trust.</summary>
public class StaffEditor(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<Result<StaffMember>> CreateAsync(int schoolId, StaffDetails details, CancellationToken ct = default)
    {
        var member = new StaffMember { SchoolId = schoolId, StaffRef = "", FirstName = "", LastName = "", JobTitle = "" };
        var errors = await ValidateAsync(member, details, ct);
        if (errors.Count > 0)
        {
            return Result<StaffMember>.Fail(errors);
        }
        Apply(member, details);
        db.StaffMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return Result<StaffMember>.Done(member);
    }

    /// <summary>Saves the form opened at <paramref name="revision"/>; a conflict if someone saved the person since.</summary>
    public async Task<Result<StaffMember>> UpdateAsync(int staffId, StaffDetails details, int revision, Recorder by, CancellationToken ct = default)
    {
        var member = await db.StaffMembers.SingleAsync(s => s.Id == staffId, ct);
        var errors = await ValidateAsync(member, details, ct);
        if (errors.Count > 0)
        {
            return Result<StaffMember>.Fail(errors);
        }
        if (Revisions.Check(db, member, revision, by, clock.UtcNow) is { } stale)
        {
            return Result<StaffMember>.Fail(stale);
        }
        Apply(member, details);
        return await Revisions.SaveAsync(db, member, ct) is { } lost ? Result<StaffMember>.Fail(lost) : Result<StaffMember>.Done(member);
    }

    /// <summary>
    /// The editor's errors for <paramref name="details"/> without saving: for a form that found problems of its own, so it
    /// can report every problem at once.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(int schoolId, int? staffId, StaffDetails details, CancellationToken ct = default) =>
        await ValidateAsync(new StaffMember { Id = staffId ?? 0, SchoolId = schoolId, StaffRef = "", FirstName = "", LastName = "", JobTitle = "" }, details, ct);

    private static void Apply(StaffMember member, StaffDetails d)
    {
        member.StaffRef = d.StaffRef.Trim();
        member.FirstName = d.FirstName.Trim();
        member.LastName = d.LastName.Trim();
        member.Email = string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim();
        member.JobTitle = d.JobTitle.Trim();
        member.RoleFamily = d.RoleFamily;
        member.Qts = d.Qts;
        member.Slt = d.Slt;
        member.StartDate = d.StartDate;
        member.LeavingDate = d.LeavingDate;
        member.HoursPerWeek = d.HoursPerWeek;
        member.WeeksPerYear = d.WeeksPerYear;
        member.LineManagerId = d.LineManagerId;
        member.CoachId = d.CoachId;
    }

    private async Task<List<FieldError>> ValidateAsync(StaffMember member, StaffDetails d, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        void Check(bool bad, string field, string message)
        {
            if (bad)
            {
                errors.Add(new FieldError(field, message));
            }
        }

        Check(string.IsNullOrWhiteSpace(d.StaffRef), nameof(d.StaffRef), "Enter a staff reference");
        Check(d.StaffRef?.Trim().Length > StaffMember.StaffRefMaxLength, nameof(d.StaffRef), $"Staff reference must be {StaffMember.StaffRefMaxLength} characters or fewer");
        Check(string.IsNullOrWhiteSpace(d.FirstName), nameof(d.FirstName), "Enter a first name");
        Check(d.FirstName?.Trim().Length > StaffMember.NameMaxLength, nameof(d.FirstName), $"First name must be {StaffMember.NameMaxLength} characters or fewer");
        Check(string.IsNullOrWhiteSpace(d.LastName), nameof(d.LastName), "Enter a last name");
        Check(d.LastName?.Trim().Length > StaffMember.NameMaxLength, nameof(d.LastName), $"Last name must be {StaffMember.NameMaxLength} characters or fewer");
        Check(!string.IsNullOrWhiteSpace(d.Email) && !IsEmail(d.Email.Trim()), nameof(d.Email), "Enter an email address in the correct format, like name@example.com");
        Check(string.IsNullOrWhiteSpace(d.JobTitle), nameof(d.JobTitle), "Enter a job title");
        Check(d.JobTitle?.Trim().Length > StaffMember.JobTitleMaxLength, nameof(d.JobTitle), $"Job title must be {StaffMember.JobTitleMaxLength} characters or fewer");
        Check(d.StartDate is not null && d.LeavingDate is not null && d.LeavingDate < d.StartDate, nameof(d.LeavingDate), "Leaving date must be the same as or after the start date");
        Check(d.HoursPerWeek is < 0 or > 60, nameof(d.HoursPerWeek), "Hours per week must be between 0 and 60");
        Check(d.WeeksPerYear is < 1 or > 52.14m, nameof(d.WeeksPerYear), "Weeks per year must be between 1 and 52.14");

        if (!string.IsNullOrWhiteSpace(d.StaffRef))
        {
            var reference = d.StaffRef.Trim();
            var taken = await db.StaffMembers.AnyAsync(s => s.SchoolId == member.SchoolId && s.StaffRef == reference && s.Id != member.Id, ct);
            Check(taken, nameof(d.StaffRef), $"Another member of staff in this school already has the reference {reference}");
        }

        var trustId = await db.Schools.Where(s => s.Id == member.SchoolId).Select(s => s.TrustId).SingleAsync(ct);
        if (d.LineManagerId is int managerId)
        {
            Check(managerId == member.Id, nameof(d.LineManagerId), "A person cannot be their own line manager");
            var inReach = await InSameTrustOrSchoolAsync(managerId, member.SchoolId, trustId, ct);
            Check(!inReach, nameof(d.LineManagerId), "Choose a line manager from this school or its trust");
            if (inReach && managerId != member.Id && member.Id != 0 && await ManagesAsync(member.Id, managerId, ct))
            {
                errors.Add(new FieldError(nameof(d.LineManagerId), "This line manager is already managed by this person, directly or through others: line management cannot go round in a circle"));
            }
        }
        if (d.CoachId is int coachId)
        {
            Check(coachId == member.Id, nameof(d.CoachId), "A person cannot be their own coach or mentor");
            Check(!await InSameTrustOrSchoolAsync(coachId, member.SchoolId, trustId, ct), nameof(d.CoachId), "Choose a coach or mentor from this school or its trust");
        }
        return errors;
    }

    private Task<bool> InSameTrustOrSchoolAsync(int staffId, int schoolId, int? trustId, CancellationToken ct) =>
        db.StaffMembers.AnyAsync(s => s.Id == staffId && (s.SchoolId == schoolId || (trustId != null && s.School.TrustId == trustId)), ct);

    /// <summary>Whether <paramref name="managerId"/> sits below <paramref name="personId"/> in line management.</summary>
    private async Task<bool> ManagesAsync(int personId, int managerId, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        int? current = managerId;
        while (current is int id && seen.Add(id))
        {
            if (id == personId)
            {
                return true;
            }
            current = await db.StaffMembers.Where(s => s.Id == id).Select(s => s.LineManagerId).SingleOrDefaultAsync(ct);
        }
        return false;
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
        && value.Length <= StaffMember.EmailMaxLength;
}
