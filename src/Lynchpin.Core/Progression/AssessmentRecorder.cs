using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Progression;

public record AssessmentInput(
    int StaffMemberId, int Year, int Checkpoint, int Stage, DateOnly AssessedOn, int? AssessorId,
    IReadOnlyList<string> CriteriaMet, string? Note);

/// <summary>
/// Records a person's stage at a checkpoint. Recording again at the same checkpoint is a correction:
/// the earlier version is kept, marked superseded, and the new one counts.
/// </summary>
public class AssessmentRecorder(LynchpinDbContext db, SchoolClock clock)
{
    public static IReadOnlyList<FieldError> Validate(AssessmentInput input, StaffMember person, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!SchoolYear.IsCheckpoint(input.Checkpoint))
        {
            errors.Add(new("Checkpoint", "Select a checkpoint from 1 to 4"));
        }
        if (input.Stage is < ProgressionStage.Lowest or > ProgressionStage.Highest)
        {
            errors.Add(new("Stage", "Select a stage from 0 to 6"));
        }
        if (input.Year is < 2000 or > 2100)
        {
            errors.Add(new("Year", "Enter a school year such as 2025"));
        }
        if (input.AssessedOn > today)
        {
            errors.Add(new("AssessedOn", "The date of the assessment must be today or in the past"));
        }
        else if (input.AssessedOn < SchoolYear.Start(input.Year) || input.AssessedOn > SchoolYear.End(input.Year))
        {
            errors.Add(new("AssessedOn", $"The date of the assessment must be in the school year {SchoolYear.Name(input.Year)}"));
        }
        if (person.StartDate is DateOnly started && input.AssessedOn < started)
        {
            errors.Add(new("AssessedOn", $"The date of the assessment must be on or after {person.FirstName} started ({started:d MMMM yyyy})"));
        }
        if (input.AssessorId == person.Id)
        {
            errors.Add(new("AssessorId", "A person cannot assess themselves"));
        }
        if (input.Note?.Length > Assessment.NoteMaxLength)
        {
            errors.Add(new("Note", $"The note must be {Assessment.NoteMaxLength} characters or fewer"));
        }
        return errors;
    }

    /// <summary>
    /// Whether the input says exactly what the checkpoint's current assessment says (stage, date, assessor, criteria and
    /// note): saving it again would add a "correction" that corrects nothing.
    /// </summary>
    public async Task<bool> IsUnchangedAsync(AssessmentInput input, CancellationToken cancellationToken = default)
    {
        var current = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.StaffMemberId == input.StaffMemberId
            && a.Year == input.Year && a.Checkpoint == input.Checkpoint && a.IsCurrent, cancellationToken);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        return current is not null && current.Stage == input.Stage && current.AssessedOn == input.AssessedOn
            && current.AssessorId == input.AssessorId && current.Note == note
            && current.CriteriaMet.ToHashSet().SetEquals(input.CriteriaMet);
    }

    /// <summary>Adds the assessment (a new version if the checkpoint has one); the input must have passed <see cref="Validate"/>.</summary>
    public async Task<Assessment> RecordAsync(AssessmentInput input, Recorder recorder, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            var assessment = await AddAsync(input, recorder, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return assessment;
        }
    }

    /// <summary>Adds within the caller's transaction; saves twice so the superseded row leaves the unique "current" index first.</summary>
    internal async Task<Assessment> AddAsync(AssessmentInput input, Recorder recorder, CancellationToken cancellationToken)
    {
        var earlier = await db.Assessments
            .Where(a => a.StaffMemberId == input.StaffMemberId && a.Year == input.Year && a.Checkpoint == input.Checkpoint)
            .ToListAsync(cancellationToken);
        foreach (var version in earlier.Where(a => a.IsCurrent))
        {
            version.IsCurrent = false;
        }
        await db.SaveChangesAsync(cancellationToken);

        var assessment = new Assessment
        {
            StaffMemberId = input.StaffMemberId,
            Year = input.Year,
            Checkpoint = input.Checkpoint,
            Stage = input.Stage,
            AssessedOn = input.AssessedOn,
            AssessorId = input.AssessorId,
            CriteriaMet = input.CriteriaMet.ToList(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            Version = earlier.Count == 0 ? 1 : earlier.Max(a => a.Version) + 1,
            IsCurrent = true,
            RecordedAt = clock.UtcNow,
            RecordedByUserId = recorder.UserId,
            RecordedByName = recorder.Name,
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>The assessed person's reflection on their current assessment.</summary>
    public async Task SaveReflectionAsync(Assessment assessment, string reflection, CancellationToken cancellationToken = default)
    {
        assessment.Reflection = string.IsNullOrWhiteSpace(reflection) ? null : reflection.Trim();
        assessment.ReflectionAt = assessment.Reflection is null ? null : clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }
}
