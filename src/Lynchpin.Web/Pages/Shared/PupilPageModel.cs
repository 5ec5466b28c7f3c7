using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// A page about one pupil, at <c>/pupils/{id:int}/…</c>: the pupil (with their school and flags) is loaded before any
/// handler runs, 404 when there is none and 403 when the viewer may not, and every request that gets through is written
/// to the audit trail with why the viewer may read the pupil (pupil records are special category data).
/// </summary>
public abstract class PupilPageModel : ScopedPageModel
{
    public Pupil Pupil { get; private set; } = null!;

    /// <summary>Why the viewer may read the pupil: "as coach", "as designated teacher"…</summary>
    public PupilReadReason ReadAs { get; private set; }

    /// <summary>Whether the viewer may record PEPs and conversations for the pupil.</summary>
    public bool MayRecord { get; private set; }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = RouteInt("id");
        var pupil = await Db.Pupils.AsNoTracking().Include(p => p.School).Include(p => p.Flags)
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pupil is null)
        {
            return NotFound();
        }
        Pupil = pupil;
        var coaching = await HttpContext.RequestServices.GetRequiredService<CoachingAccess>().GetAsync(ct);
        if (coaching.WhyMayRead(pupil) is not { } reason || !await MayAsync(pupil, Requirement))
        {
            return Forbid();
        }
        ReadAs = reason;
        MayRecord = coaching.MayRecordFor(pupil);
        await HttpContext.RequestServices.GetRequiredService<PupilAudit>()
            .ReadAsync(await RecorderAsync(ct), [(pupil, reason)], $"page {Request.Method} {Request.Path}", ct);
        return null;
    }
}
