using System.Globalization;
using ClosedXML.Excel;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Coaching;

/// <summary>
/// A school's coaching report for a year, for governors, the trust or the virtual school: visits, the action plan's aims,
/// actions and reviews, focus groups, PEP timeliness in numbers and the impact figures. No pupil is named in it.
/// </summary>
public class CoachingReport(LynchpinDbContext db, ActionPlans plans, ImpactReports impact, Peps peps)
{
    /// <summary>One table of the report: a sheet in the workbook, a section of the CSV.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows);

    public async Task<IReadOnlyList<Table>> TablesAsync(School school, int year, CancellationToken cancellationToken = default)
    {
        var visits = await db.CoachingVisits.AsNoTracking().Include(v => v.Coach).Where(v => v.SchoolId == school.Id && v.Year == year)
            .OrderBy(v => v.Date).ToListAsync(cancellationToken);
        var plan = await plans.FindAsync(school.Id, year, cancellationToken);
        var groups = await db.FocusGroups.AsNoTracking()
            .Where(g => g.SchoolId == school.Id && g.HeldOn >= SchoolYear.Start(year) && g.HeldOn <= SchoolYear.End(year))
            .OrderBy(g => g.HeldOn).ToListAsync(cancellationToken);
        var statuses = await peps.StatusesAsync(db.Pupils.Where(p => p.SchoolId == school.Id), cancellationToken);
        var figures = new List<IReadOnlyList<string?>>();
        foreach (var measure in ImpactMeasures.InOrder)
        {
            var report = await impact.ForSchoolAsync(school, year, measure, cancellationToken);
            figures.AddRange(report.Years.Select(f => (IReadOnlyList<string?>)
                [measure.Name(), SchoolYear.Name(f.Year) + (f.Year == report.BaselineYear ? " (baseline)" : ""), N(f.N),
                 f.TooFew ? "too few to compare" : D(f.Value), D(f.Low), D(f.High)]));
            figures.AddRange(report.Reference.Select(r => (IReadOnlyList<string?>)
                [measure.Name(), SchoolYear.Name(r.Year), r.Scope == ReferenceFigure.National ? "England (published)" : $"{r.AreaName} (published)",
                 r.Value is null ? ReferenceValues.Meaning(r.Symbol) : D(r.Value), null, null]));
        }

        return
        [
            new("Visits", ["date", "status", "coach", "who met", "areas", "notes", "actions agreed", "next visit"],
                visits.Select(v => (IReadOnlyList<string?>)[Date(v.Date), v.Status.ToString(), v.Coach.Email, v.WhoMet,
                    string.Join("; ", v.Areas.Select(a => a.Name())), v.Notes, v.ActionsAgreed, v.NextVisitOn is { } n ? Date(n) : null]).ToList()),
            new("Aims", ["area", "aim"], CoachingAreas.InOrder.Select(a => (IReadOnlyList<string?>)[a.Name(), plan?.Aims.FirstOrDefault(x => x.Area == a)?.Text]).ToList()),
            new("Actions", ["area", "action", "owner", "due", "status", "evidence"],
                (plan?.Actions ?? []).OrderBy(a => a.Area).ThenBy(a => a.DueOn).Select(a => (IReadOnlyList<string?>)[a.Area.Name(), a.Description,
                    a.Owner?.FullName, a.DueOn is { } d ? Date(d) : null, a.Status.ToString(), a.Evidence]).ToList()),
            new("Reviews", ["area", "date", "status", "note"],
                (plan?.Reviews ?? []).OrderBy(r => r.ReviewedOn).Select(r => (IReadOnlyList<string?>)[r.Area.Name(), Date(r.ReviewedOn), r.Status.ToString(), r.Note]).ToList()),
            new("Focus groups", ["date", "who", "how many", "themes"],
                groups.Select(g => (IReadOnlyList<string?>)[Date(g.HeldOn), g.Kind.ToString(), N(g.Participants), string.Join("; ", g.Themes)]).ToList()),
            new("PEPs", ["looked-after pupils", "PEP overdue", "PEP on time", "date entered care not known"],
                [[N(statuses.Count), N(statuses.Count(s => s.Timeliness?.IsOverdue == true)), N(statuses.Count(s => s.Timeliness?.IsOverdue == false)),
                  N(statuses.Count(s => s.EnteredCareUnknown))]]),
            new("Impact", ["measure", "year", "pupils or source", "value (%)", "95% low", "95% high"], figures),
        ];
    }

    public static byte[] Xlsx(IReadOnlyList<Table> tables)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(table.Name);
            for (var c = 0; c < table.Header.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = table.Header[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    // Text cells, never formulas: a note beginning "=" stays a note.
                    sheet.Cell(r + 2, c + 1).SetValue(table.Rows[r][c] ?? "");
                }
            }
            // Fixed widths: AdjustToContents measures text with System.Drawing, which needs libgdiplus on Linux.
            sheet.Columns(1, table.Header.Count).Width = 24;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Every table in one CSV, each row starting with its table's name.</summary>
    public static string Csv(IReadOnlyList<Table> tables) =>
        string.Concat(tables.Select(t => SpreadsheetText.Csv(["table", .. t.Header], t.Rows.Select(r => (IReadOnlyList<string?>)[t.Name, .. r]))));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? D(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);
}
