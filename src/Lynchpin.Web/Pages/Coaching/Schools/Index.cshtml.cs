using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>
/// A school's achievement coaching for a year: its coach, designated teacher and School Champion, the visits planned and
/// made, the action plan's latest status in each area, and focus groups. No pupil's record is on this page.
/// </summary>
[Requires(nameof(Operations.ReadCoaching))]
public class IndexModel(CoachingContacts contacts, CoachingVisits visits, Caseloads caseloads) : SchoolPageModel
{
    public class ContactsInput
    {
        [Display(Name = "designated teacher for looked-after children")] public int? DesignatedTeacherId { get; set; }
        [Display(Name = "School Champion")] public int? ChampionId { get; set; }
    }

    public class PlanInput
    {
        [Display(Name = "date of the visit")] public DateOnly? Date { get; set; }
    }

    public class PlannedInput
    {
        [Display(Name = "visits planned this year")] public int? PlannedVisits { get; set; }
    }

    [BindProperty] public ContactsInput Contacts { get; set; } = new();
    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public PlannedInput Planned { get; set; } = new();

    public int Year { get; private set; }
    public SchoolCoachingContacts? Current { get; private set; }
    public IReadOnlyList<CaseloadSchool> Coaches { get; private set; } = [];
    public CaseloadSchool? MyCaseload { get; private set; }
    public IReadOnlyList<CoachingVisit> Visits { get; private set; } = [];
    public IReadOnlyDictionary<CoachingArea, PlanReview> LatestReviews { get; private set; } = new Dictionary<CoachingArea, PlanReview>();
    public int OpenActions { get; private set; }
    public IReadOnlyList<FocusGroup> FocusGroups { get; private set; } = [];
    public bool MayManage { get; private set; }
    public bool MayRecordVisits { get; private set; }
    public bool MayRecordForPupils { get; private set; }
    public IReadOnlyList<SelectListItem> StaffOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SltOptions { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        await LoadPageAsync(year, ct);
        Contacts = new ContactsInput { DesignatedTeacherId = Current?.DesignatedTeacherId, ChampionId = Current?.ChampionId };
        Planned = new PlannedInput { PlannedVisits = MyCaseload?.PlannedVisits };
    }

    [Requires(nameof(Operations.ManageCoaching))]
    public async Task<IActionResult> OnPostContactsAsync(CancellationToken ct)
    {
        var result = await contacts.SetAsync(School.Id, Contacts.DesignatedTeacherId, Contacts.ChampionId, ct);
        AddErrors(result.Errors, field => $"Contacts.{field}");
        return await DoneAsync(result.Succeeded, "The designated teacher and School Champion are saved.", ct);
    }

    [Requires(nameof(Operations.RecordVisit))]
    public async Task<IActionResult> OnPostPlanVisitAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await DoneAsync(false, "", ct); // a date that is not one, or out of range
        }
        var coach = (await Access.GetAsync(ct)).User!.Id;
        var result = await visits.PlanAsync(School.Id, coach, Plan.Date, ct);
        AddErrors(result.Errors, field => $"Plan.{field}");
        return await DoneAsync(result.Succeeded, $"A visit is planned for {Plan.Date:d MMMM yyyy}.", ct);
    }

    [Requires(nameof(Operations.RecordVisit))]
    public async Task<IActionResult> OnPostCancelVisitAsync(int visitId, CancellationToken ct)
    {
        var coach = (await Access.GetAsync(ct)).User!.Id;
        var result = await visits.CancelAsync(School.Id, coach, visitId, ct);
        AddErrors(result.Errors, _ => "");
        return await DoneAsync(result.Succeeded, "The visit is cancelled.", ct);
    }

    [Requires(nameof(Operations.RecordVisit))]
    public async Task<IActionResult> OnPostPlannedVisitsAsync(CancellationToken ct)
    {
        var coach = (await Access.GetAsync(ct)).User!.Id;
        var year = SchoolYear.Of(Today);
        var caseload = await Db.CaseloadSchools.AsNoTracking().SingleAsync(c => c.CoachUserId == coach && c.SchoolId == School.Id && c.Year == year, ct);
        var result = await caseloads.SetPlannedVisitsAsync(caseload.Id, Planned.PlannedVisits ?? 0, ct);
        AddErrors(result.Errors, field => $"Planned.{field}");
        var warning = VisitPlanner.VisitsWarning(Planned.PlannedVisits ?? 0);
        return await DoneAsync(result.Succeeded, $"{Planned.PlannedVisits} visits are planned for the year{(warning is null ? "" : $" ({warning})")}.", ct);
    }

    private async Task<IActionResult> DoneAsync(bool succeeded, string message, CancellationToken ct)
    {
        if (!succeeded)
        {
            await LoadPageAsync(null, ct);
            return Invalid();
        }
        TempData["Success"] = message;
        return RedirectTo<IndexModel>(new { urn = School.Urn });
    }

    private async Task LoadPageAsync(int? year, CancellationToken ct)
    {
        var view = await HttpContext.RequestServices.GetRequiredService<CoachingAccess>().GetAsync(ct);
        Year = year is >= 2000 and <= 2100 ? year.Value : SchoolYear.Of(Today);
        MayManage = view.MayManageContacts(School.Id);
        MayRecordVisits = view.MayRecordVisit(School.Id) && Year == SchoolYear.Of(Today);
        MayRecordForPupils = view.MayRecordForPupils(School.Id);
        Current = await contacts.GetAsync(School.Id, ct);
        Coaches = await Db.CaseloadSchools.AsNoTracking().Include(c => c.Coach).Where(c => c.SchoolId == School.Id && c.Year == Year).ToListAsync(ct);
        var me = view.Scope.User?.Id;
        MyCaseload = Coaches.FirstOrDefault(c => c.CoachUserId == me);
        Visits = await Db.CoachingVisits.AsNoTracking().Include(v => v.Coach).Where(v => v.SchoolId == School.Id && v.Year == Year)
            .OrderBy(v => v.Date).ToListAsync(ct);
        var reviews = await Db.PlanReviews.AsNoTracking().Where(r => r.Plan.SchoolId == School.Id && r.Plan.Year == Year).ToListAsync(ct);
        LatestReviews = reviews.GroupBy(r => r.Area).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).Last());
        OpenActions = await Db.PlanActions.CountAsync(a => a.Plan.SchoolId == School.Id && a.Plan.Year == Year
            && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress), ct);
        FocusGroups = await Db.FocusGroups.AsNoTracking().Where(g => g.SchoolId == School.Id && g.HeldOn >= SchoolYear.Start(Year) && g.HeldOn <= SchoolYear.End(Year))
            .OrderByDescending(g => g.HeldOn).ToListAsync(ct);
        if (MayManage)
        {
            var staff = await Db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == School.Id && (s.LeavingDate == null || s.LeavingDate >= Today))
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync(ct);
            StaffOptions = [new("Nobody named", ""), .. staff.Select(s => new SelectListItem($"{s.FullName}, {s.JobTitle}", s.Id.ToString()))];
            SltOptions = [new("Nobody named", ""), .. staff.Where(s => s.Slt).Select(s => new SelectListItem($"{s.FullName}, {s.JobTitle}", s.Id.ToString()))];
        }
    }

    public static string AreaList(IEnumerable<CoachingArea> areas) => string.Join(", ", areas.Select(a => a.Name()));

    public static Rag? Status(IReadOnlyDictionary<CoachingArea, PlanReview> latest, CoachingArea area) =>
        latest.TryGetValue(area, out var review) ? review.Status : null;
}
