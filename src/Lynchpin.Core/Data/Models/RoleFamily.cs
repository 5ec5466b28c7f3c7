namespace Lynchpin.Core.Data.Models;

/// <summary>What kind of work a person does; every family but teaching is support staff.</summary>
public enum RoleFamily
{
    Teaching,
    LearningSupport,
    Pastoral,
    Inclusion,
    Business,
    Administration,
    Site,
    Community,
    Technical,
}

public enum StaffCategory
{
    Teaching,
    Support,
}

public static class RoleFamilies
{
    public static readonly IReadOnlyList<RoleFamily> All = Enum.GetValues<RoleFamily>();

    /// <summary>The code used in CSV files, URLs and the API, e.g. <c>learning-support</c>.</summary>
    public static string Code(this RoleFamily family) => family switch
    {
        RoleFamily.Teaching => "teaching",
        RoleFamily.LearningSupport => "learning-support",
        RoleFamily.Pastoral => "pastoral",
        RoleFamily.Inclusion => "inclusion",
        RoleFamily.Business => "business",
        RoleFamily.Administration => "administration",
        RoleFamily.Site => "site",
        RoleFamily.Community => "community",
        RoleFamily.Technical => "technical",
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    public static string DisplayName(this RoleFamily family) => family switch
    {
        RoleFamily.Teaching => "Teaching",
        RoleFamily.LearningSupport => "Learning support",
        RoleFamily.Pastoral => "Pastoral",
        RoleFamily.Inclusion => "Inclusion",
        RoleFamily.Business => "Business",
        RoleFamily.Administration => "Administration",
        RoleFamily.Site => "Site",
        RoleFamily.Community => "Community",
        RoleFamily.Technical => "Technical",
        _ => family.ToString(),
    };

    public static string Description(this RoleFamily family) => family switch
    {
        RoleFamily.Teaching => "Teachers and leaders of teaching",
        RoleFamily.LearningSupport => "Teaching assistants, HLTAs, cover supervisors",
        RoleFamily.Pastoral => "Achievement and year coordinators, learning mentors, attendance",
        RoleFamily.Inclusion => "SEND, family liaison, parent support, counselling, safeguarding",
        RoleFamily.Business => "Business management, finance, HR",
        RoleFamily.Administration => "Office and administration",
        RoleFamily.Site => "Premises, catering, cleaning",
        RoleFamily.Community => "Extended services, children's centre, youth and community",
        RoleFamily.Technical => "IT and technicians",
        _ => "",
    };

    public static StaffCategory Category(this RoleFamily family) =>
        family == RoleFamily.Teaching ? StaffCategory.Teaching : StaffCategory.Support;

    public static bool TryParse(string? code, out RoleFamily family)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (candidate.Code() == trimmed)
            {
                family = candidate;
                return true;
            }
        }
        family = default;
        return false;
    }

    public static string Code(this StaffCategory category) =>
        category == StaffCategory.Teaching ? "teaching" : "support";

    public static bool TryParseCategory(string? code, out StaffCategory category)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "teaching":
                category = StaffCategory.Teaching;
                return true;
            case "support":
                category = StaffCategory.Support;
                return true;
            default:
                category = default;
                return false;
        }
    }
}
