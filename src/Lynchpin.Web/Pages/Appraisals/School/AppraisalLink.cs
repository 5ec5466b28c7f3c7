using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>Where the appraisal navigation items go, for those they are for.</summary>
public static class AppraisalLink
{
    /// <summary>
    /// "Appraisal": a trust admin's trust roll-up, else the dashboard of the viewer's school for its leaders and
    /// line managers; null for anyone else.
    /// </summary>
    public static async Task<string?> DashboardAsync(AccessScope access, LynchpinDbContext db, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        if (scope.Role == UserRole.TrustAdmin && scope.User?.TrustId is int trustId && scope.IsTrustAdminOf(trustId))
        {
            var code = await db.Trusts.Where(t => t.Id == trustId).Select(t => t.Code).SingleOrDefaultAsync(ct);
            return code is null ? null : $"/trusts/{Uri.EscapeDataString(code)}/appraisal";
        }
        if (scope.HomeSchoolId is int schoolId && scope.CanSeeAppraisals(schoolId))
        {
            var urn = await db.Schools.Where(s => s.Id == schoolId).Select(s => (int?)s.Urn).SingleOrDefaultAsync(ct);
            return urn is null ? null : $"/schools/{urn}/appraisal";
        }
        return null;
    }

    /// <summary>"My appraisal": every account with a staff record.</summary>
    public static async Task<string?> MineAsync(AccessScope access, CancellationToken ct = default) =>
        (await access.GetAsync(ct)).OwnStaffId is int own ? $"/staff/{own}/appraisal" : null;
}
