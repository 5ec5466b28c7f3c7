using Lynchpin.Core.Progression;
using Lynchpin.Core.Schools;

namespace Lynchpin.Core.Community;

/// <summary>
/// What a form records of a conversation. <paramref name="LineManagerTookPart"/> and <paramref name="CoachTookPart"/> name
/// the person's line manager and coach as they are when it is first recorded; the focus is a criterion, an objective or
/// the triad's own words (at most one of the three).
/// </summary>
public record ConversationInput(
    DateOnly? HeldOn, bool LineManagerTookPart, bool CoachTookPart,
    int? CriterionId, int? ObjectiveId, string? Focus,
    string? Agreed, string? NextStep, DateOnly? NextStepBy);

/// <summary>A person's conversations in brief: how many, the latest, and whether they are due one.</summary>
public record ConversationSummary(int Count, DateOnly? Last, bool Due);

/// <summary>A focus the form offers: a criterion of the person's stage or one of this year's objectives.</summary>
public record FocusOption(int Id, string Text);

/// <summary>The criteria of the person's current stage and role family, and their objectives this year, to choose a focus from.</summary>
public record FocusChoices(int Stage, IReadOnlyList<FocusOption> Criteria, IReadOnlyList<FocusOption> Objectives);

/// <summary>
/// The professional conversations of a learning triad (the person, their line manager, their coach or mentor): recorded
/// and changed by the triad; the content private to them (see <see cref="MaySeeContent"/>), leaders seeing dates only.
/// Callers check who may record (the web app's operations) first.
/// </summary>
public class ProfessionalConversations(LynchpinDbContext db, SchoolClock clock, Frameworks frameworks)
{
    /// <summary>
    /// Whether the viewer (by their staff record) may read what was said: the person, their line manager and coach now,
    /// and whoever took part in that conversation. A leader who is none of these sees the date alone.
    /// </summary>
    public static bool MaySeeContent(ProfessionalConversation conversation, StaffMember person, int? viewerStaffId) =>
        viewerStaffId is int viewer
        && (viewer == person.Id || viewer == person.LineManagerId || viewer == person.CoachId
            || viewer == conversation.LineManagerId || viewer == conversation.CoachId);

    /// <summary>Whether the viewer is in the person's triad now (and so may record a conversation).</summary>
    public static bool IsInTriad(StaffMember person, int? viewerStaffId) =>
        viewerStaffId is int viewer && (viewer == person.Id || viewer == person.LineManagerId || viewer == person.CoachId);

    /// <summary>The person's conversations, newest first, with who took part and the focus.</summary>
    public async Task<IReadOnlyList<ProfessionalConversation>> ForPersonAsync(int staffMemberId, CancellationToken ct = default) =>
        await db.ProfessionalConversations.AsNoTracking()
            .Include(c => c.LineManager).Include(c => c.Coach).Include(c => c.Criterion).Include(c => c.Objective)
            .Where(c => c.StaffMemberId == staffMemberId)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .ToListAsync(ct);

    /// <summary>What the focus may be chosen from: the criteria of their latest stage (stage 1 before any assessment), their objectives this year.</summary>
    public async Task<FocusChoices> FocusChoicesAsync(StaffMember person, CancellationToken ct = default)
    {
        var stage = await db.Assessments.Where(a => a.StaffMemberId == person.Id && a.IsCurrent)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Checkpoint)
            .Select(a => (int?)a.Stage).FirstOrDefaultAsync(ct) ?? 1;
        var framework = await frameworks.ForSchoolAsync(person.School, ct);
        // A stage without criteria of its own (stage 0: the mandatory requirements not yet checked) offers the next stage's.
        while (framework.Framework.Stages.Any(s => s.Number == stage) && framework.CriteriaFor(stage, person.RoleFamily).Count == 0
            && framework.Framework.Stages.Any(s => s.Number == stage + 1))
        {
            stage++;
        }
        // The default framework is not stored, so its criteria have no ids: they are offered by place (-1, -2 …) and kept as words.
        var criteria = framework.Framework.Stages.Any(s => s.Number == stage)
            ? framework.CriteriaFor(stage, person.RoleFamily).Select((c, i) => new FocusOption(c.Id > 0 ? c.Id : -(i + 1), c.Text)).ToList()
            : [];
        var year = SchoolYear.Of(clock.Today);
        var objectives = await db.Objectives.Where(o => o.Appraisal.StaffMemberId == person.Id && o.Appraisal.Cycle.Year == year)
            .OrderBy(o => o.SortOrder).Select(o => new FocusOption(o.Id, o.Title)).ToListAsync(ct);
        return new FocusChoices(stage, criteria, objectives);
    }

    /// <summary>
    /// Records a new conversation (<paramref name="conversationId"/> null) or changes one, the form opened at
    /// <paramref name="revision"/>; the errors name the input's fields.
    /// </summary>
    public async Task<Result<ProfessionalConversation>> SaveAsync(
        StaffMember person, int? conversationId, ConversationInput input, FocusChoices choices, int? revision, Recorder by, CancellationToken ct = default)
    {
        var errors = Validate(input, choices, clock.Today);
        if (errors.Count > 0)
        {
            return Result<ProfessionalConversation>.Fail(errors);
        }
        ProfessionalConversation conversation;
        if (conversationId is int id)
        {
            conversation = await db.ProfessionalConversations.SingleAsync(c => c.Id == id && c.StaffMemberId == person.Id, ct);
            if (Revisions.Check(db, conversation, revision, by, clock.UtcNow) is { } stale)
            {
                return Result<ProfessionalConversation>.Fail(stale);
            }
        }
        else
        {
            conversation = new ProfessionalConversation { StaffMemberId = person.Id, Agreed = "", RecordedAt = clock.UtcNow, RecordedByName = by.Name };
            db.ProfessionalConversations.Add(conversation);
        }
        // Who took part is who held the role then: a tick keeps the one recorded, or names the one in the role now.
        conversation.LineManagerId = input.LineManagerTookPart ? conversation.LineManagerId ?? person.LineManagerId : null;
        conversation.CoachId = input.CoachTookPart ? conversation.CoachId ?? person.CoachId : null;
        conversation.HeldOn = input.HeldOn!.Value;
        var unstored = input.CriterionId < 0 ? choices.Criteria.Single(c => c.Id == input.CriterionId).Text : null;
        conversation.CriterionId = unstored is null ? input.CriterionId : null;
        conversation.ObjectiveId = input.ObjectiveId;
        conversation.Focus = unstored is null ? Trimmed(input.Focus) : Truncated(unstored);
        conversation.Agreed = input.Agreed!.Trim();
        conversation.NextStep = Trimmed(input.NextStep);
        conversation.NextStepBy = input.NextStepBy;
        return await Revisions.SaveAsync(db, conversation, ct) is { } lost
            ? Result<ProfessionalConversation>.Fail(lost)
            : Result<ProfessionalConversation>.Done(conversation);
    }

    /// <summary>The rules of the form: a date not in the future, one focus, what was agreed, a next step for a next-step date.</summary>
    public static IReadOnlyList<FieldError> Validate(ConversationInput input, FocusChoices choices, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.HeldOn is not { } held)
        {
            errors.Add(new(nameof(input.HeldOn), "Enter the date of the conversation"));
        }
        else if (held > today)
        {
            errors.Add(new(nameof(input.HeldOn), $"The date of the conversation must be today or in the past: today is {Dates.Long(today)}"));
        }
        if (input.CriterionId is int criterion && choices.Criteria.All(c => c.Id != criterion))
        {
            errors.Add(new(nameof(input.CriterionId), "Choose a criterion from the list"));
        }
        if (input.ObjectiveId is int objective && choices.Objectives.All(o => o.Id != objective))
        {
            errors.Add(new(nameof(input.ObjectiveId), "Choose an objective from the list"));
        }
        var foci = (input.CriterionId is null ? 0 : 1) + (input.ObjectiveId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(input.Focus) ? 0 : 1);
        if (foci == 0)
        {
            errors.Add(new(nameof(input.Focus), "Choose the focus of the conversation: a criterion, an objective or your own words"));
        }
        else if (foci > 1)
        {
            errors.Add(new(nameof(input.Focus), "Give one focus: a criterion, an objective or your own words, not more than one"));
        }
        if (input.Focus?.Trim().Length > ProfessionalConversation.FocusMaxLength)
        {
            errors.Add(new(nameof(input.Focus), $"The focus must be {ProfessionalConversation.FocusMaxLength} characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(input.Agreed))
        {
            errors.Add(new(nameof(input.Agreed), "Enter what was agreed"));
        }
        else if (input.Agreed.Trim().Length > ProfessionalConversation.TextMaxLength)
        {
            errors.Add(new(nameof(input.Agreed), $"What was agreed must be {ProfessionalConversation.TextMaxLength} characters or fewer"));
        }
        if (input.NextStep?.Trim().Length > ProfessionalConversation.TextMaxLength)
        {
            errors.Add(new(nameof(input.NextStep), $"The next step must be {ProfessionalConversation.TextMaxLength} characters or fewer"));
        }
        if (input.NextStepBy is { } by)
        {
            if (string.IsNullOrWhiteSpace(input.NextStep))
            {
                errors.Add(new(nameof(input.NextStep), "Enter the next step, or leave its date blank"));
            }
            if (input.HeldOn is { } on && by < on)
            {
                errors.Add(new(nameof(input.NextStepBy), $"The next step's date must be on or after the conversation's, {Dates.Long(on)}"));
            }
        }
        return errors;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncated(string text) =>
        text.Length <= ProfessionalConversation.FocusMaxLength ? text : text[..(ProfessionalConversation.FocusMaxLength - 1)] + "…";

    /// <summary>
    /// The date before which a person's last conversation makes them due another: the start of the current half term
    /// (from the school's term dates, when they give the term's break) or six weeks ago, whichever is earlier — so nobody
    /// is due one in the first days of a half term when they had one just before it.
    /// </summary>
    public static DateOnly DueIfNoneSince(TermCalendar calendar, DateOnly today)
    {
        var sixWeeksAgo = today.AddDays(-42);
        var term = calendar.TermOf(today);
        if (!calendar.HasTermDates(term.Year) || term.HalfTermStarts is null || term.HalfTermEnds is not { } breakEnds)
        {
            return sixWeeksAgo;
        }
        var halfTermStarts = today > breakEnds ? breakEnds.AddDays(1) : term.Starts;
        return halfTermStarts < sixWeeksAgo ? halfTermStarts : sixWeeksAgo;
    }

    /// <summary>
    /// The people of a school in post today who are due a conversation (none on or after <see cref="DueIfNoneSince"/>),
    /// among <paramref name="staffIds"/> when given (a line manager's team, a coach's coachees).
    /// </summary>
    public async Task<IReadOnlyList<StaffMember>> DueAsync(int schoolId, IReadOnlyCollection<int>? staffIds = null, CancellationToken ct = default)
    {
        var today = clock.Today;
        var since = DueIfNoneSince(await TermDatesStore.CalendarAsync(db, schoolId, ct), today);
        var people = db.StaffMembers.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && (s.StartDate == null || s.StartDate <= today) && (s.LeavingDate == null || s.LeavingDate >= today));
        if (staffIds is not null)
        {
            people = people.Where(s => staffIds.Contains(s.Id));
        }
        return await people
            .Where(s => !db.ProfessionalConversations.Any(c => c.StaffMemberId == s.Id && c.HeldOn >= since))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .ToListAsync(ct);
    }

    /// <summary>One person's conversations in brief: how many, the latest, and whether they are due one (see <see cref="DueAsync"/>).</summary>
    public async Task<ConversationSummary> SummaryAsync(StaffMember person, CancellationToken ct = default)
    {
        var since = DueIfNoneSince(await TermDatesStore.CalendarAsync(db, person.SchoolId, ct), clock.Today);
        var held = await db.ProfessionalConversations.Where(c => c.StaffMemberId == person.Id)
            .GroupBy(c => c.StaffMemberId)
            .Select(g => new { Count = g.Count(), Last = g.Max(c => c.HeldOn) })
            .SingleOrDefaultAsync(ct);
        var last = held?.Last;
        return new ConversationSummary(held?.Count ?? 0, last, person.InPostOn(clock.Today) && (last is null || last < since));
    }
}
