using Lynchpin.Core.Data;
using Lynchpin.Core.Observations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>Adds a visit by an observer on the list; the service refuses one that clashes or breaks a limit.</summary>
public class AddVisitModel(LynchpinDbContext db, IAuthorizationService authorization, RotaService rotas) : VisitFormModel(db, authorization)
{
    public async Task<IActionResult> OnGetAsync(int urn, int id, CancellationToken ct) => await LoadRotaAsync(urn, id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int urn, int id, CancellationToken ct)
    {
        if (await LoadRotaAsync(urn, id, ct) is { } denied)
        {
            return denied;
        }
        ModelState.Clear();
        var observer = ParseId(Input.ObserverId, "Input.ObserverId", "Choose the observer");
        if (ReadSlot() is not { } slot || observer is null)
        {
            return BadRequestPage();
        }
        var added = await rotas.AddVisitAsync(id, observer.Value, slot, await RecorderAsync(ct), ct);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors, Fields, "Input.Date");
            return BadRequestPage();
        }
        TempData["Success"] = $"Visit added on {RotaReport.Date(added.Value!.Date)}, period {added.Value.Period}.";
        return Redirect(RotaUrl);
    }
}
