namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// A page about one school, at <c>/schools/{urn:int}/…</c>: the school (with its trust) is loaded before any handler
/// runs, 404 when there is none and 403 when the viewer lacks the right the page requires.
/// </summary>
public abstract class SchoolPageModel : ScopedPageModel
{
    public School School { get; private set; } = null!;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var urn = RouteInt("urn");
        var school = await Db.Schools.AsNoTracking().Include(s => s.Trust).SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        School = school;
        DataVersions.Know(school);
        return await MayAsync(school, Requirement) ? null : Forbid();
    }
}
