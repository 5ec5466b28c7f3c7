using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Calendar;

/// <summary>The signed-in person's private calendar feed URL, and resetting it when it has been shared by mistake.</summary>
public class IndexModel(AccessScope access, CalendarFeeds feeds) : LynchpinPageModel
{
    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.OwnStaffId is int own)
        {
            FeedUrl = UrlFor(await feeds.TokenAsync(own, ct));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.OwnStaffId is not int own)
        {
            return Forbid();
        }
        await feeds.ResetTokenAsync(own, ct);
        TempData["Success"] = "Your calendar link is reset. The old link no longer works: subscribe again with the new one.";
        return RedirectTo<IndexModel>();
    }

    private string UrlFor(string token) => $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
}
