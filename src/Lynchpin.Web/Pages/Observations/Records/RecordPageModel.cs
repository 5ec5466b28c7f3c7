using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Records;

/// <summary>What the new-record and edit pages share: the form, the questions it asks and what it says about sharing.</summary>
public abstract class RecordPageModel : LynchpinPageModel
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public ObservationKind Kind { get; protected set; }
    public IReadOnlyList<string> Questions { get; protected set; } = [];

    /// <summary>A drop-in with no visit asks for the lesson; a visit brings its own.</summary>
    public bool ShowsLessonFields { get; protected set; }

    /// <summary>Only a new drop-in chooses whom it observed; a record keeps its observee.</summary>
    public bool ShowsObservee { get; protected set; }

    public bool RecordJudgements { get; protected set; }
    public bool SharedWithObservee { get; protected set; }
    public string ObserveeName { get; protected set; } = "";
    public IReadOnlyList<SelectListItem> ObserveeOptions { get; protected set; } = [];
    public string SubmitText { get; protected set; } = "Save record";
    /// <summary>The record a Cancel link goes back to; without one, the person's visits.</summary>
    protected int? CancelToRecord { get; set; }

    public string CancelHref => CancelToRecord is int id ? Url.To<ShowModel>(new { id }) : Url.To<Visits.IndexModel>();

    /// <summary>The lesson, for a visit or a record being edited, shown above the form.</summary>
    public IReadOnlyList<(string Key, string Value)> Lesson { get; protected set; } = [];

    protected static IReadOnlyList<(string, string)> LessonOf(DateOnly date, string? period, TimeOnly? start, TimeOnly? end, string observee,
        string? @class, string? subject, string? yearGroup, string? room)
    {
        var rows = new List<(string, string)> { ("Date", date.ToString("dddd d MMMM yyyy")) };
        if (!string.IsNullOrEmpty(period))
        {
            rows.Add(("Period", start is { } s && end is { } e ? $"{period} ({s:HH:mm} to {e:HH:mm})" : period));
        }
        rows.Add(("Teacher", observee));
        if (!string.IsNullOrEmpty(@class))
        {
            rows.Add(("Class", string.IsNullOrEmpty(subject) ? @class : $"{@class}, {subject}"));
        }
        if (!string.IsNullOrEmpty(yearGroup))
        {
            rows.Add(("Year group", yearGroup));
        }
        if (!string.IsNullOrEmpty(room))
        {
            rows.Add(("Room", room));
        }
        return rows;
    }
}
