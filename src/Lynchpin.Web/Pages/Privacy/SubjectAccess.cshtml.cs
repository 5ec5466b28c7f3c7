using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Privacy;

namespace Lynchpin.Web.Pages.Privacy;

/// <summary>
/// A trust's subject access requests, for its admins: log one with the date it was received (the page shows when it is
/// due, as the ICO counts it), then download the person's data to answer it. Both are audited.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class SubjectAccessModel(SubjectAccessRequests requests) : TrustPageModel
{
    public class InputModel
    {
        [Display(Name = "person")] public int? StaffMemberId { get; set; }
        [Display(Name = "date received")] public DateOnly? ReceivedOn { get; set; }
        [Display(Name = "note")] public string? Note { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public List<SubjectAccessRequest> Requests { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.ReceivedOn = Today;
        await LoadListsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var logged = await requests.LogAsync(Trust.Id, Input.StaffMemberId, Input.ReceivedOn, Input.Note, await RecorderAsync(ct), ct);
            AddErrors(logged.Errors);
            if (logged.Value is { } request)
            {
                TempData["Success"] = $"Request logged: due by {request.DueOn:d MMMM yyyy}.";
                return RedirectTo<SubjectAccessModel>(new { code = Trust.Code });
            }
        }
        await LoadListsAsync(ct);
        return Invalid();
    }

    public async Task<IActionResult> OnPostDownloadAsync(int id, CancellationToken ct)
    {
        if (await requests.AnswerAsync(Trust.Id, id, staff => MayAsync(staff, Operations.ReadPay), ct) is not { } answer)
        {
            return NotFound();
        }
        return File(answer.Zip, "application/zip", requests.FileName(answer.Name));
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Requests = await requests.ForTrustAsync(Trust.Id, ct);
        StaffItems = await TrustPeople.ItemsAsync(Db, Trust.Id, ct);
    }
}
