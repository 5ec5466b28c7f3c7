using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Standards;

/// <summary>Starting a set of standards of the owner's own (catering, reprographics…), for the role families it chooses.</summary>
[Requires(nameof(Operations.Manage))]
public class NewSetModel(CareerStandards standards, StandardSetEditor editor) : StandardsPage(standards)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "name")] public string? Name { get; set; }
        [Display(Name = "role families")] public List<string> Families { get; set; } = [];
        [Display(Name = "section")] public string? Section { get; set; }
        [Display(Name = "first standard")] public string? Text { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var families = Input.Families.Select(f => RoleFamilies.TryParse(f, out var family) ? family : (RoleFamily?)null).OfType<RoleFamily>().ToList();
        var result = await editor.CreateSetAsync(Owner, Input.Name, families, new StandardInput(Input.Section, Input.Text), ct);
        if (result.Value is not { } set)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = $"{set.Name} is added.";
        return RedirectToSet(set.Code);
    }
}
