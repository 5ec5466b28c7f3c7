using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

public enum CpdTaskKind
{
    /// <summary>A request from someone in the person's team, waiting for their decision as line manager.</summary>
    DecideAsLineManager,
    /// <summary>A request's cost, waiting for the person as the school's budget holder.</summary>
    ApproveCost,
    /// <summary>An activity of the person's own to evaluate.</summary>
    Evaluate,
    /// <summary>A team member's evaluation waiting for the person's view as line manager.</summary>
    AddLineManagerView,
}

/// <summary>Something a person has to do about CPD, with whose it is and the record it is about.</summary>
public sealed record CpdTask(CpdTaskKind Kind, int StaffMemberId, string PersonName, string Title, int? RequestId, int? AttendanceId, DateOnly? DueOn, bool Overdue);

/// <summary>
/// A person's CPD tasks for their home page: requests to decide (from their team as line manager, costs as budget holder)
/// and evaluations to write or to add a view to. The caller passes the team and the schools the account leads, from its
/// access scope.
/// </summary>
public class CpdTasks(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<IReadOnlyList<CpdTask>> ForStaffAsync(int staffMemberId, IReadOnlyCollection<int> team, IReadOnlyCollection<int> ledSchools, CancellationToken ct = default)
    {
        var today = clock.Today;
        var year = Progression.SchoolYear.Of(today);
        var others = team.Where(id => id != staffMemberId).ToList();
        var led = ledSchools.ToList();
        var tasks = new List<CpdTask>();

        var toDecide = await db.CpdRequests.AsNoTracking().Include(r => r.StaffMember)
            .Where(r => r.Status == CpdRequestStatus.WithLineManager && r.StaffMemberId != staffMemberId
                && (others.Contains(r.StaffMemberId) || led.Contains(r.SchoolId)))
            .OrderBy(r => r.RequestedAt).ToListAsync(ct);
        tasks.AddRange(toDecide.Select(r => new CpdTask(CpdTaskKind.DecideAsLineManager, r.StaffMemberId, r.StaffMember.FullName, r.Title, r.Id, null, null, false)));

        // The budget holder of each school's current year; with none named, the school's leaders.
        var holders = await db.CpdBudgets.AsNoTracking().Where(b => b.Year == year).Select(b => new { b.SchoolId, b.BudgetHolderId }).ToListAsync(ct);
        var mySchools = holders.Where(h => h.BudgetHolderId == staffMemberId).Select(h => h.SchoolId)
            .Concat(led.Where(id => holders.All(h => h.SchoolId != id || h.BudgetHolderId == null))).ToList();
        var costs = await db.CpdRequests.AsNoTracking().Include(r => r.StaffMember)
            .Where(r => r.Status == CpdRequestStatus.WithBudgetHolder && r.StaffMemberId != staffMemberId && mySchools.Contains(r.SchoolId))
            .OrderBy(r => r.RequestedAt).ToListAsync(ct);
        tasks.AddRange(costs.Select(r => new CpdTask(CpdTaskKind.ApproveCost, r.StaffMemberId, r.StaffMember.FullName, r.Title, r.Id, null, null, false)));

        var mine = await db.CpdAttendances.AsNoTracking().Include(a => a.Activity).Include(a => a.StaffMember)
            .Where(a => a.StaffMemberId == staffMemberId && a.Evaluation == null && a.Activity.EndDate <= today).ToListAsync(ct);
        foreach (var a in mine)
        {
            var task = CpdEvaluations.Task(a, today);
            if (task.State is EvaluationState.Due or EvaluationState.Overdue)
            {
                tasks.Add(new CpdTask(CpdTaskKind.Evaluate, a.StaffMemberId, a.StaffMember.FullName, a.Activity.Title, null, a.Id, task.DueOn, task.State == EvaluationState.Overdue));
            }
        }
        var views = await db.CpdAttendances.AsNoTracking().Include(a => a.Activity).Include(a => a.StaffMember)
            .Where(a => others.Contains(a.StaffMemberId) && a.Evaluation != null && a.Evaluation.LineManagerView == null).ToListAsync(ct);
        tasks.AddRange(views.Select(a => new CpdTask(CpdTaskKind.AddLineManagerView, a.StaffMemberId, a.StaffMember.FullName, a.Activity.Title, null, a.Id, null, false)));
        return tasks;
    }
}
