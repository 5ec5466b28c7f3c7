using Lynchpin.Core.Audit;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Imports;

namespace Lynchpin.Web.Pages.Coaching;

/// <summary>
/// Uploading the DfE's "Outcomes for children in need, including children looked after" file, as <c>import outcomes-reference</c>
/// does: every row applies or none does, each bad row listed by its line. Public statistics, for every school's impact page,
/// so for virtual schools and trust admins (those who set caseloads); audited as every import is.
/// </summary>
[RequestSizeLimit(ImportLimits.MaxFileBytes + 1024 * 1024)]
public class ImportReferenceModel(OutcomeReferenceImporter importer, CoachingAccess coaching, AuditLog audit) : LynchpinPageModel
{
    public const string Key = "outcomes-reference";

    public sealed record StoredYear(int Year, int Authorities, bool England);

    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public IReadOnlyList<StoredYear> Stored { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await coaching.GetAsync(ct)).MayImportReference)
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await coaching.GetAsync(ct)).MayImportReference)
        {
            return Forbid();
        }
        if (ImportUpload.Check(ModelState, nameof(Upload), Upload, "reference figures"))
        {
            await using var stream = Upload!.OpenReadStream();
            Result = await importer.ImportAsync(stream, Upload.FileName, ct);
            await audit.ImportedAsync(Key, Upload.FileName, Result, AuditSubject.None, ct);
            if (Result.Succeeded)
            {
                TempData["Success"] = ((OutcomeReferenceImportResult)Result).Describe();
                return RedirectTo<ImportReferenceModel>();
            }
            ModelState.AddModelError(nameof(Upload), ImportUpload.Refused(Result));
        }
        await LoadAsync(ct);
        return Invalid();
    }

    /// <summary>The years the stored figures cover, with how many authorities each has: what an upload adds to or revises.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await Db.OutcomeReferences.AsNoTracking().Where(r => r.SocialCareGroup == OutcomeReferenceRow.LookedAfterGroup)
            .Select(r => new { r.Year, r.Level, r.AreaCode }).Distinct().ToListAsync(ct);
        Stored = rows.GroupBy(r => r.Year).OrderByDescending(g => g.Key)
            .Select(g => new StoredYear(g.Key, g.Count(r => r.Level == ReferenceLevel.LocalAuthority), g.Any(r => r.Level == ReferenceLevel.National)))
            .ToList();
    }

    public static string YearName(int year) => SchoolYear.Name(year);
}
