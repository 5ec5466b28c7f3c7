using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>A date with no visits and, optionally, why (INSET, exams, a trip).</summary>
public sealed record BlockedDay(DateOnly Date, string? Reason = null);

/// <summary>A school's calendar as stored: when week A starts and its blocked dates, in date order.</summary>
public sealed record CalendarSetup(DateOnly? WeekAStarts, IReadOnlyList<BlockedDay> Blocked)
{
    /// <summary>The calendar the rota solver and checker work with.</summary>
    public SchoolCalendar ToCalendar() => new(WeekAStarts, Blocked.Select(b => b.Date));
}

/// <summary>
/// A school's timetable calendar: the date week A starts and the blocked dates. Callers check that the user leads the
/// school first.
/// </summary>
public class SchoolCalendars(LynchpinDbContext db)
{
    public async Task<CalendarSetup> GetAsync(int schoolId, CancellationToken cancellationToken = default) =>
        await LoadAsync(db, schoolId, cancellationToken);

    internal static async Task<CalendarSetup> LoadAsync(LynchpinDbContext db, int schoolId, CancellationToken cancellationToken)
    {
        var weekA = await db.SchoolCalendarSettings.Where(c => c.SchoolId == schoolId).Select(c => c.WeekAStarts).SingleOrDefaultAsync(cancellationToken);
        var blocked = await db.BlockedDates.Where(b => b.SchoolId == schoolId).OrderBy(b => b.Date)
            .Select(b => new BlockedDay(b.Date, b.Reason)).ToListAsync(cancellationToken);
        return new CalendarSetup(weekA, blocked);
    }

    /// <summary>
    /// Sets the date week A starts (null: a one-week timetable) and, unless <paramref name="blocked"/> is null, replaces
    /// the blocked dates with these; a date that stays keeps its reason when the new one gives none.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> SetAsync(int schoolId, DateOnly? weekAStarts, IReadOnlyList<BlockedDay>? blocked,
        CancellationToken cancellationToken = default)
    {
        if (blocked?.FirstOrDefault(b => b.Reason?.Trim().Length > BlockedDate.ReasonMaxLength) is { } tooLong)
        {
            return [new("Blocked", $"The reason for {tooLong.Date:yyyy-MM-dd} must be {BlockedDate.ReasonMaxLength} characters or fewer")];
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var settings = await db.SchoolCalendarSettings.SingleOrDefaultAsync(c => c.SchoolId == schoolId, cancellationToken);
        if (settings is null)
        {
            settings = new SchoolCalendarSettings { SchoolId = schoolId };
            db.SchoolCalendarSettings.Add(settings);
        }
        settings.WeekAStarts = weekAStarts;
        if (blocked is not null)
        {
            var stored = await db.BlockedDates.Where(b => b.SchoolId == schoolId).ToListAsync(cancellationToken);
            var wanted = blocked.GroupBy(b => b.Date).ToDictionary(g => g.Key, g => Reason(g.Last().Reason));
            db.BlockedDates.RemoveRange(stored.Where(b => !wanted.ContainsKey(b.Date)));
            foreach (var (date, reason) in wanted)
            {
                var existing = stored.FirstOrDefault(b => b.Date == date);
                if (existing is null)
                {
                    db.BlockedDates.Add(new BlockedDate { SchoolId = schoolId, Date = date, Reason = reason });
                }
                else if (reason is not null)
                {
                    existing.Reason = reason;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return [];
    }

    /// <summary>Blocks one date (or changes its reason).</summary>
    public async Task<IReadOnlyList<FieldError>> BlockAsync(int schoolId, BlockedDay day, CancellationToken cancellationToken = default)
    {
        var reason = Reason(day.Reason);
        if (reason?.Length > BlockedDate.ReasonMaxLength)
        {
            return [new(nameof(day.Reason), $"The reason must be {BlockedDate.ReasonMaxLength} characters or fewer")];
        }
        var existing = await db.BlockedDates.SingleOrDefaultAsync(b => b.SchoolId == schoolId && b.Date == day.Date, cancellationToken);
        if (existing is null)
        {
            db.BlockedDates.Add(new BlockedDate { SchoolId = schoolId, Date = day.Date, Reason = reason });
        }
        else
        {
            existing.Reason = reason;
        }
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Unblocks a date; false when it was not blocked.</summary>
    public async Task<bool> UnblockAsync(int schoolId, DateOnly date, CancellationToken cancellationToken = default) =>
        await db.BlockedDates.Where(b => b.SchoolId == schoolId && b.Date == date).ExecuteDeleteAsync(cancellationToken) > 0;

    private static string? Reason(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
