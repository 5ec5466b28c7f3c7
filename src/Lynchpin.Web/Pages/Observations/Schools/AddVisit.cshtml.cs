using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>Adds a visit by an observer on the list; the service refuses one that clashes or breaks a limit.</summary>
public class AddVisitModel(RotaService rotas) : VisitFormModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var observer = ParseId(Input.ObserverId, "Input.ObserverId", "Choose the observer");
        if (ReadSlot() is not { } slot || observer is null)
        {
            return Invalid();
        }
        var added = await rotas.AddVisitAsync(Rota.Id, observer.Value, slot, await RecorderAsync(ct), ct);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors, Fields, "Input.Date");
            return Invalid();
        }
        TempData["Success"] = $"Visit added on {RotaReport.Date(added.Value!.Date)}, period {added.Value.Period}.";
        return RedirectTo<RotaModel>(RotaRoute);
    }
}
