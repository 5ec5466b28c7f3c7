using Lynchpin.Core.Schools;

namespace Lynchpin.Core.Pupils;

public enum PepRequirementStatus
{
    /// <summary>Held in time.</summary>
    Met,
    /// <summary>Held, but after its deadline (only the first PEP can be late: a later term's PEP is in its term or missed).</summary>
    Late,
    /// <summary>The deadline has passed with no PEP.</summary>
    Missed,
    /// <summary>Not held yet; the deadline is today or later.</summary>
    Due,
}

/// <summary>One PEP a child in care should have had: the first after entering care, or one in a term.</summary>
public sealed record PepRequirement(string Label, DateOnly DueBy, PepRequirementStatus Status, DateOnly? HeldOn);

/// <summary>Where a child's PEPs stand on a day: the next deadline, whether it has passed, and each PEP owed since <c>since</c>.</summary>
public sealed record PepTimeliness(DateOnly NextDue, bool IsOverdue, int DaysOverdue, IReadOnlyList<PepRequirement> Requirements)
{
    public string Summary => IsOverdue
        ? $"Overdue by {DaysOverdue} day{(DaysOverdue == 1 ? "" : "s")} (due by {NextDue:d MMM yyyy})"
        : $"Next due by {NextDue:d MMM yyyy}";
}

/// <summary>
/// When a looked-after child's Personal Education Plans are due, as the statutory guidance sets them: the first within
/// 10 school days of entering care, then one in every term. School days and terms come from the school's calendar
/// (<see cref="TermCalendar"/>: its term dates where it has given them, else weekdays and the usual terms).
/// </summary>
public static class PepSchedule
{
    public const int FirstPepSchoolDays = 10;

    /// <summary>The last day the first PEP may be held: the 10th school day after the day the child entered care.</summary>
    public static DateOnly FirstPepDue(DateOnly enteredCare, TermCalendar calendar) =>
        calendar.AddSchoolDays(enteredCare, FirstPepSchoolDays);

    /// <summary>
    /// The child's PEP deadlines on <paramref name="today"/>. After the first PEP, one is owed in each term that follows the
    /// term it was held (or due) in, by the end of that term; a PEP held in a holiday counts for the term just ended.
    /// Requirements whose deadline is before <paramref name="since"/> are left out of the list (they still decide the next
    /// deadline): a child in care for years has a long history that the page does not need.
    /// </summary>
    public static PepTimeliness Evaluate(DateOnly enteredCare, IEnumerable<DateOnly> pepDates, TermCalendar calendar, DateOnly today,
        DateOnly? since = null)
    {
        var held = pepDates.Where(d => d >= enteredCare).Order().ToList();
        var requirements = new List<PepRequirement>();

        var firstDue = FirstPepDue(enteredCare, calendar);
        DateOnly? first = held.Count > 0 ? held[0] : null;
        var firstStatus = first switch
        {
            { } d when d <= firstDue => PepRequirementStatus.Met,
            not null => PepRequirementStatus.Late,
            null when today > firstDue => PepRequirementStatus.Missed,
            _ => PepRequirementStatus.Due,
        };
        requirements.Add(new PepRequirement("First PEP after entering care", firstDue, firstStatus, first));

        // Termly PEPs start with the term after the first PEP's (or, if it was never held, after the term it was due in).
        var term = calendar.NextTerm(calendar.TermOf(first ?? firstDue));
        while (term.Starts <= today)
        {
            var lastDay = calendar.LastDayOf(term);
            DateOnly? inTerm = held.Where(d => d >= term.Starts && d <= lastDay).Select(d => (DateOnly?)d).FirstOrDefault();
            var status = inTerm is not null ? PepRequirementStatus.Met
                : today > term.Ends ? PepRequirementStatus.Missed
                : PepRequirementStatus.Due;
            requirements.Add(new PepRequirement($"{term.Label} PEP", term.Ends, status, inTerm));
            term = calendar.NextTerm(term);
        }

        // The next deadline: the end of the term after the latest PEP's term (or the first deadline if none was held).
        var nextDue = held.Count > 0 ? calendar.NextTerm(calendar.TermOf(held[^1])).Ends : firstDue;
        var overdue = today > nextDue;
        var shown = since is { } from ? requirements.Where(r => r.DueBy >= from).ToList() : requirements;
        return new PepTimeliness(nextDue, overdue, overdue ? today.DayNumber - nextDue.DayNumber : 0, shown);
    }
}
