namespace Lynchpin.Core.Appraisals;

/// <summary>The codes used in files, URLs, the API and the database, and the words shown on pages.</summary>
public static class AppraisalCodes
{
    public static readonly IReadOnlyList<ObjectiveType> ObjectiveTypes = Enum.GetValues<ObjectiveType>();
    public static readonly IReadOnlyList<Rating> MidYearRatings = [Rating.OnTrack, Rating.AtRisk, Rating.OffTrack];
    public static readonly IReadOnlyList<Rating> FinalRatings = [Rating.Met, Rating.PartlyMet, Rating.NotMet];

    public static string Code(this ObjectiveType type) => type switch
    {
        ObjectiveType.PupilProgress => "pupil-progress",
        ObjectiveType.ProfessionalDevelopment => "professional-development",
        ObjectiveType.SchoolPriority => "school-priority",
        ObjectiveType.RoleSpecific => "role-specific",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string DisplayName(this ObjectiveType type) => type switch
    {
        ObjectiveType.PupilProgress => "Pupil progress",
        ObjectiveType.ProfessionalDevelopment => "Professional development",
        ObjectiveType.SchoolPriority => "School priority",
        ObjectiveType.RoleSpecific => "Role specific",
        _ => type.ToString(),
    };

    public static string Code(this Rating rating) => rating switch
    {
        Rating.OnTrack => "on-track",
        Rating.AtRisk => "at-risk",
        Rating.OffTrack => "off-track",
        Rating.Met => "met",
        Rating.PartlyMet => "partly-met",
        Rating.NotMet => "not-met",
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    public static string DisplayName(this Rating rating) => rating switch
    {
        Rating.OnTrack => "On track",
        Rating.AtRisk => "At risk",
        Rating.OffTrack => "Off track",
        Rating.Met => "Met",
        Rating.PartlyMet => "Partly met",
        Rating.NotMet => "Not met",
        _ => rating.ToString(),
    };

    /// <summary>The kind of review a rating belongs to: on/at risk/off track at mid-year, met/partly/not met at the end.</summary>
    public static ReviewKind Kind(this Rating rating) => rating is Rating.OnTrack or Rating.AtRisk or Rating.OffTrack
        ? ReviewKind.MidYear
        : ReviewKind.Final;

    public static IReadOnlyList<Rating> RatingsFor(ReviewKind kind) => kind == ReviewKind.MidYear ? MidYearRatings : FinalRatings;

    public static string Code(this ReviewKind kind) => kind switch
    {
        ReviewKind.MidYear => "mid-year",
        ReviewKind.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this ReviewKind kind) => kind switch
    {
        ReviewKind.MidYear => "Mid-year review",
        ReviewKind.Final => "Final review",
        _ => kind.ToString(),
    };

    public static bool TryParseObjectiveType(string? code, out ObjectiveType type) => TryParse(code, ObjectiveTypes, Code, out type);

    public static bool TryParseRating(string? code, out Rating rating) => TryParse(code, Enum.GetValues<Rating>(), Code, out rating);

    public static bool TryParseReviewKind(string? code, out ReviewKind kind) => TryParse(code, Enum.GetValues<ReviewKind>(), Code, out kind);

    internal static ObjectiveType ParseObjectiveType(string code) =>
        TryParseObjectiveType(code, out var type) ? type : throw new InvalidOperationException($"Unknown objective type '{code}'.");

    internal static Rating ParseRating(string code) =>
        TryParseRating(code, out var rating) ? rating : throw new InvalidOperationException($"Unknown rating '{code}'.");

    internal static ReviewKind ParseReviewKind(string code) =>
        TryParseReviewKind(code, out var kind) ? kind : throw new InvalidOperationException($"Unknown review kind '{code}'.");

    private static bool TryParse<T>(string? code, IEnumerable<T> values, Func<T, string> codeOf, out T value) where T : struct, Enum
    {
        var trimmed = code?.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        foreach (var candidate in values)
        {
            if (codeOf(candidate) == trimmed)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
