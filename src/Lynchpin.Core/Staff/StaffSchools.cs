using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Staff;

/// <summary>
/// Records the hours a person works at another school of their trust (a federation's business manager, say). They then
/// appear once in that school's lists and its leaders see their record; their FTE is split between the schools by hours.
/// </summary>
public class StaffSchools(LynchpinDbContext db)
{
    public async Task<Result<StaffSchoolHours>> SetHoursAsync(int staffMemberId, int? schoolId, decimal? hours, CancellationToken ct = default)
    {
        var person = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleAsync(s => s.Id == staffMemberId, ct);
        if (schoolId is null)
        {
            return Result<StaffSchoolHours>.Fail("SchoolId", "Choose the school");
        }
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null || school.Id == person.SchoolId || school.TrustId is null || school.TrustId != person.School.TrustId)
        {
            return Result<StaffSchoolHours>.Fail("SchoolId", "Choose another school of the same trust");
        }
        if (hours is null or <= 0m)
        {
            return Result<StaffSchoolHours>.Fail("HoursPerWeek", "Enter the hours a week worked there, more than 0");
        }
        var others = await db.StaffSchoolHours.Where(h => h.StaffMemberId == staffMemberId && h.SchoolId != schoolId).SumAsync(h => h.HoursPerWeek, ct);
        var contract = person.HoursPerWeek ?? Pay.Contracts.FullTimeHours(person.Category);
        if (others + hours > contract)
        {
            return Result<StaffSchoolHours>.Fail("HoursPerWeek",
                $"{person.FirstName}'s contract is {contract:0.##} hours a week; {others:0.##} are already at other schools");
        }
        var row = await db.StaffSchoolHours.SingleOrDefaultAsync(h => h.StaffMemberId == staffMemberId && h.SchoolId == schoolId, ct);
        if (row is null)
        {
            row = new StaffSchoolHours { StaffMemberId = staffMemberId, SchoolId = school.Id };
            db.StaffSchoolHours.Add(row);
        }
        row.HoursPerWeek = hours.Value;
        await db.SaveChangesAsync(ct);
        return Result<StaffSchoolHours>.Done(row);
    }

    public Task RemoveAsync(int staffMemberId, int schoolId, CancellationToken ct = default) =>
        db.StaffSchoolHours.Where(h => h.StaffMemberId == staffMemberId && h.SchoolId == schoolId).ExecuteDeleteAsync(ct);
}
