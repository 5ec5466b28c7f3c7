using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>A school year's four checkpoints and their dates; leaders set the school's own dates.</summary>
public class CheckpointsModel(ProfileCalculator calculator) : SchoolPageModel
{
    public class DatesInput
    {
        [Display(Name = "date of checkpoint 1")] public DateOnly? Checkpoint1 { get; set; }
        [Display(Name = "date of checkpoint 2")] public DateOnly? Checkpoint2 { get; set; }
        [Display(Name = "date of checkpoint 3")] public DateOnly? Checkpoint3 { get; set; }
        [Display(Name = "date of checkpoint 4")] public DateOnly? Checkpoint4 { get; set; }

        public IReadOnlyList<DateOnly?> All => [Checkpoint1, Checkpoint2, Checkpoint3, Checkpoint4];
    }

    [BindProperty]
    public DatesInput Input { get; set; } = new();

    public int Year { get; private set; }
    public int CurrentYear { get; private set; }
    public IReadOnlyList<CheckpointInfo> Checkpoints { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>The years a leader is likely to plan or look back on, and the one being shown.</summary>
    public IEnumerable<SelectListItem> YearOptions =>
        Enumerable.Range(CurrentYear - 2, 4).Append(Year).Distinct().Order()
            .Select(y => new SelectListItem(SchoolYear.Name(y) + (y == CurrentYear ? " (this year)" : ""), y.ToString(CultureInfo.InvariantCulture), y == Year));

    private Core.Observations.Rota.SchoolCalendar calendar = new(null);

    /// <summary>Where a date comes from: the usual default, the default from the school's term dates, or the school's choice.</summary>
    public string SetBy(CheckpointInfo checkpoint) =>
        checkpoint.Date == SchoolYear.DefaultDate(Year, checkpoint.Number) ? "Default"
        : checkpoint.Date == Core.Observations.SchoolCalendars.CheckpointDefault(calendar, Year, checkpoint.Number) ? "Term dates"
        : "The school";

    public async Task OnGetAsync(string? year, CancellationToken ct)
    {
        await LoadYearAsync(year, ct);
        var dates = Checkpoints.Select(c => (DateOnly?)c.Date).ToList();
        Input = new DatesInput { Checkpoint1 = dates[0], Checkpoint2 = dates[1], Checkpoint3 = dates[2], Checkpoint4 = dates[3] };
    }

    [Requires(nameof(Operations.Manage))]
    public async Task<IActionResult> OnPostAsync(string? year, CancellationToken ct)
    {
        // Saving must never fall back to another year than the one the form showed.
        if (!SchoolYear.TryParse(year, out _))
        {
            return BadRequest();
        }
        await LoadYearAsync(year, ct);
        // A date that does not parse is already in ModelState; the rules below would only call it missing.
        if (ModelState.IsValid)
        {
            AddErrors(await new FrameworkEditor(Db, Clock).SaveCheckpointDatesAsync(School.Id, Year, Input.All, ct));
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = $"The checkpoint dates for {SchoolYear.Name(Year)} are saved.";
        return RedirectTo<CheckpointsModel>(new { urn = School.Urn, year = Year });
    }

    private async Task LoadYearAsync(string? year, CancellationToken ct)
    {
        CanEdit = await MayAsync(School, Operations.Manage);
        CurrentYear = SchoolYear.Of(Today);
        Year = SchoolYear.TryParse(year, out var chosen) ? chosen : CurrentYear;
        Checkpoints = await calculator.CheckpointsAsync(School.Id, Year, ct);
        calendar = (await new Core.Observations.SchoolCalendars(Db).GetAsync(School.Id, ct)).ToCalendar();
    }
}
