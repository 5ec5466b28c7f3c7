using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Pay;

/// <summary>
/// The arithmetic of contracts: full-time equivalence from hours, a shared person's FTE split between schools by their
/// hours, and actual pay from FTE salary, FTE and paid weeks. Kept simple so a leader can check it by hand.
/// </summary>
public static class Contracts
{
    /// <summary>A full-time teacher's week (1,265 directed hours over 39 weeks, rounded as schools do).</summary>
    public const decimal TeacherFullTimeHours = 32.5m;
    /// <summary>A full-time support role on the NJC's national 37-hour week.</summary>
    public const decimal SupportFullTimeHours = 37m;
    /// <summary>Paid all year round.</summary>
    public const decimal FullYearWeeks = 52m;

    public static decimal FullTimeHours(StaffCategory category) =>
        category == StaffCategory.Teaching ? TeacherFullTimeHours : SupportFullTimeHours;

    /// <summary>FTE of a contract: hours ÷ full-time hours, at most 1; no hours recorded is full time.</summary>
    public static decimal Fte(decimal? hoursPerWeek, StaffCategory category) =>
        hoursPerWeek is decimal hours ? Math.Min(1m, Math.Max(0m, hours) / FullTimeHours(category)) : 1m;

    /// <summary>
    /// A shared person's hours at each school: their hours at other schools as recorded, and the rest of their contract
    /// at their own school (none if the others take it all). No contract hours recorded counts as full time.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> HoursBySchool(int ownSchoolId, decimal? contractHours, StaffCategory category,
        IReadOnlyDictionary<int, decimal> otherSchools)
    {
        var total = contractHours ?? FullTimeHours(category);
        var elsewhere = otherSchools.Where(o => o.Key != ownSchoolId).Sum(o => o.Value);
        var result = new Dictionary<int, decimal> { [ownSchoolId] = Math.Max(0m, total - elsewhere) };
        foreach (var (schoolId, hours) in otherSchools.Where(o => o.Key != ownSchoolId))
        {
            result[schoolId] = hours;
        }
        return result;
    }

    /// <summary>
    /// A shared person's FTE at each school: their whole FTE (hours ÷ full time, at most 1) split in proportion to their
    /// hours at each school, so the schools' shares add up to the person's FTE.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> FteBySchool(int ownSchoolId, decimal? contractHours, StaffCategory category,
        IReadOnlyDictionary<int, decimal> otherSchools)
    {
        var hours = HoursBySchool(ownSchoolId, contractHours, category, otherSchools);
        var total = hours.Values.Sum();
        var fte = Fte(total, category);
        return hours.ToDictionary(h => h.Key, h => total == 0 ? 0m : fte * h.Value / total);
    }

    /// <summary>
    /// Paid holiday added to a term-time contract's working weeks: the statutory minimum of 5.6 weeks (28 days with bank
    /// holidays). Many schools give more; their actual pay is then a little higher than this counts.
    /// </summary>
    public const decimal TermTimeHolidayWeeks = 5.6m;

    /// <summary>Weeks paid for a contract of so many working weeks: 39 weeks plus holiday is 44.6; all year is 52.</summary>
    public static decimal PaidWeeks(decimal? contractedWeeks) =>
        contractedWeeks is decimal weeks && weeks < FullYearWeeks ? Math.Min(FullYearWeeks, weeks + TermTimeHolidayWeeks) : FullYearWeeks;

    /// <summary>Pay for the year: FTE salary × FTE × paid weeks ÷ 52 (term-time-only staff are paid for fewer weeks).</summary>
    public static decimal ActualPay(decimal fteSalary, decimal fte, decimal? contractedWeeks) =>
        fteSalary * fte * PaidWeeks(contractedWeeks) / FullYearWeeks;

    /// <summary>In post on any day of the school year (1 September to 31 August): who a year's headcount counts.</summary>
    public static bool InPostDuringYear(DateOnly? start, DateOnly? leaving, int year) =>
        (start is null || start <= Progression.SchoolYear.End(year)) && (leaving is null || leaving >= Progression.SchoolYear.Start(year));
}
