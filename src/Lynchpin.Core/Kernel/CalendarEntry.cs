namespace Lynchpin.Core.Kernel;

/// <summary>
/// One event in a person's private calendar feed, whichever area it comes from (an observation visit, a coach's visit to a
/// school, a CPD session): <see cref="Uid"/> stays the same across edits so a calendar updates the event rather than adding
/// another; times are the school's local time on <see cref="Date"/>, and no times make it an all-day event.
/// </summary>
public sealed record CalendarEntry(string Uid, DateOnly Date, TimeOnly? Start, TimeOnly? End, string Summary, string? Description,
    string? Location, DateTime ChangedAt);
