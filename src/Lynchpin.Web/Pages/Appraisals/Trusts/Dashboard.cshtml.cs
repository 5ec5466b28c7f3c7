using System.Globalization;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Pages.Appraisals.Schools;

// Not "…Appraisals.Trust": a namespace named Trust would hide the Trust entity from every file inside it.
namespace Lynchpin.Web.Pages.Appraisals.Trusts;

/// <summary>A trust's appraisal year: each school's numbers side by side and the trust's total, for the trust's admins.</summary>
[Requires(nameof(Operations.ViewAppraisals))]
public class DashboardModel(AppraisalDashboard dashboard) : TrustPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public int Year { get; private set; }
    public TrustAppraisalDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> YearOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (trust, today) = (Trust, Today);
        var current = SchoolYear.Of(today);
        var asked = AppraisalSchoolPage.ParseYear(YearText);
        if (YearText is not null && asked is null)
        {
            ModelState.AddModelError("year", "Select a school year from the list");
        }
        Year = asked ?? current;
        var withCycles = await Db.AppraisalCycles.Where(c => c.School.TrustId == trust.Id).Select(c => c.Year).Distinct().ToListAsync(ct);
        YearOptions = withCycles.Append(current).Append(Year).Distinct().OrderDescending()
            .Select(y => new SelectListItem(SchoolYear.Name(y) + (y == current ? " (this year)" : ""), y.ToString(CultureInfo.InvariantCulture), y == Year))
            .ToList();
        Dashboard = await dashboard.TrustAsync(trust.Id, Year, today, ct);
        return PageOrInvalid();
    }

    /// <summary>The trust's year in two sentences.</summary>
    public IReadOnlyList<string> Sentences()
    {
        var schools = Dashboard.Schools;
        var open = schools.Count(s => s.HasCycle);
        var total = Dashboard.Total;
        var sentences = new List<string>
        {
            $"{open} of the trust's {DashboardSentences.Count(schools.Count, "school", "schools")} {(open == 1 ? "has" : "have")} opened the {SchoolYear.Name(Year)} appraisal cycle.",
        };
        if (total.Staff > 0)
        {
            sentences.Add($"Across them, {total.ObjectivesAgreed} of {DashboardSentences.Count(total.Staff)} have agreed objectives ({DashboardSentences.Percent(total.ObjectivesAgreedShare)}), " +
                $"{total.SupportWithPupilProgressObjective} of {total.SupportStaff} support staff ({DashboardSentences.Percent(total.SupportPupilProgressShare)}) have a pupil-progress objective, " +
                $"and {DashboardSentences.Count(total.ReviewsOverdue, "review is", "reviews are")} overdue.");
        }
        return sentences;
    }

    /// <summary>A count and its share of the people with an appraisal: "4 (57%)".</summary>
    public static string CountAndShare(int count, int of) =>
        $"{count} ({DashboardSentences.Percent(of == 0 ? null : (double)count / of)})";
}
