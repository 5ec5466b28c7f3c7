namespace Lynchpin.Core.Coaching;

public sealed record ConversationTargetInput(string? Target, string? HomeAction, string? SchoolAction);

public sealed record ConversationInput
{
    public DateOnly? HeldOn { get; init; }
    public string? ParentOrCarer { get; init; }
    public bool ChildTookPart { get; init; }
    public string? Explore { get; init; }
    public string? Focus { get; init; }
    public string? Plan { get; init; }
    public string? Review { get; init; }
    public DateOnly? NextOn { get; init; }
    public IReadOnlyList<ConversationTargetInput> Targets { get; init; } = [];
}

public sealed record FocusGroupInput
{
    public DateOnly? HeldOn { get; init; }
    public FocusGroupKind? Kind { get; init; }
    public int? Participants { get; init; }
    /// <summary>One theme a line.</summary>
    public string? Themes { get; init; }
    public string? Notes { get; init; }
}

/// <summary>
/// Structured conversations with a parent or carer and the child (Explore, Focus, Plan, Review), with targets that say
/// what happens at home and at school; and focus groups of pupils, carers or staff with the themes they raised.
/// </summary>
public class Conversations(LynchpinDbContext db, SchoolClock clock)
{
    public const int MaxThemes = 12;

    public async Task<Result<StructuredConversation>> RecordAsync(int pupilId, ConversationInput input, Recorder by,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var heldOn = Fields.RequiredDate(errors, nameof(input.HeldOn), input.HeldOn, "the date of the conversation");
        if (heldOn > clock.Today)
        {
            errors.Add(new(nameof(input.HeldOn), "Record a conversation on or after the day it was held"));
        }
        var who = Fields.Required(errors, nameof(input.ParentOrCarer), input.ParentOrCarer, StructuredConversation.NameMaxLength, "the parent or carer");
        var explore = Fields.Optional(errors, nameof(input.Explore), input.Explore, StructuredConversation.TextMaxLength, "what you explored");
        var focus = Fields.Optional(errors, nameof(input.Focus), input.Focus, StructuredConversation.TextMaxLength, "the focus");
        var plan = Fields.Optional(errors, nameof(input.Plan), input.Plan, StructuredConversation.TextMaxLength, "the plan");
        var review = Fields.Optional(errors, nameof(input.Review), input.Review, StructuredConversation.TextMaxLength, "the review");
        if (explore is null && focus is null && plan is null && review is null)
        {
            errors.Add(new(nameof(input.Explore), "Write at least one of explore, focus, plan and review"));
        }
        if (input.NextOn is { } next && heldOn is { } held && next <= held)
        {
            errors.Add(new(nameof(input.NextOn), "The next conversation must be after this one"));
        }
        var targets = new List<ConversationTarget>();
        foreach (var (target, i) in input.Targets.Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(target.Target) && string.IsNullOrWhiteSpace(target.HomeAction) && string.IsNullOrWhiteSpace(target.SchoolAction))
            {
                continue;
            }
            var text = Fields.Required(errors, $"Targets[{i}].Target", target.Target, ConversationTarget.TextMaxLength, $"target {i + 1}");
            var home = Fields.Optional(errors, $"Targets[{i}].HomeAction", target.HomeAction, ConversationTarget.TextMaxLength, $"target {i + 1}'s home action");
            var school = Fields.Optional(errors, $"Targets[{i}].SchoolAction", target.SchoolAction, ConversationTarget.TextMaxLength, $"target {i + 1}'s school action");
            if (home is null && school is null)
            {
                errors.Add(new($"Targets[{i}].HomeAction", $"Say what happens at home or at school for target {i + 1}"));
            }
            if (text is not null)
            {
                targets.Add(new ConversationTarget { Target = text, HomeAction = home, SchoolAction = school });
            }
        }
        if (errors.Count > 0)
        {
            return Result<StructuredConversation>.Fail(errors);
        }
        var conversation = db.StructuredConversations.Add(new StructuredConversation
        {
            PupilId = pupilId, HeldOn = heldOn!.Value, ParentOrCarer = who!, ChildTookPart = input.ChildTookPart,
            Explore = explore, Focus = focus, Plan = plan, Review = review, NextOn = input.NextOn,
            RecordedAt = clock.UtcNow, RecordedByName = by.Name, Targets = targets,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return Result<StructuredConversation>.Done(conversation);
    }

    public async Task<Result<FocusGroup>> RecordFocusGroupAsync(int schoolId, FocusGroupInput input, Recorder by,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var heldOn = Fields.RequiredDate(errors, nameof(input.HeldOn), input.HeldOn, "the date of the focus group");
        if (heldOn > clock.Today)
        {
            errors.Add(new(nameof(input.HeldOn), "Record a focus group on or after the day it was held"));
        }
        if (input.Kind is null)
        {
            errors.Add(new(nameof(input.Kind), "Choose who took part: pupils, carers or staff"));
        }
        if (input.Participants is not (>= 1 and <= 100))
        {
            errors.Add(new(nameof(input.Participants), "Enter how many took part, from 1 to 100"));
        }
        var themes = (input.Themes ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (themes.Count == 0)
        {
            errors.Add(new(nameof(input.Themes), "Enter at least one theme, one a line"));
        }
        else if (themes.Count > MaxThemes || themes.Any(t => t.Length > FocusGroup.ThemeMaxLength))
        {
            errors.Add(new(nameof(input.Themes), $"Enter up to {MaxThemes} themes of {FocusGroup.ThemeMaxLength} characters or fewer, one a line"));
        }
        var notes = Fields.Optional(errors, nameof(input.Notes), input.Notes, FocusGroup.NotesMaxLength, "the notes");
        if (errors.Count > 0)
        {
            return Result<FocusGroup>.Fail(errors);
        }
        var group = db.FocusGroups.Add(new FocusGroup
        {
            SchoolId = schoolId, HeldOn = heldOn!.Value, Kind = input.Kind!.Value, Participants = input.Participants!.Value,
            Themes = themes, Notes = notes, RecordedAt = clock.UtcNow, RecordedByName = by.Name,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return Result<FocusGroup>.Done(group);
    }
}
