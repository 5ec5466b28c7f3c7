using Lynchpin.Core.Cpd;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Cpd.Schools;

/// <summary>
/// Training needs by role family for a year: progression criteria not yet met, professional-development objectives and
/// standards rated below secure, with how many people share each.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class NeedsModel(DevelopmentQueries queries) : SchoolPageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<TrainingNeed> Needs { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : SchoolYear.Of(Today);
        Needs = await queries.TrainingNeedsAsync(School, Year, ct);
    }

    public static string SourceText(NeedSource source) => source switch
    {
        NeedSource.ProgressionCriterion => "Progression criterion",
        NeedSource.Objective => "Development objective",
        _ => "Standard below secure",
    };
}
