using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Progression;

/// <summary>Whose framework is being read or edited: a school's or a trust's (exactly one is set).</summary>
public sealed record FrameworkOwner
{
    private FrameworkOwner(School? school, Trust? trust)
    {
        School = school;
        Trust = trust;
    }

    public School? School { get; }
    public Trust? Trust { get; }

    /// <summary>The source a resolved framework has when it is this owner's own.</summary>
    public FrameworkSource OwnSource => School is null ? FrameworkSource.Trust : FrameworkSource.School;

    public static FrameworkOwner Of(School school) => new(school, null);

    public static FrameworkOwner Of(Trust trust) => new(null, trust);
}

public record StageDetails(string? Name, string? Descriptor);

/// <summary>A criterion as entered: its role family (null for everyone) and its 1-based place among that group's criteria (null: last, or where it was).</summary>
public record CriterionDetails(string? Text, RoleFamily? RoleFamily, int? Position);

/// <summary>What an edit did: a <see cref="Result"/>, and whether it made the owner's own copy first.</summary>
public sealed record FrameworkEditResult(IReadOnlyList<FieldError> Errors, bool CopyCreated) : Result(Errors)
{
    public static FrameworkEditResult Invalid(IReadOnlyList<FieldError> errors) => new(errors, false);
}

/// <summary>
/// Edits a school's or trust's progression framework, and a school's checkpoint dates. The first edit of an
/// inherited framework (the trust's or the default) stores the owner's own copy with the edit in one save,
/// so a rejected edit stores nothing. Criteria are addressed by id (the default's have ids of their own, negative), never
/// by position, and every edit carries the revision of the framework the form showed: 0 while the owner has no own copy,
/// which is stored at revision 1. An edit of a stale form, or the loser of two first edits, is a <see cref="Conflict"/>.
/// </summary>
public class FrameworkEditor(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>What an edit form carries: the framework's revision as the form showed it, and who is editing.</summary>
    public record Edit(int Revision, Recorder By);

    /// <summary>The revision an edit form carries for what the owner works to now: 0 while it inherits.</summary>
    public static int RevisionOf(ResolvedFramework framework, FrameworkOwner owner) =>
        framework.Source == owner.OwnSource ? framework.Framework.Revision : 0;

    public Task<ResolvedFramework> ResolveAsync(FrameworkOwner owner, CancellationToken ct = default) =>
        owner.School is { } school
            ? new Frameworks(db).ForSchoolAsync(school, ct)
            : new Frameworks(db).ForTrustAsync(owner.Trust!, ct);

    /// <summary>What the owner would follow without its own: for a school its trust's or the default, for a trust the default.</summary>
    public async Task<FrameworkSource> InheritsFromAsync(FrameworkOwner owner, CancellationToken ct = default)
    {
        if (owner.School?.TrustId is int trustId && await db.ProgressionFrameworks.AnyAsync(f => f.TrustId == trustId, ct))
        {
            return FrameworkSource.Trust;
        }
        return FrameworkSource.Default;
    }

    /// <summary>A stage's criteria as pages list them: everyone's first, then each role family's, each group in its order.</summary>
    public static IReadOnlyList<StageCriterion> InOrder(ProgressionStage stage) =>
        stage.Criteria.Select((c, index) => (c, index))
            .OrderBy(x => x.c.RoleFamily is null ? -1 : (int)x.c.RoleFamily.Value)
            .ThenBy(x => x.c.SortOrder).ThenBy(x => x.c.Id).ThenBy(x => x.index)
            .Select(x => x.c).ToList();

    public static IReadOnlyList<FieldError> Validate(StageDetails details)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(details.Name))
        {
            errors.Add(new(nameof(StageDetails.Name), "Enter the stage's name"));
        }
        else if (details.Name.Trim().Length > ProgressionStage.NameMaxLength)
        {
            errors.Add(new(nameof(StageDetails.Name), $"The stage's name must be {ProgressionStage.NameMaxLength} characters or fewer"));
        }
        if (details.Descriptor?.Trim().Length > ProgressionStage.DescriptorMaxLength)
        {
            errors.Add(new(nameof(StageDetails.Descriptor), $"The descriptor must be {ProgressionStage.DescriptorMaxLength} characters or fewer"));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(CriterionDetails details)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(details.Text))
        {
            errors.Add(new(nameof(CriterionDetails.Text), "Enter the criterion"));
        }
        else if (details.Text.Trim().Length > StageCriterion.TextMaxLength)
        {
            errors.Add(new(nameof(CriterionDetails.Text), $"The criterion must be {StageCriterion.TextMaxLength} characters or fewer"));
        }
        if (details.Position is < 1)
        {
            errors.Add(new(nameof(CriterionDetails.Position), "The position must be 1 or more"));
        }
        return errors;
    }

    public async Task<FrameworkEditResult> UpdateStageAsync(FrameworkOwner owner, int number, StageDetails details, Edit edit, CancellationToken ct = default)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            return FrameworkEditResult.Invalid(errors);
        }
        var (framework, copied, stale) = await OwnAsync(owner, edit, ct);
        if (stale is not null)
        {
            return FrameworkEditResult.Invalid([stale]);
        }
        var stage = framework.Stages.Single(s => s.Number == number);
        stage.Name = details.Name!.Trim();
        stage.Descriptor = details.Descriptor?.Trim() ?? "";
        return await SaveAsync(owner, framework, copied, ct);
    }

    public async Task<FrameworkEditResult> AddCriterionAsync(FrameworkOwner owner, int stageNumber, CriterionDetails details, Edit edit, CancellationToken ct = default)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            return FrameworkEditResult.Invalid(errors);
        }
        var (framework, copied, stale) = await OwnAsync(owner, edit, ct);
        if (stale is not null)
        {
            return FrameworkEditResult.Invalid([stale]);
        }
        var stage = framework.Stages.Single(s => s.Number == stageNumber);
        var criterion = new StageCriterion { Text = details.Text!.Trim(), RoleFamily = details.RoleFamily };
        stage.Criteria.Add(criterion);
        Place(stage, criterion, details.Position);
        return await SaveAsync(owner, framework, copied, ct);
    }

    /// <summary>Changes the criterion with id <paramref name="criterionId"/>; a new role family moves it to that group.</summary>
    public async Task<FrameworkEditResult> UpdateCriterionAsync(FrameworkOwner owner, int stageNumber, int criterionId, CriterionDetails details, Edit edit, CancellationToken ct = default)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            return FrameworkEditResult.Invalid(errors);
        }
        var (framework, copied, stale) = await OwnAsync(owner, edit, ct, stageNumber, criterionId);
        if (stale is not null)
        {
            return FrameworkEditResult.Invalid([stale]);
        }
        var stage = framework.Stages.Single(s => s.Number == stageNumber);
        var criterion = Find(stage, criterionId, copied);
        var oldFamily = criterion.RoleFamily;
        criterion.Text = details.Text!.Trim();
        criterion.RoleFamily = details.RoleFamily;
        // Without a position it keeps its place, unless it moved group: then it goes last there.
        var position = details.Position ?? (oldFamily == details.RoleFamily ? PositionOf(stage, criterion) : null);
        Place(stage, criterion, position);
        Renumber(stage, oldFamily);
        return await SaveAsync(owner, framework, copied, ct);
    }

    /// <summary>Removes the criterion with id <paramref name="criterionId"/>: the one the person saw, wherever it is in the list now.</summary>
    public async Task<FrameworkEditResult> RemoveCriterionAsync(FrameworkOwner owner, int stageNumber, int criterionId, Edit edit, CancellationToken ct = default)
    {
        var (framework, copied, stale) = await OwnAsync(owner, edit, ct, stageNumber, criterionId);
        if (stale is not null)
        {
            return FrameworkEditResult.Invalid([stale]);
        }
        var stage = framework.Stages.Single(s => s.Number == stageNumber);
        var criterion = Find(stage, criterionId, copied);
        stage.Criteria.Remove(criterion);
        // Deletes a stored row; detaches one that only exists in a copy not yet saved.
        db.StageCriteria.Remove(criterion);
        Renumber(stage, criterion.RoleFamily);
        return await SaveAsync(owner, framework, copied, ct);
    }

    /// <summary>Removes the owner's own framework so it follows what it inherits again; false when it had none.</summary>
    public async Task<bool> RevertAsync(FrameworkOwner owner, CancellationToken ct = default)
    {
        var own = owner.School is { } school
            ? db.ProgressionFrameworks.Where(f => f.SchoolId == school.Id)
            : db.ProgressionFrameworks.Where(f => f.TrustId == owner.Trust!.Id);
        var framework = await own.SingleOrDefaultAsync(ct);
        if (framework is null)
        {
            return false;
        }
        // Stages and criteria go with it (cascade).
        db.ProgressionFrameworks.Remove(framework);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Each date must be given, fall in the school year, and come after the one before. <paramref name="dates"/> holds checkpoints 1-4;
    /// errors name the field <c>Checkpoint1</c> to <c>Checkpoint4</c>.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateCheckpointDates(int year, IReadOnlyList<DateOnly?> dates)
    {
        var errors = new List<FieldError>();
        var start = SchoolYear.Start(year);
        var end = SchoolYear.End(year);
        DateOnly? previous = null;
        for (var i = 0; i < SchoolYear.Checkpoints.Count; i++)
        {
            var number = SchoolYear.Checkpoints[i];
            var name = SchoolYear.CheckpointName(number).ToLowerInvariant();
            var field = $"Checkpoint{number}";
            var date = i < dates.Count ? dates[i] : null;
            if (date is not DateOnly d)
            {
                errors.Add(new(field, $"Enter the date of checkpoint {number}, {name}"));
                previous = null;
                continue;
            }
            if (d < start || d > end)
            {
                errors.Add(new(field, $"The date of checkpoint {number} must be in the school year {SchoolYear.Name(year)}, {start:d MMMM yyyy} to {end:d MMMM yyyy}"));
            }
            else if (previous is DateOnly before && d <= before)
            {
                errors.Add(new(field, $"The date of checkpoint {number} must be after the date of checkpoint {number - 1}"));
            }
            previous = d;
        }
        return errors;
    }

    /// <summary>
    /// Saves a school's checkpoint dates for a year. Only dates that differ from the default are stored (a date set back to
    /// the default removes its row), so the checkpoints page marks "default" exactly where the school follows Lynchpin's dates.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> SaveCheckpointDatesAsync(int schoolId, int year, IReadOnlyList<DateOnly?> dates, CancellationToken ct = default)
    {
        var errors = ValidateCheckpointDates(year, dates);
        if (errors.Count > 0)
        {
            return errors;
        }
        var stored = await db.CheckpointDates.Where(c => c.SchoolId == schoolId && c.Year == year).ToDictionaryAsync(c => c.Checkpoint, ct);
        for (var i = 0; i < SchoolYear.Checkpoints.Count; i++)
        {
            var number = SchoolYear.Checkpoints[i];
            var date = dates[i]!.Value;
            Store(db, stored.GetValueOrDefault(number), schoolId, year, number, date);
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Sets a school's checkpoint date on its stored row: none is kept for the usual date, which is read without one.</summary>
    public static void Store(LynchpinDbContext db, CheckpointDate? row, int schoolId, int year, int checkpoint, DateOnly date)
    {
        if (date == SchoolYear.DefaultDate(year, checkpoint))
        {
            if (row is not null)
            {
                db.CheckpointDates.Remove(row);
            }
        }
        else if (row is null)
        {
            db.CheckpointDates.Add(new CheckpointDate { SchoolId = schoolId, Year = year, Checkpoint = checkpoint, Date = date });
        }
        else
        {
            row.Date = date;
        }
    }

    /// <summary>
    /// The owner's own framework, tracked and stamped with the edit; if it has none, a copy of what it inherits, added but
    /// not yet saved. A conflict instead when the form's revision is not the framework's now, or the criterion it names is gone.
    /// </summary>
    private async Task<(ProgressionFramework Framework, bool Copied, Conflict? Stale)> OwnAsync(
        FrameworkOwner owner, Edit edit, CancellationToken ct, int? stageNumber = null, int? criterionId = null)
    {
        var resolved = await ResolveAsync(owner, ct);
        var own = resolved.Source == owner.OwnSource;
        if (RevisionOf(resolved, owner) != edit.Revision)
        {
            return (resolved.Framework, false, own ? Revisions.ConflictWith(resolved.Framework) : Reverted);
        }
        if (criterionId is int id && !resolved.Stage(stageNumber!.Value).Criteria.Any(c => c.Id == id))
        {
            return (resolved.Framework, false, new Conflict("This criterion has been removed since you opened the page", RevisionOf(resolved, owner)));
        }
        if (own)
        {
            Revisions.Stamp(db, resolved.Framework, edit.By, clock.UtcNow);
            return (resolved.Framework, false, null);
        }
        var copy = new ProgressionFramework
        {
            SchoolId = owner.School?.Id,
            TrustId = owner.School is null ? owner.Trust!.Id : null,
            // 0 is what forms carry while the owner inherits, so the first own copy starts at 1.
            Revision = 1,
            RevisedAt = clock.UtcNow,
            RevisedByName = edit.By.Name,
            Stages = resolved.Framework.Stages.OrderBy(s => s.Number).Select(s => new ProgressionStage
            {
                Number = s.Number,
                Name = s.Name,
                Descriptor = s.Descriptor,
                Criteria = InOrder(s).Select(c => copies.Add(c)).ToList(),
            }).ToList(),
        };
        db.ProgressionFrameworks.Add(copy);
        return (copy, true, null);
    }

    /// <summary>An inherited criterion's copy, by the id the form named (the inherited one's): filled by a first edit.</summary>
    private readonly CopyMap copies = new();

    private sealed class CopyMap
    {
        private readonly Dictionary<int, StageCriterion> byInheritedId = [];

        public StageCriterion Add(StageCriterion inherited)
        {
            var copy = new StageCriterion { RoleFamily = inherited.RoleFamily, Text = inherited.Text, SortOrder = inherited.SortOrder };
            byInheritedId[inherited.Id] = copy;
            return copy;
        }

        public StageCriterion this[int inheritedId] => byInheritedId[inheritedId];
    }

    private StageCriterion Find(ProgressionStage stage, int criterionId, bool copied) =>
        copied ? copies[criterionId] : stage.Criteria.Single(c => c.Id == criterionId);

    private static readonly Conflict Reverted = new(
        "Someone else changed this framework since you opened the page (they made or removed its own copy). Open it again to see it now, then make your change", 0);

    /// <summary>Saves an edit; the loser of a race (another edit since the form's revision, or a second first copy) gets the conflict.</summary>
    private async Task<FrameworkEditResult> SaveAsync(FrameworkOwner owner, ProgressionFramework framework, bool copied, CancellationToken ct)
    {
        if (await Revisions.SaveAsync(db, framework, ct) is not { } lost)
        {
            return new([], copied);
        }
        var now = await ResolveAsync(owner, ct);
        return FrameworkEditResult.Invalid([now.Source == owner.OwnSource ? Revisions.ConflictWith(now.Framework) : lost]);
    }

    private static int PositionOf(ProgressionStage stage, StageCriterion criterion) =>
        Group(stage, criterion.RoleFamily).IndexOf(criterion) + 1;

    private static List<StageCriterion> Group(ProgressionStage stage, RoleFamily? family) =>
        InOrder(stage).Where(c => c.RoleFamily == family).ToList();

    /// <summary>Puts the criterion at a 1-based position in its group (last when none, or beyond the end) and renumbers the group.</summary>
    private static void Place(ProgressionStage stage, StageCriterion criterion, int? position)
    {
        var group = Group(stage, criterion.RoleFamily);
        group.Remove(criterion);
        var index = Math.Clamp((position ?? int.MaxValue) - 1, 0, group.Count);
        group.Insert(index, criterion);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].SortOrder = i;
        }
    }

    private static void Renumber(ProgressionStage stage, RoleFamily? family)
    {
        var group = Group(stage, family);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].SortOrder = i;
        }
    }
}
