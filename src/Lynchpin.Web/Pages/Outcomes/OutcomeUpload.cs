using Lynchpin.Core.Audit;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.Pages.Outcomes;

/// <summary>The two outcomes import pages, as their shared form (<c>_OutcomeImportForm</c>) binds them.</summary>
public interface IOutcomeImportPage
{
    OutcomeFile Kind { get; }
    string? Year { get; set; }
    IFormFile? Upload { get; set; }
    ImportResult? Result { get; }
    /// <summary>The caption over the heading: the trust's or the school's name.</summary>
    string Caption { get; }
    /// <summary>Whose figures are kept: "the schools of Northfield Trust".</summary>
    string Schools { get; }
}

/// <summary>
/// What the two outcomes import pages share (a trust's, for all its schools; a school's, for its own row): the form's
/// checks, the import and its audit. The file is the public one as published; the year is the school year it is for.
/// </summary>
public static class OutcomeUpload
{
    public static readonly string[] Keys = Enum.GetValues<OutcomeFile>().Select(f => f.Key()).ToArray();

    /// <summary>The help shown above the form: the columns kept and what happens to the rest.</summary>
    public static IReadOnlyList<string> Help(OutcomeFile kind) =>
    [
        $"the file as published, in CSV or XLSX: the column {OutcomeMeasures.UrnColumn(kind)} names each school; in a workbook the headings are the first row holding {OutcomeMeasures.UrnColumn(kind)}, and title rows above it are skipped",
        $"Lynchpin keeps {string.Join(", ", OutcomeMeasures.Of(kind).Select(m => m.Column))}; every other column is ignored",
        "SUPP, NE, NP, NA, NEW, LOWCOV, x, c, z, low, an empty cell or any other text where a number belongs is kept as missing, never as zero",
        "rows for schools Lynchpin does not hold here are counted and skipped",
        "importing a year again replaces that year's figures for the schools in the file",
    ];

    /// <summary>Checks the year and the file, adding errors to Year and Upload; the year by its start, or null.</summary>
    public static int? Check(ModelStateDictionary state, string? yearText, IFormFile? upload)
    {
        int? year = SchoolYear.TryParse(yearText, out var start) ? start : null;
        if (year is null)
        {
            state.AddModelError("Year", string.IsNullOrWhiteSpace(yearText)
                ? "Enter the school year the file is for, such as 2023 or 2023/24"
                : "The school year must be written like 2023 or 2023/24");
        }
        var extension = Path.GetExtension(upload?.FileName ?? "").ToLowerInvariant();
        if (upload is null || upload.Length == 0)
        {
            state.AddModelError("Upload", "Select a CSV or XLSX file");
        }
        else if (extension is not (".csv" or ".xlsx"))
        {
            state.AddModelError("Upload", "The selected file must be a CSV or XLSX");
        }
        else if (upload.Length > ImportLimits.MaxFileBytes)
        {
            state.AddModelError("Upload", $"The selected file must be smaller than {ImportLimits.Megabytes(ImportLimits.MaxFileBytes)}");
        }
        return state.IsValid ? year : null;
    }

    /// <summary>Runs the import, audits it, and puts a refused file's message on Upload.</summary>
    public static async Task<ImportResult> RunAsync(OutcomeImports imports, AuditLog audit, ModelStateDictionary state, OutcomeFile kind, int year,
        IFormFile upload, int? trustId, int? schoolId, AuditSubject subject, CancellationToken ct)
    {
        await using var stream = upload.OpenReadStream();
        var result = await imports.ImportAsync(new OutcomeImportRequest(kind, year, stream, upload.FileName, trustId, schoolId), ct);
        await audit.ImportedAsync($"outcomes-{kind.Key()}", upload.FileName, result, subject, ct);
        if (!result.Succeeded)
        {
            state.AddModelError("Upload", $"The file has {result.ErrorCount:N0} {(result.ErrorCount == 1 ? "problem" : "problems")}. Nothing was imported: fix the rows listed and upload it again");
        }
        return result;
    }

    public static string Summary(OutcomeFile kind, int year, ImportResult result) =>
        Cli.ImportCommands.OutcomesImported(kind, year, (OutcomeImportResult)result);
}
