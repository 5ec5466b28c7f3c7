using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Lynchpin.Web.Pages.Shared;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>
/// Upload the timetable, the duty list or the observer list (CSV or XLSX). Each replaces the school's stored list, all or
/// nothing: a file with any bad row changes nothing and every problem is listed with its line.
/// </summary>
[RequestSizeLimit(MaxBytes)]
public class ImportModel(TimetableImporter timetable, DutyImporter duties, ObserverImporter observers) : LeaderPageModel
{
    public const int MaxBytes = ImportUpload.MaxBytes;

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

    public IActionResult OnGet(string what)
    {
        What = what;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, string what, CancellationToken ct)
    {
        What = what;
        if (!ImportUpload.Check(ModelState, Upload, $"the {Name}"))
        {
            return Invalid();
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
            ImportUpload.Refused(ModelState, Result);
            return Invalid();
        }
        var replaced = Result is ListImportResult list && list.Replaced > 0 ? $", replacing {list.Replaced} before" : "";
        TempData["Success"] = $"{char.ToUpperInvariant(Name[0])}{Name[1..]} imported: {Result.Created} {(What == "timetable" ? "lessons" : "rows")}{replaced}.";
        return Redirect(HubUrl);
    }
}
