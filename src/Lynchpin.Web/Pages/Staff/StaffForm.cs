using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Staff;

/// <summary>The add and edit pages share this form: the fields, the choices of line manager and coach, and error mapping.</summary>
public abstract class StaffFormPage(LynchpinDbContext db, SchoolClock clock) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public School School { get; protected set; } = null!;
    public List<SelectListItem> LineManagerOptions { get; private set; } = [];
    public List<SelectListItem> CoachOptions { get; private set; } = [];

    public class StaffInput
    {
        [Display(Name = "staff reference")] public string? StaffRef { get; set; }
        [Display(Name = "first name")] public string? FirstName { get; set; }
        [Display(Name = "last name")] public string? LastName { get; set; }
        [Display(Name = "email address")] public string? Email { get; set; }
        [Display(Name = "job title")] public string? JobTitle { get; set; }
        [Display(Name = "role family")] public string? RoleFamily { get; set; }
        [Display(Name = "qualified teacher status")] public string? Qts { get; set; } = "no";
        [Display(Name = "senior leadership team")] public string? Slt { get; set; } = "no";
        [Display(Name = "start date")] public DateOnly? StartDate { get; set; }
        [Display(Name = "leaving date")] public DateOnly? LeavingDate { get; set; }
        [Display(Name = "hours per week")] public decimal? HoursPerWeek { get; set; }
        [Display(Name = "weeks per year")] public decimal? WeeksPerYear { get; set; }
        [Display(Name = "line manager")] public int? LineManagerId { get; set; }
        [Display(Name = "coach or mentor")] public int? CoachId { get; set; }

        public static StaffInput From(StaffMember m) => new()
        {
            StaffRef = m.StaffRef,
            FirstName = m.FirstName,
            LastName = m.LastName,
            Email = m.Email,
            JobTitle = m.JobTitle,
            RoleFamily = m.RoleFamily.Code(),
            Qts = m.Qts ? "yes" : "no",
            Slt = m.Slt ? "yes" : "no",
            StartDate = m.StartDate,
            LeavingDate = m.LeavingDate,
            HoursPerWeek = m.HoursPerWeek,
            WeeksPerYear = m.WeeksPerYear,
            LineManagerId = m.LineManagerId,
            CoachId = m.CoachId,
        };
    }

    public static IEnumerable<SelectListItem> RoleFamilyItems =>
        new[] { new SelectListItem("Choose a role family", "") }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem($"{f.DisplayName()} ({f.Description()})", f.Code())));

    public static IEnumerable<SelectListItem> YesNoItems => [new("Yes", "yes"), new("No", "no")];

    /// <summary>Checks the fields the form parses itself; returns the details when all are good.</summary>
    protected StaffDetails? ReadInput()
    {
        var familyOk = RoleFamilies.TryParse(Input.RoleFamily, out var family);
        if (!familyOk)
        {
            ModelState.AddModelError("Input.RoleFamily", "Choose a role family");
        }
        if (Input.Qts is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.Qts", "Select yes if the person has qualified teacher status");
        }
        if (Input.Slt is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.Slt", "Select yes if the person is on the senior leadership team");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new StaffDetails(Input.StaffRef ?? "", Input.FirstName ?? "", Input.LastName ?? "", Input.Email, Input.JobTitle ?? "",
            family, Input.Qts == "yes", Input.Slt == "yes", Input.StartDate, Input.LeavingDate, Input.HoursPerWeek, Input.WeeksPerYear,
            Input.LineManagerId, Input.CoachId);
    }

    protected void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }
    }

    /// <summary>The form again, with the error summary, as a 400: nothing was saved.</summary>
    protected async Task<IActionResult> InvalidAsync(int? excludeId, CancellationToken ct)
    {
        await LoadOptionsAsync(excludeId, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Line managers and coaches may come from any school of the trust.</summary>
    protected async Task LoadOptionsAsync(int? excludeId, CancellationToken ct)
    {
        var today = clock.Today;
        var trustId = School.TrustId;
        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id != excludeId && (s.SchoolId == School.Id || (trustId != null && s.School.TrustId == trustId)))
            .Where(s => s.LeavingDate == null || s.LeavingDate >= today || s.Id == Input.LineManagerId || s.Id == Input.CoachId)
            .OrderBy(s => s.SchoolId != School.Id).ThenBy(s => s.School.Name).ThenBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, s.JobTitle, SchoolName = s.School.Name })
            .ToListAsync(ct);
        var groups = people.Select(p => p.SchoolName).Distinct().ToDictionary(n => n, n => new SelectListGroup { Name = n });
        List<SelectListItem> Items(int? selected) =>
        [
            new SelectListItem("None", ""),
            .. people.Select(p => new SelectListItem($"{p.Name}, {p.JobTitle}", p.Id.ToString(), p.Id == selected) { Group = groups[p.SchoolName] }),
        ];
        LineManagerOptions = Items(Input.LineManagerId);
        CoachOptions = Items(Input.CoachId);
    }
}
