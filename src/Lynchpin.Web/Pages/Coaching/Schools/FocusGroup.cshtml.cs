using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>Records a focus group of pupils, carers or staff and the themes they raised (no names: it is not a pupil's record).</summary>
[Requires(nameof(Operations.RecordForPupils))]
public class FocusGroupModel(Conversations conversations) : SchoolPageModel
{
    public class FocusGroupForm
    {
        [Display(Name = "date of the focus group")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "Who took part?")] public FocusGroupKind? Kind { get; set; }
        [Display(Name = "how many took part")] public int? Participants { get; set; }
        [Display(Name = "themes")] public string? Themes { get; set; }
        [Display(Name = "notes")] public string? Notes { get; set; }
    }

    [BindProperty] public FocusGroupForm Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> KindItems { get; } =
        [new("Pupils", nameof(FocusGroupKind.Pupils)), new("Parents and carers", nameof(FocusGroupKind.Carers)), new("Staff", nameof(FocusGroupKind.Staff))];

    public void OnGet() => Input = new FocusGroupForm { HeldOn = Today };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await conversations.RecordFocusGroupAsync(School.Id, new FocusGroupInput
            {
                HeldOn = Input.HeldOn, Kind = Input.Kind, Participants = Input.Participants, Themes = Input.Themes, Notes = Input.Notes,
            }, await RecorderAsync(ct), ct);
            AddErrors(result.Errors);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = "The focus group is recorded.";
        return RedirectTo<IndexModel>(new { urn = School.Urn });
    }
}
