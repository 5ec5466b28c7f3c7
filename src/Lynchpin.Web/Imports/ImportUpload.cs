using Lynchpin.Core.Imports;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.Imports;

/// <summary>The checks every upload page makes of its file before the import pipeline reads it.</summary>
public static class ImportUpload
{
    /// <summary>Adds an error to <paramref name="field"/> when there is no file, it is not a CSV or XLSX, or it is too big.</summary>
    public static bool Check(ModelStateDictionary state, string field, IFormFile? upload, string noun)
    {
        var extension = Path.GetExtension(upload?.FileName ?? "").ToLowerInvariant();
        if (upload is null || upload.Length == 0)
        {
            state.AddModelError(field, $"Select a CSV or XLSX file of {noun}");
        }
        else if (extension is not (".csv" or ".xlsx"))
        {
            state.AddModelError(field, "The selected file must be a CSV or XLSX");
        }
        else if (upload.Length > ImportLimits.MaxFileBytes)
        {
            state.AddModelError(field, $"The selected file must be smaller than {ImportLimits.Megabytes(ImportLimits.MaxFileBytes)}");
        }
        return state.IsValid;
    }

    /// <summary>The message on the file field when the pipeline refused it: nothing was imported.</summary>
    public static string Refused(ImportResult result) =>
        $"The file has {result.ErrorCount:N0} {(result.ErrorCount == 1 ? "problem" : "problems")}. Nothing was imported: fix the rows listed and upload it again";
}
