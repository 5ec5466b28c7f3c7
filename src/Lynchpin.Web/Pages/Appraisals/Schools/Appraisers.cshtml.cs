using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>An appraisal that may be moved, as the list shows it.</summary>
public record MovableAppraisal(int AppraisalId, int StaffId, string Name, string JobTitle, string? AppraiserName);

/// <summary>
/// Moves appraisals to a new appraiser in one step: all of one appraiser's (they are ticked when the list is
/// filtered to them), those without one, or whoever is ticked.
/// </summary>
[Requires(nameof(Operations.ManageCycle))]
public class AppraisersModel(AppraisalCycles cycles) : AppraisalSchoolPage
{
    public class MoveInput
    {
        [Display(Name = "people")] public List<int> AppraisalIds { get; set; } = [];
        [Display(Name = "new appraiser")] public int? NewAppraiserId { get; set; }
    }

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    /// <summary>Whose appraisals are listed: empty for everyone's, "none" for those without an appraiser, or an appraiser's id.</summary>
    [BindProperty(SupportsGet = true, Name = "appraiser")] public string? Filter { get; set; }

    public int Year { get; private set; }
    public AppraisalCycle? Cycle { get; private set; }
    public IReadOnlyList<MovableAppraisal> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> FilterOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AppraiserOptions { get; private set; } = [];

    /// <summary>The ticked appraisals: those posted back, or every one listed when the list is one appraiser's (or nobody's).</summary>
    public bool IsTicked(int appraisalId) =>
        Request.HasFormContentType ? Input.AppraisalIds.Contains(appraisalId) : !string.IsNullOrEmpty(Filter);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = ParseYear(YearText) ?? CurrentYear;
        await LoadStateAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ParseYear(YearText) is not int year)
        {
            return BadRequest();
        }
        Year = year;
        await LoadStateAsync(ct);
        if (Cycle is null)
        {
            ModelState.AddModelError("", $"Open the {SchoolYear.Name(Year)} cycle before choosing appraisers");
            return Invalid();
        }

        var ids = Input.AppraisalIds.Distinct().ToList();
        var cycleId = Cycle.Id;
        // Only this cycle's appraisals, and only those the reader may manage, may be moved from here, whatever the form says.
        var known = await (await MovableAsync(Db.Appraisals.Where(a => a.CycleId == cycleId && ids.Contains(a.Id)), ct)).CountAsync(ct);
        if (known != ids.Count)
        {
            return await Db.Appraisals.CountAsync(a => a.CycleId == cycleId && ids.Contains(a.Id), ct) == ids.Count ? Forbid() : BadRequest();
        }
        if (ids.Count == 0)
        {
            ModelState.AddModelError("Input.AppraisalIds", "Select the people whose appraiser changes");
        }
        if (Input.NewAppraiserId is null && ModelState.GetFieldValidationState("Input.NewAppraiserId") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.NewAppraiserId", "Choose the new appraiser");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await cycles.MoveAppraiserAsync(ids, Input.NewAppraiserId!.Value, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => field == "AppraiserId" ? "Input.NewAppraiserId" : $"Input.{field}");
            return Invalid();
        }
        var appraiser = await Db.StaffMembers.Where(s => s.Id == Input.NewAppraiserId).Select(s => s.FirstName + " " + s.LastName).SingleAsync(ct);
        var moved = result.Value!;
        TempData["Success"] = $"{appraiser} is now the appraiser of {DashboardSentences.Count(moved.Moved)}."
            + (moved.Skipped.Count == 0 ? "" : $" Not moved, as nobody appraises themselves: {string.Join(", ", moved.Skipped)}.");
        return RedirectTo<AppraisersModel>(new { urn = School.Urn, year = Year, appraiser = Input.NewAppraiserId });
    }

    /// <summary>
    /// Least privilege: a head's appraisal is the trust's (its admins move it, not the school's leaders), and nobody moves the
    /// appraisal of someone above them in line management.
    /// </summary>
    private async Task<IQueryable<Appraisal>> MovableAsync(IQueryable<Appraisal> appraisals, CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        var above = (await Access.ManagersAboveMeAsync(ct)).ToList();
        appraisals = appraisals.Where(a => !above.Contains(a.StaffMemberId));
        return scope.Role == UserRole.TrustAdmin
            ? appraisals
            : appraisals.Where(a => !Db.StaffMembers.Where(Core.Accounts.Seniority.IsHeadExpression).Select(s => s.Id).Contains(a.StaffMemberId));
    }

    private async Task LoadStateAsync(CancellationToken ct)
    {
        Cycle = await CycleAsync(Year, ct);
        if (Cycle is null)
        {
            return;
        }
        var appraisals = await MovableAsync(InPostAppraisals(Cycle), ct);
        var appraisers = await appraisals.Where(a => a.AppraiserId != null)
            .GroupBy(a => new { Id = a.AppraiserId!.Value, a.Appraiser!.FirstName, a.Appraiser.LastName })
            .Select(g => new { g.Key.Id, g.Key.FirstName, g.Key.LastName, Count = g.Count() })
            .ToListAsync(ct);
        var withoutCount = await appraisals.CountAsync(a => a.AppraiserId == null, ct);
        FilterOptions =
        [
            new SelectListItem("Everyone", "", string.IsNullOrEmpty(Filter)),
            new SelectListItem($"No appraiser yet ({withoutCount})", "none", Filter == "none"),
            .. appraisers.OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
                .Select(a => new SelectListItem($"{a.FirstName} {a.LastName} ({a.Count})", a.Id.ToString(), a.Id.ToString() == Filter)),
        ];

        if (Filter == "none")
        {
            appraisals = appraisals.Where(a => a.AppraiserId == null);
        }
        else if (int.TryParse(Filter, out var appraiserId))
        {
            appraisals = appraisals.Where(a => a.AppraiserId == appraiserId);
        }
        else
        {
            Filter = null;
        }
        Rows = await appraisals.OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName).ThenBy(a => a.Id)
            .Select(a => new MovableAppraisal(a.Id, a.StaffMemberId, a.StaffMember.FirstName + " " + a.StaffMember.LastName, a.StaffMember.JobTitle,
                a.Appraiser == null ? null : a.Appraiser.FirstName + " " + a.Appraiser.LastName))
            .ToListAsync(ct);

        // Anyone in post at the school may appraise; from the trust's other schools, their senior leaders (an executive head, say).
        var on = Today < SchoolYear.End(Year) ? Today : SchoolYear.End(Year);
        var trustId = School.TrustId;
        var candidates = await Db.StaffMembers
            .Where(s => (s.SchoolId == School.Id || (trustId != null && s.School.TrustId == trustId && s.Slt))
                && (s.StartDate == null || s.StartDate <= on) && (s.LeavingDate == null || s.LeavingDate >= on))
            .OrderBy(s => s.SchoolId != School.Id).ThenBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.JobTitle, s.SchoolId, SchoolName = s.School.Name })
            .ToListAsync(ct);
        AppraiserOptions =
        [
            new SelectListItem("Choose the new appraiser", ""),
            .. candidates.Select(c => new SelectListItem(
                $"{c.FirstName} {c.LastName}, {c.JobTitle}" + (c.SchoolId == School.Id ? "" : $" ({c.SchoolName})"), c.Id.ToString())),
        ];
    }
}
