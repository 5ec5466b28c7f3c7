namespace Lynchpin.Core.Staff;

/// <summary>The staff list's filters, shared by the page and the API so both answer alike.</summary>
public record StaffFilter(
    int? SchoolId = null,
    StaffCategory? Category = null,
    RoleFamily? RoleFamily = null,
    bool? Slt = null,
    bool? Qts = null,
    string? Search = null,
    bool IncludeLeavers = false)
{
    public IQueryable<StaffMember> Apply(IQueryable<StaffMember> staff, DateOnly today)
    {
        if (SchoolId is int schoolId)
        {
            staff = staff.Where(s => s.SchoolId == schoolId);
        }
        if (Category == StaffCategory.Teaching)
        {
            staff = staff.Where(s => s.RoleFamily == Data.Models.RoleFamily.Teaching);
        }
        else if (Category == StaffCategory.Support)
        {
            staff = staff.Where(s => s.RoleFamily != Data.Models.RoleFamily.Teaching);
        }
        if (RoleFamily is RoleFamily family)
        {
            staff = staff.Where(s => s.RoleFamily == family);
        }
        if (Slt is bool slt)
        {
            staff = staff.Where(s => s.Slt == slt);
        }
        if (Qts is bool qts)
        {
            staff = staff.Where(s => s.Qts == qts);
        }
        if (!IncludeLeavers)
        {
            staff = staff.Where(s => s.LeavingDate == null || s.LeavingDate >= today);
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            staff = staff.Where(s => (s.FirstName + " " + s.LastName).ToLower().Contains(term)
                || s.JobTitle.ToLower().Contains(term)
                || s.StaffRef.ToLower().Contains(term)
                || (s.Email != null && s.Email.ToLower().Contains(term)));
        }
        return staff;
    }
}
