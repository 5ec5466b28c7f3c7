using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Cpd;

namespace Lynchpin.Web.Pages.Cpd.Person;

/// <summary>
/// A person evaluates an activity at four levels (reaction, learning, use in practice, effect on pupils) some weeks after
/// it; then their line manager adds their view. Each part is for its own writer.
/// </summary>
public class EvaluateModel(CpdEvaluations evaluations) : PersonPageModel
{
    public CpdAttendance Attendance { get; private set; } = null!;
    public EvaluationTask Progress { get; private set; } = null!;
    public bool IsLineManager { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "reaction")] public string? Reaction { get; set; }
        [Display(Name = "learning")] public string? Learning { get; set; }
        [Display(Name = "use in practice")] public string? UseInPractice { get; set; }
        [Display(Name = "effect on pupils")] public string? EffectOnPupils { get; set; }
        [Display(Name = "comment")] public string? Comment { get; set; }
        [Display(Name = "your view")] public string? LineManagerView { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int attendanceId, CancellationToken ct)
    {
        if (await FindAsync(attendanceId, ct) is { } refused)
        {
            return refused;
        }
        if (Attendance.Evaluation is { } e)
        {
            Input = new InputModel
            {
                Reaction = CpdCodes.Impact.Code(e.Reaction),
                Learning = CpdCodes.Impact.Code(e.Learning),
                UseInPractice = CpdCodes.Impact.Code(e.UseInPractice),
                EffectOnPupils = CpdCodes.Impact.Code(e.EffectOnPupils),
                Comment = e.Comment,
                LineManagerView = e.LineManagerView,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int attendanceId, CancellationToken ct)
    {
        if (await FindAsync(attendanceId, ct) is { } refused)
        {
            return refused;
        }
        if (!IsOwn)
        {
            return Forbid();
        }
        var result = await evaluations.EvaluateAsync(Attendance.Id, new EvaluationInput(Impact(Input.Reaction), Impact(Input.Learning),
            Impact(Input.UseInPractice), Impact(Input.EffectOnPupils), Input.Comment), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = "Your evaluation is saved. Your line manager is asked for their view.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "activities");
    }

    public async Task<IActionResult> OnPostViewAsync(int attendanceId, CancellationToken ct)
    {
        if (await FindAsync(attendanceId, ct) is { } refused)
        {
            return refused;
        }
        if (!IsLineManager)
        {
            return Forbid();
        }
        var result = await evaluations.AddLineManagerViewAsync(Attendance.Id, Input.LineManagerView, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        TempData["Success"] = "Your view is saved.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "activities");
    }

    private static ImpactRating? Impact(string? code) => CpdCodes.Impact.TryParse(code, out var rating) ? rating : null;

    private async Task<IActionResult?> FindAsync(int attendanceId, CancellationToken ct)
    {
        var attendance = await Db.CpdAttendances.AsNoTracking().Include(a => a.Activity).Include(a => a.Evaluation)
            .SingleOrDefaultAsync(a => a.Id == attendanceId && a.StaffMemberId == Member.Id, ct);
        if (attendance is null)
        {
            return NotFound();
        }
        Attendance = attendance;
        Progress = CpdEvaluations.Task(attendance, Today);
        IsLineManager = !IsOwn && await MayAsync(Member, Operations.Assess);
        return IsOwn || IsLineManager ? null : Forbid();
    }
}
