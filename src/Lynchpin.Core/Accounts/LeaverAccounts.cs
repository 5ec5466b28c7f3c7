using System.Globalization;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Accounts;

/// <param name="Disabled">Accounts disabled, by email.</param>
/// <param name="FeedsStopped">Calendar feeds of leavers stopped (with or without an account).</param>
public sealed record LeaverRun(IReadOnlyList<string> Disabled, int FeedsStopped);

/// <summary>
/// The daily run for leavers: once a staff record's leaving date has passed (the leaving date is their last day in post),
/// the account linked to it is disabled — its sessions end, its API tokens are revoked — and the person's calendar feed
/// stops, all in the same run. Run by the app every hour (so on the day itself) and by <c>users disable-leavers</c>.
/// Running it again changes nothing.
/// </summary>
public sealed class LeaverAccounts(LynchpinDbContext db, AccountAdministration administration)
{
    public const string JobName = "Leavers (daily)";

    public async Task<LeaverRun> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var feedsOfLeavers = await db.CalendarFeedTokens
            .Where(t => t.StaffMemberId != null && t.StaffMember!.LeavingDate != null && t.StaffMember.LeavingDate < today)
            .Select(t => t.StaffMemberId!.Value).Distinct().ToListAsync(cancellationToken);
        var accounts = await db.Users.Include(u => u.StaffMember)
            .Where(u => u.DisabledAt == null && u.StaffMember != null && u.StaffMember.LeavingDate != null && u.StaffMember.LeavingDate < today)
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            var left = account.StaffMember!.LeavingDate!.Value;
            await administration.DisableAsync(account, $"Left on {Dates.Long(left)}", cancellationToken);
        }
        // Feeds of leavers without an account (or whose account was disabled before they left) stop too.
        foreach (var staffId in feedsOfLeavers)
        {
            await administration.RevokeCalendarFeedAsync(staffId, null, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new LeaverRun(accounts.Select(a => a.Email ?? a.Id).ToList(), feedsOfLeavers.Count);
    }
}
