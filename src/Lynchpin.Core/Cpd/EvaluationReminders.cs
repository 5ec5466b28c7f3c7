namespace Lynchpin.Core.Cpd;

public enum EvaluationState
{
    /// <summary>Too soon to tell what changed: the reminder is not shown yet.</summary>
    NotYetDue,
    /// <summary>The person is asked to evaluate.</summary>
    Due,
    /// <summary>Asked for more than <see cref="EvaluationReminders.OverdueAfterDays"/> days and not done.</summary>
    Overdue,
    /// <summary>The person has evaluated; their line manager is asked for their view.</summary>
    WithLineManager,
    Done,
}

/// <summary>
/// When a person is asked to evaluate an activity: some weeks after it ends, once there has been time to use it in
/// practice and see any effect on pupils; then the line manager adds their view.
/// </summary>
public static class EvaluationReminders
{
    public const int DefaultDelayWeeks = 6;
    public const int OverdueAfterDays = 28;

    /// <summary>How far back the home page's reminders reach: activities that ended (and evaluations made) in the last half-year.</summary>
    public const int AskForDays = 183;

    public static DateOnly DueOn(DateOnly activityEnd, int delayWeeks = DefaultDelayWeeks) => activityEnd.AddDays(delayWeeks * 7);

    public static EvaluationState State(DateOnly activityEnd, bool evaluated, bool lineManagerViewed, DateOnly today, int delayWeeks = DefaultDelayWeeks)
    {
        if (evaluated)
        {
            return lineManagerViewed ? EvaluationState.Done : EvaluationState.WithLineManager;
        }
        var due = DueOn(activityEnd, delayWeeks);
        return today < due ? EvaluationState.NotYetDue
            : today.DayNumber - due.DayNumber > OverdueAfterDays ? EvaluationState.Overdue
            : EvaluationState.Due;
    }
}
