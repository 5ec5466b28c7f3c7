using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Pages.Cpd.Schools;

/// <summary>Recording an activity for everyone who took part in one step: an INSET day, a course several attended.</summary>
[Requires(nameof(Operations.Manage))]
public class RecordModel(CpdActivities activities) : SchoolPageModel
{
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "title")] public string? Title { get; set; }
        [Display(Name = "kind")] public string? Kind { get; set; }
        [Display(Name = "provider")] public string? Provider { get; set; }
        [Display(Name = "start date")] public DateOnly? StartDate { get; set; }
        [Display(Name = "end date")] public DateOnly? EndDate { get; set; }
        [Display(Name = "hours each")] public decimal? Hours { get; set; }
        [Display(Name = "cost each")] public decimal? Cost { get; set; }
        [Display(Name = "description")] public string? Description { get; set; }
        [Display(Name = "people")] public List<int> Attendees { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadStaffAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadStaffAsync(ct);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        CpdKind? kind = CpdCodes.Kinds.TryParse(Input.Kind, out var k) ? k : null;
        // Only people at this school can be recorded here.
        var attendees = Input.Attendees.Where(id => Staff.Any(s => s.Id == id)).Select(id => new AttendeeInput(id)).ToList();
        if (attendees.Count != Input.Attendees.Distinct().Count())
        {
            ModelState.AddModelError("Input.Attendees", "Choose people on the school's staff");
            return Invalid();
        }
        var result = await activities.RecordAsync(School.Id, new CpdActivityInput(Input.Title, kind, Input.Provider, Input.StartDate, Input.EndDate,
            Input.Hours, Input.Cost, Input.Description, attendees), await RecorderAsync(ct), ct);
        if (result.Value is not { } activity)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = $"{activity.Title} is recorded for {activity.Attendances.Count} {(activity.Attendances.Count == 1 ? "person" : "people")}.";
        return RedirectTo<IndexModel>(new { urn = School.Urn, year = Core.Progression.SchoolYear.Of(activity.StartDate) }, "activities");
    }

    private async Task LoadStaffAsync(CancellationToken ct)
    {
        var today = Today;
        Staff = await Db.StaffMembers.AsNoTracking().WorkingAt(Db, School.Id)
            .Where(s => s.LeavingDate == null || s.LeavingDate >= today.AddYears(-1))
            .OrderBy(s => s.RoleFamily == RoleFamily.Teaching ? 0 : 1).ThenBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync(ct);
    }
}
