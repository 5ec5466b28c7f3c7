using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;

namespace Lynchpin.Web.Pages.Pupils;

/// <summary>A structured conversation with a parent or carer and the child: Explore, Focus, Plan, Review, and targets for home and school.</summary>
[Requires(nameof(Operations.RecordForPupils))]
public class NewConversationModel(Conversations conversations) : PupilPageModel
{
    public const int TargetSlots = 3;

    public class TargetForm
    {
        [Display(Name = "target")] public string? Target { get; set; }
        [Display(Name = "at home")] public string? HomeAction { get; set; }
        [Display(Name = "at school")] public string? SchoolAction { get; set; }
    }

    public class ConversationForm
    {
        [Display(Name = "date of the conversation")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "parent or carer")] public string? ParentOrCarer { get; set; }
        [Display(Name = "Did the child take part?")] public bool ChildTookPart { get; set; }
        [Display(Name = "Explore: what is going well, what worries them")] public string? Explore { get; set; }
        [Display(Name = "Focus: the one or two things that matter most")] public string? Focus { get; set; }
        [Display(Name = "Plan: what each will do")] public string? Plan { get; set; }
        [Display(Name = "Review: how and when you will know")] public string? Review { get; set; }
        [Display(Name = "date of the next conversation")] public DateOnly? NextOn { get; set; }
        public List<TargetForm> Targets { get; set; } = [];
    }

    [BindProperty] public ConversationForm Input { get; set; } = new();

    public void OnGet() => Input = new ConversationForm
    {
        HeldOn = Today, ParentOrCarer = Pupil.CarerName, Targets = Enumerable.Range(0, TargetSlots).Select(_ => new TargetForm()).ToList(),
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        while (Input.Targets.Count < TargetSlots)
        {
            Input.Targets.Add(new TargetForm());
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await conversations.RecordAsync(Pupil.Id, new ConversationInput
        {
            HeldOn = Input.HeldOn, ParentOrCarer = Input.ParentOrCarer, ChildTookPart = Input.ChildTookPart,
            Explore = Input.Explore, Focus = Input.Focus, Plan = Input.Plan, Review = Input.Review, NextOn = Input.NextOn,
            Targets = Input.Targets.Select(t => new ConversationTargetInput(t.Target, t.HomeAction, t.SchoolAction)).ToList(),
        }, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = "The conversation is recorded.";
        return RedirectTo<ShowModel>(new { id = Pupil.Id }, fragment: "conversations");
    }
}
