using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Web.Authorization;
using Lynchpin.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Imports;

/// <summary>
/// The one upload page for every import of <see cref="ImportTable"/>, at each import's own address: every row applies,
/// or none does and each bad row is listed with its line.
/// </summary>
[Authorize(Policy = Policies.ManageStaff)]
[RequestSizeLimit(MaxBytes)]
public class ImportModel(LynchpinDbContext db, IAuthorizationService authorization) : PageModel
{
    public const string PageName = "/Imports/Import";

    public const int MaxBytes = 10 * 1024 * 1024;

    public SchoolImport Import { get; private set; } = null!;

    public School School { get; private set; } = null!;

    public ImportNotice? Notice { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, string import, CancellationToken ct) =>
        await LoadAsync(urn, import, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int urn, string import, CancellationToken ct)
    {
        if (await LoadAsync(urn, import, ct) is { } refused)
        {
            return refused;
        }
        if (!CheckUpload())
        {
            return Invalid();
        }

        await using var stream = Upload!.OpenReadStream();
        var request = new ImportRequest(urn, stream, Upload.FileName, await RecorderAsync(ct));
        Result = await Import.ImporterFrom(HttpContext.RequestServices).ImportAsync(request, ct);
        if (!Result.Succeeded)
        {
            var problems = Result.Errors.Count == 1 ? "problem" : "problems";
            ModelState.AddModelError(nameof(Upload),
                $"The file has {Result.Errors.Count} {problems}. Nothing was imported: fix the rows listed and upload it again");
            return Invalid();
        }
        TempData["Success"] = Import.PageSummary(Result);
        return Redirect(Import.Done(School));
    }

    /// <summary>Adds an error to <c>Upload</c> when there is no file, it is not a CSV or XLSX, or it is too big.</summary>
    private bool CheckUpload()
    {
        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), $"Select a CSV or XLSX file of {Import.Noun}");
        }
        else if (extension is not (".csv" or ".xlsx"))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV or XLSX");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 10 MB");
        }
        return ModelState.IsValid;
    }

    private PageResult Invalid() => new() { StatusCode = StatusCodes.Status400BadRequest };

    // The school and the right to import into it, checked once for GET and POST.
    private async Task<IActionResult?> LoadAsync(int urn, string import, CancellationToken ct)
    {
        if (ImportTable.Find(import) is not { } found)
        {
            return NotFound();
        }
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, found.Operation)).Succeeded)
        {
            return Forbid();
        }
        (Import, School) = (found, school);
        Notice = found.Notice is { } notice ? await notice(db, school, ct) : null;
        return null;
    }

    /// <summary>The signed-in account, named as its staff record where it has one.</summary>
    private async Task<Core.Progression.Recorder> RecorderAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var user = await db.Users.AsNoTracking().Include(u => u.StaffMember).SingleAsync(u => u.Id == userId, ct);
        return new Core.Progression.Recorder(user.Id, user.StaffMember?.FullName ?? user.Email ?? user.UserName ?? user.Id);
    }
}
