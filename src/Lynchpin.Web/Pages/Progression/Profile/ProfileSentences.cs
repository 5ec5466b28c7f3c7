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
    /// <summary>
    /// The year so far: who was assessed at the latest assessed checkpoint and where they stood, then the change
    /// since the first assessed checkpoint (<paramref name="movement"/> is between those two, null when they are the same).
    /// </summary>
    public static IReadOnlyList<string> InYear(SchoolProfile profile, Transitions? movement)
    {
        var yearName = SchoolYear.Name(profile.Year);
        var latest = profile.LatestAssessed;
        if (latest is null)
        {
            return [$"Nobody has been assessed in {yearName} yet."];
        }
        var first = profile.Checkpoints.First(c => c.Distribution.Assessed > 0);
        var now = latest.Distribution;
        var sentences = new List<string>
        {
            $"{At(latest.Checkpoint, profile.Year)}, {WhoWasAssessed(now)}",
            $"The mean stage was {Mean(now.MeanStage)}; {Percent(now.ShareAt(3, 5))} of those assessed were at stages 3 to 5 and {Percent(now.ShareAt(5, 6))} at stages 5 to 6.",
        };
        var below = now.Stages.Take(3).Sum();
        if (below > 0)
        {
            sentences.Add($"{Capitalised(People(below))} {(below == 1 ? "was" : "were")} still below stage 3: "
                + "the mandatory requirements and the school's non-negotiables are the first things to secure with them.");
        }
        if (first == latest)
        {
            sentences.Add($"Only the {Lower(first.Checkpoint.Name)} has been assessed so far, so there is no change to show yet.");
            return sentences;
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
        return sentences;
    }

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
                + "no earlier year has assessments at this checkpoint to compare with."];
        }
        var before = assessed[^2];
        var beforeName = SchoolYear.Name(before.Year);
        var sentences = new List<string>
        {
            $"{At(last.Checkpoint, last.Year)}, the mean stage was {Versus(Mean(before.Distribution.MeanStage), Mean(last.Distribution.MeanStage))} in {beforeName}.",
            $"The share at stages 3 to 5 was {Versus(Percent(before.Distribution.ShareAt(3, 5)), Percent(last.Distribution.ShareAt(3, 5)))} in {beforeName}; "
                + $"at stages 5 to 6 it was {Versus(Percent(before.Distribution.ShareAt(5, 6)), Percent(last.Distribution.ShareAt(5, 6)))}.",
        };
        if (assessed.Count > 2)
        {
            var first = assessed[0];
            sentences.Add($"Over the {assessed.Count} years from {SchoolYear.Name(first.Year)} to {SchoolYear.Name(last.Year)}, "
                + $"the mean stage {Change(Mean(first.Distribution.MeanStage), Mean(last.Distribution.MeanStage))}.");
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
