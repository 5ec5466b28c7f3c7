using Lynchpin.Core.Audit;
using Lynchpin.Core.Community;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Triads;

/// <summary>
/// A person's professional conversations, newest first: what was said for their triad (and those who took part), the
/// dates alone for their school's leaders; and a gentle reminder when they have had none for a half term.
/// </summary>
[Requires(nameof(Operations.ReadConversations))]
public class IndexModel(ProfessionalConversations conversations, Frameworks frameworks) : PersonPageModel
{
    /// <summary>One step of the person's journey: when, what kind, what it says, and a link where the reader may follow it.</summary>
    public record JourneyStep(DateOnly On, string Kind, string Text, string? Link);

    /// <summary>
    /// Stages, conversations, CPD and observations received, newest first, each as far as the reader may see it: a leader
    /// outside the triad sees that a conversation happened, not what it was about.
    /// </summary>
    public IReadOnlyList<JourneyStep> Journey { get; private set; } = [];

    /// <summary>One conversation as this reader may see it: <see cref="Content"/> null for a leader outside the triad.</summary>
    public record Row(DateOnly HeldOn, ProfessionalConversation? Content);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRecord { get; private set; }
    public bool Due { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var own = (await Access.GetAsync(ct)).OwnStaffId;
        CanRecord = await MayAsync(Member, Operations.RecordConversation);
        var all = await conversations.ForPersonAsync(Member.Id, ct);
        Rows = all.Select(c => new Row(c.HeldOn, ProfessionalConversations.MaySeeContent(c, Member, own) ? c : null)).ToList();
        Due = (await conversations.SummaryAsync(Member, ct)).Due;
        Journey = await JourneyAsync(ct);
        var read = Rows.Count(r => r.Content is not null);
        if (read > 0)
        {
            await AuditAsync(AuditActions.ConversationsRead, AuditSubject.Record(AuditRecordTypes.Conversations, Member.Id, Member),
                $"{read} professional conversation(s)", ct);
        }
    }

    private async Task<IReadOnlyList<JourneyStep>> JourneyAsync(CancellationToken ct)
    {
        var id = Member.Id;
        var steps = Rows.Select(r => new JourneyStep(r.HeldOn, "Conversation",
            r.Content is { } c ? FocusText(c) : "A professional conversation", r.Content is { } shown ? $"#conversation-{shown.Id}" : null)).ToList();
        if (await MayAsync(Member, Operations.ReadProgression))
        {
            var framework = await frameworks.ForSchoolAsync(Member.School, ct);
            var assessments = await Db.Assessments.AsNoTracking().Where(a => a.StaffMemberId == id && a.IsCurrent).ToListAsync(ct);
            steps.AddRange(assessments.Select(a => new JourneyStep(a.AssessedOn, "Stage",
                $"Stage {a.Stage}: {framework.Framework.Stages.FirstOrDefault(s => s.Number == a.Stage)?.Name}, {SchoolYear.CheckpointName(a.Checkpoint).ToLowerInvariant()} {SchoolYear.Name(a.Year)}",
                Url.To<Progression.PersonModel>(new { id, year = a.Year, checkpoint = a.Checkpoint }, fragment: "assessment"))));
        }
        if (await MayAsync(Member, Operations.Read))
        {
            var cpd = await Db.CpdAttendances.AsNoTracking().Where(a => a.StaffMemberId == id)
                .Select(a => new { a.Activity.StartDate, a.Activity.Title, a.Hours }).ToListAsync(ct);
            steps.AddRange(cpd.Select(a => new JourneyStep(a.StartDate, "CPD", $"{a.Title} ({a.Hours:0.#} hours)", Url.To<Cpd.Person.IndexModel>(new { id }))));
        }
        // Each observation as its own rule allows: its observer, the school's leaders, and the line above when it was shared.
        var observations = await Db.ObservationRecords.AsNoTracking().Include(o => o.Observer).Where(o => o.ObserveeId == id).ToListAsync(ct);
        foreach (var record in observations)
        {
            if (await MayAsync(record, Operations.Read))
            {
                steps.Add(new JourneyStep(record.Date, "Observation", $"{record.Kind.DisplayName()} by {record.Observer.FullName}",
                    Url.To<Observations.Records.ShowModel>(new { id = record.Id })));
            }
        }
        return steps.OrderByDescending(s => s.On).ToList();
    }

    /// <summary>Who took part, as the list shows it: the person and whichever of the line manager and coach did.</summary>
    public string TookPart(ProfessionalConversation c) => string.Join(", ",
        new[] { Member.FullName, c.LineManager is null ? null : $"{c.LineManager.FullName} (line manager)", c.Coach is null ? null : $"{c.Coach.FullName} (coach or mentor)" }
            .OfType<string>());

    /// <summary>The focus in words: the criterion's or objective's text, or the triad's own.</summary>
    public static string FocusText(ProfessionalConversation c) =>
        c.Criterion is { } criterion ? $"Criterion: {criterion.Text}"
        : c.Objective is { } objective ? $"Objective: {objective.Title}"
        : c.Focus ?? "";
}
