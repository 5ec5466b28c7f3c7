using System.Globalization;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>A date with no visits and, optionally, why (INSET, exams, a trip).</summary>
public sealed record BlockedDay(DateOnly Date, string? Reason = null);

/// <summary>A term, holiday, INSET day or closure as stored, with its id (to remove it).</summary>
public sealed record TermDateRow(int Id, DateOnly Start, DateOnly End, CalendarDayKind Kind, string? Name)
{
    public CalendarRange Range => new(Start, End, Kind, Name);
}

/// <summary>A school's calendar as stored: when week A starts, its blocked dates and its term dates, in date order.</summary>
public sealed record CalendarSetup(DateOnly? WeekAStarts, IReadOnlyList<BlockedDay> Blocked, IReadOnlyList<TermDateRow> TermDates)
{
    /// <summary>The calendar the rota solver and checker work with.</summary>
    public SchoolCalendar ToCalendar() => new(WeekAStarts, Blocked.Select(b => b.Date), TermDates.Select(t => t.Range));

    /// <summary>The school years (2026 for 2026/27) that have term dates, latest first.</summary>
    public IReadOnlyList<int> YearsWithTerms => TermDates.Where(t => t.Kind == CalendarDayKind.Term)
        .Select(t => SchoolYear.Of(t.Start)).Distinct().OrderDescending().ToList();
}

/// <summary>
/// A school's calendar: its term dates and closures, the date week A starts and the blocked dates. The rota keeps to
/// school days, checkpoints default to the ends of terms, and reminders wait while the school is closed. Callers check
/// that the user leads the school first.
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
        var terms = await db.SchoolTermDates.Where(t => t.SchoolId == schoolId).OrderBy(t => t.Start).ThenBy(t => t.End)
            .Select(t => new TermDateRow(t.Id, t.Start, t.End, t.Kind, t.Name)).ToListAsync(cancellationToken);
        return new CalendarSetup(weekA, blocked, terms);
    }

    /// <summary>
    /// What is wrong with a range, if anything: it ends before it starts, a term crosses from one school year into the
    /// next, it runs over a year, or its name is too long.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(CalendarRange range)
    {
        var errors = new List<FieldError>();
        if (range.End < range.Start)
        {
            errors.Add(new("End", $"The last day ({Dates.Long(range.End)}) is before the first ({Dates.Long(range.Start)})"));
        }
        else if (range.Kind == CalendarDayKind.Term && SchoolYear.Of(range.Start) != SchoolYear.Of(range.End))
        {
            errors.Add(new("End", $"A term stays within one school year (September to August): {Dates.Long(range.Start)} to {Dates.Long(range.End)} crosses 31 August"));
        }
        else if (range.End.DayNumber - range.Start.DayNumber > 366)
        {
            errors.Add(new("End", "A range covers at most a year"));
        }
        if (range.Name?.Trim().Length > SchoolTermDate.NameMaxLength)
        {
            errors.Add(new("Name", $"The name must be {SchoolTermDate.NameMaxLength} characters or fewer"));
        }
        return errors;
    }

    /// <summary>Terms that overlap each other: two terms cannot share a day (a half term is a holiday inside a term, or a gap).</summary>
    public static IReadOnlyList<string> OverlappingTerms(IEnumerable<CalendarRange> ranges)
    {
        var terms = ranges.Where(r => r.Kind == CalendarDayKind.Term).OrderBy(r => r.Start).ToList();
        var problems = new List<string>();
        for (var i = 1; i < terms.Count; i++)
        {
            if (terms[i].Start <= terms[i - 1].End)
            {
                problems.Add($"{Describe(terms[i])} overlaps {Describe(terms[i - 1])}");
            }
        }
        return problems;
    }

    /// <summary>Adds a term, holiday, INSET day or closure; refused when it is wrong or a term would overlap another.</summary>
    public async Task<Result<TermDateRow>> AddTermDateAsync(int schoolId, CalendarRange range, CancellationToken cancellationToken = default)
    {
        var errors = Check(range);
        if (errors.Count > 0)
        {
            return Result<TermDateRow>.Fail(errors);
        }
        if (range.Kind == CalendarDayKind.Term)
        {
            var terms = await db.SchoolTermDates.Where(t => t.SchoolId == schoolId && t.Kind == CalendarDayKind.Term
                && t.Start <= range.End && t.End >= range.Start).ToListAsync(cancellationToken);
            if (terms.FirstOrDefault() is { } other)
            {
                return Result<TermDateRow>.Fail("Start", $"{Describe(range)} overlaps {Describe(new CalendarRange(other.Start, other.End, other.Kind, other.Name))}");
            }
        }
        var row = new SchoolTermDate { SchoolId = schoolId, Start = range.Start, End = range.End, Kind = range.Kind, Name = Name(range.Name) };
        await KeepingCheckpointDefaultsAsync(schoolId, [SchoolYear.Of(range.Start)], async () =>
        {
            db.SchoolTermDates.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return Result<TermDateRow>.Done(new TermDateRow(row.Id, row.Start, row.End, row.Kind, row.Name));
    }

    /// <summary>Removes one of the school's ranges; false when it has no such range.</summary>
    public async Task<bool> RemoveTermDateAsync(int schoolId, int id, CancellationToken cancellationToken = default)
    {
        var start = await db.SchoolTermDates.Where(t => t.SchoolId == schoolId && t.Id == id).Select(t => (DateOnly?)t.Start).SingleOrDefaultAsync(cancellationToken);
        if (start is null)
        {
            return false;
        }
        await KeepingCheckpointDefaultsAsync(schoolId, [SchoolYear.Of(start.Value)], async () =>
        {
            var row = await db.SchoolTermDates.SingleAsync(t => t.Id == id, cancellationToken);
            db.SchoolTermDates.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces the term dates of every school year the ranges start in with these (an import of a year's calendar
    /// leaves other years alone), returning how many were replaced. The caller has checked each range and the terms' overlaps.
    /// </summary>
    public async Task<int> ReplaceTermDatesAsync(int schoolId, IReadOnlyList<CalendarRange> ranges, CancellationToken cancellationToken = default)
    {
        var years = ranges.Select(r => SchoolYear.Of(r.Start)).Distinct().ToList();
        var stored = await db.SchoolTermDates.Where(t => t.SchoolId == schoolId).ToListAsync(cancellationToken);
        var replaced = stored.Where(t => years.Contains(SchoolYear.Of(t.Start))).ToList();
        await KeepingCheckpointDefaultsAsync(schoolId, years, async () =>
        {
            db.SchoolTermDates.RemoveRange(replaced);
            db.SchoolTermDates.AddRange(ranges.Select(r => new SchoolTermDate
            {
                SchoolId = schoolId, Start = r.Start, End = r.End, Kind = r.Kind, Name = Name(r.Name),
            }));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return replaced.Count;
    }

    /// <summary>
    /// A checkpoint's date when the school has not chosen its own: from the school's term dates for the year where it has
    /// entered them — the Friday of the sixth full week of the autumn term, and the last Friday of each term (moved earlier off
    /// a closure) — otherwise the usual dates (<see cref="SchoolYear.DefaultDate"/>). Terms are told apart by when they
    /// start (September to December autumn, January to March spring, April on summer), so half terms entered as terms count too.
    /// </summary>
    public static DateOnly CheckpointDefault(SchoolCalendar calendar, int year, int checkpoint)
    {
        var terms = calendar.Ranges.Where(r => r.Kind == CalendarDayKind.Term && SchoolYear.Of(r.Start) == year)
            .GroupBy(r => r.Start.Month switch { >= 8 => 1, <= 3 => 2, _ => 3 })
            .ToDictionary(g => g.Key, g => (Start: g.Min(r => r.Start), End: g.Max(r => r.End)));
        var term = terms.GetValueOrDefault(checkpoint == 1 ? 1 : checkpoint - 1);
        if (term == default)
        {
            return SchoolYear.DefaultDate(year, checkpoint);
        }
        var date = checkpoint == 1
            ? SchoolCalendar.Monday(term.Start.AddDays(6)).AddDays(5 * 7 + 4)
            : term.End.AddDays(-(((int)term.End.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));
        // Off a holiday or closure, back to the last weekday the school is open (never before the term starts).
        while (date > term.Start && (SchoolCalendar.IsWeekend(date) || !calendar.IsInTerm(date)))
        {
            date = date.AddDays(-1);
        }
        return date;
    }

    /// <summary>
    /// Makes a change to the term dates, and moves each checkpoint of the years it touches that was on its default date
    /// to the new default, in one transaction; a date the school chose itself stays. Checkpoints on a default date other
    /// than the usual one are stored (as a chosen date is), so everything that reads checkpoint dates reads them as they are.
    /// </summary>
    private async Task KeepingCheckpointDefaultsAsync(int schoolId, IReadOnlyCollection<int> years, Func<Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var before = (await LoadAsync(db, schoolId, cancellationToken)).ToCalendar();
        await change();
        var after = (await LoadAsync(db, schoolId, cancellationToken)).ToCalendar();
        var stored = await db.CheckpointDates.Where(c => c.SchoolId == schoolId && years.Contains(c.Year)).ToListAsync(cancellationToken);
        foreach (var year in years)
        {
            foreach (var number in SchoolYear.Checkpoints)
            {
                var row = stored.SingleOrDefault(c => c.Year == year && c.Checkpoint == number);
                var current = row?.Date ?? SchoolYear.DefaultDate(year, number);
                if (current != CheckpointDefault(before, year, number))
                {
                    continue;
                }
                FrameworkEditor.Store(db, row, schoolId, year, number, CheckpointDefault(after, year, number));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Whether the school is closed on the date by its own calendar (a holiday, INSET day, closure or outside term).</summary>
    public async Task<bool> IsClosedAsync(int schoolId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var calendar = (await LoadAsync(db, schoolId, cancellationToken)).ToCalendar();
        return !calendar.IsInTerm(date);
    }

    private static string Describe(CalendarRange range) =>
        (range.Name is { Length: > 0 } name ? $"{name} " : range.Kind.DisplayName() + " ")
        + (range.Start == range.End ? $"on {Dates.Long(range.Start)}" : $"from {Dates.Long(range.Start)} to {Dates.Long(range.End)}");

    private static string? Name(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Sets the date week A starts (null: a one-week timetable) and, unless <paramref name="blocked"/> is null, replaces
    /// the blocked dates with these; a date that stays keeps its reason when the new one gives none.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> SetAsync(int schoolId, DateOnly? weekAStarts, IReadOnlyList<BlockedDay>? blocked,
        CancellationToken cancellationToken = default)
    {
        if (blocked?.FirstOrDefault(b => b.Reason?.Trim().Length > BlockedDate.ReasonMaxLength) is { } tooLong)
        {
            return [new("Blocked", $"The reason for {Dates.Long(tooLong.Date)} must be {BlockedDate.ReasonMaxLength} characters or fewer")];
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
