namespace Lynchpin.Core.Staff;

/// <summary>
/// The columns of a staff import file, in the order of the template. Only the <see cref="Required"/> ones must be in
/// the heading row; see <see cref="StaffImporter"/> for what a missing optional column means.
/// </summary>
public static class StaffImportColumns
{
    public const string StaffRef = "staff_ref";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Email = "email";
    public const string JobTitle = "job_title";
    public const string RoleFamily = "role_family";
    public const string Qts = "qts";
    public const string Slt = "slt";
    public const string LineManagerRef = "line_manager_ref";
    public const string CoachRef = "coach_ref";
    public const string StartDate = "start_date";
    public const string LeavingDate = "leaving_date";
    public const string HoursPerWeek = "hours_per_week";
    public const string WeeksPerYear = "weeks_per_year";

    /// <summary>Columns that must be in the heading row and have a value on every row.</summary>
    public static readonly IReadOnlyList<string> Required = [StaffRef, FirstName, LastName, JobTitle, RoleFamily];

    /// <summary>Columns that may be left out of the file, or left empty on a row.</summary>
    public static readonly IReadOnlyList<string> Optional =
        [Email, Qts, Slt, LineManagerRef, CoachRef, StartDate, LeavingDate, HoursPerWeek, WeeksPerYear];

    /// <summary>Every column, in template order (the heading row of a blank template).</summary>
    public static readonly IReadOnlyList<string> All =
        [StaffRef, FirstName, LastName, Email, JobTitle, RoleFamily, Qts, Slt, LineManagerRef, CoachRef, StartDate, LeavingDate, HoursPerWeek, WeeksPerYear];

    public const decimal MinHoursPerWeek = 0m;
    public const decimal MaxHoursPerWeek = 60m;
    public const decimal MinWeeksPerYear = 1m;

    /// <summary>52 weeks and a day: a full-time, all-year contract.</summary>
    public const decimal MaxWeeksPerYear = 52.14m;
}
