using System.Globalization;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>
/// The people behind one count of the profile (a stage at a checkpoint, those not assessed, everyone in post, or a cell
/// of the movement table), scoped as the profile is: a leader's whole school, a line manager's own team.
/// </summary>
public class PeopleModel(ProfileCalculator calculator, Frameworks frameworks) : ProfilePageModel(calculator)
{
    [BindProperty(SupportsGet = true, Name = "checkpoint")] public int? Checkpoint { get; set; }
    [BindProperty(SupportsGet = true, Name = "stage")] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public int? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "fromStage")] public int? FromStage { get; set; }

    public IReadOnlyList<string> StageNames { get; private set; } = [];
    public CheckpointInfo CheckpointShown { get; private set; } = null!;
    public IReadOnlyList<ProfilePerson> People { get; private set; } = [];

    /// <summary>Who the list is, in words: "At stage 2 (Non-negotiables met) at the end of autumn term 2025/26".</summary>
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Checkpoint is not int checkpoint || !SchoolYear.IsCheckpoint(checkpoint))
        {
            ModelState.AddModelError("checkpoint", "Select a checkpoint from 1 to 4");
            checkpoint = SchoolYear.FirstCheckpoint;
        }
        if (!StageChoice.TryParse(Stage, out var stage))
        {
            ModelState.AddModelError("stage", "Select a stage from 0 to 6");
        }
        (int, int)? from = null;
        if (From is not null || FromStage is not null)
        {
            if (From is int f && SchoolYear.IsCheckpoint(f) && f < checkpoint && FromStage is int fs
                && fs is >= ProgressionStage.Lowest and <= ProgressionStage.Highest && stage.Stage is not null)
            {
                from = (f, fs);
            }
            else
            {
                ModelState.AddModelError("from", "Select an earlier checkpoint and a stage at it for the movement");
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var framework = await frameworks.ForSchoolAsync(School, ct);
        StageNames = Enumerable.Range(0, StageDistribution.StageCount).Select(n => framework.Stage(n).Name).ToList();
        CheckpointShown = (await Calculator.CheckpointsAsync(School.Id, ChosenYear, ct)).Single(c => c.Number == checkpoint);
        People = await Calculator.PeopleAsync(School.Id, ChosenYear, checkpoint, stage, Filter, from, ct);

        var at = $"the {CheckpointShown.Name.ToLowerInvariant()} {SchoolYear.Name(ChosenYear)}";
        Heading = from is var (fromCheckpoint, fromStage)
            ? $"From {ProfileSentences.Stage(fromStage, StageNames)} at the {SchoolYear.CheckpointName(fromCheckpoint).ToLowerInvariant()} "
                + $"to {ProfileSentences.Stage(stage.Stage!.Value, StageNames)} at {at}"
            : stage.Stage is int s ? $"At {ProfileSentences.Stage(s, StageNames)} at {at}"
            : stage == StageChoice.NotAssessed ? $"Not assessed at {at}"
            : $"In post at {at}";
        Heading = char.ToUpperInvariant(Heading[0]) + Heading[1..];
        return Page();
    }

    /// <summary>Back to the profile with the same year and filters.</summary>
    public string ProfileUrl => Url.To<SchoolModel>(new RouteValueDictionary(FilterFields().Select(f => KeyValuePair.Create(f.Name, (object?)f.Value)))
    {
        ["urn"] = School.Urn,
    });

    public string StageText(int? stage) => stage is int s ? $"{s.ToString(CultureInfo.InvariantCulture)} {StageNames[s]}" : "Not assessed";
}
