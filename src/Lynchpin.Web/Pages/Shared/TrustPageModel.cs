namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// A page about one trust, at <c>/trusts/{code}/…</c>: the trust is loaded before any handler runs, 404 when there is
/// none and 403 when the viewer lacks the right the page requires (its own admins have them).
/// </summary>
public abstract class TrustPageModel : ScopedPageModel
{
    public Trust Trust { get; private set; } = null!;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var code = RouteString("code");
        var trust = await Db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct);
        if (trust is null)
        {
            return NotFound();
        }
        Trust = trust;
        return await MayAsync(trust, Requirement) ? null : Forbid();
    }
}
