using System.Globalization;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>The words the rota pages use for the solver's report and the calendar.</summary>
public static class RotaReport
{
    public static string StatusText(RotaStatus status) => status switch
    {
        RotaStatus.Optimal => "Optimal",
        RotaStatus.Feasible => "Feasible",
        RotaStatus.Infeasible => "Infeasible",
        _ => "Not solved in time",
    };

    public static string StatusExplanation(RotaStatus status) => status switch
    {
        RotaStatus.Optimal => "proven best for every goal, in order",
        RotaStatus.Feasible => "keeps every rule; the time limit came before the solver could prove no rota is better",
        RotaStatus.Infeasible => "the rules could not be met at all, which should not happen: an empty rota always keeps them",
        _ => "the solver found nothing in time, so this is Lynchpin's first rota: it keeps every rule and shares the visits over the weeks, but a longer time limit may find a better one",
    };

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Week(TimetableWeek week) => week == TimetableWeek.Every ? "Every week" : $"Week {week}";

    /// <summary>The week inside a sentence: "week A", not "week a".</summary>
    public static string WeekInSentence(TimetableWeek week) => week == TimetableWeek.Every ? "every week" : $"week {week}";

    public static string Range(DateOnly from, DateOnly to) => $"{Date(from)} to {Date(to)}";

    public static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Kind(ObservationKind kind) => kind.DisplayName();

    /// <summary>A goal's name from the solver, as a reader would say it.</summary>
    public static string GoalText(RotaGoal goal) => goal.Name;
}
