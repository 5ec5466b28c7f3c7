using System.Globalization;
using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>Moves a visit to another lesson (the same observer); the service refuses a move that clashes or breaks a limit.</summary>
public class MoveVisitModel(RotaService rotas) : VisitFormModel
{
    public VisitRow Visit { get; private set; } = null!;

    public void OnGet()
    {
        Input = new VisitInput
        {
            Date = Visit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Period = Visit.Period,
            ObserveeId = Visit.ObserveeId.ToString(CultureInfo.InvariantCulture),
            Class = Visit.Class,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (ReadSlot() is not { } slot)
        {
            return Invalid();
        }
        var moved = await rotas.MoveVisitAsync(Visit.Id, slot, await RecorderAsync(ct), ct);
        if (!moved.Succeeded)
        {
            AddErrors(moved.Errors, Fields, "Input.Date");
            return Invalid();
        }
        TempData["Success"] = $"Visit moved: {Visit.ObserverName} now visits on {RotaReport.Date(moved.Value!.Date)}, period {moved.Value.Period}.";
        return RedirectTo<RotaModel>(RotaRoute);
    }

    /// <summary>After the rota: the visit in the URL, 404 when it is not on the rota.</summary>
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var (id, visitId) = (Rota.Id, RouteInt("visitId"));
        if (!await Db.RotaVisits.AnyAsync(v => v.Id == visitId && v.RotaId == id, ct))
        {
            return NotFound();
        }
        Visit = (await VisitRow.ForRotaAsync(Db, id, ct)).Single(v => v.Id == visitId);
        return null;
    }
}
