using System.Globalization;
using Lynchpin.Core.Data;
using Lynchpin.Core.Observations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>Moves a visit to another lesson (the same observer); the service refuses a move that clashes or breaks a limit.</summary>
public class MoveVisitModel(LynchpinDbContext db, IAuthorizationService authorization, RotaService rotas) : VisitFormModel(db, authorization)
{
    public VisitRow Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, int id, int visitId, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, visitId, ct) is { } denied)
        {
            return denied;
        }
        Input = new VisitInput
        {
            Date = Visit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Period = Visit.Period,
            ObserveeId = Visit.ObserveeId.ToString(CultureInfo.InvariantCulture),
            Class = Visit.Class,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, int id, int visitId, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, visitId, ct) is { } denied)
        {
            return denied;
        }
        ModelState.Clear();
        if (ReadSlot() is not { } slot)
        {
            return BadRequestPage();
        }
        var moved = await rotas.MoveVisitAsync(visitId, slot, await RecorderAsync(ct), ct);
        if (!moved.Succeeded)
        {
            AddErrors(moved.Errors, Fields, "Input.Date");
            return BadRequestPage();
        }
        TempData["Success"] = $"Visit moved: {Visit.ObserverName} now visits on {RotaReport.Date(moved.Value!.Date)}, period {moved.Value.Period}.";
        return Redirect(RotaUrl);
    }

    private async Task<IActionResult?> LoadAsync(int urn, int id, int visitId, CancellationToken ct)
    {
        if (await LoadRotaAsync(urn, id, ct) is { } denied)
        {
            return denied;
        }
        if (!await Db.RotaVisits.AnyAsync(v => v.Id == visitId && v.RotaId == id, ct))
        {
            return NotFound();
        }
        Visit = (await VisitRow.ForRotaAsync(Db, id, ct)).Single(v => v.Id == visitId);
        return null;
    }
}
