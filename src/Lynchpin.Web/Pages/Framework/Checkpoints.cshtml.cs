using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>A school year's four checkpoints and their dates; leaders set the school's own dates.</summary>
public class CheckpointsModel(LynchpinDbContext db, ProfileCalculator calculator, IAuthorizationService authorization, SchoolClock clock) : PageModel
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

    public School School { get; private set; } = null!;
    public int Year { get; private set; }
    public int CurrentYear { get; private set; }
    public IReadOnlyList<CheckpointInfo> Checkpoints { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>The years a leader is likely to plan or look back on, and the one being shown.</summary>
    public IEnumerable<SelectListItem> YearOptions =>
        Enumerable.Range(CurrentYear - 2, 4).Append(Year).Distinct().Order()
            .Select(y => new SelectListItem(SchoolYear.Name(y) + (y == CurrentYear ? " (this year)" : ""), y.ToString(CultureInfo.InvariantCulture), y == Year));

    public static bool IsDefault(int year, CheckpointInfo checkpoint) => checkpoint.Date == SchoolYear.DefaultDate(year, checkpoint.Number);

    public async Task<IActionResult> OnGetAsync(int urn, string? year, CancellationToken ct)
    {
        var denied = await LoadAsync(urn, year, edit: false, ct);
        if (denied is not null)
        {
            return denied;
        }
        var dates = Checkpoints.Select(c => (DateOnly?)c.Date).ToList();
        Input = new DatesInput { Checkpoint1 = dates[0], Checkpoint2 = dates[1], Checkpoint3 = dates[2], Checkpoint4 = dates[3] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, string? year, CancellationToken ct)
    {
        // Saving must never fall back to another year than the one the form showed.
        if (!SchoolYear.TryParse(year, out _))
        {
            return BadRequest();
        }
        var denied = await LoadAsync(urn, year, edit: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        // A date that does not parse is already in ModelState; the rules below would only call it missing.
        if (ModelState.IsValid)
        {
            var errors = await new FrameworkEditor(db).SaveCheckpointDatesAsync(School.Id, Year, Input.All, ct);
            foreach (var error in errors)
            {
                ModelState.AddModelError($"Input.{error.Field}", error.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"The checkpoint dates for {SchoolYear.Name(Year)} are saved.";
        return Redirect($"/schools/{urn}/checkpoints?year={Year}");
    }

    private async Task<IActionResult?> LoadAsync(int urn, string? year, bool edit, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        CanEdit = (await authorization.AuthorizeAsync(User, school, Operations.Manage)).Succeeded;
        if (edit && !CanEdit)
        {
            return Forbid();
        }
        School = school;
        CurrentYear = SchoolYear.Of(clock.Today);
        Year = SchoolYear.TryParse(year, out var chosen) ? chosen : CurrentYear;
        Checkpoints = await calculator.CheckpointsAsync(school.Id, Year, ct);
        return null;
    }
}
