using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.Pages.Observations.Records;

/// <summary>What the record form posts; the lesson details are asked only for a drop-in with no visit.</summary>
public class RecordForm : IRevisedInput
{
    /// <summary>The record's revision when the edit form was opened (0 on a new record).</summary>
    public int Revision { get; set; }

    [Display(Name = "kind of visit")] public string? Kind { get; set; }
    [Display(Name = "person observed")] public int? ObserveeId { get; set; }
    [Display(Name = "date")] public DateOnly? Date { get; set; }
    [Display(Name = "period")] public string? Period { get; set; }
    [Display(Name = "class")] public string? Class { get; set; }
    [Display(Name = "subject")] public string? Subject { get; set; }
    [Display(Name = "year group")] public string? YearGroup { get; set; }
    [Display(Name = "time you arrived")] public TimeOnly? TimeFrom { get; set; }
    [Display(Name = "time you left")] public TimeOnly? TimeTo { get; set; }
    public List<string?> Answers { get; set; } = [];
    [Display(Name = "notes on learning")] public string? Notes { get; set; }
    [Display(Name = "judgement")] public string? Judgement { get; set; }

    public ObservationInput ToInput(int? visitId, ObservationKind kind, int observerId, int observeeId) => new()
    {
        VisitId = visitId,
        Kind = kind,
        ObserverId = observerId,
        ObserveeId = observeeId,
        Date = Date,
        Period = Period,
        TimeFrom = TimeFrom,
        TimeTo = TimeTo,
        Class = Class,
        Subject = Subject,
        YearGroup = YearGroup,
        Answers = Answers,
        Notes = Notes,
        Judgement = Judgement,
    };

    public static RecordForm From(ObservationRecord record) => new()
    {
        Revision = record.Revision,
        Kind = record.Kind.Code(),
        ObserveeId = record.ObserveeId,
        Date = record.Date,
        Period = record.Period,
        Class = record.Class,
        Subject = record.Subject,
        YearGroup = record.YearGroup,
        TimeFrom = record.TimeFrom,
        TimeTo = record.TimeTo,
        Answers = [.. record.Answers],
        Notes = record.Notes,
        Judgement = record.Judgement,
    };

    /// <summary>
    /// The service's errors on the form's fields. "Answer at least one question" goes on the first answer, so the error
    /// summary links somewhere; errors on fields the form does not show (the visit, the observer) have no link.
    /// </summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<FieldError> errors, bool showsLessonFields, bool showsJudgement)
    {
        foreach (var error in errors)
        {
            var key = error.Field switch
            {
                nameof(ObservationInput.Answers) => "Input.Answers[0]",
                nameof(ObservationInput.VisitId) or nameof(ObservationInput.ObserverId) => "",
                nameof(ObservationInput.ObserveeId) or nameof(ObservationInput.Date) or nameof(ObservationInput.Period)
                    or nameof(ObservationInput.Class) or nameof(ObservationInput.Subject) or nameof(ObservationInput.YearGroup)
                    when !showsLessonFields => "",
                nameof(ObservationInput.Judgement) when !showsJudgement => "",
                _ => $"Input.{error.Field}",
            };
            modelState.AddModelError(key, error.Message);
        }
    }
}
