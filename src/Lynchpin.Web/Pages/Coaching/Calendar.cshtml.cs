using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Coaching;

/// <summary>A coach's private calendar feed URL for their visits, and resetting it when it has been shared by mistake.</summary>
public class CalendarModel(CalendarFeeds feeds) : LynchpinPageModel
{
    public string FeedUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CoachIdAsync(ct) is not { } coach)
        {
            return Forbid();
        }
        FeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/{await feeds.AccountTokenAsync(coach, ct)}.ics";
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await CoachIdAsync(ct) is not { } coach)
        {
            return Forbid();
        }
        await feeds.ResetAccountTokenAsync(coach, ct);
        TempData["Success"] = "Your calendar link is reset. The old link no longer works: subscribe again with the new one.";
        return RedirectTo<CalendarModel>();
    }

    private async Task<string?> CoachIdAsync(CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        return scope.Role == UserRole.Coach ? scope.User?.Id : null;
    }
}
