using Lynchpin.Core.Imports;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>What every import page checks of its upload, and how it says a file was refused, in the same words everywhere.</summary>
public static class ImportUpload
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Adds an error to <c>Upload</c> when no file, not a CSV or XLSX, or too big; true when the file may be read.</summary>
    public static bool Check(ModelStateDictionary modelState, IFormFile? upload, string fileOf)
    {
        var extension = Path.GetExtension(upload?.FileName ?? "").ToLowerInvariant();
        if (upload is null || upload.Length == 0)
        {
            modelState.AddModelError("Upload", $"Select a CSV or XLSX file of {fileOf}");
        }
        else if (extension is not (".csv" or ".xlsx"))
        {
            modelState.AddModelError("Upload", "The selected file must be a CSV or XLSX");
        }
        else if (upload.Length > MaxBytes)
        {
            modelState.AddModelError("Upload", "The selected file must be smaller than 10 MB");
        }
        return modelState.IsValid;
    }

    /// <summary>The error summary's line for a file with bad rows; the rows themselves are listed on the page.</summary>
    public static void Refused(ModelStateDictionary modelState, ImportResult result) =>
        modelState.AddModelError("Upload",
            $"The file has {result.Errors.Count} {(result.Errors.Count == 1 ? "problem" : "problems")}. Nothing was imported: fix the rows listed and upload it again");
}
