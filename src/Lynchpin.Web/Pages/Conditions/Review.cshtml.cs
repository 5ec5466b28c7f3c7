using Lynchpin.Core.Conditions;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Conditions;

/// <summary>
/// "Do you need to improve the conditions?" for a school and year: each indicator measured, beside the school's target,
/// red/amber/green, with the leaders' notes and actions, and the same indicators for the years before. The school's
/// leaders and trust admins only: it names people.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class ReviewModel(ConditionsReview review) : SchoolPageModel
{
    /// <summary>Year on year shows this many years, the one chosen included.</summary>
    public const int YearsCompared = 3;

    /// <summary>How far back the year picker goes.</summary>
    public const int YearsListed = 5;

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public int ChosenYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ConditionsResult Result { get; private set; } = null!;
    public IReadOnlyList<ConditionsResult> YearOnYear { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ChosenYear = ConditionsYears.Choose(Year, Today);
        Years = ConditionsYears.Listed(Today, YearsListed);
        var years = new List<ConditionsResult>();
        for (var y = ChosenYear - YearsCompared + 1; y <= ChosenYear; y++)
        {
            years.Add(await review.ForSchoolAsync(School.Id, y, ct));
        }
        YearOnYear = years;
        Result = years[^1];
    }
}

/// <summary>Which years the conditions pages offer: this one and those before it (a year not started has nothing to measure).</summary>
public static class ConditionsYears
{
    public static int Choose(int? asked, DateOnly today)
    {
        var current = SchoolYear.Of(today);
        return asked is int y && y >= 2000 && y <= current ? y : current;
    }

    public static IReadOnlyList<int> Listed(DateOnly today, int count) =>
        Enumerable.Range(0, count).Select(i => SchoolYear.Of(today) - i).ToList();
}
