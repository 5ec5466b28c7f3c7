using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lynchpin.Core.Appraisals;

/// <summary>
/// A cycle a leader has closed is read-only: its appraisals, objectives, support plans, reviews, ratings, evidence and
/// pay recommendations cannot be added, changed or removed until it is reopened. Pages and the objectives import refuse
/// first, with <see cref="Message"/>; <see cref="CheckAsync"/> is the last line, in every save, for a write that forgot.
/// </summary>
public static class ClosedCycles
{
    /// <summary>"The 2025/26 appraisal cycle was closed by Ada Head on 10 January 2027: …".</summary>
    public static string Message(AppraisalCycle cycle) =>
        $"The {SchoolYear.Name(cycle.Year)} appraisal cycle was closed by {cycle.ClosedByName} on {Dates.Long(SchoolClock.DateOf(cycle.ClosedAt!.Value))}: " +
        "nothing in it can be changed. A leader can reopen it from the appraisal dashboard.";

    /// <summary>Closes the cycle; one already closed keeps who closed it and when.</summary>
    public static async Task CloseAsync(LynchpinDbContext db, int cycleId, Recorder recorder, DateTime now, CancellationToken cancellationToken = default)
    {
        var cycle = await db.AppraisalCycles.SingleAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle.IsClosed)
        {
            return;
        }
        (cycle.ClosedAt, cycle.ClosedByName) = (now, recorder.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task ReopenAsync(LynchpinDbContext db, int cycleId, CancellationToken cancellationToken = default)
    {
        var cycle = await db.AppraisalCycles.SingleAsync(c => c.Id == cycleId, cancellationToken);
        (cycle.ClosedAt, cycle.ClosedByName) = (null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Throws <see cref="ClosedCycleException"/> when the pending changes touch anything of a closed cycle (by the keys each
    /// changed row had before and has now). Closing and reopening themselves are the only changes a closed cycle takes.
    /// </summary>
    public static async Task CheckAsync(LynchpinDbContext db, CancellationToken cancellationToken)
    {
        List<int> cycleIds = [], appraisalIds = [], objectiveIds = [], reviewIds = [];
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case AppraisalCycle cycle when entry.State == EntityState.Modified:
                    // Closing (was open) and reopening (now open) are allowed; anything else on a closed cycle is not.
                    if (entry.Property(nameof(AppraisalCycle.ClosedAt)).OriginalValue is not null && cycle.ClosedAt is not null)
                    {
                        cycleIds.Add(cycle.Id);
                    }
                    break;
                case Appraisal:
                    Keys(entry, nameof(Appraisal.CycleId), cycleIds);
                    break;
                case Objective or AppraisalReview or PayRecommendation:
                    Keys(entry, nameof(Objective.AppraisalId), appraisalIds);
                    break;
                case SupportPlan:
                    Keys(entry, nameof(SupportPlan.ObjectiveId), objectiveIds);
                    break;
                case ObjectiveRating or Evidence:
                    Keys(entry, nameof(Evidence.ReviewId), reviewIds);
                    break;
                default:
                    break;
            }
        }
        if (cycleIds.Count + appraisalIds.Count + objectiveIds.Count + reviewIds.Count == 0)
        {
            return;
        }
        var closed = await db.AppraisalCycles.AsNoTracking()
            .Where(c => c.ClosedAt != null && (cycleIds.Contains(c.Id)
                || c.Appraisals.Any(a => appraisalIds.Contains(a.Id)
                    || a.Objectives.Any(o => objectiveIds.Contains(o.Id))
                    || a.Reviews.Any(r => reviewIds.Contains(r.Id)))))
            .FirstOrDefaultAsync(cancellationToken);
        if (closed is not null)
        {
            throw new ClosedCycleException(closed);
        }
    }

    /// <summary>The row's key to its parent, before and after the change (a new parent's temporary key is skipped: the parent is checked itself).</summary>
    private static void Keys(EntityEntry entry, string property, List<int> into)
    {
        var value = entry.Property(property);
        if (entry.State != EntityState.Added && value.OriginalValue is int original)
        {
            into.Add(original);
        }
        if (entry.State != EntityState.Deleted && !value.IsTemporary && value.CurrentValue is int current)
        {
            into.Add(current);
        }
    }
}

/// <summary>A save refused because it would change a closed appraisal cycle; nothing of it was written.</summary>
public sealed class ClosedCycleException(AppraisalCycle cycle) : InvalidOperationException(ClosedCycles.Message(cycle))
{
    public int CycleId { get; } = cycle.Id;
}
