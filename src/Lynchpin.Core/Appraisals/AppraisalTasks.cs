using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Appraisals;

public enum AppraisalTaskKind
{
    /// <summary>As appraiser: write objectives and get them agreed. As the person: agree them (or say why not).</summary>
    AgreeObjectives,
    /// <summary>As appraiser: rate each objective and sign.</summary>
    Review,
    /// <summary>As the person: add comments and sign a review the appraiser has signed.</summary>
    SignReview,
}

public enum TaskRole
{
    Appraiser,
    Appraisee,
}

/// <summary>Something a person has to do for an appraisal, with when it is due.</summary>
public record AppraisalTask(
    AppraisalTaskKind Kind, TaskRole As, int AppraisalId, int StaffMemberId, string PersonName, int Year, ReviewKind? Review,
    DateOnly DueDate, bool IsOverdue)
{
    public string Description => (Kind, As) switch
    {
        (AppraisalTaskKind.AgreeObjectives, TaskRole.Appraiser) => $"Set objectives with {PersonName} and get them agreed",
        (AppraisalTaskKind.AgreeObjectives, _) => "Agree your objectives, or record why not",
        (AppraisalTaskKind.Review, _) => $"{Review!.Value.DisplayName()} with {PersonName}: rate each objective and sign",
        _ => $"Read and sign your {Review!.Value.DisplayName().ToLowerInvariant()}",
    };
}

/// <summary>
/// Each person's due and overdue appraisal tasks, as appraiser and as the person appraised, for their home page
/// and for reminders. A review task appears <see cref="NoticeDays"/> days before it is due; a task waiting on
/// the person (to agree, or to sign) appears as soon as it can be done.
/// </summary>
public class AppraisalTasks(LynchpinDbContext db)
{
    public const int NoticeDays = 42;

    public async Task<IReadOnlyList<AppraisalTask>> ForStaffAsync(int staffId, DateOnly today, CancellationToken cancellationToken = default)
    {
        // This year's cycle and last year's, whose overdue final reviews still count.
        var fromYear = SchoolYear.Of(today) - 1;
        var appraisals = await db.Appraisals.AsNoTracking()
            .Include(a => a.Cycle).Include(a => a.StaffMember).Include(a => a.Objectives)
            .Include(a => a.Reviews.Where(r => r.IsCurrent)).ThenInclude(r => r.Ratings)
            .Where(a => (a.AppraiserId == staffId || a.StaffMemberId == staffId)
                && a.Cycle.Year >= fromYear
                && (a.StaffMember.LeavingDate == null || a.StaffMember.LeavingDate >= today))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var tasks = new List<AppraisalTask>();
        foreach (var appraisal in appraisals)
        {
            if (appraisal.AppraiserId == staffId && appraisal.StaffMemberId != staffId)
            {
                tasks.AddRange(TasksOf(appraisal, TaskRole.Appraiser, today));
            }
            if (appraisal.StaffMemberId == staffId)
            {
                tasks.AddRange(TasksOf(appraisal, TaskRole.Appraisee, today));
            }
        }
        return tasks.OrderBy(t => t.DueDate).ThenBy(t => t.PersonName).ToList();
    }

    /// <summary>The tasks one appraisal gives one side today; public so the rules are tested without a database.</summary>
    public static IEnumerable<AppraisalTask> TasksOf(Appraisal appraisal, TaskRole role, DateOnly today)
    {
        var cycle = appraisal.Cycle;
        AppraisalTask Task(AppraisalTaskKind kind, ReviewKind? review, DateOnly due) =>
            new(kind, role, appraisal.Id, appraisal.StaffMemberId, appraisal.StaffMember.FullName, cycle.Year, review, due, today > due);

        if (appraisal.ObjectivesStatus == ObjectivesStatus.Draft)
        {
            // The person's turn comes once there is a set they could agree.
            if (role == TaskRole.Appraiser || AppraisalRules.AgreementErrors(appraisal.Objectives).Count == 0)
            {
                yield return Task(AppraisalTaskKind.AgreeObjectives, null, cycle.ObjectivesDue);
            }
            yield break;
        }
        foreach (var kind in new[] { ReviewKind.MidYear, ReviewKind.Final })
        {
            var due = cycle.DueDate(kind);
            var review = appraisal.Reviews.SingleOrDefault(r => r.IsCurrent && r.Kind == kind);
            if (review?.IsLocked == true)
            {
                continue;
            }
            var appraiserSigned = review?.AppraiserSignedAt is not null;
            if (role == TaskRole.Appraiser && !appraiserSigned && today >= due.AddDays(-NoticeDays))
            {
                yield return Task(AppraisalTaskKind.Review, kind, due);
            }
            if (role == TaskRole.Appraisee && appraiserSigned && review!.AppraiseeSignedAt is null)
            {
                yield return Task(AppraisalTaskKind.SignReview, kind, due);
            }
        }
    }
}
