namespace Lynchpin.Core.Coaching;

/// <summary>A coach's calendar feed: their visits to schools, planned and made, as all-day events (no pupil's name in it).</summary>
public class CoachCalendar(LynchpinDbContext db)
{
    public sealed record Feed(string Name, IReadOnlyList<CalendarEntry> Entries);

    /// <summary>The coach's visits from <paramref name="since"/>, or null when the account is not a coach.</summary>
    public async Task<Feed?> FeedAsync(string userId, DateOnly since, CancellationToken cancellationToken = default)
    {
        var coach = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Role == UserRole.Coach)
            .Select(u => new { u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (coach is null)
        {
            return null;
        }
        var visits = await db.CoachingVisits.AsNoTracking()
            .Where(v => v.CoachUserId == userId && v.Date >= since && v.Status != VisitStatus.Cancelled)
            .OrderBy(v => v.Date).Select(v => new { v.Id, v.Date, v.Status, School = v.School.Name, v.RecordedAt, v.Areas })
            .ToListAsync(cancellationToken);
        var entries = visits.Select(v => new CalendarEntry(
            $"coaching-visit-{v.Id}@lynchpin", v.Date, null, null,
            $"Coaching visit: {v.School}",
            v.Status == VisitStatus.Done ? $"Recorded. Areas: {string.Join(", ", v.Areas.Select(a => a.Name()))}" : "Planned",
            v.School, v.RecordedAt ?? DateTime.UnixEpoch)).ToList();
        return new Feed($"Coaching visits: {coach.Email}", entries);
    }
}
