using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>The profile page's checkpoint table as a file: CSV or XLSX, with the same year, filters and team limit as the page.</summary>
public class ExportModel(ProfileCalculator calculator) : ProfilePageModel(calculator)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> Columns =
    [
        "checkpoint", "checkpoint_name", "date",
        .. Enumerable.Range(0, StageDistribution.StageCount).Select(n => $"stage_{n}"),
        "not_assessed", "in_post",
    ];

    [BindProperty(SupportsGet = true, Name = "format")] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var format = string.IsNullOrEmpty(Format) ? "csv" : Format.ToLowerInvariant();
        if (!ModelState.IsValid || format is not ("csv" or "xlsx"))
        {
            return BadRequest();
        }
        var profile = await Calculator.SchoolAsync(School.Id, ChosenYear, Filter, ct);
        var name = $"progression-profile-{School.Urn}-{SchoolYear.Name(ChosenYear).Replace('/', '-')}";
        var subject = AuditSubject.School(School);
        return format == "csv"
            ? await ExportAsync(Csv(profile), CsvContentType, name + ".csv", subject, ct)
            : await ExportAsync(Xlsx(profile), XlsxContentType, name + ".xlsx", subject, ct);
    }

    private static IEnumerable<object> Values(CheckpointProfile c) =>
    [
        c.Checkpoint.Number, c.Checkpoint.Name, c.Checkpoint.Date,
        .. c.Distribution.Stages.Cast<object>(),
        c.Distribution.NotAssessed, c.Distribution.InPost,
    ];

    public static byte[] Csv(SchoolProfile profile) =>
        Encoding.UTF8.GetBytes(SpreadsheetText.Csv(Columns, profile.Checkpoints.Select(checkpoint => (IReadOnlyList<string?>)Values(checkpoint)
            .Select(value => value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture))
            .ToList())));

    public static byte[] Xlsx(SchoolProfile profile)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add($"Profile {SchoolYear.Name(profile.Year).Replace('/', '-')}");
        for (var i = 0; i < Columns.Count; i++)
        {
            sheet.Cell(1, i + 1).Value = Columns[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }
        var row = 2;
        foreach (var checkpoint in profile.Checkpoints)
        {
            var column = 1;
            foreach (var value in Values(checkpoint))
            {
                var cell = sheet.Cell(row, column++);
                if (value is DateOnly date)
                {
                    cell.Value = date.ToDateTime(TimeOnly.MinValue);
                    cell.Style.DateFormat.Format = "yyyy-mm-dd";
                }
                else
                {
                    cell.Value = value is string text ? SpreadsheetText.Safe(text) : value;
                }
            }
            row++;
        }
        // Fixed widths: AdjustToContents measures text with System.Drawing, which needs libgdiplus on Linux.
        sheet.Column(2).Width = 22;
        sheet.Column(3).Width = 12;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
