using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>
/// What the school profile page and its export share: the school, the year and the filters from the query string,
/// checked against the viewer. A line manager who is not a leader always gets their own team, whatever the query says.
/// </summary>
[Requires(nameof(Operations.ViewProfile))]
public abstract class ProfilePageModel(ProfileCalculator calculator) : SchoolPageModel
{
    public record Manager(int Id, string Name, string JobTitle);

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "roleFamily")] public string? RoleFamily { get; set; }
    [BindProperty(SupportsGet = true, Name = "slt")] public string? Slt { get; set; }
    [BindProperty(SupportsGet = true, Name = "team")] public int? Team { get; set; }

    /// <summary>The viewer leads the school (sees everyone); otherwise they are a line manager seeing their own team.</summary>
    public bool Leads { get; private set; }

    /// <summary>The school year shown: the one asked for, else the current one, else the latest with assessments.</summary>
    public int ChosenYear { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public ProfileFilter Filter { get; private set; } = ProfileFilter.Everyone;

    /// <summary>Whose team the profile is limited to, if anyone's.</summary>
    public Manager? TeamOf { get; private set; }

    /// <summary>Line managers at the school (people with direct reports), for a leader's team filter.</summary>
    public IReadOnlyList<Manager> Managers { get; private set; } = [];

    protected ProfileCalculator Calculator => calculator;

    /// <summary>After the school and the viewer's right: the year, the filters and whose team, from the query string.</summary>
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var (school, db) = (School, Db);
        var scope = await Access.GetAsync(ct);
        Leads = scope.LeadsSchool(school.Id);

        var withAssessments = (await calculator.AssessedYearsAsync([school.Id], ct))[school.Id].Keys.ToList();
        ChosenYear = ChooseYear(withAssessments);

        IReadOnlyCollection<int>? team = null;
        if (Leads)
        {
            Managers = await db.StaffMembers.AsNoTracking()
                .Where(s => s.SchoolId == school.Id && db.StaffMembers.Any(r => r.LineManagerId == s.Id))
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
                .Select(s => new Manager(s.Id, s.FirstName + " " + s.LastName, s.JobTitle)).ToListAsync(ct);
            // Only a line manager of this school: any other id is ignored, as /staff ignores a filter value it does not know.
            TeamOf = Managers.SingleOrDefault(m => m.Id == Team);
        }
        else
        {
            // A line manager's profile is their own team's; ?team= cannot widen it.
            var own = scope.OwnStaffId is int ownId
                ? await db.StaffMembers.AsNoTracking().Where(s => s.Id == ownId)
                    .Select(s => new Manager(s.Id, s.FirstName + " " + s.LastName, s.JobTitle)).SingleOrDefaultAsync(ct)
                : null;
            TeamOf = own;
            team = own is null ? [] : null;
        }
        Team = TeamOf?.Id;
        if (TeamOf is not null)
        {
            team = await calculator.TeamAsync(TeamOf.Id, ct);
        }

        Years = withAssessments.Append(SchoolYear.Of(Today)).Append(ChosenYear).Distinct().OrderDescending().ToList();
        Filter = new ProfileFilter(
            RoleFamilies.TryParseCategory(Category, out var category) ? category : null,
            RoleFamilies.TryParse(RoleFamily, out var family) ? family : null,
            Slt switch { "yes" => true, "no" => false, _ => null },
            team);
        return null;
    }

    private int ChooseYear(IReadOnlyCollection<int> withAssessments)
    {
        if (Year is int asked)
        {
            if (asked is >= 2000 and <= 2100)
            {
                return asked;
            }
            ModelState.AddModelError("year", "Select a school year from the list");
        }
        var current = SchoolYear.Of(Today);
        return withAssessments.Count == 0 || withAssessments.Contains(current) ? current : withAssessments.Max();
    }

    /// <summary>The profile's table as a file (<paramref name="format"/> csv or xlsx), with the current year and filters.</summary>
    public string ExportUrl(string format) =>
        Url.To<ExportModel>(new RouteValueDictionary(FilterFields().Select(f => KeyValuePair.Create(f.Name, (object?)f.Value))
            .Prepend(KeyValuePair.Create("urn", (object?)School.Urn)).Append(KeyValuePair.Create("format", (object?)format))));

    /// <summary>
    /// The list of people behind one count of the profile, with the page's filters: at <paramref name="stage"/> at a
    /// checkpoint of <paramref name="year"/>, or moved to it from <paramref name="from"/> (checkpoint, stage).
    /// </summary>
    public string PeopleUrl(int year, int checkpoint, StageChoice stage, (int Checkpoint, int Stage)? from = null)
    {
        var values = new RouteValueDictionary(FilterFields().Where(f => f.Name != "year").Select(f => KeyValuePair.Create(f.Name, (object?)f.Value)))
        {
            ["urn"] = School.Urn,
            ["year"] = year,
            ["checkpoint"] = checkpoint,
        };
        if (stage.Code is { } code)
        {
            values["stage"] = code;
        }
        if (from is { } moved)
        {
            values["from"] = moved.Checkpoint;
            values["fromStage"] = moved.Stage;
        }
        return Url.To<PeopleModel>(values);
    }

    /// <summary>The current year and filters as name/value pairs, for hidden fields in the page's other GET forms.</summary>
    public IEnumerable<(string Name, string Value)> FilterFields()
    {
        yield return ("year", ChosenYear.ToString());
        foreach (var (name, value) in new[] { ("category", Category), ("roleFamily", RoleFamily), ("slt", Slt), ("team", Leads ? Team?.ToString() : null) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>What the numbers count, in words: "Support staff in the team of Ann Smith".</summary>
    public string Describe()
    {
        var who = Filter.RoleFamily is Core.Data.Models.RoleFamily family ? $"{family.DisplayName()} staff"
            : Filter.Category == StaffCategory.Teaching ? "Teaching staff"
            : Filter.Category == StaffCategory.Support ? "Support staff"
            : "All staff";
        if (Filter.Slt is bool slt)
        {
            who += slt ? " on the senior leadership team" : " not on the senior leadership team";
        }
        if (TeamOf is not null)
        {
            who += Leads ? $" in the team of {TeamOf.Name}" : " in your team";
        }
        else if (Filter.Team is not null)
        {
            who += " in your team";
        }
        return who;
    }

    public IEnumerable<SelectListItem> YearOptions =>
        Years.Select(y => new SelectListItem(SchoolYear.Name(y), y.ToString(), y == ChosenYear));

    public IEnumerable<SelectListItem> CategoryOptions =>
    [
        new("All staff", "", string.IsNullOrEmpty(Category)),
        new("Teaching staff", "teaching", Category == "teaching"),
        new("Support staff", "support", Category == "support"),
    ];

    public IEnumerable<SelectListItem> RoleFamilyOptions =>
        new[] { new SelectListItem("Any role family", "", string.IsNullOrEmpty(RoleFamily)) }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem(f.DisplayName(), f.Code(), f.Code() == RoleFamily)));

    public IEnumerable<SelectListItem> SltOptions =>
    [
        new("Any", "", string.IsNullOrEmpty(Slt)),
        new("Yes", "yes", Slt == "yes"),
        new("No", "no", Slt == "no"),
    ];

    public IEnumerable<SelectListItem> TeamOptions =>
        new[] { new SelectListItem("Whole school", "", TeamOf is null) }
            .Concat(Managers.Select(m => new SelectListItem($"{m.Name}, {m.JobTitle}", m.Id.ToString(), m.Id == TeamOf?.Id)));
}
