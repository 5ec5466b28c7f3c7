using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lynchpin.Web.Pages.Shared;

namespace Lynchpin.Web.Pages.Appraisals.Import;

/// <summary>Upload a CSV or XLSX of objectives: every row applies, or none does and each bad row is listed.</summary>
/// <remarks>For those who manage the school's cycle (its leaders, the trust's admins): a file can add to anyone's appraisal.</remarks>
[RequestSizeLimit(MaxBytes)]
public class ImportObjectivesModel(LynchpinDbContext db, ObjectiveImporter importer, IAuthorizationService authorization) : PageModel
{
    public const int MaxBytes = ImportUpload.MaxBytes;

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
        if (!ImportUpload.Check(ModelState, Upload, "objectives"))
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
