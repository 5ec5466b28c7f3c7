using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Pupils;

/// <summary>
/// Records a termly PEP meeting: who came, the child's own views, needs, attainment, the evaluation of the last PEP's
/// targets and new SMART targets, and any transition. Attendance and suspensions at the date are filled from the data.
/// </summary>
[Requires(nameof(Operations.RecordForPupils))]
public class NewPepModel(Peps peps, Core.Coaching.CoachingContacts contacts) : PupilPageModel
{
    public const int TargetSlots = 5;

    public class TargetForm
    {
        [Display(Name = "outcome")] public string? Outcome { get; set; }
        [Display(Name = "why")] public string? Why { get; set; }
        [Display(Name = "how")] public string? How { get; set; }
        [Display(Name = "who")] public string? Who { get; set; }
        [Display(Name = "by when")] public DateOnly? ByWhen { get; set; }
        [Display(Name = "pupil premium plus cost (£)")] public decimal? PupilPremiumPlusCost { get; set; }
    }

    public class EvaluationForm
    {
        public int TargetId { get; set; }
        public TargetOutcome? Achievement { get; set; }
        public string? Evaluation { get; set; }
    }

    public class PepForm
    {
        [Display(Name = "date of the meeting")] public DateOnly? MeetingOn { get; set; }
        [Display(Name = "social worker")] public string? SocialWorker { get; set; }
        [Display(Name = "designated teacher")] public string? DesignatedTeacher { get; set; }
        [Display(Name = "carer")] public string? Carer { get; set; }
        [Display(Name = "Did the child attend?")] public bool ChildAttended { get; set; }
        [Display(Name = "Did the achievement coach attend?")] public bool CoachAttended { get; set; }
        [Display(Name = "others who attended")] public string? OtherAttendees { get; set; }
        [Display(Name = "the child's views, in their own words")] public string? ChildViews { get; set; }
        [Display(Name = "why the child's views are not recorded")] public string? ChildViewsMissingReason { get; set; }
        [Display(Name = "needs")] public string? Needs { get; set; }
        [Display(Name = "attainment and progress")] public string? AttainmentAndProgress { get; set; }
        [Display(Name = "Is a transition coming?")] public TransitionKind Transition { get; set; }
        [Display(Name = "transition plan")] public string? TransitionPlan { get; set; }
        [Display(Name = "date of the next PEP")] public DateOnly? NextPepOn { get; set; }
        public List<TargetForm> Targets { get; set; } = [];
        public List<EvaluationForm> Evaluations { get; set; } = [];
    }

    [BindProperty] public PepForm Input { get; set; } = new();

    /// <summary>The last PEP's targets, to evaluate at this meeting.</summary>
    public IReadOnlyList<PepTarget> PreviousTargets { get; private set; } = [];
    public DateOnly? PreviousMeeting { get; private set; }
    public decimal? AttendanceSoFar { get; private set; }

    public static IReadOnlyList<SelectListItem> TransitionItems { get; } =
    [
        new("No transition", nameof(TransitionKind.None)),
        new("A change of phase (to reception, secondary, post-16)", nameof(TransitionKind.Phase)),
        new("A move of school", nameof(TransitionKind.SchoolMove)),
        new("A move of placement", nameof(TransitionKind.PlacementMove)),
    ];

    public static IReadOnlyList<SelectListItem> AchievementItems { get; } =
    [
        new("Achieved", nameof(TargetOutcome.Achieved)),
        new("Partly achieved", nameof(TargetOutcome.PartlyAchieved)),
        new("Not achieved", nameof(TargetOutcome.NotAchieved)),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        var school = await contacts.GetAsync(Pupil.SchoolId, ct);
        Input = new PepForm
        {
            MeetingOn = Today,
            DesignatedTeacher = school?.DesignatedTeacher?.FullName,
            Carer = Pupil.CarerName,
            SocialWorker = Pupil.SocialWorkerName,
            Targets = Enumerable.Range(0, TargetSlots).Select(_ => new TargetForm()).ToList(),
            Evaluations = PreviousTargets.Select(t => new EvaluationForm { TargetId = t.Id }).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        while (Input.Targets.Count < TargetSlots)
        {
            Input.Targets.Add(new TargetForm());
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await peps.RecordAsync(Pupil.Id, new PepInput
        {
            MeetingOn = Input.MeetingOn, SocialWorker = Input.SocialWorker, DesignatedTeacher = Input.DesignatedTeacher, Carer = Input.Carer,
            ChildAttended = Input.ChildAttended, CoachAttended = Input.CoachAttended, OtherAttendees = Input.OtherAttendees,
            ChildViews = Input.ChildViews, ChildViewsMissingReason = Input.ChildViewsMissingReason, Needs = Input.Needs,
            AttainmentAndProgress = Input.AttainmentAndProgress, Transition = Input.Transition, TransitionPlan = Input.TransitionPlan,
            NextPepOn = Input.NextPepOn,
            Targets = Input.Targets.Select(t => new PepTargetInput
            {
                Outcome = t.Outcome, Why = t.Why, How = t.How, Who = t.Who, ByWhen = t.ByWhen, PupilPremiumPlusCost = t.PupilPremiumPlusCost,
            }).ToList(),
            Evaluations = Input.Evaluations.Select(e => new TargetEvaluationInput(e.TargetId, e.Achievement, e.Evaluation)).ToList(),
        }, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Invalid();
        }
        var quality = await peps.QualityAsync(result.Value!, ct);
        TempData["Success"] = quality.Rating == Rag.Green
            ? "The PEP is recorded. It meets every quality check."
            : $"The PEP is recorded. Still to do: {string.Join("; ", quality.Failed.Select(c => c.Reason))}.";
        return RedirectTo<PepModel>(new { id = Pupil.Id, pepId = result.Value!.Id });
    }

    private async Task LoadFormAsync(CancellationToken ct)
    {
        var previous = await Db.Peps.AsNoTracking().Include(p => p.Targets).Where(p => p.PupilId == Pupil.Id)
            .OrderByDescending(p => p.MeetingOn).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        PreviousTargets = previous?.Targets.OrderBy(t => t.Id).ToList() ?? [];
        PreviousMeeting = previous?.MeetingOn;
        var sofar = await peps.AttendanceAtAsync(Pupil.Id, Today, ct);
        AttendanceSoFar = Core.Coaching.ImpactCalculator.Round(AttendanceMaths.AttendanceRate(sofar.Sessions));
    }
}
