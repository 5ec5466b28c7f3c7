using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Staff;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Schools;

/// <summary>Upload a staff CSV or XLSX: every row applies, or none does and each bad row is listed.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[RequestSizeLimit(MaxBytes)]
public class ImportStaffModel(LynchpinDbContext db, StaffImporter importer, IAuthorizationService authorization) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public School School { get; private set; } = null!;

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
            ModelState.AddModelError(nameof(Upload), "Select a CSV or XLSX file of staff");
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
            ModelState.AddModelError(nameof(Upload), $"The file has {Result.Errors.Count} {(Result.Errors.Count == 1 ? "problem" : "problems")}. Nothing was imported: fix the rows listed and upload it again");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"Staff imported: {Result.Created} added, {Result.Updated} updated, {Result.Unchanged} unchanged.";
        return Redirect($"/staff?school={urn}");
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        School = school;
        return null;
    }
}
