namespace Lynchpin.Core.Schools;

/// <summary>A school's stored term dates as its <see cref="TermCalendar"/>.</summary>
public static class TermDatesStore
{
    public static async Task<TermCalendar> CalendarAsync(LynchpinDbContext db, int schoolId, CancellationToken cancellationToken = default) =>
        new((await db.SchoolTerms.AsNoTracking().Where(t => t.SchoolId == schoolId).ToListAsync(cancellationToken)).Select(t => t.ToTermDates()));

    /// <summary>Several schools' calendars at once, for lists across a caseload.</summary>
    public static async Task<IReadOnlyDictionary<int, TermCalendar>> CalendarsAsync(LynchpinDbContext db, IReadOnlyCollection<int> schoolIds,
        CancellationToken cancellationToken = default)
    {
        var terms = await db.SchoolTerms.AsNoTracking().Where(t => schoolIds.Contains(t.SchoolId)).ToListAsync(cancellationToken);
        return schoolIds.Distinct().ToDictionary(id => id, id => new TermCalendar(terms.Where(t => t.SchoolId == id).Select(t => t.ToTermDates())));
    }
}
