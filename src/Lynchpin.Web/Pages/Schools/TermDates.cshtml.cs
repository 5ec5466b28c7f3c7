using System.Globalization;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Schools;

/// <summary>
/// A school's calendar for a school year: its terms, holidays, INSET days and closures, which the rota keeps to. Everyone
/// at the school sees it; leaders add and remove dates here or import a year's file.
/// </summary>
public class TermDatesModel(SchoolCalendars calendars) : SchoolPageModel
{
    public sealed class RangeInput
    {
        public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        public string? Kind { get; set; }
        public string? Name { get; set; }
    }

    public static readonly IReadOnlyList<SelectListItem> Kinds =
        ObservationCodes.DayKinds.Select(k => new SelectListItem(k.DisplayName(), k.Code())).ToList();

    [BindProperty]
    public RangeInput Input { get; set; } = new();

    public int Year { get; private set; }

    public int CurrentYear { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>The year's dates, in date order.</summary>
    public IReadOnlyList<TermDateRow> Dates { get; private set; } = [];

    /// <summary>School days in the year by the calendar (weekdays in term, not closed), when it has term dates.</summary>
    public int? SchoolDays { get; private set; }

    public IEnumerable<SelectListItem> YearOptions =>
        Enumerable.Range(CurrentYear - 1, 3).Append(Year).Distinct().Order()
            .Select(y => new SelectListItem(SchoolYear.Name(y) + (y == CurrentYear ? " (this year)" : ""), y.ToString(CultureInfo.InvariantCulture), y == Year));

    public async Task OnGetAsync(string? year, CancellationToken ct) => await LoadAsync(year, ct);

    [Requires(nameof(Operations.Manage))]
    public async Task<IActionResult> OnPostAsync(string? year, CancellationToken ct)
    {
        // Every problem at once: the missing fields and the kind here, the rules of the range (which but for a term's
        // school year do not depend on its kind) from the service.
        if (Input.Start is null && !ModelState.ContainsKey("Input.Start"))
        {
            ModelState.AddModelError("Input.Start", "Enter the first day");
        }
        var kindKnown = ObservationCodes.TryParseDayKind(Input.Kind, out var kind);
        if (!kindKnown)
        {
            ModelState.AddModelError("Input.Kind", "Choose term, holiday, INSET day or closure");
        }
        if (Input.Start is { } start)
        {
            var range = new CalendarRange(start, Input.End ?? start, kindKnown ? kind : CalendarDayKind.Holiday, Input.Name);
            if (!ModelState.IsValid)
            {
                AddErrors(SchoolCalendars.Check(range));
            }
            else
            {
                var added = await calendars.AddTermDateAsync(School.Id, range, ct);
                AddErrors(added.Errors);
                if (added.Value is { } row)
                {
                    TempData["Success"] = $"Added: {row.Kind.DisplayName()}{(row.Name is null ? "" : $" ({row.Name})")}, {Core.Kernel.Dates.Range(row.Start, row.End)}.";
                    return RedirectTo<TermDatesModel>(new { urn = School.Urn, year = SchoolYear.Of(row.Start) });
                }
            }
        }
        await LoadAsync(year, ct);
        return Invalid();
    }

    [Requires(nameof(Operations.Manage))]
    public async Task<IActionResult> OnPostRemoveAsync(int id, string? year, CancellationToken ct)
    {
        if (!await calendars.RemoveTermDateAsync(School.Id, id, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "The dates are removed.";
        return RedirectTo<TermDatesModel>(new { urn = School.Urn, year });
    }

    private async Task LoadAsync(string? year, CancellationToken ct)
    {
        CanEdit = await MayAsync(School, Operations.Manage);
        CurrentYear = SchoolYear.Of(Today);
        Year = SchoolYear.TryParse(year, out var chosen) ? chosen : CurrentYear;
        var setup = await calendars.GetAsync(School.Id, ct);
        Dates = setup.TermDates.Where(t => SchoolYear.Of(t.Start) == Year).ToList();
        if (Dates.Any(d => d.Kind == CalendarDayKind.Term))
        {
            SchoolDays = setup.ToCalendar().SchoolDays(SchoolYear.Start(Year), SchoolYear.End(Year)).Count;
        }
    }
}
