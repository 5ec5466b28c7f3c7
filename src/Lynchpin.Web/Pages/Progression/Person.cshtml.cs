using Lynchpin.Core.Learning;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Pages.Progression;

/// <summary>
/// A person's professional progression: their stage at each checkpoint of each year, one assessment in full
/// (the latest, or the one asked for), every version recorded at each checkpoint, and their own reflection.
/// </summary>
[Requires(nameof(Operations.ReadProgression))]
public class PersonModel(Frameworks frameworks, ProfileCalculator calculator, AssessmentRecorder recorder, LearningCommunity community) : PersonPageModel
{
    /// <summary>One checkpoint of one year: the current assessment, if any, and whether the person was in post on its date.</summary>
    public record Cell(int Year, CheckpointInfo Checkpoint, Assessment? Current, bool InPost);

    public record YearRow(int Year, IReadOnlyList<Cell> Cells);

    /// <summary>Every version recorded at one checkpoint, newest first.</summary>
    public record CheckpointHistory(int Year, int Checkpoint, IReadOnlyList<Assessment> Versions);

    public ResolvedFramework Framework { get; private set; } = null!;
    public IReadOnlyList<YearRow> Years { get; private set; } = [];
    public IReadOnlyList<CheckpointHistory> History { get; private set; } = [];

    /// <summary>The assessment shown in full: the one asked for by year and checkpoint, else the latest.</summary>
    public Assessment? Selected { get; private set; }

    /// <summary>Who the person can learn from (issue 18 item 2), scoped as their assessments are.</summary>
    public PersonHelp Help { get; private set; } = null!;

    /// <summary>The person's own roles in the learning community, shown to them alone (a learning lead's offer may be withdrawn).</summary>
    public IReadOnlyList<LearningRole> OwnRoles { get; private set; } = [];

    /// <summary>The viewer is the person: a peer visit is theirs to record.</summary>
    public bool IsSelf { get; private set; }

    /// <summary>The viewer leads the person's school: a suggested coach can be made theirs.</summary>
    public bool CanChangeCoach { get; private set; }

    public bool CanAssess { get; private set; }
    public bool CanReflect { get; private set; }

    [BindProperty]
    public string? Reflection { get; set; }

    public string StageName(int stage) => Framework.Framework.Stages.FirstOrDefault(s => s.Number == stage)?.Name ?? "";

    public async Task OnGetAsync(int? year, int? checkpoint, CancellationToken ct)
    {
        await LoadAssessmentsAsync(year, checkpoint, ct);
        Reflection = Selected?.Reflection;
    }

    [Requires(nameof(Operations.Reflect))]
    public async Task<IActionResult> OnPostReflectionAsync(int year, int checkpoint, CancellationToken ct)
    {
        var id = Member.Id;
        // Tracked: the reflection is saved on this row.
        var assessment = await Db.Assessments
            .SingleOrDefaultAsync(a => a.StaffMemberId == id && a.Year == year && a.Checkpoint == checkpoint && a.IsCurrent, ct);
        if (assessment is null)
        {
            return NotFound();
        }
        if (Reflection?.Trim().Length > Assessment.ReflectionMaxLength)
        {
            ModelState.AddModelError(nameof(Reflection), $"Your reflection must be {Assessment.ReflectionMaxLength} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            await LoadAssessmentsAsync(year, checkpoint, ct);
            return Invalid();
        }
        await recorder.SaveReflectionAsync(assessment, Reflection ?? "", ct);
        TempData["Success"] = assessment.Reflection is null ? "Your reflection is removed." : "Your reflection is saved.";
        return RedirectTo<PersonModel>(new { id, year, checkpoint }, "assessment");
    }

    [Requires(nameof(Operations.ActForSelf))]
    public async Task<IActionResult> OnPostWithdrawAsync(int roleId, CancellationToken ct)
    {
        if (!await community.WithdrawAsync(Member.Id, roleId, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "Your offer to share the criterion is withdrawn.";
        return RedirectTo<PersonModel>(new { id = Member.Id }, "learn-from");
    }

    private async Task LoadAssessmentsAsync(int? year, int? checkpoint, CancellationToken ct)
    {
        var member = Member;
        IsSelf = (await Access.GetAsync(ct)).OwnStaffId == member.Id;
        CanChangeCoach = await MayAsync(member.School, Operations.Manage);
        Help = (await community.HelpForAsync(member.School, [member.Id], ct))[member.Id];
        OwnRoles = IsSelf ? await community.RolesOfAsync(member.Id, ct) : [];
        CanAssess = await MayAsync(member, Operations.Assess);
        CanReflect = await MayAsync(member, Operations.Reflect);
        Framework = await frameworks.ForSchoolAsync(member.School, ct);

        // One person's assessments are a few a year: all versions are loaded and arranged here.
        var assessments = await Db.Assessments.AsNoTracking().Include(a => a.Assessor)
            .Where(a => a.StaffMemberId == member.Id)
            .OrderBy(a => a.Year).ThenBy(a => a.Checkpoint).ThenByDescending(a => a.Version)
            .ToListAsync(ct);
        var current = assessments.Where(a => a.IsCurrent).ToList();

        var thisYear = SchoolYear.Of(Today);
        var years = assessments.Select(a => a.Year).Append(thisYear).Distinct().Order().ToList();
        var rows = new List<YearRow>();
        foreach (var y in years)
        {
            var dates = await calculator.CheckpointsAsync(member.SchoolId, y, ct);
            rows.Add(new YearRow(y, dates
                .Select(c => new Cell(y, c, current.SingleOrDefault(a => a.Year == y && a.Checkpoint == c.Number), member.InPostOn(c.Date)))
                .ToList()));
        }
        Years = rows;

        History = assessments.GroupBy(a => (a.Year, a.Checkpoint))
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Checkpoint)
            .Select(g => new CheckpointHistory(g.Key.Year, g.Key.Checkpoint, g.ToList()))
            .ToList();

        Selected = (year is not null && checkpoint is not null
                ? current.SingleOrDefault(a => a.Year == year && a.Checkpoint == checkpoint)
                : null)
            ?? current.LastOrDefault();
    }
}
