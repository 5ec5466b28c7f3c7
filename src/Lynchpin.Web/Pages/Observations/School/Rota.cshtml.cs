using System.Text.Json;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Rota;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>One stored rota: the solver's report, how it measures, the checker's verdict against today's data, and its visits by date.</summary>
public class RotaModel(LynchpinDbContext db, IAuthorizationService authorization, RotaService rotas) : LeaderPageModel(db, authorization)
{
    public ObservationRota Rota { get; private set; } = null!;

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    /// <summary>The solver's per-goal figures, shown once, right after the rota is made (they are not stored).</summary>
    public IReadOnlyList<RotaGoal>? Goals { get; private set; }

    public RotaMeasures? Measures { get; private set; }

    /// <summary>What the checker found; null when it could not run (<see cref="CheckErrors"/> say why).</summary>
    public IReadOnlyList<RotaViolation>? Violations { get; private set; }

    public IReadOnlyList<string> CheckErrors { get; private set; } = [];

    public string RotaUrl => $"/schools/{School.Urn}/observations/rotas/{Rota.Id}";

    public async Task<IActionResult> OnGetAsync(int urn, int id, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, ct) is { } denied)
        {
            return denied;
        }
        if (TempData[GenerateModel.GoalsKey] is string goals)
        {
            Goals = JsonSerializer.Deserialize<List<RotaGoal>>(goals);
        }
        await ReportAsync(ct);
        return Page();
    }

    /// <summary>Takes a visit off the rota (a record already made for it is kept).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int urn, int id, int visitId, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, ct) is { } denied)
        {
            return denied;
        }
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
        return Redirect(RotaUrl);
    }

    private async Task<IActionResult?> LoadAsync(int urn, int id, CancellationToken ct)
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
        Rota = rota;
        Visits = await VisitRow.ForRotaAsync(Db, id, ct);
        return null;
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        var check = await rotas.CheckAsync(Rota.Id, ct);
        Violations = check.Value;
        CheckErrors = check.Errors.Select(e => e.Message).ToList();
        var built = await rotas.BuildProblemAsync(School.Id, Rota.From, Rota.To, Rota.Kind,
            new RotaOverrides { MaxVisitsPerObservee = Rota.MaxVisitsPerObservee, MaxObserversPerLesson = Rota.MaxObserversPerLesson }, ct);
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
