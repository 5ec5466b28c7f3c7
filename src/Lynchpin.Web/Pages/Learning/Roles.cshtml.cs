using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Learning;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Learning;

/// <summary>
/// A school's learning community: leaders give roles (coach, learning lead for a criterion, triad facilitator), see who
/// holds which with their stage beside the stage the role expects, and each coach's load.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class RolesModel(LearningCommunity community, Frameworks frameworks) : SchoolPageModel
{
    public class GiveInput
    {
        [Display(Name = "person")] public int? StaffMemberId { get; set; }
        [Display(Name = "role")] public LearningRoleKind? Kind { get; set; }
        [Display(Name = "criterion")] public int? CriterionId { get; set; }
    }

    public class SettingsInput
    {
        [Display(Name = "stage a coach is expected to be at")] public int? CoachStage { get; set; }
        [Display(Name = "stage a triad facilitator is expected to be at")] public int? FacilitatorStage { get; set; }
        [Display(Name = "stages a learning lead is expected to be above their criterion")] public int? LeadStagesAbove { get; set; }
    }

    [BindProperty]
    public GiveInput Input { get; set; } = new();

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    public IReadOnlyList<RoleHolder> Holders { get; private set; } = [];
    public List<SelectListItem> PeopleOptions { get; private set; } = [];
    public List<SelectListItem> CriterionOptions { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> KindOptions =
    [
        new("Select a role", ""),
        .. Enum.GetValues<LearningRoleKind>().Select(k => new SelectListItem(Name(k), k.ToString())),
    ];

    public static string Name(LearningRoleKind kind) => kind switch
    {
        LearningRoleKind.Coach => "Coach",
        LearningRoleKind.LearningLead => "Learning lead",
        _ => "Triad facilitator",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadRolesAsync(ct);
        var settings = await community.SettingsAsync(School.Id, ct);
        Settings = new SettingsInput { CoachStage = settings.CoachStage, FacilitatorStage = settings.FacilitatorStage, LeadStagesAbove = settings.LeadStagesAbove };
    }

    public async Task<IActionResult> OnPostGiveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (TryValidateModel(Input, nameof(Input)))
        {
            var result = await community.GiveAsync(School, Input.StaffMemberId, Input.Kind, Input.CriterionId, await RecorderAsync(ct), ct);
            if (result.Succeeded)
            {
                var role = result.Value!;
                var name = await Db.StaffMembers.Where(s => s.Id == role.StaffMemberId).Select(s => s.FirstName + " " + s.LastName).SingleAsync(ct);
                TempData["Success"] = $"{name} is now a {char.ToLowerInvariant(Describe(role)[0])}{Describe(role)[1..]}.";
                return RedirectTo<RolesModel>(new { urn = School.Urn });
            }
            AddErrors(result.Errors);
        }
        await LoadRolesAsync(ct);
        return Invalid();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int roleId, CancellationToken ct)
    {
        if (!await community.RemoveAsync(School, roleId, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "The role is taken back.";
        return RedirectTo<RolesModel>(new { urn = School.Urn });
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        AddErrors(await community.SaveSettingsAsync(School.Id, Settings.CoachStage, Settings.FacilitatorStage, Settings.LeadStagesAbove, ct) is { Succeeded: false } failed
            ? failed.Errors : [], field => $"Settings.{field}");
        if (!ModelState.IsValid)
        {
            await LoadRolesAsync(ct);
            return Invalid();
        }
        TempData["Success"] = "The stages each role expects are saved.";
        return RedirectTo<RolesModel>(new { urn = School.Urn });
    }

    /// <summary>"Learning lead for 'Uses questioning …' (stage 3, teaching)" or the role's name.</summary>
    public static string Describe(LearningRole role) =>
        role.Kind == LearningRoleKind.LearningLead
            ? $"Learning lead for '{role.CriterionText}' (stage {role.CriterionStage}, {role.CriterionRoleFamily?.DisplayName().ToLowerInvariant() ?? "everyone"})"
            : Name(role.Kind);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task LoadRolesAsync(CancellationToken ct)
    {
        Holders = await community.HoldersAsync(School, ct);
        var today = Today;
        var schoolId = School.Id;
        PeopleOptions = [new SelectListItem("Select a person", ""),
            .. (await Db.StaffMembers.AsNoTracking()
                .Where(s => s.SchoolId == schoolId && (s.StartDate == null || s.StartDate <= today) && (s.LeavingDate == null || s.LeavingDate >= today))
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
                .Select(s => new { s.Id, s.FirstName, s.LastName, s.JobTitle }).ToListAsync(ct))
            .Select(s => new SelectListItem($"{s.FirstName} {s.LastName} ({s.JobTitle})", Invariant(s.Id)))];
        var framework = await frameworks.ForSchoolAsync(School, ct);
        CriterionOptions = [new SelectListItem("Select a criterion (learning leads only)", ""),
            .. framework.Framework.Stages.OrderBy(s => s.Number).SelectMany(s => s.Criteria.OrderBy(c => c.RoleFamily is null ? 0 : 1).ThenBy(c => c.SortOrder)
                .Select(c => new SelectListItem($"Stage {s.Number}, {c.RoleFamily?.DisplayName() ?? "everyone"}: {c.Text}", Invariant(c.Id))))];
    }
}
