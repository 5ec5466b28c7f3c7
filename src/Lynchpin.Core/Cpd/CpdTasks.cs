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
/// <param name="SchoolUrn">The school of a request (its page is the school's); null for an evaluation.</param>
public sealed record CpdTask(CpdTaskKind Kind, int StaffMemberId, string PersonName, string Title, int? RequestId, int? AttendanceId, DateOnly? DueOn, bool Overdue,
    int? SchoolUrn = null);

/// <summary>
/// A person's CPD tasks for their home page: requests to decide (from their team as line manager, costs as budget holder)
/// and evaluations to write or to add a view to. The caller passes the team and the schools the account leads, from its
/// access scope.
/// </summary>
public class CpdTasks(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>Three statements, whoever asks: the home page shows these to everyone with a staff record.</summary>
    public async Task<IReadOnlyList<CpdTask>> ForStaffAsync(int staffMemberId, IReadOnlyCollection<int> team, IReadOnlyCollection<int> ledSchools, CancellationToken ct = default)
    {
        var today = clock.Today;
        var year = Progression.SchoolYear.Of(today);
        var others = team.Where(id => id != staffMemberId).ToList();
        var led = ledSchools.ToList();

        // The budget holder of each school's current year; with none named, the school's leaders.
        var holders = await db.CpdBudgets.AsNoTracking().Where(b => b.Year == year).Select(b => new { b.SchoolId, b.BudgetHolderId }).ToListAsync(ct);
        var mySchools = holders.Where(h => h.BudgetHolderId == staffMemberId).Select(h => h.SchoolId)
            .Concat(led.Where(id => holders.All(h => h.SchoolId != id || h.BudgetHolderId == null))).ToList();

        // Requests from the team (or in a led school) to decide as line manager, and costs to approve as budget holder.
        var requests = await db.CpdRequests.AsNoTracking().Include(r => r.StaffMember).Include(r => r.School)
            .Where(r => r.StaffMemberId != staffMemberId
                && ((r.Status == CpdRequestStatus.WithLineManager && (others.Contains(r.StaffMemberId) || led.Contains(r.SchoolId)))
                    || (r.Status == CpdRequestStatus.WithBudgetHolder && mySchools.Contains(r.SchoolId))))
            .OrderBy(r => r.RequestedAt).ToListAsync(ct);
        var tasks = requests.OrderBy(r => r.Status == CpdRequestStatus.WithLineManager ? 0 : 1).Select(r => new CpdTask(
            r.Status == CpdRequestStatus.WithLineManager ? CpdTaskKind.DecideAsLineManager : CpdTaskKind.ApproveCost,
            r.StaffMemberId, r.StaffMember.FullName, r.Title, r.Id, null, null, false, r.School.Urn)).ToList();

        // One's own activities not yet evaluated, and the team's evaluations without the line manager's view: of the
        // last half-year only, as a reminder (older ones stay on the person's CPD page, marked overdue).
        var since = today.AddDays(-EvaluationReminders.AskForDays);
        var attendances = await db.CpdAttendances.AsNoTracking().Include(a => a.Activity).Include(a => a.StaffMember).Include(a => a.Evaluation)
            .Where(a => (a.StaffMemberId == staffMemberId && a.Evaluation == null && a.Activity.EndDate <= today && a.Activity.EndDate >= since)
                || (others.Contains(a.StaffMemberId) && a.Evaluation != null && a.Evaluation.LineManagerView == null && a.Evaluation.EvaluatedOn >= since))
            .OrderBy(a => a.Activity.EndDate).ToListAsync(ct);
        foreach (var a in attendances.Where(a => a.StaffMemberId == staffMemberId))
        {
            var task = CpdEvaluations.Task(a, today);
            if (task.State is EvaluationState.Due or EvaluationState.Overdue)
            {
                tasks.Add(new CpdTask(CpdTaskKind.Evaluate, a.StaffMemberId, a.StaffMember.FullName, a.Activity.Title, null, a.Id, task.DueOn, task.State == EvaluationState.Overdue));
            }
        }
        tasks.AddRange(attendances.Where(a => a.StaffMemberId != staffMemberId).Select(a =>
            new CpdTask(CpdTaskKind.AddLineManagerView, a.StaffMemberId, a.StaffMember.FullName, a.Activity.Title, null, a.Id, null, false)));
        return tasks;
    }
}
