using Lynchpin.Core.Audit;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Outcomes;

/// <summary>A trust's admins import a public file for every school of the trust it holds (others in the file are skipped).</summary>
[Requires(nameof(Operations.Manage))]
[RequestSizeLimit(ImportLimits.MaxFileBytes + 1024 * 1024)]
public class ImportTrustModel(OutcomeImports imports, AuditLog audit) : TrustPageModel, IOutcomeImportPage
{
    public string Caption => Trust.Name;

    public string Schools => $"the schools of {Trust.Name}";

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
        Result = await OutcomeUpload.RunAsync(imports, audit, ModelState, Kind, year, Upload!, Trust.Id, null, new AuditSubject(TrustId: Trust.Id), ct);
        if (!Result.Succeeded)
        {
            return Invalid();
        }
        TempData["Success"] = OutcomeUpload.Summary(Kind, year, Result);
        return RedirectTo<TrustModel>(new { code = Trust.Code, year });
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
