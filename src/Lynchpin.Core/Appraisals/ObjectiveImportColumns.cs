namespace Lynchpin.Core.Appraisals;

/// <summary>The columns of an objectives file, in template order.</summary>
public static class ObjectiveImportColumns
{
    public const string StaffRef = "staff_ref";
    public const string Year = "year";
    public const string Title = "title";
    public const string Type = "type";
    public const string SuccessCriteria = "success_criteria";
    public const string SchoolPriority = "school_priority";

    /// <summary>Columns that must be in the heading row and have a value on every row.</summary>
    public static readonly IReadOnlyList<string> Required = [StaffRef, Year, Title, Type, SuccessCriteria];

    /// <summary>Columns that may be left out of the file, or left empty on a row.</summary>
    public static readonly IReadOnlyList<string> Optional = [SchoolPriority];

    public static readonly IReadOnlyList<string> All = [StaffRef, Year, Title, Type, SuccessCriteria, SchoolPriority];
}
