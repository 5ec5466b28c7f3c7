using System.Text;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>A stored rota as CSV, in the columns <c>rota generate</c> writes.</summary>
public class RotaCsvModel(RotaService rotas) : RotaPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rota = Rota;
        var csv = RotaCsv.ToCsv(await rotas.VisitsAsync(rota.Id, ct));
        var name = $"rota-{School.Urn}-{rota.Kind.Code()}-{rota.From:yyyy-MM-dd}-to-{rota.To:yyyy-MM-dd}.csv";
        return await ExportAsync(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name, AuditSubject.School(School), ct);
    }
}
