using System.Globalization;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>
/// A person's CPD for their calendar feed: the activities they attend and their approved requests not yet recorded, each
/// an all-day entry on its first day (a course over several days says when it ends).
/// </summary>
public class CpdCalendar(LynchpinDbContext db)
{
    public async Task<IReadOnlyList<CalendarEntry>> ForPersonAsync(int staffMemberId, DateOnly since, CancellationToken ct = default)
    {
        var attended = await db.CpdAttendances.AsNoTracking().Where(a => a.StaffMemberId == staffMemberId && a.Activity.EndDate >= since)
            .Select(a => new { a.Id, a.Activity.Title, a.Activity.Kind, a.Activity.Provider, a.Activity.StartDate, a.Activity.EndDate, a.Hours, a.Activity.RecordedAt })
            .ToListAsync(ct);
        var approved = await db.CpdRequests.AsNoTracking()
            .Where(r => r.StaffMemberId == staffMemberId && r.Status == CpdRequestStatus.Approved && r.EndDate >= since)
            .Select(r => new { r.Id, r.Title, r.Kind, r.Provider, r.StartDate, r.EndDate, r.Hours, DecidedAt = r.BudgetDecidedAt ?? r.LineManagerDecidedAt ?? r.RequestedAt })
            .ToListAsync(ct);
        return attended.Select(a => Entry($"cpd-{a.Id}", a.Title, a.Kind, a.Provider, a.StartDate, a.EndDate, a.Hours, a.RecordedAt))
            .Concat(approved.Select(r => Entry($"cpd-request-{r.Id}", r.Title, r.Kind, r.Provider, r.StartDate, r.EndDate, r.Hours, r.DecidedAt)))
            .OrderBy(e => e.Date).ToList();
    }

    private static CalendarEntry Entry(string uid, string title, CpdKind kind, string? provider, DateOnly start, DateOnly end, decimal hours, DateTime changedAt)
    {
        var british = CultureInfo.GetCultureInfo("en-GB");
        var description = $"{CpdCodes.Kinds.Name(kind)}, {hours.ToString("0.##", british)} hours"
            + (end != start ? $", until {end.ToString("d MMMM yyyy", british)}" : "");
        return new CalendarEntry($"{uid}@lynchpin", start, null, null, $"CPD: {title}", description, provider, changedAt);
    }
}
