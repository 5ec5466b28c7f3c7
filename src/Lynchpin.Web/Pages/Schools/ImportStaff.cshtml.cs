using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Staff;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lynchpin.Web.Pages.Shared;

namespace Lynchpin.Web.Pages.Schools;

/// <summary>Upload a staff CSV or XLSX: every row applies, or none does and each bad row is listed.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[RequestSizeLimit(MaxBytes)]
public class ImportStaffModel(LynchpinDbContext db, StaffImporter importer, IAuthorizationService authorization) : PageModel
{
    public const int MaxBytes = ImportUpload.MaxBytes;

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
        if (!ImportUpload.Check(ModelState, Upload, "staff"))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        Result = await importer.ImportAsync(urn, stream, Upload.FileName, ct);
        if (!Result.Succeeded)
        {
            ImportUpload.Refused(ModelState, Result);
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
