namespace Lynchpin.Web.Pages.Schools;

/// <summary>The school's line-management tree, from the people nobody in the school manages down.</summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public class LineManagementModel : SchoolPageModel
{
    public record Node(int Id, string Name, string JobTitle, RoleFamily Family, bool Slt, string? ManagerElsewhere, List<Node> Reports);

    public List<Node> Roots { get; private set; } = [];
    public int People { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (school, today) = (School, Today);
        var staff = await Db.StaffMembers.AsNoTracking()
            .Where(s => s.SchoolId == school.Id && (s.LeavingDate == null || s.LeavingDate >= today))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new
            {
                s.Id,
                s.LineManagerId,
                Name = s.FirstName + " " + s.LastName,
                s.JobTitle,
                s.RoleFamily,
                s.Slt,
                ManagerSchoolId = s.LineManager == null ? (int?)null : s.LineManager.SchoolId,
                ManagerName = s.LineManager == null ? null : s.LineManager.FirstName + " " + s.LineManager.LastName + ", " + s.LineManager.School.Name,
            })
            .ToListAsync(ct);
        People = staff.Count;

        var nodes = staff.ToDictionary(s => s.Id, s => new Node(s.Id, s.Name, s.JobTitle, s.RoleFamily, s.Slt,
            s.ManagerSchoolId is int other && other != school.Id ? s.ManagerName : null, []));
        foreach (var s in staff)
        {
            // A manager who has left, or who works in another school, makes this person a root here.
            if (s.LineManagerId is int managerId && nodes.TryGetValue(managerId, out var manager))
            {
                manager.Reports.Add(nodes[s.Id]);
            }
            else
            {
                Roots.Add(nodes[s.Id]);
            }
        }
        // Leaders first: the people with the biggest trees head the page.
        Roots = Roots.OrderByDescending(n => n.Reports.Count > 0).ThenByDescending(n => n.Slt).ThenBy(n => n.Name).ToList();
    }
}
