using System.Globalization;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Coaching;

/// <summary>
/// The impact figures in plain sentences. They say what the numbers are, how sure they are, and what they are compared
/// with; they never say why a figure moved. Coaching is one of many things that changed for these children, and a
/// national trial of a programme like this one found pupils made less progress, so no sentence credits it.
/// </summary>
public static class ImpactSentences
{
    public const string NotWhy =
        "These figures show what changed, not why: the children, their placements and their school changed too, so they cannot tell whether coaching made the difference.";

    public static IReadOnlyList<string> Describe(ImpactMeasure measure, string schoolName, CohortFigure current, CohortFigure? baseline,
        IReadOnlyList<ReferenceFigure> reference, CohortFigure? uncoached = null)
    {
        var what = Subject(measure);
        var sentences = new List<string>
        {
            current.TooFew
                ? $"In {SchoolYear.Name(current.Year)}, {Pupils(current.N)} flagged looked-after at {schoolName} had attendance recorded: too few to compare."
                : $"In {SchoolYear.Name(current.Year)}, {what} for the {Pupils(current.N)} flagged looked-after at {schoolName} was {Percent(current.Value)}"
                  + (current.Interval is null ? "." : $" (95 % interval {Percent(current.Low)} to {Percent(current.High)})."),
        };

        if (baseline is null)
        {
            sentences.Add("The school has no year before coaching began in Lynchpin, so there is no baseline.");
        }
        else if (baseline.N == 0)
        {
            sentences.Add($"There is no attendance recorded for {SchoolYear.Name(baseline.Year)}, the year before coaching began, so there is no baseline.");
        }
        else if (baseline.TooFew)
        {
            sentences.Add($"In {SchoolYear.Name(baseline.Year)}, the year before coaching began, there were {Pupils(baseline.N)}: too few to compare.");
        }
        else
        {
            sentences.Add($"In {SchoolYear.Name(baseline.Year)}, the year before coaching began, it was {Percent(baseline.Value)} for {Pupils(baseline.N)}.");
            if (!current.TooFew && current.Value is { } now && baseline.Value is { } then)
            {
                var change = now - then;
                sentences.Add(change == 0
                    ? "The figure is the same as the baseline."
                    : $"That is {Math.Abs(change).ToString("0.0", CultureInfo.InvariantCulture)} percentage points {(change > 0 ? "higher" : "lower")} than the baseline.");
                if (current.Low is { } low && current.High is { } high)
                {
                    sentences.Add(then >= low && then <= high
                        ? "The baseline lies inside this year's interval: with so few pupils, a difference this size could arise by chance alone."
                        : "The baseline lies outside this year's interval, so chance alone would rarely give a difference this size; the figures do not say what did.");
                }
                sentences.Add("The two years' pupils are not all the same children.");
            }
        }

        if (uncoached is not null)
        {
            sentences.Add(uncoached.TooFew
                ? $"Lynchpin schools without a coach had {Pupils(uncoached.N)} flagged looked-after with attendance in {SchoolYear.Name(uncoached.Year)}: too few to compare."
                : $"In Lynchpin schools without a coach it was {Percent(uncoached.Value)} for {Pupils(uncoached.N)} in {SchoolYear.Name(uncoached.Year)}.");
        }

        foreach (var figure in reference)
        {
            var where = figure.Scope == ReferenceFigure.National ? "In England" : $"In {figure.AreaName ?? figure.LaCode}";
            sentences.Add(figure.Value is { } value
                ? $"{where}, the published figure for children looked after for 12 months was {Percent(value)} in {SchoolYear.Name(figure.Year)}."
                : $"{where}, the published figure for {SchoolYear.Name(figure.Year)} is {ReferenceValues.Meaning(figure.Symbol)}.");
        }
        if (reference.Count == 0)
        {
            sentences.Add(measure == ImpactMeasure.Suspensions
                ? "The DfE's absence file has no suspension figures to compare with."
                : "No published figures for these years have been imported.");
        }

        sentences.Add(NotWhy);
        return sentences;
    }

    public static string Subject(ImpactMeasure measure) => measure switch
    {
        ImpactMeasure.Attendance => "attendance",
        ImpactMeasure.PersistentAbsence => "the share persistently absent",
        _ => "the share with a suspension",
    };

    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "not known";

    private static string Pupils(int n) => n == 1 ? "1 pupil" : $"{n} pupils";
}
