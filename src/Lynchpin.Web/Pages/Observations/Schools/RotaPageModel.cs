namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>A page about one of the school's rotas (<c>…/rotas/{id:int}…</c>): after the school, the rota, 404 when it is not the school's.</summary>
public abstract class RotaPageModel : LeaderPageModel
{
    public ObservationRota Rota { get; private set; } = null!;

    /// <summary>The rota's route: its school and its id.</summary>
    public object RotaRoute => new { urn = School.Urn, id = Rota.Id };

    public string RotaUrl => Url.To<RotaModel>(RotaRoute);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var (id, schoolId) = (RouteInt("id"), School.Id);
        var rota = await Db.ObservationRotas.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.SchoolId == schoolId, ct);
        if (rota is null)
        {
            return NotFound();
        }
        Rota = rota;
        return null;
    }
}
