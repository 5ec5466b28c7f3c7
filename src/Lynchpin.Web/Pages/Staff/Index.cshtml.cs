using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Pages.Staff;

/// <summary>The staff list: teachers and support staff as one team, filtered and searched.</summary>
public class IndexModel : LynchpinPageModel
{
    public const int PageSize = 50;

    public record Row(int Id, string Name, string JobTitle, RoleFamily RoleFamily, bool Qts, bool Slt, string SchoolName,
        int? LineManagerId, string? LineManagerName, int? CoachId, string? CoachName, DateOnly? LeavingDate);

    [BindProperty(SupportsGet = true, Name = "school")] public int? SchoolUrn { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? RoleFamily { get; set; }
    [BindProperty(SupportsGet = true)] public string? Slt { get; set; }
    [BindProperty(SupportsGet = true)] public string? Qts { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Leavers { get; set; }
    // From the query string only: Razor Pages puts the page's own name in the route value "page", which would win.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Row> Staff { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Pagination.PageCount(Total, PageSize);
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public bool ShowSchoolColumn { get; private set; }
    public School? ChosenSchool { get; private set; }
    public int? AddStaffUrn { get; private set; }
    /// <summary>No filters for someone who sees only themselves: there is nothing to narrow.</summary>
    public bool ShowFilters { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        var schools = await (await Access.VisibleSchoolsAsync(ct)).AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        SchoolOptions = [new SelectListItem("All schools", ""), .. schools.Select(s => new SelectListItem(s.Name, s.Urn.ToString(), s.Urn == SchoolUrn))];

        if (SchoolUrn is int urn)
        {
            ChosenSchool = schools.SingleOrDefault(s => s.Urn == urn);
            if (ChosenSchool is null)
            {
                return await Db.Schools.AnyAsync(s => s.Urn == urn, ct) ? Forbid() : NotFound();
            }
        }
        ShowSchoolColumn = ChosenSchool is null && schools.Count > 1;
        ShowFilters = !scope.SeesOnlyThemselves;
        // Leaders get an "Add a member of staff" button for the school in view, or their one school.
        AddStaffUrn = ChosenSchool is not null
            ? (scope.LeadsSchool(ChosenSchool.Id) ? ChosenSchool.Urn : null)
            : (scope.LedSchoolIds.Count == 1 ? schools.SingleOrDefault(s => scope.LeadsSchool(s.Id))?.Urn : null);

        var filter = new StaffFilter(
            SchoolId: ChosenSchool?.Id,
            Category: RoleFamilies.TryParseCategory(Category, out var category) ? category : null,
            RoleFamily: RoleFamilies.TryParse(RoleFamily, out var family) ? family : null,
            Slt: YesNo(Slt),
            Qts: YesNo(Qts),
            Search: Q,
            IncludeLeavers: Leavers);
        var query = filter.Apply(await Access.VisibleStaffAsync(ct), Today);

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Staff = await query.OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new Row(s.Id, s.FirstName + " " + s.LastName, s.JobTitle, s.RoleFamily, s.Qts, s.Slt, s.School.Name,
                s.LineManagerId, s.LineManager == null ? null : s.LineManager.FirstName + " " + s.LineManager.LastName,
                s.CoachId, s.Coach == null ? null : s.Coach.FirstName + " " + s.Coach.LastName, s.LeavingDate))
            .ToListAsync(ct);
        return Page();
    }

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    public IEnumerable<int?> PageLinks => Pagination.Numbers(PageNumber, PageCount);

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, object?>
        {
            ["school"] = SchoolUrn?.ToString(),
            ["category"] = Category,
            ["roleFamily"] = RoleFamily,
            ["slt"] = Slt,
            ["qts"] = Qts,
            ["q"] = Q,
            ["leavers"] = Leavers ? "true" : null,
        };
        return Pagination.Url(Url.To<IndexModel>(new RouteValueDictionary(query.Where(p => !string.IsNullOrEmpty((string?)p.Value)))), page);
    }

    public IEnumerable<SelectListItem> CategoryOptions =>
    [
        new("Teaching and support staff", "", string.IsNullOrEmpty(Category)),
        new("Teaching staff", "teaching", Category == "teaching"),
        new("Support staff", "support", Category == "support"),
    ];

    public IEnumerable<SelectListItem> RoleFamilyOptions =>
        new[] { new SelectListItem("Any role family", "", string.IsNullOrEmpty(RoleFamily)) }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem(f.DisplayName(), f.Code(), f.Code() == RoleFamily)));

    public static IEnumerable<SelectListItem> YesNoOptions(string? current) =>
    [
        new("Any", "", string.IsNullOrEmpty(current)),
        new("Yes", "yes", current == "yes"),
        new("No", "no", current == "no"),
    ];
}
