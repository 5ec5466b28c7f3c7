using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.Pages.Progression;

/// <summary>
/// Records a person's stage at a checkpoint. Recording where the checkpoint already has an assessment is a
/// correction: <see cref="AssessmentRecorder"/> keeps the earlier version and the new one counts.
/// </summary>
[Requires(nameof(Operations.Assess))]
public class AssessModel(Frameworks frameworks, ProfileCalculator calculator, AssessmentRecorder recorder) : PersonPageModel
{
    /// <summary>How many school years before this one the form offers, besides any that already have assessments.</summary>
    private const int YearsBack = 5;

    [BindProperty]
    public AssessmentForm Input { get; set; } = new();

    public IReadOnlyList<StageChoice> Stages { get; private set; } = [];
    public List<SelectListItem> YearOptions { get; private set; } = [];
    public List<SelectListItem> AssessorOptions { get; private set; } = [];

    /// <summary>The current assessment at the chosen checkpoint: saving corrects it.</summary>
    public Assessment? Existing { get; private set; }

    public static IEnumerable<SelectListItem> CheckpointOptions =>
        SchoolYear.Checkpoints.Select(n => new SelectListItem($"{n}. {SchoolYear.CheckpointName(n)}", n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A stage as the assessor sees it: its descriptor and the criteria for the person's role family.</summary>
    public record StageChoice(int Number, string Name, string Descriptor, IReadOnlyList<string> Criteria);

    public class AssessmentForm
    {
        [Display(Name = "school year")] public int? Year { get; set; }
        [Display(Name = "checkpoint")] public int? Checkpoint { get; set; }
        [Display(Name = "stage")] public int? Stage { get; set; }
        [Display(Name = "criteria met")] public List<string> CriteriaMet { get; set; } = [];
        [Display(Name = "date of the assessment")] public DateOnly? AssessedOn { get; set; }
        [Display(Name = "assessor")] public int? AssessorId { get; set; }
        [Display(Name = "evidence note")] public string? Note { get; set; }
    }

    public async Task OnGetAsync(int? year, int? checkpoint, CancellationToken ct)
    {
        var thisYear = SchoolYear.Of(Today);
        Input.Year = year is >= 2000 && year <= thisYear ? year : thisYear;
        Input.Checkpoint = checkpoint is int n && SchoolYear.IsCheckpoint(n) ? n : SchoolYear.FirstCheckpoint;
        await LoadChoicesAsync(ct);

        // A correction starts from what was recorded, so the assessor changes only what was wrong.
        if (Existing is not null)
        {
            Input.Stage = Existing.Stage;
            Input.CriteriaMet = Existing.CriteriaMet.ToList();
            Input.AssessedOn = Existing.AssessedOn;
            Input.Note = Existing.Note;
        }
        else
        {
            var checkpointDate = (await calculator.CheckpointsAsync(Member.SchoolId, Input.Year.Value, ct)).Single(c => c.Number == Input.Checkpoint).Date;
            Input.AssessedOn = checkpointDate <= Today ? checkpointDate : Today;
        }
        Input.AssessorId = AssessorOptions.Select(o => o.Value).FirstOrDefault(v => v.Length > 0) is { } first
            ? int.Parse(first, CultureInfo.InvariantCulture)
            : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);

        RequireAnswer("Year", Input.Year, "Select a school year");
        RequireAnswer("Checkpoint", Input.Checkpoint, "Select a checkpoint");
        RequireAnswer("Stage", Input.Stage, "Select the stage " + Member.FirstName + " has reached");
        RequireAnswer("AssessedOn", Input.AssessedOn, "Enter the date of the assessment");
        var assessorId = Input.AssessorId?.ToString(CultureInfo.InvariantCulture) ?? "";
        if (!AssessorOptions.Any(o => o.Value == assessorId))
        {
            ModelState.AddModelError("Input.AssessorId", "Select an assessor from the list");
        }

        // Criteria are stored as worded, so only the wording the form offered is kept, in the framework's order.
        var offered = Stages.SelectMany(s => s.Criteria).Distinct().ToList();
        var criteria = offered.Where(Input.CriteriaMet.Contains).ToList();
        // Missing answers are reported above; the rest of the form is still checked so every problem shows at once,
        // except the date's checks, which mean nothing without a year and a date.
        // A value already refused (out of range: a year of -1) is not checked again: the rules would fail on it.
        T Usable<T>(string field, T? value, T fallback) where T : struct =>
            ModelState.GetFieldValidationState($"Input.{field}") == ModelValidationState.Invalid ? fallback : value ?? fallback;
        var input = new AssessmentInput(Member.Id, Usable("Year", Input.Year, SchoolYear.Of(Today)),
            Usable("Checkpoint", Input.Checkpoint, SchoolYear.FirstCheckpoint), Usable("Stage", Input.Stage, ProgressionStage.Lowest),
            Usable("AssessedOn", Input.AssessedOn, Today), Input.AssessorId, criteria, Input.Note);
        foreach (var error in AssessmentRecorder.Validate(input, Member, Today))
        {
            var key = $"Input.{error.Field}";
            var answered = ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;
            var yearRefused = ModelState.GetFieldValidationState("Input.Year") == ModelValidationState.Invalid;
            var dependsOnMissing = error.Field == "AssessedOn" && (Input.Year is null || Input.AssessedOn is null || yearRefused);
            if (answered && !dependsOnMissing)
            {
                ModelState.AddModelError(key, error.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        if (await recorder.IsUnchangedAsync(input, ct))
        {
            TempData["Success"] = $"Nothing changed: stage {input.Stage} for {Member.FullName} at the {SchoolYear.CheckpointName(input.Checkpoint).ToLowerInvariant()}, "
                + $"{SchoolYear.Name(input.Year)}, is as it was, so no correction is recorded.";
            return RedirectTo<PersonModel>(new { id = Member.Id, year = input.Year, checkpoint = input.Checkpoint }, "assessment");
        }
        var saved = await recorder.RecordAsync(input, await RecorderAsync(ct), ct);
        var what = $"Stage {saved.Stage} for {Member.FullName} at the {SchoolYear.CheckpointName(saved.Checkpoint).ToLowerInvariant()}, {SchoolYear.Name(saved.Year)}";
        TempData["Success"] = saved.Version == 1 ? $"{what} is recorded." : $"{what} is recorded as a correction; the earlier version is kept.";
        return RedirectTo<PersonModel>(new { id = Member.Id, year = saved.Year, checkpoint = saved.Checkpoint }, "assessment");
    }

    private void RequireAnswer(string field, object? value, string message)
    {
        var key = $"Input.{field}";
        // A value that did not bind (a date like 31/02) already has its own error.
        if (value is null && ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(key, message);
        }
    }


    /// <summary>The stages, years and assessors the form offers, and the assessment a save would correct.</summary>
    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var framework = await frameworks.ForSchoolAsync(Member.School, ct);
        Stages = framework.Framework.Stages.OrderBy(s => s.Number)
            .Select(s => new StageChoice(s.Number, s.Name, s.Descriptor, framework.CriteriaFor(s.Number, Member.RoleFamily).Select(c => c.Text).ToList()))
            .ToList();

        var thisYear = SchoolYear.Of(Today);
        var firstYear = Math.Min(thisYear, Math.Max(thisYear - YearsBack, Member.StartDate is DateOnly started ? SchoolYear.Of(started) : thisYear - YearsBack));
        var db = Db;
        var recordedYears = await db.Assessments.Where(a => a.StaffMemberId == Member.Id).Select(a => a.Year).Distinct().ToListAsync(ct);
        YearOptions = Enumerable.Range(firstYear, thisYear - firstYear + 1).Concat(recordedYears)
            .Concat(Input.Year is int chosen && chosen is >= 2000 and <= 2100 ? [chosen] : [])
            .Distinct().OrderDescending()
            .Select(y => new SelectListItem(SchoolYear.Name(y), y.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        Existing = Input is { Year: int year, Checkpoint: int checkpoint }
            ? await db.Assessments.AsNoTracking().Include(a => a.Assessor)
                .SingleOrDefaultAsync(a => a.StaffMemberId == Member.Id && a.Year == year && a.Checkpoint == checkpoint && a.IsCurrent, ct)
            : null;

        // Who may have assessed: the account's own staff record, the person's line manager, the school's SLT,
        // and the assessor already recorded here (who may since have moved on).
        var scope = await Access.GetAsync(ct);
        var options = new List<SelectListItem>();
        void Offer(int id, string label)
        {
            var value = id.ToString(CultureInfo.InvariantCulture);
            if (id != Member.Id && options.All(o => o.Value != value))
            {
                options.Add(new SelectListItem(label, value));
            }
        }
        if (scope.OwnStaffId is int own && scope.User?.StaffMember is { } self)
        {
            Offer(own, $"{self.FullName} (you)");
        }
        var lineManager = Member.LineManagerId is int managerId
            ? await db.StaffMembers.AsNoTracking().Where(s => s.Id == managerId).Select(s => new { s.Id, s.FullName }).SingleOrDefaultAsync(ct)
            : null;
        if (lineManager is not null)
        {
            Offer(lineManager.Id, $"{lineManager.FullName} (line manager)");
        }
        var slt = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == Member.SchoolId && s.Slt)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, s.FullName }).ToListAsync(ct);
        foreach (var leader in slt)
        {
            Offer(leader.Id, $"{leader.FullName} (SLT)");
        }
        if (Existing?.Assessor is { } earlier)
        {
            Offer(earlier.Id, $"{earlier.FullName} (recorded before)");
        }
        options.Add(new SelectListItem("Not recorded", ""));
        AssessorOptions = options;
    }

}
