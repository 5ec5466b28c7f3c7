using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Pages.Progression.Profile;

namespace Lynchpin.Web.Pages.Progression;

/// <summary>
/// A team's stages at one checkpoint in one form: a row per person in scope (a leader's school or one line manager's
/// team, a line manager their own team) with their previous stage, saved all or nothing with each row's errors on its row.
/// A row left blank, or at the stage already recorded, is left alone.
/// </summary>
public class RecordModel(ProfileCalculator calculator, Frameworks frameworks, AssessmentRecorder recorder) : ProfilePageModel(calculator)
{
    [BindProperty(SupportsGet = true, Name = "checkpoint")] public int? Checkpoint { get; set; }

    [BindProperty] public GridForm Input { get; set; } = new();

    [BindProperty] public List<RowForm> Rows { get; set; } = [];

    public class GridForm
    {
        [Display(Name = "date of the assessments")] public DateOnly? AssessedOn { get; set; }
    }

    public class RowForm
    {
        public int StaffMemberId { get; set; }
        [Display(Name = "stage")] public int? Stage { get; set; }
    }

    /// <summary>A row: the person, their latest stage before this checkpoint, and their stage at it if recorded.</summary>
    public record Person(int Id, string Name, string JobTitle, RoleFamily RoleFamily, Assessment? Previous, int? Current);

    /// <summary>A role family's criteria, stage by stage, for the criteria shown above the grid.</summary>
    public record FamilyCriteria(RoleFamily Family, IReadOnlyList<(int Stage, string Name, IReadOnlyList<string> Criteria)> Stages);

    public CheckpointInfo CheckpointShown { get; private set; } = null!;
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<string> StageNames { get; private set; } = [];
    public IReadOnlyList<FamilyCriteria> Criteria { get; private set; } = [];

    /// <summary>Who the assessments are recorded as by: the account's own staff record, if it has one.</summary>
    public int? AssessorId { get; private set; }

    protected override Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        // Stages are recorded for this year unless another is asked for (the profile opens at the latest assessed).
        Year ??= SchoolYear.Of(Today);
        return base.LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadGridAsync(ct);
        Input.AssessedOn = CheckpointShown.Date <= Today ? CheckpointShown.Date : Today;
        Rows = People.Select(p => new RowForm { StaffMemberId = p.Id, Stage = p.Current }).ToList();
        return PageOrInvalid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadGridAsync(ct);
        if (!ModelState.IsValid && ModelState.Keys.Any(k => k is "year" or "checkpoint"))
        {
            return Invalid();
        }
        var year = ChosenYear;
        if (Input.AssessedOn is not DateOnly on)
        {
            if (ModelState.GetFieldValidationState("Input.AssessedOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError("Input.AssessedOn", "Enter the date of the assessments");
            }
            on = Today;
        }
        else if (on > Today)
        {
            ModelState.AddModelError("Input.AssessedOn", "The date of the assessments must be today or in the past");
        }
        else if (on < SchoolYear.Start(year) || on > SchoolYear.End(year))
        {
            ModelState.AddModelError("Input.AssessedOn", $"The date of the assessments must be in the school year {SchoolYear.Name(year)}");
        }

        // Only rows with a stage that differs from the one recorded: a blank row, or one left as it was, changes nothing.
        // Errors go on the person's row as the page shows it (People's order), whatever order the form came in.
        var rowOf = People.Select((p, index) => (p.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var changed = new List<(int Row, AssessmentInput Input)>();
        foreach (var row in Rows)
        {
            if (!rowOf.TryGetValue(row.StaffMemberId, out var index))
            {
                ModelState.AddModelError("", "The form listed someone you may not record a stage for: open the page again");
                continue;
            }
            var person = People[index];
            if (row.Stage is int stage && stage != person.Current)
            {
                changed.Add((index, new AssessmentInput(person.Id, year, CheckpointShown.Number, stage, on, AssessorId, [], null)));
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var what = $"the {CheckpointShown.Name.ToLowerInvariant()}, {SchoolYear.Name(year)}";
        if (changed.Count == 0)
        {
            TempData["Success"] = $"Nothing changed: no stage was chosen or changed for {what}, so nothing is recorded.";
            return RedirectTo<RecordModel>(RouteValues());
        }
        var result = await recorder.RecordAllAsync(changed.Select(c => c.Input).ToList(), await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            // Each error on the row it is about (its stage select); the date's are the grid's own, checked above.
            AddErrors(result.Errors, field =>
            {
                var close = field.IndexOf(']', StringComparison.Ordinal);
                return field.StartsWith("Rows[", StringComparison.Ordinal) && close > 0
                    ? $"Rows[{changed[int.Parse(field[5..close], CultureInfo.InvariantCulture)].Row}].Stage"
                    : "";
            });
            return Invalid();
        }
        var recorded = result.Value!.Recorded;
        TempData["Success"] = $"{(recorded == 1 ? "1 stage is" : $"{recorded} stages are")} recorded for {what}.";
        return RedirectTo<RecordModel>(RouteValues());
    }

    private RouteValueDictionary RouteValues() =>
        new(FilterFields().Select(f => KeyValuePair.Create(f.Name, (object?)f.Value)))
        {
            ["urn"] = School.Urn,
            ["checkpoint"] = CheckpointShown.Number,
        };

    /// <summary>The checkpoint, the people the viewer may assess in scope, their stages, and the criteria of their role families.</summary>
    private async Task LoadGridAsync(CancellationToken ct)
    {
        var year = ChosenYear;
        var checkpoints = await Calculator.CheckpointsAsync(School.Id, year, ct);
        if (Checkpoint is int asked && !SchoolYear.IsCheckpoint(asked))
        {
            ModelState.AddModelError("checkpoint", "Select a checkpoint from the list");
            Checkpoint = null;
        }
        // The latest checkpoint that is due: the one a team's stages are usually recorded for.
        CheckpointShown = checkpoints.Single(c => c.Number == (Checkpoint ?? checkpoints.LastOrDefault(c => c.Date <= Today)?.Number ?? SchoolYear.FirstCheckpoint));
        Checkpoint = CheckpointShown.Number;

        var framework = await frameworks.ForSchoolAsync(School, ct);
        StageNames = Enumerable.Range(0, StageDistribution.StageCount).Select(n => framework.Stage(n).Name).ToList();

        var scope = await Access.GetAsync(ct);
        AssessorId = scope.OwnStaffId;
        var date = CheckpointShown.Date;
        var db = Db;
        var staff = await ProfileCalculator.Filtered(db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == School.Id), Filter)
            .Where(s => (s.StartDate == null || s.StartDate <= date) && (s.LeavingDate == null || s.LeavingDate >= date))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .ToListAsync(ct);
        staff = staff.Where(s => s.Id != scope.OwnStaffId && scope.CanAssess(s)).ToList();

        var ids = staff.Select(s => s.Id).ToList();
        var number = CheckpointShown.Number;
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.StaffMemberId) && a.IsCurrent && (a.Year == year - 1 || (a.Year == year && a.Checkpoint <= number)))
            .ToListAsync(ct);
        var byPerson = assessments.ToLookup(a => a.StaffMemberId);
        People = staff.Select(s =>
        {
            var own = byPerson[s.Id].ToList();
            var previous = own.Where(a => a.Year < year || a.Checkpoint < number).OrderByDescending(a => a.Year).ThenByDescending(a => a.Checkpoint).FirstOrDefault();
            var current = own.SingleOrDefault(a => a.Year == year && a.Checkpoint == number)?.Stage;
            return new Person(s.Id, s.FullName, s.JobTitle, s.RoleFamily, previous, current);
        }).ToList();

        Criteria = People.Select(p => p.RoleFamily).Distinct().Order()
            .Select(f => new FamilyCriteria(f, framework.Framework.Stages.OrderBy(s => s.Number)
                .Select(s => (s.Number, s.Name, (IReadOnlyList<string>)framework.CriteriaFor(s.Number, f).Select(c => c.Text).ToList()))
                .Where(s => s.Item3.Count > 0).ToList()))
            .ToList();
    }

    /// <summary>The stage a row's select shows: what was posted, else what is recorded.</summary>
    public int? ShownStage(Person person) =>
        Rows.FirstOrDefault(r => r.StaffMemberId == person.Id) is { } posted ? posted.Stage : person.Current;

    public IEnumerable<SelectListItem> StageOptions(int? selected) =>
        new[] { new SelectListItem("Not recorded", "", selected is null) }
            .Concat(StageNames.Select((name, n) => new SelectListItem($"{n} {name}", n.ToString(CultureInfo.InvariantCulture), n == selected)));

    public IEnumerable<SelectListItem> RecordCheckpointOptions =>
        SchoolYear.Checkpoints.Select(n => new SelectListItem($"{n}: {SchoolYear.CheckpointName(n)}", n.ToString(CultureInfo.InvariantCulture), n == Checkpoint));

    public static string PreviousText(Assessment? previous, IReadOnlyList<string> names) => previous is null
        ? "None recorded"
        : $"{previous.Stage} {names[previous.Stage]}";

    public static string PreviousWhen(Assessment previous) =>
        $"{SchoolYear.CheckpointName(previous.Checkpoint)}, {SchoolYear.Name(previous.Year)}";
}
