using System.Text;
using Lynchpin.Core.Data;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Rota;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>A stored rota as CSV, in the columns <c>rota generate</c> writes.</summary>
public class RotaCsvModel(LynchpinDbContext db, IAuthorizationService authorization, RotaService rotas) : LeaderPageModel(db, authorization)
{
    public async Task<IActionResult> OnGetAsync(int urn, int id, CancellationToken ct)
    {
        if (await LoadSchoolAsync(urn, ct) is { } denied)
        {
            return denied;
        }
        var rota = await Db.ObservationRotas.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.SchoolId == School.Id, ct);
        if (rota is null)
        {
            return NotFound();
        }
        var csv = RotaCsv.ToCsv(await rotas.VisitsAsync(id, ct));
        var name = $"rota-{School.Urn}-{rota.Kind.Code()}-{rota.From:yyyy-MM-dd}-to-{rota.To:yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }
}
