using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Schools;

/// <summary>A school at a glance: its staff by role family, teaching and support side by side, and its SLT.</summary>
public class ShowModel(LynchpinDbContext db, IAuthorizationService authorization, SchoolClock clock) : PageModel
{
    public record FamilyCount(RoleFamily Family, int Count);
    public record Leader(int Id, string Name, string JobTitle, bool Qts);

    public School School { get; private set; } = null!;
    public List<FamilyCount> Families { get; private set; } = [];
    public List<Leader> Slt { get; private set; } = [];
    public bool CanManage { get; private set; }
    public int Teaching => Families.Where(f => f.Family == RoleFamily.Teaching).Sum(f => f.Count);
    public int Support => Families.Where(f => f.Family != RoleFamily.Teaching).Sum(f => f.Count);

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Include(s => s.Trust).SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        School = school;
        CanManage = (await authorization.AuthorizeAsync(User, school, Operations.Manage)).Succeeded;

        var today = clock.Today;
        var inPost = db.StaffMembers.Where(s => s.SchoolId == school.Id && (s.LeavingDate == null || s.LeavingDate >= today));
        var counts = await inPost.GroupBy(s => s.RoleFamily).Select(g => new { Family = g.Key, Count = g.Count() }).ToListAsync(ct);
        Families = RoleFamilies.All.Select(f => new FamilyCount(f, counts.SingleOrDefault(c => c.Family == f)?.Count ?? 0)).ToList();
        Slt = await inPost.Where(s => s.Slt).OrderBy(s => s.LineManagerId != null).ThenBy(s => s.LastName)
            .Select(s => new Leader(s.Id, s.FirstName + " " + s.LastName, s.JobTitle, s.Qts)).ToListAsync(ct);
        return Page();
    }
}
