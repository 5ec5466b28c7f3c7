using Lynchpin.Core.Audit;
using Lynchpin.Core.Community;

namespace Lynchpin.Web.Pages.Triads;

/// <summary>
/// A person's professional conversations, newest first: what was said for their triad (and those who took part), the
/// dates alone for their school's leaders; and a gentle reminder when they have had none for a half term.
/// </summary>
[Requires(nameof(Operations.ReadConversations))]
public class IndexModel(ProfessionalConversations conversations) : PersonPageModel
{
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
        Due = (await conversations.DueForAsync(Member, ct)).Due;
        var read = Rows.Count(r => r.Content is not null);
        if (read > 0)
        {
            await AuditAsync(AuditActions.ConversationsRead, AuditSubject.Record(AuditRecordTypes.Conversations, Member.Id, Member),
                $"{read} professional conversation(s)", ct);
        }
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
