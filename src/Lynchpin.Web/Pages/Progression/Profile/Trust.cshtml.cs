using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>A trust's schools side by side at one checkpoint, and the trust as a whole: for the trust's own admins only.</summary>
// Comparing schools is the trust's business: a leader of one of its schools sees only their own profile.
[Requires(nameof(Operations.ViewProfile))]
public class TrustModel(ProfileCalculator calculator, Frameworks frameworks) : TrustPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "checkpoint")] public int? Checkpoint { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }

    public int ChosenYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<string> StageNames { get; private set; } = [];
    public IReadOnlyList<SchoolDistribution> Schools { get; private set; } = [];

    /// <summary>Every school's people added together.</summary>
    public StageDistribution Whole { get; private set; } = StageDistribution.Empty;

    public string ChartJson { get; private set; } = "";

    /// <summary>How many were assessed, where the checkpoint is not yet due, and where too few were assessed to compare.</summary>
    public IReadOnlyList<string> Sentences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (trust, db) = (Trust, Db);
        var schools = await db.Schools.AsNoTracking().Where(s => s.TrustId == trust.Id).OrderBy(s => s.Name).ToListAsync(ct);
        DataVersions.Know(schools);
        var assessed = (await calculator.AssessedYearsAsync(schools.Select(s => s.Id).ToList(), ct)).Values;

        var withAssessments = assessed.SelectMany(years => years.Keys).Distinct().ToList();
        var current = SchoolYear.Of(Today);
        if (Year is int asked && asked is < 2000 or > 2100)
        {
            ModelState.AddModelError("year", "Select a school year from the list");
            Year = null;
        }
        ChosenYear = Year ?? (withAssessments.Count == 0 || withAssessments.Contains(current) ? current : withAssessments.Max());
        Years = withAssessments.Append(current).Append(ChosenYear).Distinct().OrderDescending().ToList();

        if (Checkpoint is int chosen && !SchoolYear.IsCheckpoint(chosen))
        {
            ModelState.AddModelError("checkpoint", "Select a checkpoint from the list");
            Checkpoint = null;
        }
        // The latest checkpoint every school has reached (each on its own date), never one some schools have not:
        // one early assessment there would stand for a whole school.
        var dates = await calculator.CheckpointsAsync(schools.Select(s => s.Id).ToList(), ChosenYear, ct);
        Checkpoint ??= SchoolYear.Checkpoints.LastOrDefault(n => dates.Values.All(d => d.Single(c => c.Number == n).Date <= Today)) is var due and > 0
            ? due
            : SchoolYear.FirstCheckpoint;

        var framework = await frameworks.ForTrustAsync(trust, ct);
        StageNames = Enumerable.Range(0, StageDistribution.StageCount).Select(n => framework.Stage(n).Name).ToList();
        var filter = new ProfileFilter(RoleFamilies.TryParseCategory(Category, out var category) ? category : null);
        Schools = await calculator.SchoolsAsync(schools, ChosenYear, Checkpoint.Value, filter, ct);
        Whole = new StageDistribution(
            Enumerable.Range(0, StageDistribution.StageCount).Select(n => Schools.Sum(s => s.Distribution.Stages[n])).ToArray(),
            Schools.Sum(s => s.Distribution.NotAssessed));
        Sentences = ProfileSentences.Trust(Schools, ChosenYear, Today);
        ChartJson = StageChart.Json(
            [.. Schools.Select(s => s.SchoolName), $"{trust.Name} (whole trust)"],
            [.. Schools.Select(s => s.Distribution), Whole],
            StageNames, percent: true, horizontal: true);

        return PageOrInvalid();
    }

    public string SchoolProfileUrl(int urn) =>
        Url.To<SchoolModel>(new RouteValueDictionary(
            new Dictionary<string, object?> { ["urn"] = urn, ["year"] = ChosenYear, ["category"] = Category, ["checkpoint"] = Checkpoint }
                .Where(p => p.Value is not (null or ""))));

    /// <summary>The people behind a count of one school's row: its profile's list, with this page's year, checkpoint and category.</summary>
    public string PeopleUrl(int urn, StageChoice stage) =>
        Url.To<PeopleModel>(new RouteValueDictionary(
            new Dictionary<string, object?> { ["urn"] = urn, ["year"] = ChosenYear, ["checkpoint"] = Checkpoint, ["stage"] = stage.Code, ["category"] = Category }
                .Where(p => p.Value is not (null or ""))));

    public IEnumerable<SelectListItem> YearOptions =>
        Years.Select(y => new SelectListItem(SchoolYear.Name(y), y.ToString(), y == ChosenYear));

    public IEnumerable<SelectListItem> CheckpointOptions =>
        SchoolYear.Checkpoints.Select(n => new SelectListItem($"{n}: {SchoolYear.CheckpointName(n)}", n.ToString(), n == Checkpoint));

    public IEnumerable<SelectListItem> CategoryOptions =>
    [
        new("All staff", "", string.IsNullOrEmpty(Category)),
        new("Teaching staff", "teaching", Category == "teaching"),
        new("Support staff", "support", Category == "support"),
    ];
}
