using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>What a form or an import row says about a person and a qualification.</summary>
/// <param name="Qualification">A catalogue name or short code; an unknown name becomes the school's own entry.</param>
public sealed record QualificationInput(
    string? Qualification, bool Held, DateOnly? GainedOn, bool InProgress, DateOnly? ExpectedOn, DateOnly? RequiredBy, string? Note);

/// <summary>
/// A person's qualifications: held, in progress, required by a deadline. One row per person and qualification, so
/// recording "held" on a qualification that was required (or in progress) completes it rather than adding another.
/// Setting a deadline is for the school's leaders (callers pass <c>mayRequire</c>); anyone who may manage the person's
/// development records what they hold and study.
/// </summary>
public class PersonQualifications(LynchpinDbContext db, CareerProfiles profiles, EvidenceStore evidence, SchoolClock clock)
{
    public async Task<Result<PersonQualification>> SaveAsync(int staffMemberId, QualificationInput input, bool mayRequire, Recorder recorder, CancellationToken ct = default)
    {
        var person = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleAsync(s => s.Id == staffMemberId, ct);
        var errors = Validate(input, mayRequire, clock.Today);
        if (errors.Count > 0)
        {
            return Result<PersonQualification>.Fail(errors);
        }
        var catalogue = await profiles.CatalogueAsync(person.School, ct);
        var code = await CodeForAsync(catalogue, input.Qualification!, person.School, ct);
        var row = await db.PersonQualifications.SingleOrDefaultAsync(q => q.StaffMemberId == person.Id && q.QualificationCode == code, ct);
        if (row is null)
        {
            row = new PersonQualification { StaffMemberId = person.Id, QualificationCode = code, UpdatedByName = recorder.Name };
            db.PersonQualifications.Add(row);
        }
        row.Held = input.Held;
        row.GainedOn = input.Held ? input.GainedOn : null;
        row.InProgress = input.InProgress && !input.Held;
        row.ExpectedOn = row.InProgress ? input.ExpectedOn : null;
        if (mayRequire)
        {
            row.RequiredBy = input.RequiredBy;
        }
        row.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedByName = recorder.Name;
        await db.SaveChangesAsync(ct);
        return Result<PersonQualification>.Done(row);
    }

    /// <summary>Keeps an evidence file (a certificate) with a qualification; a later file replaces it.</summary>
    public async Task<Result<PersonQualification>> AttachEvidenceAsync(int id, Stream content, string fileName, CancellationToken ct = default)
    {
        var row = await db.PersonQualifications.SingleAsync(q => q.Id == id, ct);
        var saved = await evidence.SaveAsync(content, fileName, ct);
        if (saved.Value is not { } file)
        {
            return Result<PersonQualification>.Fail(saved.Errors);
        }
        var old = row.EvidenceStoredName;
        row.EvidenceStoredName = file.StoredName;
        row.EvidenceFileName = file.FileName;
        await db.SaveChangesAsync(ct);
        if (old is not null)
        {
            await evidence.DeleteAsync(old, ct);
        }
        return Result<PersonQualification>.Done(row);
    }

    public async Task RemoveAsync(int id, CancellationToken ct = default)
    {
        var row = await db.PersonQualifications.SingleOrDefaultAsync(q => q.Id == id, ct);
        if (row is null)
        {
            return;
        }
        db.PersonQualifications.Remove(row);
        await db.SaveChangesAsync(ct);
        if (row.EvidenceStoredName is { } stored)
        {
            await evidence.DeleteAsync(stored, ct);
        }
    }

    public static List<FieldError> Validate(QualificationInput input, bool mayRequire, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Qualification))
        {
            errors.Add(new("Qualification", "Enter the qualification's name or short code"));
        }
        else if (input.Qualification.Trim().Length > OwnQualification.NameMaxLength)
        {
            errors.Add(new("Qualification", $"The qualification's name must be {OwnQualification.NameMaxLength} characters or fewer"));
        }
        if (!input.Held && !input.InProgress && (input.RequiredBy is null || !mayRequire))
        {
            errors.Add(new("Held", mayRequire
                ? "Say whether the qualification is held, in progress or required by a date"
                : "Say whether the qualification is held or in progress"));
        }
        if (input.Held && input.GainedOn > today)
        {
            errors.Add(new("GainedOn", "The date gained must be today or in the past"));
        }
        if (input.Note?.Trim().Length > PersonQualification.NoteMaxLength)
        {
            errors.Add(new("Note", $"The note must be {PersonQualification.NoteMaxLength} characters or fewer"));
        }
        return errors;
    }

    /// <summary>The catalogue code a name means, adding the school's own entry for a name the catalogue does not know.</summary>
    internal async Task<string> CodeForAsync(QualificationCatalogue catalogue, string nameOrCode, School school, CancellationToken ct)
    {
        if (catalogue.Find(nameOrCode) is { } known)
        {
            return known.Code;
        }
        var own = new OwnQualification
        {
            SchoolId = school.Id,
            Code = catalogue.NewOwnCode(nameOrCode),
            Name = nameOrCode.Trim(),
            Kind = QualificationKind.Qualification,
        };
        db.OwnQualifications.Add(own);
        return own.Code;
    }
}
