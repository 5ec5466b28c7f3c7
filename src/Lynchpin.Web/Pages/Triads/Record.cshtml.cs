using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Community;

namespace Lynchpin.Web.Pages.Triads;

/// <summary>
/// Recording a professional conversation, or changing one: the person, their line manager or their coach or mentor.
/// A change saved by someone else since the form was opened is shown beside the typing, which is kept.
/// </summary>
[Requires(nameof(Operations.RecordConversation))]
public class RecordModel(ProfessionalConversations conversations) : PersonPageModel
{
    public ProfessionalConversation? Existing { get; private set; }
    public FocusChoices Choices { get; private set; } = new(1, [], []);
    public string? LineManagerName { get; private set; }
    public string? CoachName { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel : IRevisedInput
    {
        public int Revision { get; set; }
        [Display(Name = "date")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "line manager took part")] public bool LineManagerTookPart { get; set; }
        [Display(Name = "coach or mentor took part")] public bool CoachTookPart { get; set; }
        [Display(Name = "criterion")] public int? CriterionId { get; set; }
        [Display(Name = "objective")] public int? ObjectiveId { get; set; }
        [Display(Name = "focus in your own words")] public string? Focus { get; set; }
        [Display(Name = "what was agreed")] public string? Agreed { get; set; }
        [Display(Name = "next step")] public string? NextStep { get; set; }
        [Display(Name = "next step by")] public DateOnly? NextStepBy { get; set; }

        public static InputModel From(ProfessionalConversation c) => new()
        {
            Revision = c.Revision,
            HeldOn = c.HeldOn,
            LineManagerTookPart = c.LineManagerId is not null,
            CoachTookPart = c.CoachId is not null,
            CriterionId = c.CriterionId,
            ObjectiveId = c.ObjectiveId,
            Focus = c.Focus,
            Agreed = c.Agreed,
            NextStep = c.NextStep,
            NextStepBy = c.NextStepBy,
        };

        public ConversationInput ToInput() =>
            new(HeldOn, LineManagerTookPart, CoachTookPart, CriterionId, ObjectiveId, Focus, Agreed, NextStep, NextStepBy);
    }

    private static readonly string[] Fields = ["HeldOn", "CriterionId", "ObjectiveId", "Focus", "Agreed", "NextStep", "NextStepBy"];

    public IEnumerable<SelectListItem> CriterionItems =>
        Choices.Criteria.Select(c => new SelectListItem(c.Text, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("Not a criterion", ""));

    public IEnumerable<SelectListItem> ObjectiveItems =>
        Choices.Objectives.Select(o => new SelectListItem(o.Text, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("Not an objective", ""));

    public async Task<IActionResult> OnGetAsync(int? conversationId, CancellationToken ct)
    {
        if (await LoadFormAsync(conversationId, ct) is { } missing)
        {
            return missing;
        }
        if (Existing is { } c)
        {
            Input = InputModel.From(c);
            await AuditAsync(AuditActions.ConversationsRead, AuditSubject.Record(AuditRecordTypes.Conversations, Member.Id, Member),
                $"conversation of {c.HeldOn:yyyy-MM-dd}, to change", ct);
        }
        else
        {
            // The school clock's today, and whoever is recording ticked as taking part.
            var own = (await Access.GetAsync(ct)).OwnStaffId;
            Input = new InputModel
            {
                HeldOn = Today,
                LineManagerTookPart = own == Member.LineManagerId,
                CoachTookPart = own == Member.CoachId,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? conversationId, CancellationToken ct)
    {
        if (await LoadFormAsync(conversationId, ct) is { } missing)
        {
            return missing;
        }
        if (ModelState.IsValid)
        {
            var result = await conversations.SaveAsync(Member, Existing?.Id, Input.ToInput(), Choices, Existing is null ? null : Input.Revision,
                await RecorderAsync(ct), ct);
            if (result.Value is { } saved)
            {
                TempData["Success"] = Existing is null ? "The conversation is recorded." : "The conversation is changed.";
                return RedirectTo<IndexModel>(new { id = Member.Id }, $"conversation-{saved.Id}");
            }
            AddErrors(result.Errors, Inputs(Fields));
            if (Conflict is not null && conversationId is int id)
            {
                var stored = await Db.ProfessionalConversations.AsNoTracking().SingleAsync(c => c.Id == id, ct);
                ShowConflict(InputModel.From(stored), Input);
            }
        }
        return Invalid();
    }

    private async Task<IActionResult?> LoadFormAsync(int? conversationId, CancellationToken ct)
    {
        if (conversationId is int id)
        {
            Existing = await Db.ProfessionalConversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.StaffMemberId == Member.Id, ct);
            if (Existing is null)
            {
                return NotFound();
            }
        }
        Choices = await conversations.FocusChoicesAsync(Member, ct);
        var names = await Db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == (Existing == null ? Member.LineManagerId : Existing.LineManagerId ?? Member.LineManagerId)
                || s.Id == (Existing == null ? Member.CoachId : Existing.CoachId ?? Member.CoachId))
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct);
        LineManagerName = names.SingleOrDefault(s => s.Id == (Existing?.LineManagerId ?? Member.LineManagerId))?.Name;
        CoachName = names.SingleOrDefault(s => s.Id == (Existing?.CoachId ?? Member.CoachId))?.Name;
        return null;
    }
}
