using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>What the last run of "open the cycle" did, carried to the page it redirects to.</summary>
public record OpenRunSummary(bool CycleCreated, DateOnly InPostOn, int Created, int AlreadyHad, int CreatedWithoutAppraiser);

/// <summary>A person whose appraisal has nobody to appraise them yet.</summary>
public record WithoutAppraiser(int StaffId, string Name, string JobTitle);

/// <summary>
/// Opens a school's appraisal cycle in one step: due dates (prefilled with the defaults), then an appraisal for
/// everyone in post. Once open, the same page gives appraisals to people who joined since and changes the due dates.
/// </summary>
[Requires(nameof(Operations.ManageCycle))]
public class OpenModel(AppraisalCycles cycles) : AppraisalSchoolPage
{
    private const string RunKey = "AppraisalOpenRun";

    public class DatesInput
    {
        [Display(Name = "objectives date")] public DateOnly? ObjectivesDue { get; set; }
        [Display(Name = "mid-year review date")] public DateOnly? MidYearDue { get; set; }
        [Display(Name = "final review date")] public DateOnly? FinalDue { get; set; }
    }

    [BindProperty]
    public DatesInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public int Year { get; private set; }
    public AppraisalCycle? Cycle { get; private set; }
    public IReadOnlyList<SelectListItem> YearOptions { get; private set; } = [];

    /// <summary>Who counts as in post if the cycle is opened (or run again) today.</summary>
    public DateOnly InPostOn { get; private set; }

    /// <summary>People in post without an appraisal in this year's cycle: everyone before it opens, late joiners after.</summary>
    public int PendingTeaching { get; private set; }
    public int PendingSupport { get; private set; }
    public int Pending => PendingTeaching + PendingSupport;

    /// <summary>People in post with an appraisal in the cycle.</summary>
    public int WithAppraisal { get; private set; }
    public IReadOnlyList<WithoutAppraiser> NoAppraiser { get; private set; } = [];

    /// <summary>What the last run did, if this page was reached straight after one.</summary>
    public OpenRunSummary? LastRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = ParseYear(YearText);
        if (YearText is not null && year is null)
        {
            ModelState.AddModelError("year", "Select a school year from the list");
        }
        Year = year ?? CurrentYear;
        await LoadStateAsync(ct);
        var dates = Cycle is null ? CycleDueDates.Default(Year) : new CycleDueDates(Cycle.ObjectivesDue, Cycle.MidYearDue, Cycle.FinalDue);
        Input = new DatesInput { ObjectivesDue = dates.ObjectivesDue, MidYearDue = dates.MidYearDue, FinalDue = dates.FinalDue };
        if (TempData[RunKey] is string run)
        {
            LastRun = JsonSerializer.Deserialize<OpenRunSummary>(run);
        }
        return PageOrInvalid();
    }

    /// <summary>Opens the cycle with the dates given, or, once it is open, changes its due dates.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Saving must never fall back to another year than the one the form showed.
        if (ParseYear(YearText) is not int year)
        {
            return BadRequest();
        }
        Year = year;
        await LoadStateAsync(ct);

        foreach (var (key, value, message) in new[]
        {
            ("Input.ObjectivesDue", Input.ObjectivesDue, "Enter the date objectives are due"),
            ("Input.MidYearDue", Input.MidYearDue, "Enter the date the mid-year review is due"),
            ("Input.FinalDue", Input.FinalDue, "Enter the date the final review is due"),
        })
        {
            // A date that did not parse already has its error; only a blank one is missing.
            if (value is null && ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, message);
            }
        }
        if (ModelState.IsValid)
        {
            var dates = new CycleDueDates(Input.ObjectivesDue!.Value, Input.MidYearDue!.Value, Input.FinalDue!.Value);
            AddErrors(AppraisalCycles.Validate(Year, dates), field => field == "Year" ? "" : $"Input.{field}");
            if (ModelState.IsValid)
            {
                if (Cycle is null)
                {
                    var result = await cycles.OpenAsync(School.Id, Year, dates, await RecorderAsync(ct), Today, ct);
                    Remember(result);
                    TempData["Success"] = $"The {SchoolYear.Name(Year)} appraisal cycle is open.";
                }
                else
                {
                    await cycles.SetDueDatesAsync(Cycle.Id, dates, ct);
                    TempData["Success"] = $"The due dates for {SchoolYear.Name(Year)} are saved.";
                }
                return RedirectTo<OpenModel>(new { urn = School.Urn, year = Year });
            }
        }
        return Invalid();
    }

    /// <summary>Runs the opening again: everyone in post today without an appraisal gets one; the due dates stay.</summary>
    public async Task<IActionResult> OnPostLateJoinersAsync(CancellationToken ct)
    {
        if (ParseYear(YearText) is not int year)
        {
            return BadRequest();
        }
        Year = year;
        await LoadStateAsync(ct);
        if (Cycle is null)
        {
            // Opening needs its due dates: the main form is the way in.
            ModelState.AddModelError("", $"The {SchoolYear.Name(Year)} cycle is not open yet: check the due dates and open it");
            var dates = CycleDueDates.Default(Year);
            Input = new DatesInput { ObjectivesDue = dates.ObjectivesDue, MidYearDue = dates.MidYearDue, FinalDue = dates.FinalDue };
            return Invalid();
        }
        var result = await cycles.OpenAsync(School.Id, Year, null, await RecorderAsync(ct), Today, ct);
        Remember(result);
        TempData["Success"] = result.Created == 0
            ? "Everyone in post already had an appraisal."
            : $"{DashboardSentences.Count(result.Created)} who joined since {(result.Created == 1 ? "has" : "have")} an appraisal now.";
        return RedirectTo<OpenModel>(new { urn = School.Urn, year = Year });
    }

    private void Remember(OpenCycleResult result) =>
        TempData[RunKey] = JsonSerializer.Serialize(
            new OpenRunSummary(result.CycleCreated, result.InPostOn, result.Created, result.AlreadyHad, result.CreatedWithoutAppraiser));

    private async Task LoadStateAsync(CancellationToken ct)
    {
        Cycle = await CycleAsync(Year, ct);
        YearOptions = await YearOptionsAsync(Year, ct);
        InPostOn = AppraisalCycles.InPostDate(Year, Today);
        var pending = await InPostWithout(Cycle?.Id, InPostOn)
            .GroupBy(s => s.RoleFamily == RoleFamily.Teaching).Select(g => new { Teaching = g.Key, Count = g.Count() }).ToListAsync(ct);
        PendingTeaching = pending.Where(p => p.Teaching).Sum(p => p.Count);
        PendingSupport = pending.Where(p => !p.Teaching).Sum(p => p.Count);
        if (Cycle is not null)
        {
            var inPost = InPostAppraisals(Cycle);
            WithAppraisal = await inPost.CountAsync(ct);
            NoAppraiser = await inPost.Where(a => a.AppraiserId == null)
                .OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName)
                .Select(a => new WithoutAppraiser(a.StaffMemberId, a.StaffMember.FirstName + " " + a.StaffMember.LastName, a.StaffMember.JobTitle))
                .ToListAsync(ct);
        }
    }
}
