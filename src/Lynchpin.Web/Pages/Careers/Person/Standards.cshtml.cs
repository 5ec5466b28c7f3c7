using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Person;

/// <summary>
/// Rating a person against one set of their standards: the person rates themselves; their line manager (or a leader)
/// records their own view beside it. Each rating is not met, developing, secure or a strength, and may be linked to one
/// of the person's objectives. Under each standard, the CPD the person attended that was linked to it.
/// </summary>
public class StandardsModel(CareerProfiles profiles, StandardAssessments assessments) : PersonPageModel
{
    public PersonStandards Set { get; private set; } = null!;
    public AssessedBy By { get; private set; }
    public IReadOnlyList<SelectListItem> ObjectiveOptions { get; private set; } = [];

    /// <summary>A CPD activity the person attended, linked to a standard of this set.</summary>
    public sealed record LinkedCpd(string StandardCode, string Title, DateOnly On, decimal Hours);

    /// <summary>"CPD for this standard", by standard code, newest first.</summary>
    public ILookup<string, LinkedCpd> Cpd { get; private set; } = Array.Empty<LinkedCpd>().ToLookup(c => c.StandardCode);

    [BindProperty] public Dictionary<string, StandardRating?> Ratings { get; set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "note")] public string? Note { get; set; }
        [Display(Name = "objective")] public int? ObjectiveId { get; set; }
    }

    public static readonly IReadOnlyList<StandardRating> Choices = [StandardRating.NotMet, StandardRating.Developing, StandardRating.Secure, StandardRating.Strength];

    public async Task<IActionResult> OnGetAsync(string set, CancellationToken ct)
    {
        if (await FindSetAsync(set, ct) is { } refused)
        {
            return refused;
        }
        Ratings = Set.Standards.ToDictionary(s => s.Standard.Code, s => (By == AssessedBy.Self ? s.Self : s.LineManager)?.Rating);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string set, CancellationToken ct)
    {
        if (await FindSetAsync(set, ct) is { } refused)
        {
            return refused;
        }
        var input = new StandardAssessmentInput(Member.Id, Set.Set.Set.Code, By,
            Set.Standards.Select(s => new RatingInput(s.Standard.Code, Ratings.GetValueOrDefault(s.Standard.Code))).ToList(), Today, Input.Note, Input.ObjectiveId);
        var result = await assessments.RecordAsync(input, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => field switch { "Ratings" => $"Ratings[{Set.Standards[0].Standard.Code}]", "Note" or "ObjectiveId" => $"Input.{field}", _ => "" });
            return Invalid();
        }
        TempData["Success"] = result.Value!.Count == 0 ? "Nothing changed." : $"{result.Value!.Count} rating{(result.Value!.Count == 1 ? "" : "s")} saved.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "standards");
    }

    /// <summary>The set the URL names, among the person's, and which side the viewer rates: their own, or as line manager.</summary>
    private async Task<IActionResult?> FindSetAsync(string set, CancellationToken ct)
    {
        if (IsOwn)
        {
            By = AssessedBy.Self;
        }
        else if (await MayAsync(Member, Operations.Assess))
        {
            By = AssessedBy.LineManager;
        }
        else
        {
            return Forbid();
        }
        var profile = await profiles.ForPersonAsync(Member, Today, ct);
        var found = profile.Standards.FirstOrDefault(s => string.Equals(s.Set.Set.Code, set, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return NotFound();
        }
        Set = found;
        var setCode = found.Set.Set.Code;
        Cpd = (await Db.CpdAttendances.AsNoTracking()
            .Where(a => a.StaffMemberId == Member.Id && a.StandardSetCode == setCode && a.StandardCode != null)
            .OrderByDescending(a => a.Activity.StartDate).ThenBy(a => a.Activity.Title)
            .Select(a => new LinkedCpd(a.StandardCode!, a.Activity.Title, a.Activity.StartDate, a.Hours)).ToListAsync(ct))
            .ToLookup(c => c.StandardCode, StringComparer.OrdinalIgnoreCase);
        var objectives = await Db.Objectives.AsNoTracking().Where(o => o.Appraisal.StaffMemberId == Member.Id)
            .OrderByDescending(o => o.Appraisal.Cycle.Year).ThenBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.Title, o.Appraisal.Cycle.Year }).ToListAsync(ct);
        ObjectiveOptions = [new SelectListItem("None", ""), .. objectives.Select(o => new SelectListItem($"{o.Title} ({Core.Progression.SchoolYear.Name(o.Year)})", o.Id.ToString(CultureInfo.InvariantCulture)))];
        return null;
    }
}
