using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>Where the observation navigation items go, for those they are for.</summary>
public static class ObservationsLink
{
    /// <summary>
    /// "Observations": a school leader's own school's hub; null for anyone else (a trust admin leads many schools and
    /// reaches each hub from the school's page).
    /// </summary>
    public static async Task<string?> HubAsync(AccessScope access, LynchpinDbContext db, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        if (scope.Role == UserRole.SchoolLeader && scope.HomeSchoolId is int schoolId && scope.LeadsSchool(schoolId))
        {
            var urn = await db.Schools.Where(s => s.Id == schoolId).Select(s => (int?)s.Urn).SingleOrDefaultAsync(ct);
            return urn is null ? null : $"/schools/{urn}/observations";
        }
        return null;
    }

    /// <summary>"My visits": every account with a staff record.</summary>
    public static async Task<string?> MineAsync(AccessScope access, CancellationToken ct = default) =>
        (await access.GetAsync(ct)).OwnStaffId is int ? "/observations/visits" : null;
}
