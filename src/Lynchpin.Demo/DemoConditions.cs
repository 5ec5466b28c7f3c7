using Lynchpin.Core.Conditions;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

/// <summary>
/// Northfield Academy's conditions review (issue 18 item 4): targets, notes and actions for 2025/26 and 2026/27, where the
/// time set aside for triads is amber this year (42 minutes a half term against a target of 45) after a red last year.
/// The measured indicators come from the rest of the demo (coaches, CPD, observations, appraisals).
/// </summary>
public static class DemoConditions
{
    public const int CurrentYear = 2026;
    public const decimal TriadMinutes = 42m;
    public const decimal TriadTarget = 45m;
    public const string TriadNote = "Triads have 42 minutes a half term; the target is 45. Clashes with tutor time take the rest.";

    private const string Head = "Rachel Whitfield";

    public static IReadOnlyList<ConditionsEntry> Create(int schoolId)
    {
        var revised = new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc);
        ConditionsEntry Entry(int year, string indicator, decimal? target, decimal? value = null, string? notes = null, string? actions = null) => new()
        {
            SchoolId = schoolId,
            Year = year,
            Indicator = indicator,
            Target = target,
            Value = value,
            Notes = notes,
            Actions = actions,
            RevisedAt = year == CurrentYear ? revised : revised.AddYears(-1),
            RevisedByName = Head,
        };
        return
        [
            Entry(CurrentYear - 1, ConditionsIndicators.TriadTime, TriadTarget, 30m,
                "Triads met when they could: 30 minutes a half term.", "Timetable a protected slot from September."),
            Entry(CurrentYear - 1, ConditionsIndicators.Coaching, 90m),
            Entry(CurrentYear - 1, ConditionsIndicators.CpdTeaching, 20m),
            Entry(CurrentYear - 1, ConditionsIndicators.CpdSupport, 15m),
            Entry(CurrentYear - 1, ConditionsIndicators.ObjectivesOnTime, 95m),
            Entry(CurrentYear, ConditionsIndicators.TriadTime, TriadTarget, TriadMinutes, TriadNote,
                "Protect the Thursday 3.20 slot from January; the deputy head (pastoral) checks the calendar each half term."),
            Entry(CurrentYear, ConditionsIndicators.Coaching, 95m, notes: "Every new starter has a coach within their first two weeks."),
            Entry(CurrentYear, ConditionsIndicators.Conversations, 1m, notes: "One professional conversation per person each half term."),
            Entry(CurrentYear, ConditionsIndicators.Observed, 60m),
            Entry(CurrentYear, ConditionsIndicators.ObserversPastoralSupport, 20m,
                actions: "Achievement coordinators join the spring learning walks."),
            Entry(CurrentYear, ConditionsIndicators.CpdTeaching, 20m),
            Entry(CurrentYear, ConditionsIndicators.CpdSupport, 18m, notes: "Support staff CPD was below teachers' last year; the gap is closing."),
            Entry(CurrentYear, ConditionsIndicators.ObjectivesOnTime, 95m),
        ];
    }
}
