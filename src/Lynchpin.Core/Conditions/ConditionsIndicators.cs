using System.Globalization;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Conditions;

/// <summary>How an indicator's value reads: a share of people, a rate, hours per head, or minutes.</summary>
public enum IndicatorUnit
{
    Percent,
    PerPersonPerHalfTerm,
    HoursPerHead,
    MinutesPerHalfTerm,
}

/// <summary>One indicator of the conditions review: its code (in URLs and the stored targets), its words and how it is measured.</summary>
public sealed record ConditionsIndicator(string Code, string Name, IndicatorUnit Unit, string HowMeasured, bool Entered = false)
{
    /// <summary>The largest target (or entered value) that makes sense: 100 for a share, otherwise a generous ceiling.</summary>
    public decimal Maximum => Unit switch
    {
        IndicatorUnit.Percent => 100m,
        IndicatorUnit.MinutesPerHalfTerm => 10_000m,
        _ => 1_000m,
    };

    public string Format(decimal value) => Unit switch
    {
        IndicatorUnit.Percent => $"{value.ToString("0.#", CultureInfo.InvariantCulture)}%",
        IndicatorUnit.PerPersonPerHalfTerm => value.ToString("0.##", CultureInfo.InvariantCulture),
        IndicatorUnit.HoursPerHead => $"{value.ToString("0.##", CultureInfo.InvariantCulture)} hours",
        _ => $"{value.ToString("0", CultureInfo.InvariantCulture)} minutes",
    };
}

/// <summary>
/// The indicators of "Do you need to improve the conditions?" (the profile document's seventh question) and the rule
/// that turns a value and its target into red, amber or green. Every indicator is one where more is better.
/// </summary>
public static class ConditionsIndicators
{
    public const string Coaching = "coaching";
    public const string Conversations = "conversations";
    public const string Observed = "observed";
    public const string ObserversPastoralSupport = "observers-pastoral-support";
    public const string CpdTeaching = "cpd-teaching";
    public const string CpdSupport = "cpd-support";
    public const string CpdLearningSupport = "cpd-learning-support";
    public const string CpdPastoral = "cpd-pastoral";
    public const string ObjectivesOnTime = "objectives-on-time";
    public const string TriadTime = "triad-time";

    /// <summary>Amber is below the target by no more than this share of it; further below is red.</summary>
    public const decimal AmberMargin = 0.10m;

    public static readonly IReadOnlyList<ConditionsIndicator> All =
    [
        new(Coaching, "Staff with a coach", IndicatorUnit.Percent,
            "People in post on the day measured who have a coach or mentor. Lynchpin keeps each person's current coach only, so this is measured for the current year."),
        new(Conversations, "Professional conversations per person per half term", IndicatorUnit.PerPersonPerHalfTerm,
            "Conversations held in the year so far, divided by the half terms each person was in post (a half term counts when they were in post on any day of it; joiners and leavers count for their half terms only)."),
        new(Observed, "Staff observed this year", IndicatorUnit.Percent,
            "People in post on the day measured who have been observed (a learning walk, observation or drop-in) since the year began."),
        new(ObserversPastoralSupport, "Observations made by pastoral and support staff", IndicatorUnit.Percent,
            "Of the year's observation records so far, the share made by pastoral and support staff."),
        new(CpdTeaching, "CPD hours per head: teaching staff", IndicatorUnit.HoursPerHead,
            "CPD hours of activities starting in the year, divided by the teaching staff in post on any day of it."),
        new(CpdSupport, "CPD hours per head: all support staff", IndicatorUnit.HoursPerHead,
            "CPD hours of activities starting in the year, divided by the support staff in post on any day of it."),
        new(CpdLearningSupport, "CPD hours per head: learning support", IndicatorUnit.HoursPerHead,
            "CPD hours of activities starting in the year, divided by the learning support staff (teaching assistants, HLTAs, cover supervisors) in post on any day of it."),
        new(CpdPastoral, "CPD hours per head: pastoral", IndicatorUnit.HoursPerHead,
            "CPD hours of activities starting in the year, divided by the pastoral staff (achievement and year coordinators, learning mentors, attendance) in post on any day of it."),
        new(ObjectivesOnTime, "Objectives agreed on time", IndicatorUnit.Percent,
            "Of the appraisals of people in post on the school's deadline for agreeing objectives, the share agreed by that date. Measured once the deadline has passed."),
        new(TriadTime, "Time set aside for triads", IndicatorUnit.MinutesPerHalfTerm,
            "Minutes per half term the school gives each triad for its professional conversations, as leaders enter it.", Entered: true),
    ];

    public static ConditionsIndicator? ByCode(string? code) => All.FirstOrDefault(i => i.Code == code);

    /// <summary>Which CPD indicator a role family's hours count towards besides its category's (none for the rest).</summary>
    public static string? CpdFamilyIndicator(RoleFamily family) => family switch
    {
        RoleFamily.LearningSupport => CpdLearningSupport,
        RoleFamily.Pastoral => CpdPastoral,
        _ => null,
    };

    /// <summary>
    /// Green at or above the target; amber below it by no more than <see cref="AmberMargin"/> of the target; red further
    /// below. No status without both a value and a target.
    /// </summary>
    public static Rag? RagFor(decimal? value, decimal? target)
    {
        if (value is not decimal v || target is not decimal t)
        {
            return null;
        }
        if (v >= t)
        {
            return Rag.Green;
        }
        return v >= t - t * AmberMargin ? Rag.Amber : Rag.Red;
    }

    /// <summary>The rule in words, for the page.</summary>
    public static string RagRule =>
        $"Green: at or above the target. Amber: below the target by no more than {AmberMargin * 100:0}% of it. Red: further below. No status until there is both a measurement and a target.";
}
