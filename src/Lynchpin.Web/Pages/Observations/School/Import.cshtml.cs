using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>
/// Upload the timetable, the duty list or the observer list (CSV or XLSX). Each replaces the school's stored list, all or
/// nothing: a file with any bad row changes nothing and every problem is listed with its line.
/// </summary>
[RequestSizeLimit(MaxBytes)]
public class ImportModel(LynchpinDbContext db, IAuthorizationService authorization,
    TimetableImporter timetable, DutyImporter duties, ObserverImporter observers) : LeaderPageModel(db, authorization)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>timetable, duties or observers (the route allows only these).</summary>
    public string What { get; private set; } = "";

    public string Name => What switch
    {
        "timetable" => "timetable",
        "duties" => "duties",
        _ => "observers",
    };

    public IReadOnlyList<string> Columns => What switch
    {
        "timetable" => TimetableImportColumns.All,
        "duties" => [DutyImportColumns.Week, DutyImportColumns.Day, DutyImportColumns.Period, DutyImportColumns.StaffRef, DutyImportColumns.Duty],
        _ => [ObserverImportColumns.StaffRef, ObserverImportColumns.Visits, ObserverImportColumns.YearGroup],
    };

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, string what, CancellationToken ct)
    {
        What = what;
        return await LoadSchoolAsync(urn, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, string what, CancellationToken ct)
    {
        What = what;
        if (await LoadSchoolAsync(urn, ct) is { } denied)
        {
            return denied;
        }
        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), $"Select a CSV or XLSX file of the {Name}");
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
            return BadRequestPage();
        }

        await using var stream = Upload!.OpenReadStream();
        Result = What switch
        {
            "timetable" => await timetable.ImportAsync(urn, stream, Upload.FileName, ct),
            "duties" => await duties.ImportAsync(urn, stream, Upload.FileName, ct),
            _ => await observers.ImportAsync(urn, stream, Upload.FileName, ct),
        };
        if (!Result.Succeeded)
        {
            ModelState.AddModelError(nameof(Upload),
                $"The file has {Result.Errors.Count} {(Result.Errors.Count == 1 ? "problem" : "problems")}. Nothing was imported: fix the rows listed and upload it again");
            return BadRequestPage();
        }
        var replaced = Result is ListImportResult list && list.Replaced > 0 ? $", replacing {list.Replaced} before" : "";
        TempData["Success"] = $"{char.ToUpperInvariant(Name[0])}{Name[1..]} imported: {Result.Created} {(What == "timetable" ? "lessons" : "rows")}{replaced}.";
        return Redirect(HubUrl);
    }
}
