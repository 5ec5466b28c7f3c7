using System.Linq.Expressions;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Accounts;

/// <summary>
/// Who is above whom, for least privilege: nobody appraises, reopens, reads the pay of or administers someone above them
/// in line management, and a head's appraisal belongs to the trust, not to their staff.
/// </summary>
public sealed class Seniority(LynchpinDbContext db)
{
    /// <summary>
    /// The head of a school, as the data shows one: on the senior leadership team with no line manager at their own school
    /// (none at all, or one in another school of the trust: an executive head or a CEO).
    /// </summary>
    public static readonly Expression<Func<StaffMember, bool>> IsHeadExpression =
        s => s.Slt && (s.LineManagerId == null || s.LineManager!.SchoolId != s.SchoolId);

    private static readonly Func<StaffMember, bool> IsHeadCompiled = IsHeadExpression.Compile();

    /// <summary>Whether a loaded record is a head's (its line manager loaded, when it has one).</summary>
    public static bool IsHead(StaffMember staff) => IsHeadCompiled(staff);

    public Task<bool> IsHeadAsync(int staffId, CancellationToken cancellationToken = default) =>
        db.StaffMembers.Where(s => s.Id == staffId).Where(IsHeadExpression).AnyAsync(cancellationToken);

    /// <summary>The line managers above a person, nearest first, across schools.</summary>
    public async Task<List<int>> ManagersAboveAsync(int staffId, CancellationToken cancellationToken = default)
    {
        var chain = new List<int>();
        int? next = await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.LineManagerId).SingleOrDefaultAsync(cancellationToken);
        // The model forbids cycles; the check still stops a bad row from looping forever.
        while (next is int manager && manager != staffId && !chain.Contains(manager))
        {
            chain.Add(manager);
            next = await db.StaffMembers.Where(s => s.Id == manager).Select(s => s.LineManagerId).SingleOrDefaultAsync(cancellationToken);
        }
        return chain;
    }

    /// <summary>Everyone a person line-manages, directly or through others, found a level at a time.</summary>
    public async Task<HashSet<int>> TeamBelowAsync(int managerId, CancellationToken cancellationToken = default)
    {
        var team = new HashSet<int>();
        List<int> frontier = [managerId];
        while (frontier.Count > 0)
        {
            var next = await db.StaffMembers.Where(s => s.LineManagerId != null && frontier.Contains(s.LineManagerId.Value))
                .Select(s => s.Id).ToListAsync(cancellationToken);
            // The model forbids cycles; the check still stops a bad row from looping forever.
            frontier = next.Where(id => id != managerId && team.Add(id)).ToList();
        }
        return team;
    }
}
