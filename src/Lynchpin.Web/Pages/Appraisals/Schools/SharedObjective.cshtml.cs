using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>Who got a shared objective and who was left out, carried to the page the form redirects to.</summary>
public record SharedObjectiveOutcome(string Title, string Group, IReadOnlyList<string> Added, IReadOnlyList<string> SkippedAgreed, IReadOnlyList<string> SkippedFull);

/// <summary>
/// One objective — a whole-school priority, say — for a whole group at once: everyone, teaching or support staff,
/// a role family, the senior leadership team, or a line manager's team.
/// </summary>
[Requires(nameof(Operations.ManageCycle))]
public class SharedObjectiveModel(AppraisalCycles cycles, ProfileCalculator calculator) : AppraisalSchoolPage
{
    private const string OutcomeKey = "AppraisalSharedObjective";

    public class ObjectiveForm
    {
        [Display(Name = "group")] public string? Group { get; set; }
        [Display(Name = "title")] public string? Title { get; set; }
        [Display(Name = "success criteria")] public string? SuccessCriteria { get; set; }
        [Display(Name = "type")] public string? Type { get; set; }
        [Display(Name = "school priority")] public string? SchoolPriority { get; set; }
        [Display(Name = "pupil group")] public string? PupilGroup { get; set; }
        [Display(Name = "measure")] public string? Measure { get; set; }
        [Display(Name = "baseline")] public string? Baseline { get; set; }
        [Display(Name = "target")] public string? Target { get; set; }
    }

    private record Manager(int Id, string Name, string JobTitle);

    [BindProperty]
    public ObjectiveForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public int Year { get; private set; }
    public AppraisalCycle? Cycle { get; private set; }
    public IReadOnlyList<SelectListItem> GroupOptions { get; private set; } = [];
    public SharedObjectiveOutcome? Outcome { get; private set; }

    public static IEnumerable<SelectListItem> TypeItems =>
        AppraisalCodes.ObjectiveTypes.Select(t => new SelectListItem(t.DisplayName(), t.Code()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = ParseYear(YearText) ?? CurrentYear;
        await LoadStateAsync(ct);
        if (TempData[OutcomeKey] is string outcome)
        {
            Outcome = JsonSerializer.Deserialize<SharedObjectiveOutcome>(outcome);
        }
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
            ModelState.AddModelError("", $"Open the {SchoolYear.Name(Year)} cycle before giving anyone objectives");
            return Invalid();
        }

        var group = await GroupAsync(Input.Group, ct);
        if (group is null)
        {
            ModelState.AddModelError("Input.Group", "Choose who gets the objective");
        }
        ObjectiveType? type = AppraisalCodes.TryParseObjectiveType(Input.Type, out var parsed) ? parsed : null;
        var objective = new ObjectiveInput(
            Input.Title, Input.SuccessCriteria, type, Blank(Input.SchoolPriority), Blank(Input.PupilGroup),
            Blank(Input.Measure), Blank(Input.Baseline), Blank(Input.Target));
        // Every problem at once: the group and the objective's own rules.
        AddErrors(AppraisalRules.ValidateObjective(objective));
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        // Who will get it, by the rule the service applies (objectives not agreed, fewer than the most allowed), to name them after.
        var cycleId = Cycle.Id;
        var staff = ProfileCalculator.Filtered(Db.StaffMembers.Where(s => s.SchoolId == School.Id), group!.Value.Filter).Select(s => s.Id);
        var added = await Db.Appraisals.Where(a => a.CycleId == cycleId && staff.Contains(a.StaffMemberId)
                && a.ObjectivesStatus != ObjectivesStatus.Agreed && a.Objectives.Count < AppraisalRules.MaxObjectives)
            .OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName)
            .Select(a => a.StaffMember.FirstName + " " + a.StaffMember.LastName)
            .ToListAsync(ct);

        var result = await cycles.AssignSharedObjectiveAsync(cycleId, group.Value.Filter, objective, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        var outcome = new SharedObjectiveOutcome(objective.Title!.Trim(), group.Value.Name, added, result.Value!.SkippedAgreed, result.Value.SkippedFull);
        TempData[OutcomeKey] = JsonSerializer.Serialize(outcome);
        TempData["Success"] = result.Value.Added == 0
            ? "Nobody in the group could be given the objective."
            : $"‘{outcome.Title}’ is added to the objectives of {DashboardSentences.Count(result.Value.Added)}.";
        return RedirectTo<SharedObjectiveModel>(new { urn = School.Urn, year = Year });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The group a form value names, with its filter and its name in words; null if it names none.</summary>
    private async Task<(ProfileFilter Filter, string Name)?> GroupAsync(string? value, CancellationToken ct)
    {
        switch (value)
        {
            case "everyone":
                return (ProfileFilter.Everyone, "everyone");
            case "teaching":
                return (new ProfileFilter(Category: StaffCategory.Teaching), "teaching staff");
            case "support":
                return (new ProfileFilter(Category: StaffCategory.Support), "support staff");
            case "slt":
                return (new ProfileFilter(Slt: true), "the senior leadership team");
        }
        if (value?.StartsWith("family:", StringComparison.Ordinal) == true && RoleFamilies.TryParse(value["family:".Length..], out var family))
        {
            return (new ProfileFilter(RoleFamily: family), $"{family.DisplayName()} staff");
        }
        if (value?.StartsWith("team:", StringComparison.Ordinal) == true && int.TryParse(value["team:".Length..], out var managerId))
        {
            // Only a line manager of this school: an id from elsewhere names no group.
            var manager = (await ManagersAsync(ct)).SingleOrDefault(m => m.Id == managerId);
            if (manager is not null)
            {
                return (new ProfileFilter(Team: await calculator.TeamAsync(manager.Id, ct)), $"the team of {manager.Name}");
            }
        }
        return null;
    }

    private Task<List<Manager>> ManagersAsync(CancellationToken ct) =>
        Db.StaffMembers.AsNoTracking()
            .Where(s => s.SchoolId == School.Id && Db.StaffMembers.Any(r => r.LineManagerId == s.Id))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new Manager(s.Id, s.FirstName + " " + s.LastName, s.JobTitle)).ToListAsync(ct);

    private async Task LoadStateAsync(CancellationToken ct)
    {
        Cycle = await CycleAsync(Year, ct);
        var managers = await ManagersAsync(ct);
        GroupOptions =
        [
            new SelectListItem("Choose a group", ""),
            new SelectListItem("Everyone", "everyone"),
            new SelectListItem("Teaching staff", "teaching"),
            new SelectListItem("Support staff", "support"),
            new SelectListItem("The senior leadership team", "slt"),
            .. RoleFamilies.All.Select(f => new SelectListItem($"Role family: {f.DisplayName()}", $"family:{f.Code()}")),
            .. managers.Select(m => new SelectListItem($"Team of {m.Name}, {m.JobTitle}", $"team:{m.Id}")),
        ];
    }
}
