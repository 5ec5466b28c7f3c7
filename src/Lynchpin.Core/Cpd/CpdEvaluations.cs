using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>A person's evaluation at the four levels, with what changed in their own words.</summary>
public sealed record EvaluationInput(ImpactRating? Reaction, ImpactRating? Learning, ImpactRating? UseInPractice, ImpactRating? EffectOnPupils, string? Comment);

/// <summary>An activity a person attended and where its evaluation stands today.</summary>
public sealed record EvaluationTask(CpdAttendance Attendance, EvaluationState State, DateOnly DueOn);

/// <summary>
/// Impact evaluations: the person evaluates some weeks after the activity (<see cref="EvaluationReminders"/>), then their
/// line manager adds their view. The caller checks who may do each.
/// </summary>
public class CpdEvaluations(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<Result<CpdEvaluation>> EvaluateAsync(int attendanceId, EvaluationInput input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (input.Reaction is null)
        {
            errors.Add(new("Reaction", "Select how useful the activity was"));
        }
        if (input.Learning is null)
        {
            errors.Add(new("Learning", "Select how much you learned"));
        }
        if (input.UseInPractice is null)
        {
            errors.Add(new("UseInPractice", "Select how much you have used it in your work"));
        }
        if (input.EffectOnPupils is null)
        {
            errors.Add(new("EffectOnPupils", "Select how much difference it has made to pupils"));
        }
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            errors.Add(new("Comment", "Say what has changed, with an example"));
        }
        else if (input.Comment.Trim().Length > CpdEvaluation.TextMaxLength)
        {
            errors.Add(new("Comment", $"The comment must be {CpdEvaluation.TextMaxLength} characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return Result<CpdEvaluation>.Fail(errors);
        }
        var evaluation = await db.CpdEvaluations.SingleOrDefaultAsync(e => e.AttendanceId == attendanceId, ct);
        if (evaluation is null)
        {
            evaluation = new CpdEvaluation { AttendanceId = attendanceId, Comment = "" };
            db.CpdEvaluations.Add(evaluation);
        }
        evaluation.Reaction = input.Reaction!.Value;
        evaluation.Learning = input.Learning!.Value;
        evaluation.UseInPractice = input.UseInPractice!.Value;
        evaluation.EffectOnPupils = input.EffectOnPupils!.Value;
        evaluation.Comment = input.Comment!.Trim();
        evaluation.EvaluatedOn = clock.Today;
        await db.SaveChangesAsync(ct);
        return Result<CpdEvaluation>.Done(evaluation);
    }

    public async Task<Result<CpdEvaluation>> AddLineManagerViewAsync(int attendanceId, string? view, Recorder recorder, CancellationToken ct = default)
    {
        var evaluation = await db.CpdEvaluations.SingleOrDefaultAsync(e => e.AttendanceId == attendanceId, ct);
        if (evaluation is null)
        {
            return Result<CpdEvaluation>.Fail("LineManagerView", "The person has not evaluated the activity yet");
        }
        if (string.IsNullOrWhiteSpace(view))
        {
            return Result<CpdEvaluation>.Fail("LineManagerView", "Enter your view of the difference it has made");
        }
        if (view.Trim().Length > CpdEvaluation.TextMaxLength)
        {
            return Result<CpdEvaluation>.Fail("LineManagerView", $"Your view must be {CpdEvaluation.TextMaxLength} characters or fewer");
        }
        evaluation.LineManagerView = view.Trim();
        evaluation.LineManagerName = recorder.Name;
        evaluation.LineManagerViewOn = clock.Today;
        await db.SaveChangesAsync(ct);
        return Result<CpdEvaluation>.Done(evaluation);
    }

    /// <summary>A person's activities with where each evaluation stands, newest first.</summary>
    public async Task<IReadOnlyList<EvaluationTask>> ForPersonAsync(int staffMemberId, CancellationToken ct = default)
    {
        var attendances = await db.CpdAttendances.AsNoTracking().Include(a => a.Activity).Include(a => a.Evaluation)
            .Where(a => a.StaffMemberId == staffMemberId).OrderByDescending(a => a.Activity.StartDate).ToListAsync(ct);
        return attendances.Select(a => Task(a, clock.Today)).ToList();
    }

    public static EvaluationTask Task(CpdAttendance attendance, DateOnly today) => new(attendance,
        EvaluationReminders.State(attendance.Activity.EndDate, attendance.Evaluation is not null, attendance.Evaluation?.LineManagerView is not null, today),
        EvaluationReminders.DueOn(attendance.Activity.EndDate));
}
