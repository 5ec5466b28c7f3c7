using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.Pages.Staff;

/// <summary>A page showing the staff form (_StaffForm): adding someone to a school, or editing a person.</summary>
public interface IStaffFormPage
{
    StaffInput Input { get; }
    List<SelectListItem> LineManagerOptions { get; }
    List<SelectListItem> CoachOptions { get; }
}

/// <summary>The staff form's fields, as typed.</summary>
public class StaffInput : IRevisedInput
{
    public int Revision { get; set; }
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
        Revision = m.Revision,
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

    /// <summary>
    /// The details as typed, with the errors of the fields the form parses itself put in ModelState (a role family not
    /// chosen is read as a teacher, so the editor can still check the rest and the form reports every problem at once).
    /// </summary>
    public StaffDetails Read(ModelStateDictionary modelState)
    {
        var familyOk = RoleFamilies.TryParse(RoleFamily, out var family);
        if (!familyOk)
        {
            modelState.AddModelError("Input.RoleFamily", "Choose a role family");
        }
        if (Qts is not ("yes" or "no"))
        {
            modelState.AddModelError("Input.Qts", "Select yes if the person has qualified teacher status");
        }
        if (Slt is not ("yes" or "no"))
        {
            modelState.AddModelError("Input.Slt", "Select yes if the person is on the senior leadership team");
        }
        return new StaffDetails(StaffRef ?? "", FirstName ?? "", LastName ?? "", Email, JobTitle ?? "",
            family, Qts == "yes", Slt == "yes", StartDate, LeavingDate, HoursPerWeek, WeeksPerYear, LineManagerId, CoachId);
    }
}

/// <summary>What the staff form offers.</summary>
public static class StaffFormChoices
{
    public static IEnumerable<SelectListItem> RoleFamilyItems =>
        new[] { new SelectListItem("Choose a role family", "") }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem($"{f.DisplayName()} ({f.Description()})", f.Code())));

    public static IEnumerable<SelectListItem> YesNoItems => [new("Yes", "yes"), new("No", "no")];

    /// <summary>
    /// Line managers and coaches for someone at <paramref name="school"/>: anyone in post in any school of its trust
    /// (never the person themselves), and whoever the form has chosen even if they have left.
    /// </summary>
    public static async Task<(List<SelectListItem> LineManagers, List<SelectListItem> Coaches)> PeopleAsync(
        LynchpinDbContext db, School school, int? excludeId, StaffInput input, DateOnly today, CancellationToken ct)
    {
        var (schoolId, trustId) = (school.Id, school.TrustId);
        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id != excludeId && (s.SchoolId == schoolId || (trustId != null && s.School.TrustId == trustId)))
            .Where(s => s.LeavingDate == null || s.LeavingDate >= today || s.Id == input.LineManagerId || s.Id == input.CoachId)
            .OrderBy(s => s.SchoolId != schoolId).ThenBy(s => s.School.Name).ThenBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, s.JobTitle, SchoolName = s.School.Name })
            .ToListAsync(ct);
        var groups = people.Select(p => p.SchoolName).Distinct().ToDictionary(n => n, n => new SelectListGroup { Name = n });
        List<SelectListItem> Items(int? selected) =>
        [
            new SelectListItem("None", ""),
            .. people.Select(p => new SelectListItem($"{p.Name}, {p.JobTitle}", p.Id.ToString(), p.Id == selected) { Group = groups[p.SchoolName] }),
        ];
        return (Items(input.LineManagerId), Items(input.CoachId));
    }
}
