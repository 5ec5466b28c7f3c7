using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Staff;

/// <summary>
/// People who work at a school: its own staff and those of other schools of the trust with hours recorded there
/// (<see cref="StaffSchoolHours"/>). Each person is one row, so they appear once in each school's lists.
/// </summary>
public static class SharedStaff
{
    public static IQueryable<StaffMember> WorkingAt(this IQueryable<StaffMember> staff, LynchpinDbContext db, int schoolId) =>
        staff.Where(s => s.SchoolId == schoolId || db.StaffSchoolHours.Any(h => h.StaffMemberId == s.Id && h.SchoolId == schoolId));

    public static IQueryable<StaffMember> WorkingAtAny(this IQueryable<StaffMember> staff, LynchpinDbContext db, IReadOnlyCollection<int> schoolIds) =>
        staff.Where(s => schoolIds.Contains(s.SchoolId) || db.StaffSchoolHours.Any(h => h.StaffMemberId == s.Id && schoolIds.Contains(h.SchoolId)));

    /// <summary>In post on some day of the school year.</summary>
    public static IQueryable<StaffMember> InPostDuring(this IQueryable<StaffMember> staff, int year)
    {
        var start = Progression.SchoolYear.Start(year);
        var end = Progression.SchoolYear.End(year);
        return staff.Where(s => (s.StartDate == null || s.StartDate <= end) && (s.LeavingDate == null || s.LeavingDate >= start));
    }

    /// <summary>The schools a person works at besides their own, with their hours there.</summary>
    public static Task<Dictionary<int, decimal>> OtherSchoolsAsync(LynchpinDbContext db, int staffMemberId, CancellationToken cancellationToken = default) =>
        db.StaffSchoolHours.Where(h => h.StaffMemberId == staffMemberId).ToDictionaryAsync(h => h.SchoolId, h => h.HoursPerWeek, cancellationToken);
}
