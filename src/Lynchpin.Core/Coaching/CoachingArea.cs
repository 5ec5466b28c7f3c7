namespace Lynchpin.Core.Coaching;

/// <summary>The four areas an achievement coach works on with a school.</summary>
public enum CoachingArea
{
    Leadership,
    TeachingAndLearning,
    ParentCarerEngagement,
    WiderOutcomes,
}

public static class CoachingAreas
{
    private static readonly (CoachingArea Area, string Code, string Name)[] All =
    [
        (CoachingArea.Leadership, "leadership", "Leadership"),
        (CoachingArea.TeachingAndLearning, "teaching-and-learning", "Teaching and learning"),
        (CoachingArea.ParentCarerEngagement, "parent-carer-engagement", "Parent and carer engagement"),
        (CoachingArea.WiderOutcomes, "wider-outcomes", "Wider outcomes"),
    ];

    public static IReadOnlyList<CoachingArea> InOrder { get; } = All.Select(a => a.Area).ToList();

    public static string AllCodes { get; } = string.Join(", ", All.Select(a => a.Code));

    public static string Code(this CoachingArea area) => All.Single(a => a.Area == area).Code;

    public static string Name(this CoachingArea area) => All.Single(a => a.Area == area).Name;

    public static bool TryParse(string? code, out CoachingArea area)
    {
        var match = All.FirstOrDefault(a => string.Equals(a.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        area = match.Area;
        return match.Code is not null;
    }
}
