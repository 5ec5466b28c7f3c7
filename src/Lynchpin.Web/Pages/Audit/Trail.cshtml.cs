using Lynchpin.Core.Audit;

namespace Lynchpin.Web.Pages.Audit;

/// <summary>
/// A trust's audit trail for its admins: who read or changed what, when and from where, filtered by dates, who and kind,
/// newest first, and the same rows as CSV (itself audited as an export). Read only: no form here changes a row.
/// </summary>
[Requires(nameof(Operations.ReadAudit))]
public class TrailModel(AuditTrail trail) : TrustPageModel
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public AuditRows Found { get; private set; } = new([], false);

    public bool Filtered { get; private set; }

    public IEnumerable<SelectListItem> KindItems =>
        [new SelectListItem("Every kind", ""), .. AuditTrail.Kinds.Select(k => new SelectListItem(k.Name, k.Key))];

    /// <summary>This page's address with the filters as they stand: the CSV link and the pagination keep them.</summary>
    public string CsvUrl => Url.Page(PageLinks.NameOf<TrailModel>(), "Csv", new { code = Trust.Code, from = From, to = To, actor = Actor, kind = Kind })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ReadFilter() is not { } filter)
        {
            return Invalid();
        }
        Found = await trail.FindAsync(Trust.Id, filter, AuditTrail.PageLimit, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (ReadFilter() is not { } filter)
        {
            return Invalid();
        }
        var rows = await trail.FindAsync(Trust.Id, filter, AuditTrail.CsvLimit, ct);
        var name = $"audit-{Trust.Code}-{Today:yyyy-MM-dd}.csv";
        return await ExportAsync(AuditTrail.Csv(rows.Rows), CsvContentType, name,
            new AuditSubject(Trust.Id, RecordType: AuditRecordTypes.Trust, RecordId: Trust.Code), ct);
    }

    /// <summary>The filter, or null with its problems on the form.</summary>
    private AuditFilter? ReadFilter()
    {
        var (filter, errors) = AuditTrail.Read(From, To, Actor, Kind);
        Filtered = !filter.IsEmpty;
        AddErrors(errors, field => field);
        return errors.Count == 0 ? filter : null;
    }
}
