using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Outcomes;

/// <summary>
/// The published figure for an objective's pupil group and measure in its year, when the files hold one: a figure
/// (with its 95 % interval where published), suppressed (the file's marker), or none.
/// </summary>
/// <param name="ForGroup">False when the files publish the measure, but not for the objective's group (a class, a year 8 group).</param>
public sealed record ObjectiveOutcome(OutcomeMeasure Measure, bool ForGroup, int Year, decimal? Value, string? Marker, decimal? Low, decimal? High, bool Found)
{
    public bool Suppressed => Found && Value is null;

    /// <summary>What the page says, association only: the figure is the whole group's in the school, beside the target.</summary>
    public string Describe()
    {
        var what = $"{Measure.Label}, {SchoolYear.Name(Year)}";
        if (!ForGroup)
        {
            return $"No published figure for this group: the files give {Measure.Label.ToLowerInvariant()} for the whole school's pupils, not for a class or group within it.";
        }
        if (!Found)
        {
            return $"No published figure for {what}.";
        }
        if (Value is not { } value)
        {
            return $"{what}: suppressed in the published file{(Marker is null ? "" : $" ({Marker})")}.";
        }
        var number = Measure.IsPercent ? $"{value:0.#} %" : $"{value:0.00}";
        var interval = Low is { } low && High is { } high ? $" (95 % interval {low:0.00} to {high:0.00})" : "";
        return $"{what}: {number}{interval}.";
    }
}

/// <summary>
/// Objectives against outcomes: which published measure (<see cref="OutcomeMeasures"/>) an objective's pupil group and measure
/// name, in the words people write them ("disadvantaged pupils", "Progress 8"), and that measure's figure for the school and the
/// objective's year. Only measures the official files publish for that group are matched; anything else has no published figure.
/// </summary>
public class ObjectiveOutcomes(LynchpinDbContext db)
{
    private static readonly string[] DisadvantagedWords = ["disadvantaged", "pupil premium", "pp pupils", "fsm"];

    /// <summary>How a group of all the pupils a published figure covers is written; a class or an intervention group is not one.</summary>
    private static readonly string[] AllPupilsWords =
        ["all pupils", "whole school", "whole cohort", "all year 11", "all year 6", "year 11 cohort", "year 6 cohort", "ks4 cohort", "ks2 cohort", "all students"];

    /// <summary>The measures by how an objective names them, each for all pupils and, where the files publish it, disadvantaged pupils.</summary>
    private static readonly (string[] Words, string All, string? Disadvantaged)[] Names =
    [
        (["progress 8", "p8"], OutcomeMeasures.P8, OutcomeMeasures.P8Disadvantaged),
        (["attainment 8", "att8"], OutcomeMeasures.Att8, OutcomeMeasures.Att8Disadvantaged),
        (["grade 5 or above in english and maths", "strong pass in english and maths", "9-5 in english and maths"], OutcomeMeasures.Basics95, null),
        (["grade 4 or above in english and maths", "standard pass in english and maths", "9-4 in english and maths"], OutcomeMeasures.Basics94, null),
        (["reading progress", "ks2 reading progress"], OutcomeMeasures.ReadProgress, null),
        (["writing progress", "ks2 writing progress"], OutcomeMeasures.WritingProgress, null),
        (["maths progress", "ks2 maths progress"], OutcomeMeasures.MathsProgress, null),
        (["expected standard in reading, writing and maths", "rwm expected"], OutcomeMeasures.RwmExpected, null),
        (["persistent absence"], OutcomeMeasures.PersistentAbsence, null),
        (["overall absence"], OutcomeMeasures.OverallAbsence, null),
    ];

    /// <summary>
    /// The published measure an objective names, or null when its measure is not a published one. A group that is not all
    /// pupils nor disadvantaged pupils, or a measure not published for the group named, is still matched (to say there is
    /// no published figure for it) only when the measure is one of the files'.
    /// </summary>
    public static (OutcomeMeasure Measure, bool ForGroup)? Match(string? pupilGroup, string? measure)
    {
        if (string.IsNullOrWhiteSpace(pupilGroup) || string.IsNullOrWhiteSpace(measure))
        {
            return null;
        }
        var text = measure.Trim().ToLowerInvariant();
        var group = pupilGroup.ToLowerInvariant();
        foreach (var (words, all, disadvantaged) in Names)
        {
            if (!words.Any(w => Mentions(text, w)))
            {
                continue;
            }
            if (DisadvantagedWords.Any(w => Mentions(group, w)))
            {
                return disadvantaged is null ? (OutcomeMeasures.Get(all), false) : (OutcomeMeasures.Get(disadvantaged), true);
            }
            return (OutcomeMeasures.Get(all), AllPupilsWords.Any(w => Mentions(group, w)));
        }
        return null;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> as whole words ("p8" not in "p80").</summary>
    private static bool Mentions(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var end = i + word.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// For each objective naming a published measure, its figure at <paramref name="schoolId"/> for <paramref name="year"/> (a
    /// measure not published for the group named has none), in one query. Objectives naming no published measure are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ObjectiveOutcome>> ForAsync(int schoolId, int year, IEnumerable<Objective> objectives,
        CancellationToken cancellationToken = default)
    {
        var matched = objectives.Select(o => (o.Id, Match: Match(o.PupilGroup, o.Measure))).Where(m => m.Match is not null).ToList();
        if (matched.Count == 0)
        {
            return new Dictionary<int, ObjectiveOutcome>();
        }
        var codes = matched.SelectMany(m => new[] { m.Match!.Value.Measure.Code, m.Match.Value.Measure.Low, m.Match.Value.Measure.High }).OfType<string>().Distinct().ToList();
        var figures = await db.SchoolOutcomes.AsNoTracking().Where(o => o.SchoolId == schoolId && o.Year == year && codes.Contains(o.Measure))
            .ToDictionaryAsync(o => o.Measure, cancellationToken);
        return matched.ToDictionary(m => m.Id, m =>
        {
            var (measure, forGroup) = m.Match!.Value;
            SchoolOutcome? figure = forGroup && figures.TryGetValue(measure.Code, out var f) ? f : null;
            decimal? Limit(string? code) => code is not null && figures.TryGetValue(code, out var l) ? l.Value : null;
            return new ObjectiveOutcome(measure, forGroup, year, figure?.Value, figure?.Marker, figure?.Value is null ? null : Limit(measure.Low),
                figure?.Value is null ? null : Limit(measure.High), figure is not null);
        });
    }
}
