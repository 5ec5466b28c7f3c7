using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Appraisals.Import;

/// <summary>Upload a CSV or XLSX of objectives: every row applies, or none does and each bad row is listed.</summary>
/// <remarks>For those who manage the school's cycle (its leaders, the trust's admins): a file can add to anyone's appraisal.</remarks>
[RequestSizeLimit(MaxBytes)]
public class ImportObjectivesModel(LynchpinDbContext db, ObjectiveImporter importer, IAuthorizationService authorization) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public School School { get; private set; } = null!;

    /// <summary>The school years whose cycle is open, newest first: the years a file may name.</summary>
    public IReadOnlyList<int> OpenYears { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await LoadAsync(urn, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var denied = await LoadAsync(urn, ct);
        if (denied is not null)
        {
            return denied;
        }
        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV or XLSX file of objectives");
        }
        else if (extension is not (".csv" or ".xlsx"))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV or XLSX");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 10 MB");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        Result = await importer.ImportAsync(urn, stream, Upload.FileName, ct);
        if (!Result.Succeeded)
        {
            ModelState.AddModelError(nameof(Upload),
                $"The file has {Result.Errors.Count} {(Result.Errors.Count == 1 ? "problem" : "problems")}. Nothing was imported: fix the rows listed and upload it again");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"Objectives imported: {Result.Created} added, {Result.Unchanged} already there.";
        return Redirect($"/schools/{urn}/appraisal");
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, Operations.ManageCycle)).Succeeded)
        {
            return Forbid();
        }
        School = school;
        OpenYears = await db.AppraisalCycles.Where(c => c.SchoolId == school.Id).OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(ct);
        return null;
    }
}
