using System.Globalization;
using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Records;

/// <summary>
/// Records a visit on a rota (<c>?visit=ID</c>, by its observer) or an unscheduled drop-in (a leader or a listed observer
/// chooses the kind first, then the person and lesson). The observer is always the signed-in person's staff record.
/// </summary>
public class NewModel(ObservationRecords records, ObservationSettingsEditor settingsEditor) : RecordPageModel
{
    public RotaVisit? Visit { get; private set; }

    /// <summary>A drop-in whose kind is not chosen yet: the page asks that first.</summary>
    public bool ChoosingKind { get; private set; }

    public string? KindCode { get; private set; }

    private StaffMember _observer = null!;

    /// <summary>The colleague to observe, when a suggestion of who to learn from linked here (a peer visit).</summary>
    public int? Observee { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? visit, string? kind, int? observee, CancellationToken ct)
    {
        var refused = await LoadAsync(visit, kind, ct);
        if (refused is not null)
        {
            return refused;
        }
        Observee = observee;
        if (Visit is null && !ChoosingKind)
        {
            Input.Date = Today;
            Input.ObserveeId = observee;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? visit, string? kind, CancellationToken ct)
    {
        var refused = await LoadAsync(visit, kind, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (ChoosingKind)
        {
            ModelState.AddModelError("kind", "Select the kind of visit");
            return Invalid();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var observeeId = Visit?.ObserveeId ?? Input.ObserveeId ?? 0;
        if (Visit is null && Input.ObserveeId is null)
        {
            ModelState.AddModelError("Input.ObserveeId", "Select the person you observed");
        }
        var result = await records.CreateAsync(_observer.SchoolId, Input.ToInput(Visit?.Id, Kind, _observer.Id, observeeId), await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            // The observee's own message is kept when the form already has one.
            RecordForm.AddErrors(ModelState, result.Errors.Where(e => !(e.Field == "ObserveeId" && Input.ObserveeId is null)), ShowsLessonFields, RecordJudgements);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = $"Your {Kind.DisplayName().ToLowerInvariant()} record is saved.";
        return RedirectTo<ShowModel>(new { id = result.Value!.Id });
    }

    private async Task<IActionResult?> LoadAsync(int? visitId, string? kind, CancellationToken ct)
    {
        var (db, scope) = (Db, await Access.GetAsync(ct));
        if (visitId is int id)
        {
            Visit = await db.RotaVisits.AsNoTracking().Include(v => v.Rota).Include(v => v.Observee).SingleOrDefaultAsync(v => v.Id == id, ct);
            if (Visit is null)
            {
                return NotFound();
            }
            if (!await MayAsync(Visit, Operations.RecordObservation))
            {
                return Forbid();
            }
            var existing = await db.ObservationRecords.Where(r => r.VisitId == id).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
            if (existing is int recordId)
            {
                return RedirectTo<EditModel>(new { id = recordId });
            }
            Kind = Visit.Rota.Kind;
            ObserveeName = Visit.Observee.FullName;
            Lesson = LessonOf(Visit.Date, Visit.Period, Visit.Start, Visit.End, Visit.Observee.FullName, Visit.Class, Visit.Subject, Visit.YearGroup, Visit.Room);
        }
        if (scope.OwnStaffId is not int own)
        {
            // The observer is the person signed in: an account without a staff record cannot be one.
            return Forbid();
        }
        _observer = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleAsync(s => s.Id == own, ct);
        if (Visit is null)
        {
            if (!await MayAsync(_observer.School, Operations.RecordObservation))
            {
                return Forbid();
            }
            ShowsLessonFields = true;
            ShowsObservee = true;
            if (ObservationCodes.TryParseKind(kind, out var chosen))
            {
                Kind = chosen;
                KindCode = chosen.Code();
            }
            else
            {
                ChoosingKind = true;
            }
            var today = Today;
            ObserveeOptions = [new SelectListItem("Select a person", ""),
                .. (await db.StaffMembers.AsNoTracking()
                    .Where(s => s.SchoolId == _observer.SchoolId && s.Id != own && (s.LeavingDate == null || s.LeavingDate >= today))
                    .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
                    .Select(s => new { s.Id, s.FirstName, s.LastName, s.JobTitle }).ToListAsync(ct))
                .Select(s => new SelectListItem($"{s.FirstName} {s.LastName} ({s.JobTitle})", s.Id.ToString(CultureInfo.InvariantCulture)))];
        }
        else if (Visit.ObserverId != own)
        {
            return Forbid();
        }

        var settings = await settingsEditor.GetAsync(_observer.SchoolId, ct);
        RecordJudgements = settings.RecordJudgements;
        SharedWithObservee = settings.Shares(ObserverKinds.Of(_observer));
        if (!ChoosingKind)
        {
            Questions = await records.QuestionsAsync(_observer.SchoolId, Kind, ct);
        }
        SubmitText = "Save record";
        return null;
    }
}
