using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>
/// A school's Professional Progression Profile for a year: people per stage at each checkpoint (chart and table),
/// how progressive it is in sentences, movement between two checkpoints, and one checkpoint year on year.
/// </summary>
public class SchoolModel(ProfileCalculator calculator, Frameworks frameworks, NextSteps nextSteps, Core.Learning.LearningCommunity community) : ProfilePageModel(calculator)
{
    /// <summary>Year-on-year goes back this many years, the one shown included.</summary>
    public const int YearsCompared = 5;

    [BindProperty(SupportsGet = true, Name = "from")] public int? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public int? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "checkpoint")] public int? Checkpoint { get; set; }

    public IReadOnlyList<string> StageNames { get; private set; } = [];
    public SchoolProfile Profile { get; private set; } = null!;
    /// <summary>The first and the latest checkpoints that are due and have anyone assessed: what the sentences compare.</summary>
    public CheckpointProfile? FirstAssessed { get; private set; }
    public CheckpointProfile? LatestAssessed { get; private set; }
    public IReadOnlyList<string> InYearSentences { get; private set; } = [];

    /// <summary>Null when From and To are not a valid pair (the form shows why).</summary>
    public Transitions? Movement { get; private set; }
    public string? MovementSentence { get; private set; }

    public IReadOnlyList<YearDistribution> YearOnYear { get; private set; } = [];
    public IReadOnlyList<string> YearOnYearSentences { get; private set; } = [];

    /// <summary>"What can you do to improve it?" at the year-on-year checkpoint, for the people the page counts.</summary>
    public NextStepsResult Steps { get; private set; } = null!;

    /// <summary>Who could help each person held at a stage (issue 18 item 2), by their id.</summary>
    public IReadOnlyDictionary<int, Core.Learning.PersonHelp> HeldHelp { get; private set; } = new Dictionary<int, Core.Learning.PersonHelp>();

    public string CheckpointChartJson { get; private set; } = "";
    public string YearOnYearChartJson { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var framework = await frameworks.ForSchoolAsync(School, ct);
        StageNames = Enumerable.Range(0, StageDistribution.StageCount).Select(n => framework.Stage(n).Name).ToList();

        Profile = await Calculator.SchoolAsync(School.Id, ChosenYear, Filter, ct);
        (FirstAssessed, var latest) = ProfileSentences.Span(Profile, Today);
        LatestAssessed = latest;
        var sinceFirst = FirstAssessed is not null && latest is not null && FirstAssessed != latest
            ? await Calculator.TransitionsAsync(School.Id, ChosenYear, FirstAssessed.Checkpoint.Number, latest.Checkpoint.Number, Filter, ct)
            : null;
        InYearSentences = ProfileSentences.InYear(Profile, sinceFirst, StageNames, Today);
        CheckpointChartJson = StageChart.Json(
            Profile.Checkpoints.Select(c => c.Checkpoint.Name).ToList(), Profile.Checkpoints.Select(c => c.Distribution).ToList(), StageNames);

        await LoadMovementAsync(ct);

        Checkpoint ??= latest?.Checkpoint.Number ?? SchoolYear.FirstCheckpoint;
        if (!SchoolYear.IsCheckpoint(Checkpoint.Value))
        {
            ModelState.AddModelError("checkpoint", "Select a checkpoint from the list");
            Checkpoint = latest?.Checkpoint.Number ?? SchoolYear.LastCheckpoint;
        }
        var years = await Calculator.YearOnYearAsync(School.Id, ChosenYear, Checkpoint.Value, Filter, YearsCompared, ct);
        // Years before the school's first assessment at this checkpoint say nothing; the year shown always stays.
        YearOnYear = years.SkipWhile(y => y.Distribution.Assessed == 0 && y.Year != ChosenYear).ToList();
        YearOnYearSentences = ProfileSentences.YearOnYear(YearOnYear);
        YearOnYearChartJson = StageChart.Json(
            YearOnYear.Select(y => SchoolYear.Name(y.Year)).ToList(), YearOnYear.Select(y => y.Distribution).ToList(), StageNames);
        Steps = await nextSteps.ForSchoolAsync(School, framework, ChosenYear, Profile[Checkpoint.Value].Checkpoint, Filter, ct);
        HeldHelp = await community.HelpForAsync(School, Steps.HeldAtStage.Select(p => p.Id).ToList(), ct);

        return PageOrInvalid();
    }

    private async Task LoadMovementAsync(CancellationToken ct)
    {
        var asked = From is not null || To is not null;
        // The last two checkpoints that are due; none to compare while fewer than two are.
        var due = Profile.Checkpoints.Where(c => c.Checkpoint.Date <= Today).Select(c => c.Checkpoint.Number).ToList();
        if (!asked && due.Count < 2)
        {
            From = SchoolYear.FirstCheckpoint;
            To = SchoolYear.FirstCheckpoint + 1;
            MovementSentence = due.Count == 0
                ? "No checkpoint of this year is due yet, so there is no movement to show."
                : $"Only the {Lower(Profile.Checkpoints[0].Checkpoint.Name)} is due so far: movement shows once the {Lower(Profile.Checkpoints[1].Checkpoint.Name)} "
                    + $"is due on {Dates.Long(Profile.Checkpoints[1].Checkpoint.Date)}.";
            return;
        }
        To ??= due.Count >= 2 ? due[^1] : SchoolYear.LastCheckpoint;
        From ??= due.Count >= 2 && To == due[^1] ? due[^2] : Math.Max(SchoolYear.FirstCheckpoint, To.Value - 1);
        if (!SchoolYear.IsCheckpoint(From.Value))
        {
            ModelState.AddModelError("from", "Select a From checkpoint from the list");
        }
        if (!SchoolYear.IsCheckpoint(To.Value))
        {
            ModelState.AddModelError("to", "Select a To checkpoint from the list");
        }
        else if (asked && SchoolYear.IsCheckpoint(From.Value) && To <= From)
        {
            ModelState.AddModelError("to", "Select a To checkpoint later than the From checkpoint");
        }
        if (HasError("from") || HasError("to"))
        {
            return;
        }
        Movement = await Calculator.TransitionsAsync(School.Id, ChosenYear, From.Value, To.Value, Filter, ct);
        var from = Profile[From.Value].Checkpoint;
        var to = Profile[To.Value].Checkpoint;
        MovementSentence = ProfileSentences.Movement(
            $"Between the {Lower(from.Name)} and the {Lower(to.Name)}", Movement, from, to);
    }

    /// <summary>"Autumn 2025/26": a checkpoint of a year, as the next steps name the two before.</summary>
    public static string CheckpointOfYear((int Year, int Checkpoint) at) => $"{SchoolYear.CheckpointName(at.Checkpoint)} {SchoolYear.Name(at.Year)}";

    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public IEnumerable<SelectListItem> CheckpointOptions(int? current) =>
        Profile.Checkpoints.Select(c => new SelectListItem($"{c.Checkpoint.Number}: {c.Checkpoint.Name}", c.Checkpoint.Number.ToString(), c.Checkpoint.Number == current));

    public string StageLabel(int stage) => $"{stage} {StageNames[stage]}";

    /// <summary>A table cell: the count and its share of everyone in post, "12 (40%)".</summary>
    public static string CountAndPercent(StageDistribution d, int count) =>
        $"{count} ({Math.Round(d.PercentOfInPost(count), MidpointRounding.AwayFromZero):0}%)";

    /// <summary>Change in the mean stage as shown (one decimal place): "+0.5", "-0.2", "0.0".</summary>
    public static string MeanChange(StageDistribution from, StageDistribution to) =>
        Signed(Math.Round(to.MeanStage ?? 0, 1, MidpointRounding.AwayFromZero) - Math.Round(from.MeanStage ?? 0, 1, MidpointRounding.AwayFromZero), "0.0");

    /// <summary>Change in a share as shown (whole percentages), in percentage points.</summary>
    public static string ShareChange(StageDistribution from, StageDistribution to, int low, int high) =>
        Signed(Math.Round(100 * (to.ShareAt(low, high) ?? 0), MidpointRounding.AwayFromZero) - Math.Round(100 * (from.ShareAt(low, high) ?? 0), MidpointRounding.AwayFromZero), "0")
        + " points";

    private static string Signed(double value, string format) =>
        (value > 0 ? "+" : "") + value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
