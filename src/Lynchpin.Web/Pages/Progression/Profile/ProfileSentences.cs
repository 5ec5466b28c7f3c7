using System.Globalization;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>
/// The profile's numbers said in plain sentences, answering the questions leaders ask of it:
/// what does the profile look like, how progressive is it, does it change year on year.
/// Numbers in, sentences out, nothing else, so every wording is unit-tested on hand-made cases.
/// </summary>
public static class ProfileSentences
{
    /// <summary>Fewer people assessed than this, and the sentences say the figures rest on too few to read much into.</summary>
    public const int FewAssessed = 5;

    /// <summary>
    /// The checkpoints the year's sentences compare: the first and the latest that are due (on or before
    /// <paramref name="today"/>) and have anyone assessed. A checkpoint not yet due is never "the latest", whoever was
    /// assessed early for it.
    /// </summary>
    public static (CheckpointProfile? First, CheckpointProfile? Latest) Span(SchoolProfile profile, DateOnly today)
    {
        var assessed = profile.Checkpoints.Where(c => c.Checkpoint.Date <= today && c.Distribution.Assessed > 0).ToList();
        return (assessed.FirstOrDefault(), assessed.LastOrDefault());
    }

    /// <summary>
    /// The year so far: who was assessed at the latest due checkpoint and where they stood, then the change since the
    /// first (<paramref name="movement"/> is between the two of <see cref="Span"/>, null when they are the same).
    /// Stages are named as the school's framework names them (<paramref name="stageNames"/>, 0 to 6).
    /// </summary>
    public static IReadOnlyList<string> InYear(SchoolProfile profile, Transitions? movement, IReadOnlyList<string> stageNames, DateOnly today)
    {
        var yearName = SchoolYear.Name(profile.Year);
        var (first, latest) = Span(profile, today);
        var early = profile.Checkpoints.Where(c => c.Checkpoint.Date > today && c.Distribution.Assessed > 0)
            .Select(c => $"{Capitalised(People(c.Distribution.Assessed))} {(c.Distribution.Assessed == 1 ? "was" : "were")} assessed early for the "
                + $"{Lower(c.Checkpoint.Name)}, which is not due until {Dates.Long(c.Checkpoint.Date)}; the sentences above do not count them.")
            .ToList();
        if (first is null || latest is null)
        {
            var next = profile.Checkpoints.FirstOrDefault(c => c.Checkpoint.Date > today);
            var none = profile.Checkpoints[0].Checkpoint.Date > today && next is not null
                ? $"No checkpoint of {yearName} is due yet: the first, the {Lower(next.Checkpoint.Name)}, is on {Dates.Long(next.Checkpoint.Date)}."
                : $"Nobody has been assessed in {yearName} yet.";
            return [none, .. early];
        }
        var now = latest.Distribution;
        var sentences = new List<string> { $"{At(latest.Checkpoint, profile.Year)}, {WhoWasAssessed(now)}" };
        if (Few(now.Assessed) is { } few)
        {
            sentences.Add(few);
        }
        sentences.Add($"The mean stage was {Mean(now.MeanStage)}; {Percent(now.ShareAt(3, 5))} of those assessed were at stages 3 to 5 and {Percent(now.ShareAt(5, 6))} at stages 5 to 6.");
        if (BelowStage3(now, stageNames) is { } below)
        {
            sentences.Add(below);
        }
        if (first == latest)
        {
            sentences.Add($"Only the {Lower(first.Checkpoint.Name)} has been assessed so far, so there is no change to show yet.");
            return [.. sentences, .. early];
        }
        var since = $"Since the {Lower(first.Checkpoint.Name)}";
        if (movement is not null)
        {
            sentences.Add(Movement(since, movement, first.Checkpoint, latest.Checkpoint));
        }
        var was = first.Distribution;
        sentences.Add($"{since}, the mean stage {Change(Mean(was.MeanStage), Mean(now.MeanStage))}.");
        sentences.Add($"The share at stages 3 to 5 {Change(Percent(was.ShareAt(3, 5)), Percent(now.ShareAt(3, 5)))} "
            + $"and the share at stages 5 to 6 {Change(Percent(was.ShareAt(5, 6)), Percent(now.ShareAt(5, 6)))}.");
        return [.. sentences, .. early];
    }

    /// <summary>The flag for a figure resting on fewer than <see cref="FewAssessed"/> people, or null.</summary>
    public static string? Few(int assessed) => assessed is > 0 and < FewAssessed
        ? $"Only {People(assessed)} {(assessed == 1 ? "was" : "were")} assessed: with fewer than {FewAssessed}, one person more or less "
            + "moves the mean and the shares a lot, so read them with care."
        : null;

    /// <summary>"stage 2 (Non-negotiables met)".</summary>
    public static string Stage(int stage, IReadOnlyList<string> stageNames) => $"stage {stage} ({stageNames[stage]})";

    /// <summary>
    /// Who is below stage 3, by the stages they are actually at, and the stage each needs next:
    /// "5 people were still below stage 3, all at stage 2 (Non-negotiables met): stage 3 (Establishing) is the next to secure with them."
    /// </summary>
    private static string? BelowStage3(StageDistribution d, IReadOnlyList<string> stageNames)
    {
        var below = d.Stages.Take(3).Sum();
        if (below == 0)
        {
            return null;
        }
        var present = Enumerable.Range(0, 3).Where(s => d.Stages[s] > 0).ToList();
        var lead = $"{Capitalised(People(below))} {(below == 1 ? "was" : "were")} still below stage 3";
        if (present.Count == 1)
        {
            var at = present[0];
            var all = below == 1 ? "at" : "all at";
            return $"{lead}, {all} {Stage(at, stageNames)}: {Stage(at + 1, stageNames)} is the next to secure with them.";
        }
        var parts = present.Select(s => $"{d.Stages[s]} at {Stage(s, stageNames)}").ToList();
        var next = present.Select(s => Stage(s + 1, stageNames)).ToList();
        return $"{lead}: {List(parts)}; the next to secure are {List(next)} respectively.";
    }

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>
    /// Who moved up, stayed and moved down between two checkpoints, led by <paramref name="lead"/>
    /// ("Since the first six weeks", "Between the first six weeks and the end of spring term").
    /// </summary>
    public static string Movement(string lead, Transitions movement, CheckpointInfo from, CheckpointInfo to)
    {
        if (movement.People == 0)
        {
            return $"Nobody was assessed at both the {Lower(from.Name)} and the {Lower(to.Name)}, so there is no movement to show.";
        }
        if (movement.Up == 0 && movement.Down == 0)
        {
            var everyone = movement.People == 1 ? "the one person" : $"all {movement.People} people";
            return $"{lead}, nobody has moved stage: {everyone} assessed at both checkpoints stayed at the same stage.";
        }
        var up = movement.Up == 0 ? "nobody" : People(movement.Up);
        var down = movement.Down == 0 ? "nobody moved down" : $"{movement.Down} moved down";
        var stayed = movement.Same == 0 ? "" : $"; {movement.Same} stayed at the same stage";
        return $"{lead}, {up} moved up a stage and {down}{stayed}.";
    }

    /// <summary>One checkpoint across the years (oldest first): the latest year with assessments against the one before, then the whole span.</summary>
    public static IReadOnlyList<string> YearOnYear(IReadOnlyList<YearDistribution> years)
    {
        if (years.Count == 0)
        {
            return [];
        }
        var checkpoint = years[0].Checkpoint;
        var assessed = years.Where(y => y.Distribution.Assessed > 0).ToList();
        if (assessed.Count == 0)
        {
            return [$"Nobody has been assessed at the {Lower(checkpoint.Name)} in any of these years."];
        }
        var last = assessed[^1];
        if (assessed.Count == 1)
        {
            return [$"{At(last.Checkpoint, last.Year)}, the mean stage was {Mean(last.Distribution.MeanStage)}; "
                + "no earlier year has assessments at this checkpoint to compare with.", .. FewInYears([last])];
        }
        var before = assessed[^2];
        var beforeName = SchoolYear.Name(before.Year);
        var sentences = new List<string>
        {
            $"{At(last.Checkpoint, last.Year)}, the mean stage was {Versus(Mean(before.Distribution.MeanStage), Mean(last.Distribution.MeanStage))} in {beforeName}.",
            $"The share at stages 3 to 5 was {Versus(Percent(before.Distribution.ShareAt(3, 5)), Percent(last.Distribution.ShareAt(3, 5)))} in {beforeName}; "
                + $"at stages 5 to 6 it was {Versus(Percent(before.Distribution.ShareAt(5, 6)), Percent(last.Distribution.ShareAt(5, 6)))}.",
        };
        sentences.AddRange(FewInYears([before, last]));
        if (assessed.Count > 2)
        {
            var first = assessed[0];
            sentences.Add($"Over the {assessed.Count} years from {SchoolYear.Name(first.Year)} to {SchoolYear.Name(last.Year)}, "
                + $"the mean stage {Change(Mean(first.Distribution.MeanStage), Mean(last.Distribution.MeanStage))}.");
        }
        return sentences;
    }

    /// <summary>The flag when a compared year rests on fewer than <see cref="FewAssessed"/> people: "Only 3 people were assessed in 2024/25: …".</summary>
    private static IEnumerable<string> FewInYears(IReadOnlyList<YearDistribution> years)
    {
        var few = years.Where(y => y.Distribution.Assessed < FewAssessed).ToList();
        if (few.Count == 0)
        {
            return [];
        }
        var parts = few.Select(y => $"{People(y.Distribution.Assessed)} in {SchoolYear.Name(y.Year)}").ToList();
        var verb = few.Count == 1 && few[0].Distribution.Assessed == 1 ? "was" : "were";
        return [$"Only {List(parts)} {verb} assessed: with fewer than {FewAssessed}, one person more or less moves these figures a lot, so read them with care."];
    }

    /// <summary>
    /// The trust's schools at one checkpoint: how many of those in post were assessed, in the trust and school by school,
    /// which schools have too few assessed to compare, and which have not reached the checkpoint yet.
    /// </summary>
    public static IReadOnlyList<string> Trust(IReadOnlyList<SchoolDistribution> schools, int year, DateOnly today)
    {
        if (schools.Count == 0)
        {
            return [];
        }
        var name = Lower(schools[0].Checkpoint.Name);
        var assessed = schools.Sum(s => s.Distribution.Assessed);
        var inPost = schools.Sum(s => s.Distribution.InPost);
        var each = List(schools.Select(s => $"{s.Distribution.Assessed} of {s.Distribution.InPost} at {s.SchoolName}").ToList());
        var sentences = new List<string>
        {
            $"{At(schools[0].Checkpoint, year)}, {assessed} of the {inPost} people in post across the trust {(assessed == 1 ? "was" : "were")} assessed: {each}.",
        };
        var notDue = schools.Where(s => s.Checkpoint.Date > today).ToList();
        if (notDue.Count > 0)
        {
            sentences.Add($"The {name} is not yet due at {List(notDue.Select(s => $"{s.SchoolName} ({Dates.Long(s.Checkpoint.Date)})").ToList())}: "
                + "those not assessed there are not behind.");
        }
        var few = schools.Where(s => s.Distribution.Assessed < FewAssessed).ToList();
        if (few.Count > 0)
        {
            sentences.Add($"Fewer than {FewAssessed} people were assessed at {List(few.Select(s => s.SchoolName).ToList())}: "
                + "one person more or less moves a mean or a share there a lot, so compare them with care.");
        }
        return sentences;
    }

    /// <summary>"In the first six weeks of 2025/26", "At the end of autumn term 2025/26".</summary>
    public static string At(CheckpointInfo checkpoint, int year) =>
        checkpoint.Number == 1
            ? $"In the {Lower(checkpoint.Name)} of {SchoolYear.Name(year)}"
            : $"At the {Lower(checkpoint.Name)} {SchoolYear.Name(year)}";

    public static string People(int count) => count == 1 ? "1 person" : $"{count} people";

    /// <summary>A mean stage to one decimal place, as the sentences and tables show it.</summary>
    public static string Mean(double? mean) => mean is double m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A share (0 to 1) as a whole percentage.</summary>
    public static string Percent(double? share) =>
        share is double s ? Math.Round(100 * s, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string WhoWasAssessed(StageDistribution d)
    {
        if (d.NotAssessed == 0)
        {
            return d.InPost == 1 ? "the one person in post was assessed." : $"all {d.InPost} people in post were assessed.";
        }
        return $"{d.Assessed} of the {d.InPost} people in post {(d.Assessed == 1 ? "was" : "were")} assessed; {d.NotAssessed} {(d.NotAssessed == 1 ? "was" : "were")} not.";
    }

    // Compared as shown (rounded), so a sentence never says "rose from 3.1 to 3.1".
    private static string Change(string from, string to) =>
        from == to ? $"stayed at {to}" : $"{(Number(to) > Number(from) ? "rose" : "fell")} from {from} to {to}";

    private static string Versus(string before, string now) =>
        before == now ? $"{now}, the same as" : $"{now}, {(Number(now) > Number(before) ? "up" : "down")} from {before}";

    private static double Number(string shown) => double.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture);

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
