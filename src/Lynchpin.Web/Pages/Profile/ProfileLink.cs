using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Profile;

/// <summary>Where the "Profile" navigation item goes: a trust admin's trust view, else the viewer's school profile, if they may see one.</summary>
public static class ProfileLink
{
    public static async Task<string?> ForAsync(AccessScope access, LynchpinDbContext db, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        if (scope.Role == UserRole.TrustAdmin && scope.User?.TrustId is int trustId)
        {
            var code = await db.Trusts.Where(t => t.Id == trustId).Select(t => t.Code).SingleOrDefaultAsync(ct);
            return code is null ? null : $"/trusts/{Uri.EscapeDataString(code)}/profile";
        }
        if (scope.HomeSchoolId is int schoolId && scope.CanSeeProfile(schoolId))
        {
            var urn = await db.Schools.Where(s => s.Id == schoolId).Select(s => (int?)s.Urn).SingleOrDefaultAsync(ct);
            return urn is null ? null : $"/schools/{urn}/profile";
        }
        return null;
    }
}
