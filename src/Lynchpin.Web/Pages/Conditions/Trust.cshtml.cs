using Lynchpin.Core.Conditions;

namespace Lynchpin.Web.Pages.Conditions;

/// <summary>The trust's schools side by side for a year: each school's indicators and their status. The trust's admins only.</summary>
public class TrustModel(ConditionsReview review) : TrustPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public int ChosenYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(School School, ConditionsResult Result)> Schools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ChosenYear = ConditionsYears.Choose(Year, Today);
        Years = ConditionsYears.Listed(Today, ReviewModel.YearsListed);
        var schools = await Db.Schools.AsNoTracking().Where(s => s.TrustId == Trust.Id && s.IsOpen).OrderBy(s => s.Name).ToListAsync(ct);
        var rows = new List<(School, ConditionsResult)>();
        foreach (var school in schools)
        {
            rows.Add((school, await review.ForSchoolAsync(school.Id, ChosenYear, ct)));
        }
        Schools = rows;
    }
}
