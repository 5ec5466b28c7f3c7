using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>Where a review stands, as the people table shows it.</summary>
public enum ReviewStage
{
    NotStarted,
    InProgress,
    /// <summary>The appraiser has signed; the person has not yet.</summary>
    AwaitingPerson,
    Done,
}

/// <summary>One person's appraisal in the dashboard's table.</summary>
public record AppraisalRow(
    int AppraisalId, int StaffId, string Name, string JobTitle, RoleFamily RoleFamily, string? AppraiserName,
    ObjectivesStatus ObjectivesStatus, int Objectives, bool PupilProgress, ReviewStage MidYear, Rating? OnTrack, ReviewStage Final,
    IReadOnlyList<string> Overdue);

/// <summary>
/// A school's appraisal year for its leaders (everyone) or a line manager (their team): objectives agreed, reviews
/// done, due and overdue, on-track status by category and role family, in sentences and tables, then the people.
/// </summary>
[Requires(nameof(Operations.ViewAppraisals))]
public class DashboardModel(AppraisalDashboard dashboard, ProfileCalculator calculator) : AppraisalSchoolPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "roleFamily")] public string? RoleFamily { get; set; }
    [BindProperty(SupportsGet = true, Name = "appraiser")] public string? Appraiser { get; set; }

    // From the query string only: Razor Pages puts the page's own name in the route value "page", which would win.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public int Year { get; private set; }
    public AppraisalCycle? Cycle { get; private set; }
    public AppraisalSummary Summary { get; private set; } = AppraisalSummary.Empty;
    public IReadOnlyList<string> Sentences { get; private set; } = [];
    public IReadOnlyList<SelectListItem> YearOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AppraiserOptions { get; private set; } = [];
    public IReadOnlyList<AppraisalRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Pagination.PageCount(Total, PageSize);

    /// <summary>Whether the table is narrowed by a filter, so an empty table says why.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Category) || !string.IsNullOrEmpty(RoleFamily) || !string.IsNullOrEmpty(Appraiser);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var asked = ParseYear(YearText);
        if (YearText is not null && asked is null)
        {
            ModelState.AddModelError("year", "Select a school year from the list");
        }
        Year = asked ?? CurrentYear;
        YearOptions = await YearOptionsAsync(Year, ct);

        var team = await TeamAsync(calculator, ct);
        var result = await dashboard.SchoolAsync(School.Id, Year, Today, team, ct);
        Cycle = result.Cycle;
        Summary = result.Summary;
        if (Cycle is not null)
        {
            Sentences = DashboardSentences.For(Summary, Cycle, Today);
            await LoadRowsAsync(Cycle, team, ct);
        }
        return PageOrInvalid();
    }

    private async Task LoadRowsAsync(AppraisalCycle cycle, IReadOnlyCollection<int>? team, CancellationToken ct)
    {
        var appraisals = InPostAppraisals(cycle);
        if (team is not null)
        {
            var people = team.ToList();
            appraisals = appraisals.Where(a => people.Contains(a.StaffMemberId));
        }

        // The appraisers to filter by are those of the appraisals the viewer can see.
        var appraisers = await appraisals.Where(a => a.AppraiserId != null)
            .Select(a => new { Id = a.AppraiserId!.Value, a.Appraiser!.FirstName, a.Appraiser.LastName })
            .Distinct().ToListAsync(ct);
        AppraiserOptions =
        [
            new SelectListItem("Any appraiser", "", string.IsNullOrEmpty(Appraiser)),
            new SelectListItem("No appraiser yet", "none", Appraiser == "none"),
            .. appraisers.OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
                .Select(a => new SelectListItem($"{a.FirstName} {a.LastName}", a.Id.ToString(), a.Id.ToString() == Appraiser)),
        ];

        if (Category == "teaching")
        {
            appraisals = appraisals.Where(a => a.StaffMember.RoleFamily == Core.Data.Models.RoleFamily.Teaching);
        }
        else if (Category == "support")
        {
            appraisals = appraisals.Where(a => a.StaffMember.RoleFamily != Core.Data.Models.RoleFamily.Teaching);
        }
        if (RoleFamilies.TryParse(RoleFamily, out var family))
        {
            appraisals = appraisals.Where(a => a.StaffMember.RoleFamily == family);
        }
        if (Appraiser == "none")
        {
            appraisals = appraisals.Where(a => a.AppraiserId == null);
        }
        else if (int.TryParse(Appraiser, out var appraiserId))
        {
            appraisals = appraisals.Where(a => a.AppraiserId == appraiserId);
        }

        Total = await appraisals.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var today = Today;
        var rows = await appraisals
            .OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id,
                a.StaffMemberId,
                a.StaffMember.FirstName,
                a.StaffMember.LastName,
                a.StaffMember.JobTitle,
                a.StaffMember.RoleFamily,
                AppraiserName = a.Appraiser == null ? null : a.Appraiser.FirstName + " " + a.Appraiser.LastName,
                a.ObjectivesStatus,
                Objectives = a.Objectives.Count,
                PupilProgress = a.Objectives.Any(o => o.Type == ObjectiveType.PupilProgress),
                MidYearStarted = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.MidYear),
                MidYearAppraiserSigned = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.MidYear && r.AppraiserSignedAt != null),
                MidYearDone = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.MidYear && r.AppraiserSignedAt != null && r.AppraiseeSignedAt != null),
                FinalStarted = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.Final),
                FinalAppraiserSigned = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.Final && r.AppraiserSignedAt != null),
                FinalDone = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.Final && r.AppraiserSignedAt != null && r.AppraiseeSignedAt != null),
                // As the dashboard counts it: the worst rating of the current mid-year review once the appraiser has signed it.
                Worst = a.Reviews.Where(r => r.IsCurrent && r.Kind == ReviewKind.MidYear && r.AppraiserSignedAt != null)
                    .SelectMany(r => r.Ratings)
                    .Max(r => (int?)(r.Rating == Rating.OffTrack ? 3 : r.Rating == Rating.AtRisk ? 2 : r.Rating == Rating.OnTrack ? 1 : 0)),
            })
            .ToListAsync(ct);

        Rows = rows.Select(r =>
        {
            var overdue = new List<string>();
            if (r.ObjectivesStatus == ObjectivesStatus.Draft && cycle.ObjectivesDue < today)
            {
                overdue.Add("Objectives");
            }
            if (!r.MidYearDone && cycle.MidYearDue < today)
            {
                overdue.Add("Mid-year review");
            }
            if (!r.FinalDone && cycle.FinalDue < today)
            {
                overdue.Add("Final review");
            }
            return new AppraisalRow(
                r.Id, r.StaffMemberId, $"{r.FirstName} {r.LastName}", r.JobTitle, r.RoleFamily, r.AppraiserName,
                r.ObjectivesStatus, r.Objectives, r.PupilProgress,
                Stage(r.MidYearStarted, r.MidYearAppraiserSigned, r.MidYearDone),
                r.Worst switch { 3 => Rating.OffTrack, 2 => Rating.AtRisk, 1 => Rating.OnTrack, _ => null },
                Stage(r.FinalStarted, r.FinalAppraiserSigned, r.FinalDone),
                overdue);
        }).ToList();
    }

    private static ReviewStage Stage(bool started, bool appraiserSigned, bool done) =>
        done ? ReviewStage.Done : appraiserSigned ? ReviewStage.AwaitingPerson : started ? ReviewStage.InProgress : ReviewStage.NotStarted;

    public static string StageText(ReviewStage stage) => stage switch
    {
        ReviewStage.Done => "Done",
        ReviewStage.AwaitingPerson => "Waiting for the person to sign",
        ReviewStage.InProgress => "In progress",
        _ => "Not started",
    };

    public static string ObjectivesText(ObjectivesStatus status, int count) => status switch
    {
        ObjectivesStatus.Agreed => "Agreed",
        ObjectivesStatus.NotAgreed => "Not agreed (reason recorded)",
        _ => count == 0 ? "None set yet" : $"Draft ({count})",
    };

    /// <summary>The dashboard's own URL with the year and filters.</summary>
    public string DashboardUrl() => Url.To<DashboardModel>(new RouteValueDictionary(new Dictionary<string, object?>
    {
        ["urn"] = School.Urn,
        ["year"] = Year,
        ["category"] = Category,
        ["roleFamily"] = RoleFamily,
        ["appraiser"] = Appraiser,
    }.Where(v => v.Value is not (null or ""))));

    public string PageUrl(int page) => Pagination.Url(DashboardUrl(), page);

    public IEnumerable<int?> PageLinks => Pagination.Numbers(PageNumber, PageCount);

    public IEnumerable<SelectListItem> CategoryOptions =>
    [
        new("Teaching and support staff", "", string.IsNullOrEmpty(Category)),
        new("Teaching staff", "teaching", Category == "teaching"),
        new("Support staff", "support", Category == "support"),
    ];

    public IEnumerable<SelectListItem> RoleFamilyOptions =>
        new[] { new SelectListItem("Any role family", "", string.IsNullOrEmpty(RoleFamily)) }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem(f.DisplayName(), f.Code(), f.Code() == RoleFamily)));
}
