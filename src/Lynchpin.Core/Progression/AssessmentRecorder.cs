using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Progression;

/// <summary>What a save of many rows did: how many were recorded, and how many said what was already recorded.</summary>
public record RecordedCount(int Recorded, int Unchanged);

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
        return current is not null && Same(current, input);
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

    /// <summary>
    /// Records many people's stages at once (a team's at one checkpoint): every row is checked first, and either all are
    /// saved in one transaction or none, with each row's errors under <c>Rows[i].Field</c> (<paramref name="rows"/>' order).
    /// A row that says what its checkpoint already says is left alone. The answer is how many were recorded.
    /// </summary>
    public async Task<Result<RecordedCount>> RecordAllAsync(IReadOnlyList<AssessmentInput> rows, Recorder recorder, CancellationToken cancellationToken = default)
    {
        var ids = rows.Select(r => r.StaffMemberId).Distinct().ToList();
        var people = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var today = clock.Today;
        var errors = new List<FieldError>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!people.TryGetValue(rows[i].StaffMemberId, out var person))
            {
                errors.Add(new($"Rows[{i}].Stage", "This person is no longer on the staff list: reload the page"));
                continue;
            }
            errors.AddRange(Validate(rows[i], person, today).Select(e => e with { Field = $"Rows[{i}].{e.Field}", Message = $"{person.FullName}: {Lower(e.Message)}" }));
        }
        if (ids.Count < rows.Count)
        {
            errors.Add(new("", "Each person may appear once"));
        }
        if (errors.Count > 0)
        {
            return Result<RecordedCount>.Fail(errors);
        }

        var years = rows.Select(r => r.Year).Distinct().ToList();
        var current = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.StaffMemberId) && a.IsCurrent && years.Contains(a.Year))
            .ToListAsync(cancellationToken);
        var changed = rows.Where(r => !current.Any(a => a.StaffMemberId == r.StaffMemberId && a.Year == r.Year && a.Checkpoint == r.Checkpoint && Same(a, r))).ToList();
        if (changed.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in changed)
            {
                await AddAsync(row, recorder, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return Result<RecordedCount>.Done(new RecordedCount(changed.Count, rows.Count - changed.Count));
    }

    private static bool Same(Assessment current, AssessmentInput input)
    {
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        return current.Stage == input.Stage && current.AssessedOn == input.AssessedOn && current.AssessorId == input.AssessorId
            && current.Note == note && current.CriteriaMet.ToHashSet().SetEquals(input.CriteriaMet);
    }

    private static string Lower(string message) => message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
        ? char.ToLowerInvariant(message[0]) + message[1..]
        : message;

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
