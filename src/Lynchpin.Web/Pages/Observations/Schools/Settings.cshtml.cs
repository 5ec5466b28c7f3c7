using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>
/// A school's observation settings on one page, each part its own form: the date week A starts, blocked dates (added and
/// removed one at a time, with a reason), and how observations run (sharing, judgements, limits, focus questions).
/// </summary>
public class SettingsModel(SchoolCalendars calendars, ObservationSettingsEditor editor) : LeaderPageModel
{
    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    public CalendarSetup Calendar { get; private set; } = null!;

    [BindProperty]
    public CalendarInput CalendarForm { get; set; } = new();

    [BindProperty]
    public BlockInput Block { get; set; } = new();

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadFormsAsync(ct, calendarForm: true, settings: true);

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var weekA = ParseDate(CalendarForm.WeekAStarts, "CalendarForm.WeekAStarts", "the date week A starts", required: false);
        if (weekA is { } date && date.DayOfWeek != DayOfWeek.Monday)
        {
            ModelState.AddModelError("CalendarForm.WeekAStarts", $"Week A must start on a Monday; {RotaReport.Date(date)} is a {date.DayOfWeek}");
        }
        if (!ModelState.IsValid)
        {
            await LoadFormsAsync(ct, calendarForm: false, settings: true);
            return Invalid();
        }
        await calendars.SetAsync(School.Id, weekA, null, ct);
        TempData["Success"] = weekA is { } starts
            ? $"Week A starts on {RotaReport.Date(starts)}; weeks alternate A and B from then."
            : "No week A date: the timetable is the same every week.";
        return RedirectTo<SettingsModel>(new { urn = School.Urn });
    }

    public async Task<IActionResult> OnPostBlockAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var date = ParseDate(Block.Date, "Block.Date", "the date to block");
        if (Block.Reason?.Trim().Length > BlockedDate.ReasonMaxLength)
        {
            ModelState.AddModelError("Block.Reason", $"The reason must be {BlockedDate.ReasonMaxLength} characters or fewer");
        }
        if (ModelState.IsValid)
        {
            var errors = await calendars.BlockAsync(School.Id, new BlockedDay(date!.Value, Block.Reason), ct);
            AddErrors(errors, new Dictionary<string, string> { ["Reason"] = "Block.Reason" }, "Block.Date");
        }
        if (!ModelState.IsValid)
        {
            await LoadFormsAsync(ct, calendarForm: true, settings: true);
            return Invalid();
        }
        TempData["Success"] = $"{RotaReport.Date(date!.Value)} is blocked: no visits are planned on it.";
        return RedirectTo<SettingsModel>(new { urn = School.Urn });
    }

    public async Task<IActionResult> OnPostUnblockAsync(string? date, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !await calendars.UnblockAsync(School.Id, day, ct))
        {
            return NotFound();
        }
        TempData["Success"] = $"{RotaReport.Date(day)} is no longer blocked.";
        return RedirectTo<SettingsModel>(new { urn = School.Urn });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var maxObservers = ParseNumber(Settings.MaxObserversPerLesson, "Settings.MaxObserversPerLesson", "Observers in one lesson");
        var maxVisits = ParseNumber(Settings.MaxVisitsPerObservee, "Settings.MaxVisitsPerObservee", "Visits to one person in a rota");
        if (Settings.RecordJudgements is not ("yes" or "no"))
        {
            ModelState.AddModelError("Settings.RecordJudgements", "Choose whether observers record a judgement");
        }
        if (ModelState.IsValid)
        {
            var errors = await editor.UpdateAsync(School.Id, new ObservationSettingsInput
            {
                ShareSltRecords = Settings.ShareSltRecords,
                ShareMiddleLeaderRecords = Settings.ShareMiddleLeaderRecords,
                ShareTeacherRecords = Settings.ShareTeacherRecords,
                SharePastoralRecords = Settings.SharePastoralRecords,
                ShareSupportRecords = Settings.ShareSupportRecords,
                RecordJudgements = Settings.RecordJudgements == "yes",
                MaxObserversPerLesson = maxObservers!.Value,
                MaxVisitsPerObservee = maxVisits!.Value,
                LearningWalkQuestions = Lines(Settings.LearningWalkQuestions),
                LessonObservationQuestions = Lines(Settings.LessonObservationQuestions),
                DropInQuestions = Lines(Settings.DropInQuestions),
            }, Settings.Revision, await RecorderAsync(ct), ct);
            AddErrors(errors, SettingsFields, "Settings.MaxObserversPerLesson");
        }
        if (!ModelState.IsValid)
        {
            await LoadFormsAsync(ct, calendarForm: true, settings: false);
            // Someone saved the settings since the form was opened: theirs beside the typing, which is kept.
            ShowConflict(SettingsInput.From(await editor.GetAsync(School.Id, ct)), Settings, nameof(Settings));
            return Invalid();
        }
        TempData["Success"] = "Observation settings saved.";
        return RedirectTo<SettingsModel>(new { urn = School.Urn });
    }

    private static readonly Dictionary<string, string> SettingsFields = new()
    {
        [nameof(ObservationSettingsInput.MaxObserversPerLesson)] = "Settings.MaxObserversPerLesson",
        [nameof(ObservationSettingsInput.MaxVisitsPerObservee)] = "Settings.MaxVisitsPerObservee",
        [nameof(ObservationSettingsInput.LearningWalkQuestions)] = "Settings.LearningWalkQuestions",
        [nameof(ObservationSettingsInput.LessonObservationQuestions)] = "Settings.LessonObservationQuestions",
        [nameof(ObservationSettingsInput.DropInQuestions)] = "Settings.DropInQuestions",
    };

    /// <summary>What the page shows; the forms not being posted are filled from what is stored.</summary>
    private async Task LoadFormsAsync(CancellationToken ct, bool calendarForm, bool settings)
    {
        Calendar = await calendars.GetAsync(School.Id, ct);
        if (calendarForm)
        {
            CalendarForm = new CalendarInput { WeekAStarts = Calendar.WeekAStarts?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }
        if (settings)
        {
            Settings = SettingsInput.From(await editor.GetAsync(School.Id, ct));
        }
    }

    private int? ParseNumber(string? text, string field, string what)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        ModelState.AddModelError(field, $"{what} must be a whole number");
        return null;
    }

    private static List<string?> Lines(string? text) => (text ?? "").Split('\n').Select(l => (string?)l.Trim()).ToList();

    /// <summary>The share checkboxes, in the order observers rank.</summary>
    public IEnumerable<(string Name, ObserverKind Kind, bool Checked)> ShareBoxes =>
    [
        (nameof(SettingsInput.ShareSltRecords), ObserverKind.Slt, Settings.ShareSltRecords),
        (nameof(SettingsInput.ShareMiddleLeaderRecords), ObserverKind.MiddleLeader, Settings.ShareMiddleLeaderRecords),
        (nameof(SettingsInput.ShareTeacherRecords), ObserverKind.Teacher, Settings.ShareTeacherRecords),
        (nameof(SettingsInput.SharePastoralRecords), ObserverKind.Pastoral, Settings.SharePastoralRecords),
        (nameof(SettingsInput.ShareSupportRecords), ObserverKind.Support, Settings.ShareSupportRecords),
    ];
}

public sealed class CalendarInput
{
    public string? WeekAStarts { get; set; }
}

public sealed class BlockInput
{
    public string? Date { get; set; }
    public string? Reason { get; set; }
}

public sealed class SettingsInput : IRevisedInput
{
    /// <summary>The settings' revision when the form was opened (0 while the school has the defaults).</summary>
    public int Revision { get; set; }

    [Display(Name = "share senior leaders' records")] public bool ShareSltRecords { get; set; }
    [Display(Name = "share middle leaders' records")] public bool ShareMiddleLeaderRecords { get; set; }
    [Display(Name = "share teachers' records")] public bool ShareTeacherRecords { get; set; }
    [Display(Name = "share pastoral staff's records")] public bool SharePastoralRecords { get; set; }
    [Display(Name = "share support staff's records")] public bool ShareSupportRecords { get; set; }
    [Display(Name = "record a judgement")] public string? RecordJudgements { get; set; }
    [Display(Name = "observers in one lesson")] public string? MaxObserversPerLesson { get; set; }
    [Display(Name = "visits to one person in a rota")] public string? MaxVisitsPerObservee { get; set; }
    [Display(Name = "learning walk questions")] public string? LearningWalkQuestions { get; set; }
    [Display(Name = "lesson observation questions")] public string? LessonObservationQuestions { get; set; }
    [Display(Name = "drop-in questions")] public string? DropInQuestions { get; set; }

    /// <summary>The form as the stored settings fill it.</summary>
    public static SettingsInput From(ObservationSettings stored) => new()
    {
        Revision = stored.Revision,
        ShareSltRecords = stored.ShareSltRecords,
        ShareMiddleLeaderRecords = stored.ShareMiddleLeaderRecords,
        ShareTeacherRecords = stored.ShareTeacherRecords,
        SharePastoralRecords = stored.SharePastoralRecords,
        ShareSupportRecords = stored.ShareSupportRecords,
        RecordJudgements = stored.RecordJudgements ? "yes" : "no",
        MaxObserversPerLesson = stored.MaxObserversPerLesson.ToString(CultureInfo.InvariantCulture),
        MaxVisitsPerObservee = stored.MaxVisitsPerObservee.ToString(CultureInfo.InvariantCulture),
        LearningWalkQuestions = string.Join('\n', stored.LearningWalkQuestions),
        LessonObservationQuestions = string.Join('\n', stored.LessonObservationQuestions),
        DropInQuestions = string.Join('\n', stored.DropInQuestions),
    };
}
