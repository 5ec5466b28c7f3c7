using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>The add and change criterion pages share this form: text, who it is for, and its place in the list.</summary>
public abstract class CriterionPage : FrameworkPage
{
    /// <summary>The select's value for criteria that apply to every role family.</summary>
    public const string Everyone = "everyone";

    public class CriterionInput : IRevisedInput
    {
        /// <summary>The framework's revision the form showed; the criterion by its id, never its place in the list.</summary>
        public int Revision { get; set; }
        public int CriterionId { get; set; }

        [Display(Name = "criterion")] public string? Text { get; set; }
        [Display(Name = "role family")] public string? RoleFamily { get; set; }
        [Display(Name = "position")] public int? Position { get; set; }
    }

    [BindProperty]
    public CriterionInput Input { get; set; } = new();

    public static IEnumerable<SelectListItem> FamilyItems =>
        new[] { new SelectListItem("Everyone", Everyone) }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem($"{f.DisplayName()} staff ({f.Description()})", f.Code())));

    /// <summary>
    /// The details as entered, or null with every problem in ModelState (a position that is not a number
    /// comes from model binding; the rest from the editor's own rules, so the page and the editor agree).
    /// </summary>
    protected CriterionDetails? ReadInput()
    {
        RoleFamily? family = null;
        if (Input.RoleFamily != Everyone)
        {
            if (RoleFamilies.TryParse(Input.RoleFamily, out var parsed))
            {
                family = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.RoleFamily", "Choose who the criterion is for");
            }
        }
        var details = new CriterionDetails(Input.Text, family, Input.Position);
        foreach (var error in FrameworkEditor.Validate(details))
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }
        return ModelState.IsValid ? details : null;
    }

    /// <summary>The form as <paramref name="criterion"/> fills it (the framework at <paramref name="revision"/>).</summary>
    protected static CriterionInput InputFrom(StageCriterion criterion, int revision) => new()
    {
        Revision = revision,
        CriterionId = criterion.Id,
        Text = criterion.Text,
        RoleFamily = criterion.RoleFamily?.Code() ?? Everyone,
    };

    /// <summary>After a refused save: the page as the framework is now, with what is saved beside the person's typing.</summary>
    protected async Task<IActionResult> ConflictAsync(IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        AddErrors(errors);
        if (Conflict is not null)
        {
            await ReloadAsync(Input.CriterionId == 0 ? null : Input.CriterionId, ct);
            var saved = Criterion is null ? new CriterionInput() : InputFrom(Criterion, Revision);
            saved.Position = Input.Position;
            ShowConflict(saved, Input);
        }
        return Invalid();
    }

    /// <summary>Who a criterion is for, in words: "everyone" or "site staff".</summary>
    public static string ForWhom(RoleFamily? family) =>
        family is RoleFamily f ? $"{f.DisplayName().ToLowerInvariant()} staff" : "everyone";
}
