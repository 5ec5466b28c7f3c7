using System.Globalization;
using System.Text.Json;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>Generates a rota for a date range and a kind of observation with the solver, stores it and shows it.</summary>
public class GenerateModel(RotaService rotas) : LeaderPageModel
{
    /// <summary>Up to a minute: the page waits for the solver, so keep the wait bearable.</summary>
    public const int MaxSeconds = 60;

    public const int DefaultSeconds = 5;

    /// <summary>Where the rota page finds the solver's per-goal figures, which are not stored.</summary>
    public const string GoalsKey = "RotaGoals";

    [BindProperty]
    public GenerateInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> Kinds => ObservationCodes.Kinds.Select(k => new SelectListItem(k.DisplayName(), k.Code()));

    /// <summary>The school's rotas over the chosen dates, when a new rota would overlap them: the leader chooses what to do.</summary>
    public IReadOnlyList<RotaSummary> Overlapping { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> OverlapChoices =
    [
        new("Replace it: delete the rota and its visits (records already made are kept)", "replace"),
        new("Keep both: the new rota plans around its visits, and coverage counts both", "keep"),
    ];

    public void OnGet()
    {
        var today = Today;
        Input = new GenerateInput
        {
            From = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = today.AddDays(41).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Kind = ObservationKind.LearningWalk.Code(),
            TimeLimit = DefaultSeconds.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var from = ParseDate(Input.From, "Input.From", "the first day of the rota");
        var to = ParseDate(Input.To, "Input.To", "the last day of the rota");
        if (!ObservationCodes.TryParseKind(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose the kind of observation");
        }
        int? maxPerObservee = null;
        if (!string.IsNullOrWhiteSpace(Input.MaxPerObservee))
        {
            if (int.TryParse(Input.MaxPerObservee, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                maxPerObservee = n;
            }
            else
            {
                ModelState.AddModelError("Input.MaxPerObservee", "Visits to one person must be a whole number, like 2");
            }
        }
        var seconds = DefaultSeconds;
        if (!string.IsNullOrWhiteSpace(Input.TimeLimit)
            && !(int.TryParse(Input.TimeLimit, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds is >= 1 and <= MaxSeconds))
        {
            ModelState.AddModelError("Input.TimeLimit", $"The time limit must be a whole number of seconds from 1 to {MaxSeconds}");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var overlap = Input.Overlap switch
        {
            "replace" => RotaOverlap.Replace,
            "keep" => RotaOverlap.Keep,
            _ => RotaOverlap.Refuse,
        };
        var overrides = new RotaOverrides { MaxVisitsPerObservee = maxPerObservee, TimeLimit = TimeSpan.FromSeconds(seconds) };
        var generated = await rotas.GenerateAsync(School.Id, new RotaRequest(from!.Value, to!.Value, kind, overrides, overlap), await RecorderAsync(ct), ct);
        if (generated.Value is not { } generation)
        {
            if (generated.Errors.Any(e => e.Field == "Overlap"))
            {
                Overlapping = await rotas.OverlappingAsync(School.Id, from.Value, to.Value, ct);
            }
            AddErrors(generated.Errors, Fields, "Input.From");
            return Invalid();
        }
        TempData[GoalsKey] = JsonSerializer.Serialize(generation.Result.Goals);
        var replacedText = generation.Replaced.Count == 0 ? ""
            : " It replaces " + string.Join(" and ", generation.Replaced.Select(r => $"{r.Description} ({r.Visits} {(r.Visits == 1 ? "visit" : "visits")}), now deleted")) + ".";
        TempData["Success"] = $"Rota made: {generation.Rota.Visits.Count} visits, {RotaReport.StatusText(generation.Rota.Status).ToLowerInvariant()}.{replacedText}";
        return RedirectTo<RotaModel>(new { urn = School.Urn, id = generation.Rota.Id });
    }

    /// <summary>The service's field names on this form; timetable and observer problems point at the dates.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["To"] = "Input.To",
        ["From"] = "Input.From",
        ["Overlap"] = "Input.Overlap",
        [nameof(RotaOverrides.MaxVisitsPerObservee)] = "Input.MaxPerObservee",
    };
}

public sealed class GenerateInput
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Kind { get; set; }
    public string? MaxPerObservee { get; set; }
    public string? TimeLimit { get; set; }

    /// <summary>replace or keep, chosen when the dates overlap another rota; empty the first time.</summary>
    public string? Overlap { get; set; }
}
