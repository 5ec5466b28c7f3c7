using Lynchpin.Core.Audit;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Outcomes;

/// <summary>A school's leaders (and its trust's admins) import a public file for the school: its own row is kept, the rest skipped.</summary>
[Requires(nameof(Operations.Manage))]
[RequestSizeLimit(ImportLimits.MaxFileBytes + 1024 * 1024)]
public class ImportSchoolModel(OutcomeImports imports, AuditLog audit) : SchoolPageModel, IOutcomeImportPage
{
    public string Caption => School.Name;

    public string Schools => School.Name;

    public OutcomeFile Kind { get; private set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public IActionResult OnGet()
    {
        Year ??= SchoolYear.Name(SchoolYear.Of(Today) - 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (OutcomeUpload.Check(ModelState, Year, Upload) is not { } year)
        {
            return Invalid();
        }
        Result = await OutcomeUpload.RunAsync(imports, audit, ModelState, Kind, year, Upload!, null, School.Id, AuditSubject.School(School), ct);
        if (!Result.Succeeded)
        {
            return Invalid();
        }
        TempData["Success"] = OutcomeUpload.Summary(Kind, year, Result);
        return RedirectTo<SchoolModel>(new { urn = School.Urn });
    }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (OutcomeMeasures.FromKey(RouteString("file")) is not { } kind)
        {
            return NotFound();
        }
        Kind = kind;
        return await base.LoadAsync(ct);
    }
}
