using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>The add and change criterion pages share this form: text, who it is for, and its place in the list.</summary>
public abstract class CriterionPage(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access)
    : FrameworkPage(db, authorization, access)
{
    /// <summary>The select's value for criteria that apply to every role family.</summary>
    public const string Everyone = "everyone";

    public class CriterionInput
    {
        [Display(Name = "criterion")] public string? Text { get; set; }
        [Display(Name = "role family")] public string? RoleFamily { get; set; }
        [Display(Name = "position")] public int? Position { get; set; }
    }

    [BindProperty]
    public CriterionInput Input { get; set; } = new();

    public ProgressionStage Stage { get; private set; } = null!;

    public static IEnumerable<SelectListItem> FamilyItems =>
        new[] { new SelectListItem("Everyone", Everyone) }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem($"{f.DisplayName()} staff ({f.Description()})", f.Code())));

    /// <summary>Loads the owner for editing and the stage in the URL (404 when there is none).</summary>
    protected async Task<IActionResult?> LoadStageAsync(string kind, string key, int stage, CancellationToken ct)
    {
        var denied = await LoadAsync(kind, key, edit: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        var found = FindStage(stage);
        if (found is null)
        {
            return NotFound();
        }
        Stage = found;
        return null;
    }

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

    protected void AddErrors(FrameworkEditResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }
    }

    /// <summary>Who a criterion is for, in words: "everyone" or "site staff".</summary>
    public static string ForWhom(RoleFamily? family) =>
        family is RoleFamily f ? $"{f.DisplayName().ToLowerInvariant()} staff" : "everyone";
}
