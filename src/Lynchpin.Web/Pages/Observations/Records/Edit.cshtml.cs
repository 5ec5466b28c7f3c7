using Lynchpin.Core.Audit;
using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Records;

/// <summary>Its observer changes what a record says; who was observed, the questions and the sharing stay as made.</summary>
public class EditModel(ObservationRecords records, ObservationSettingsEditor settingsEditor) : RecordPageModel
{
    public ObservationRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var refused = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        Input = RecordForm.From(Record);
        await AuditAsync(AuditActions.ObservationRecordRead, AuditSubject.Observation(Record), $"{Record.Kind.DisplayName()}, {Record.Date:yyyy-MM-dd}, to edit", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var refused = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var input = Input.ToInput(Record.VisitId, Record.Kind, Record.ObserverId, Record.ObserveeId);
        if (Record.VisitId is null && Input.Date is null)
        {
            ModelState.AddModelError("Input.Date", "Enter the date of the visit");
            return Invalid();
        }
        var result = await records.UpdateAsync(Record.Id, input, Input.Revision, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            RecordForm.AddErrors(ModelState, result.Errors.Where(e => e is not Lynchpin.Core.Data.Conflict), ShowsLessonFields, RecordJudgements);
            AddErrors(result.Errors.OfType<Conflict>());
            if (Conflict is not null)
            {
                await LoadAsync(id, ct);
                // The saved record as its form shows it, beside the typing (kept); what the form does not post is left out.
                var saved = RecordForm.From(Record);
                (saved.Kind, saved.ObserveeId) = (Input.Kind, Input.ObserveeId);
                ShowConflict(saved, Input);
            }
            return Invalid();
        }
        TempData["Success"] = "Your changes are saved.";
        return RedirectTo<ShowModel>(new { id = Record.Id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var record = await Db.ObservationRecords.AsNoTracking().Include(r => r.Observee).Include(r => r.Visit)
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }
        if (!await MayAsync(record, Operations.Manage))
        {
            return Forbid();
        }
        Record = record;
        Kind = record.Kind;
        Questions = record.Questions;
        ObserveeName = record.Observee.FullName;
        SharedWithObservee = record.SharedWithObservee;
        // A visit's lesson is the visit's; a drop-in's details may be corrected.
        ShowsLessonFields = record.VisitId is null;
        var settings = await settingsEditor.GetAsync(record.SchoolId, ct);
        // A judgement already written stays editable even if the school has stopped recording them.
        RecordJudgements = settings.RecordJudgements || record.Judgement is not null;
        if (record.Visit is { } v)
        {
            Lesson = LessonOf(v.Date, v.Period, v.Start, v.End, record.Observee.FullName, v.Class, v.Subject, v.YearGroup, v.Room);
        }
        else
        {
            Lesson = [("Teacher", record.Observee.FullName)];
        }
        SubmitText = "Save changes";
        CancelToRecord = record.Id;
        return null;
    }
}
