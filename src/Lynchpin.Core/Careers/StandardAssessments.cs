using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>One standard's rating on the form: null leaves it as it was.</summary>
public sealed record RatingInput(string StandardCode, StandardRating? Rating);

/// <summary>A self-assessment (or the line manager's view) against one set of standards.</summary>
public sealed record StandardAssessmentInput(
    int StaffMemberId, string SetCode, AssessedBy By, IReadOnlyList<RatingInput> Ratings, DateOnly AssessedOn, string? Note, int? ObjectiveId);

/// <summary>
/// Records a person's view, or their line manager's, of how well they meet their standards. A rating that differs from
/// that side's latest adds a row (the history shows how someone grew); an unchanged one adds nothing. The caller checks
/// who may record which side: the person their own, a line manager or leader the other.
/// </summary>
public class StandardAssessments(LynchpinDbContext db, CareerStandards standards, SchoolClock clock)
{
    public async Task<Result<IReadOnlyList<StandardAssessment>>> RecordAsync(StandardAssessmentInput input, Recorder recorder, CancellationToken ct = default)
    {
        var person = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleAsync(s => s.Id == input.StaffMemberId, ct);
        var set = (await standards.ForSchoolAsync(person.School, ct)).FirstOrDefault(s => string.Equals(s.Set.Code, input.SetCode, StringComparison.OrdinalIgnoreCase))?.Set;
        if (set is null)
        {
            return Fail("SetCode", "There is no such set of standards at this school");
        }
        var errors = new List<FieldError>();
        if (input.AssessedOn > clock.Today)
        {
            errors.Add(new("AssessedOn", "The date of the assessment must be today or in the past"));
        }
        if (input.Note?.Trim().Length > StandardAssessment.NoteMaxLength)
        {
            errors.Add(new("Note", $"The note must be {StandardAssessment.NoteMaxLength} characters or fewer"));
        }
        var rated = input.Ratings.Where(r => r.Rating is not null).ToList();
        if (rated.Count == 0)
        {
            errors.Add(new("Ratings", "Rate at least one standard"));
        }
        var unknown = rated.Where(r => set.Standards.All(s => s.Code != r.StandardCode)).Select(r => r.StandardCode).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("Ratings", $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not in {set.Name}"));
        }
        if (input.ObjectiveId is int objectiveId
            && !await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.Appraisal.StaffMemberId == person.Id, ct))
        {
            errors.Add(new("ObjectiveId", "Choose one of the person's own objectives"));
        }
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<StandardAssessment>>.Fail(errors);
        }

        var previous = StandardRatings.Latest(
            await db.StandardAssessments.AsNoTracking().Where(a => a.StaffMemberId == person.Id && a.SetCode == set.Code && a.By == input.By).ToListAsync(ct),
            input.By);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var added = rated
            .Where(r => !previous.TryGetValue((set.Code, r.StandardCode), out var before) || before.Rating != r.Rating || note is not null)
            .Select(r => new StandardAssessment
            {
                StaffMemberId = person.Id,
                SetCode = set.Code,
                StandardCode = r.StandardCode,
                Rating = r.Rating!.Value,
                By = input.By,
                AssessedOn = input.AssessedOn,
                Note = note,
                ObjectiveId = input.ObjectiveId,
                RecordedAt = clock.UtcNow,
                RecordedByUserId = recorder.UserId,
                RecordedByName = recorder.Name,
            }).ToList();
        db.StandardAssessments.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<StandardAssessment>>.Done(added);
    }

    private static Result<IReadOnlyList<StandardAssessment>> Fail(string field, string message) => Result<IReadOnlyList<StandardAssessment>>.Fail(field, message);
}
