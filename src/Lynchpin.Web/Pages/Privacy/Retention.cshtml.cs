using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Retention;

namespace Lynchpin.Web.Pages.Privacy;

/// <summary>
/// A trust's retention, for its admins: how many years the daily job keeps each kind of record, and the legal holds that
/// keep a person's records past them (placed with a reason, lifted when the claim ends). Every change is audited.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class RetentionModel(RetentionPolicy policy, RetentionRunner runner) : TrustPageModel
{
    public class InputModel
    {
        [Display(Name = "years to keep staff records")] public int? StaffRecordYears { get; set; }
        [Display(Name = "years to keep appraisals")] public int? AppraisalYears { get; set; }
        [Display(Name = "years to keep observation notes")] public int? ObservationNoteYears { get; set; }
    }

    public class HoldModel
    {
        [Display(Name = "person")] public int? StaffMemberId { get; set; }
        [Display(Name = "reason")] public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty] public HoldModel Hold { get; set; } = new();

    public RetentionSettings Settings { get; private set; } = null!;

    public List<HeldPerson> Holds { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        Input = new()
        {
            StaffRecordYears = Settings.StaffRecordYears,
            AppraisalYears = Settings.AppraisalYears,
            ObservationNoteYears = Settings.ObservationNoteYears,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var saved = await policy.SaveAsync(Trust.Id, Input.StaffRecordYears, Input.AppraisalYears, Input.ObservationNoteYears, await RecorderAsync(ct), ct);
            AddErrors(saved.Errors);
            if (saved.Succeeded)
            {
                TempData["Success"] = "Retention periods saved.";
                return RedirectTo<RetentionModel>(new { code = Trust.Code });
            }
        }
        await LoadListsAsync(ct);
        return Invalid();
    }

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var placed = await policy.PlaceHoldAsync(Trust.Id, Hold.StaffMemberId, Hold.Reason, await RecorderAsync(ct), ct);
            AddErrors(placed.Errors, field => $"Hold.{field}");
            if (placed.Succeeded)
            {
                TempData["Success"] = "Legal hold placed: the retention job keeps this person's records until it is lifted.";
                return RedirectTo<RetentionModel>(new { code = Trust.Code }, fragment: "holds");
            }
        }
        await LoadListsAsync(ct);
        // The periods form shows what is saved, not the hold form's empty copy of it.
        Input = new() { StaffRecordYears = Settings.StaffRecordYears, AppraisalYears = Settings.AppraisalYears, ObservationNoteYears = Settings.ObservationNoteYears };
        return Invalid();
    }

    public async Task<IActionResult> OnPostLiftAsync(int id, CancellationToken ct)
    {
        if (!await policy.LiftHoldAsync(Trust.Id, id, await RecorderAsync(ct), ct))
        {
            return NotFound();
        }
        TempData["Success"] = "Legal hold lifted: the next retention run applies the periods to this person's records.";
        return RedirectTo<RetentionModel>(new { code = Trust.Code }, fragment: "holds");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Settings = await runner.SettingsAsync(Trust.Id, ct);
        Holds = await policy.HoldsAsync(Trust.Id, ct);
        StaffItems = await TrustPeople.ItemsAsync(Db, Trust.Id, ct);
    }
}
