using Lynchpin.Core.Audit;
using Lynchpin.Core.Imports;
using Lynchpin.Web.Imports;

namespace Lynchpin.Web.Pages.Imports;

/// <summary>
/// The one upload page for every import of <see cref="ImportTable"/>, at each import's own address: every row applies,
/// or none does and each bad row is listed with its line. The school's leaders and its trust's admins, with the right
/// the import's row names (no role policy: a designated teacher, a Staff account, imports their school's pupils).
/// </summary>
[RequestSizeLimit(MaxBytes + 1024 * 1024)]
public class ImportModel(AuditLog audit) : SchoolPageModel
{
    /// <summary>The pipeline's own limit; the request may be a little larger for the form around the file.</summary>
    public const long MaxBytes = ImportLimits.MaxFileBytes;

    public SchoolImport Import { get; private set; } = null!;

    public ImportNotice? Notice { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public IActionResult OnGet() => Page();

    /// <summary>A file with the import's columns and no rows, to fill in (a BOM, so Excel opens it as UTF-8).</summary>
    public IActionResult OnGetTemplate() =>
        File([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join(",", Import.Columns) + "\r\n")],
            "text/csv; charset=utf-8", $"{Import.Key}-template.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CheckUpload())
        {
            return Invalid();
        }
        await using var stream = Upload!.OpenReadStream();
        var request = new ImportRequest(School.Urn, stream, Upload.FileName, await RecorderAsync(ct));
        Result = await Import.ImporterFrom(HttpContext.RequestServices).ImportAsync(request, ct);
        await audit.ImportedAsync(Import.Key, Upload.FileName, Result, AuditSubject.School(School), ct);
        if (!Result.Succeeded)
        {
            ModelState.AddModelError(nameof(Upload), ImportUpload.Refused(Result));
            return Invalid();
        }
        TempData["Success"] = Import.PageSummary(Result);
        return Redirect(Import.Done(Url, School));
    }

    /// <summary>The import the address names, the school, and the right that import needs (404, then 403).</summary>
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (ImportTable.Find(RouteString("import")) is not { } import)
        {
            return NotFound();
        }
        Import = import;
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (!await MayAsync(School, import.Operation))
        {
            return Forbid();
        }
        Notice = import.Notice is { } notice ? await notice(Db, School, ct) : null;
        return null;
    }

    /// <summary>Adds an error to <c>Upload</c> when there is no file, it is not a CSV or XLSX, or it is too big.</summary>
    private bool CheckUpload() => ImportUpload.Check(ModelState, nameof(Upload), Upload, Import.Noun);
}
