using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Standards;

/// <summary>Changing one standard's wording (or adding one, with no code in the URL) and removing one; the first edit makes the owner's copy.</summary>
[Requires(nameof(Operations.Manage))]
public class EditModel(CareerStandards standards, StandardSetEditor editor) : StandardsPage(standards)
{
    public Standard? Standard { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "section")] public string? Section { get; set; }
        [Display(Name = "standard")] public string? Text { get; set; }
    }

    public IActionResult OnGet(string? code)
    {
        if (Find(code) is { } missing)
        {
            return missing;
        }
        Input = new InputModel { Section = Standard?.Section ?? Set.Set.Standards.LastOrDefault()?.Section, Text = Standard?.Text };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        if (Find(code) is { } missing)
        {
            return missing;
        }
        var input = new StandardInput(Input.Section, Input.Text);
        var result = Standard is null
            ? await editor.AddStandardAsync(Owner, Set.Set.Code, input, ct)
            : await editor.EditStandardAsync(Owner, Set.Set.Code, Standard.Code, input, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = Standard is null ? "The standard is added." : $"{Standard.Code} is saved.";
        return RedirectToSet(Set.Set.Code);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? code, CancellationToken ct)
    {
        if (Find(code) is { } missing || Standard is null)
        {
            return NotFound();
        }
        var result = await editor.RemoveStandardAsync(Owner, Set.Set.Code, Standard.Code, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = $"{Standard.Code} is removed.";
        return RedirectToSet(Set.Set.Code);
    }

    private NotFoundResult? Find(string? code)
    {
        if (code is null)
        {
            return null;
        }
        Standard = Set.Set.Standards.FirstOrDefault(s => s.Code == code);
        return Standard is null ? NotFound() : null;
    }
}
