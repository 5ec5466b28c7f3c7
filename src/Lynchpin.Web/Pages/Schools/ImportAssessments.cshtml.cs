using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lynchpin.Web.Pages.Shared;

namespace Lynchpin.Web.Pages.Schools;

/// <summary>Upload a CSV or XLSX of assessments: every row applies, or none does and each bad row is listed.</summary>
/// <remarks>For the school's leaders: a file can hold anyone's assessment, so it takes the right to assess the whole school.</remarks>
[Authorize(Policy = Policies.ManageStaff)]
[RequestSizeLimit(MaxBytes)]
public class ImportAssessmentsModel(LynchpinDbContext db, AssessmentImporter importer, IAuthorizationService authorization) : PageModel
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
        if (!ImportUpload.Check(ModelState, Upload, "assessments"))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        Result = await importer.ImportAsync(urn, stream, Upload.FileName, await RecorderAsync(ct), ct);
        if (!Result.Succeeded)
        {
            ImportUpload.Refused(ModelState, Result);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"Assessments imported: {Result.Created} added, {Result.Updated} corrected, {Result.Unchanged} unchanged.";
        return Redirect($"/schools/{urn}");
    }

    /// <summary>The signed-in account, named as its staff record where it has one.</summary>
    private async Task<Recorder> RecorderAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var user = await db.Users.AsNoTracking().Include(u => u.StaffMember).SingleAsync(u => u.Id == userId, ct);
        return new Recorder(user.Id, user.StaffMember?.FullName ?? user.Email ?? user.UserName ?? user.Id);
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
