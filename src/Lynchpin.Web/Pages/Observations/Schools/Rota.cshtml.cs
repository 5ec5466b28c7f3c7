using System.Text.Json;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>One stored rota: the solver's report, how it measures, the checker's verdict against today's data, and its visits by date.</summary>
public class RotaModel(RotaService rotas) : RotaPageModel
{
    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    /// <summary>The solver's per-goal figures, shown once, right after the rota is made (they are not stored).</summary>
    public IReadOnlyList<RotaGoal>? Goals { get; private set; }

    public RotaMeasures? Measures { get; private set; }

    /// <summary>What the checker found; null when it could not run (<see cref="CheckErrors"/> say why).</summary>
    public IReadOnlyList<RotaViolation>? Violations { get; private set; }

    public IReadOnlyList<string> CheckErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData[GenerateModel.GoalsKey] is string goals)
        {
            Goals = JsonSerializer.Deserialize<List<RotaGoal>>(goals);
        }
        await ReportAsync(ct);
    }

    /// <summary>Takes a visit off the rota (a record already made for it is kept).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int visitId, CancellationToken ct)
    {
        var visit = Visits.FirstOrDefault(v => v.Id == visitId);
        if (visit is null)
        {
            return NotFound();
        }
        var removed = await rotas.RemoveVisitAsync(visitId, ct);
        if (!removed.Succeeded)
        {
            return NotFound();
        }
        TempData["Success"] = $"Visit removed: {visit.ObserverName} to {visit.ObserveeName}, {RotaReport.Date(visit.Date)} period {visit.Period}.";
        return RedirectTo<RotaModel>(RotaRoute);
    }

    /// <summary>Deletes the whole rota; records already made for its visits are kept.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var deleted = await rotas.DeleteAsync(Rota.Id, ct);
        if (deleted.Value is not { } rota)
        {
            return NotFound();
        }
        TempData["Success"] = $"Deleted {rota.Description} and its {rota.Visits} {(rota.Visits == 1 ? "visit" : "visits")}. Records already made are kept.";
        return Redirect(HubUrl);
    }

    /// <summary>After the rota: its visits, which both the page and a removal need.</summary>
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Visits = await VisitRow.ForRotaAsync(Db, Rota.Id, ct);
        return null;
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        var check = await rotas.CheckAsync(Rota.Id, ct);
        Violations = check.Value;
        CheckErrors = check.Errors.Select(e => e.Message).ToList();
        // Measured as it was planned: from when it was made, beside the school's other rotas.
        var built = await rotas.BuildProblemAsync(School.Id, Rota.From, Rota.To, Rota.Kind,
            new RotaOverrides { MaxVisitsPerObservee = Rota.MaxVisitsPerObservee, MaxObserversPerLesson = Rota.MaxObserversPerLesson }, ct,
            SchoolClock.FromUtc(Rota.CreatedAt), [Rota.Id]);
        if (built.Value is { } problem)
        {
            Measures = RotaMeasures.Of(problem.Problem, (await rotas.VisitsAsync(Rota.Id, ct)).ToList());
        }
    }
}

/// <summary>A visit as the rota page lists it.</summary>
public sealed record VisitRow(int Id, DateOnly Date, TimetableWeek Week, string Period, TimeOnly Start, TimeOnly End,
    int ObserverId, string ObserverName, string ObserverRef, ObserverKind ObserverKind, int ObserveeId, string ObserveeName, string ObserveeRef,
    string Class, string Subject, string YearGroup, string Room, string? ChangedByName)
{
    public static async Task<IReadOnlyList<VisitRow>> ForRotaAsync(LynchpinDbContext db, int rotaId, CancellationToken ct)
    {
        var rows = await db.RotaVisits.AsNoTracking().Where(v => v.RotaId == rotaId)
            .Select(v => new VisitRow(v.Id, v.Date, v.Week, v.Period, v.Start, v.End,
                v.ObserverId, v.Observer.FirstName + " " + v.Observer.LastName, v.Observer.StaffRef, v.ObserverKind,
                v.ObserveeId, v.Observee.FirstName + " " + v.Observee.LastName, v.Observee.StaffRef,
                v.Class, v.Subject, v.YearGroup, v.Room, v.ChangedByName))
            .ToListAsync(ct);
        return rows.OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Period, StringComparer.Ordinal)
            .ThenBy(v => v.ObserverName, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
