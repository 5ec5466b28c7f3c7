using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Pay;

/// <summary>
/// One person as the parity report counts them for a school (or a trust) and year: already limited to people in post on
/// some day of the year, with their FTE there (a shared person's share), and what the report asks of them.
/// </summary>
public sealed record ParityPerson(
    int StaffMemberId,
    RoleFamily Family,
    bool Qts,
    bool Slt,
    decimal Fte,
    decimal ContractedWeeks,
    decimal CpdHours,
    decimal CpdCost,
    bool Level3Plus,
    bool WithCoach,
    bool PupilProgressObjective,
    bool Stage3Plus,
    ParityPay? Pay = null);

/// <summary>A person's pay for the year (FTE salary, actual pay at this school) and their FTE salary in the base year.</summary>
public sealed record ParityPay(decimal FteSalary, decimal ActualPay, decimal? BaseYearFteSalary);

/// <summary>A group's pay figures: means over the people with a pay record; the award over those with one in the base year too.</summary>
public sealed record ParityPayFigures(int People, decimal MeanFteSalary, decimal MeanActualPay, decimal? CumulativeAwardPercent, int AwardPeople);

/// <summary>One row of the report. Shares are fractions of the headcount (0 to 1, four decimals); null when nobody is counted.</summary>
public sealed record ParityRow(
    string Group,
    string Name,
    int Headcount,
    decimal Fte,
    decimal? MeanContractedWeeks,
    decimal CpdHours,
    decimal CpdCost,
    decimal? CpdHoursPerHead,
    decimal? CpdCostPerHead,
    decimal? WithCoachShare,
    decimal? WithPupilProgressObjectiveShare,
    decimal? Level3PlusShare,
    decimal? Stage3PlusShare,
    ParityPayFigures? Pay,
    bool PaySuppressed)
{
    /// <summary>The people counted in the row (for checks and for suppression); not shown.</summary>
    internal IReadOnlySet<int> Members { get; init; } = new HashSet<int>();
    internal IReadOnlySet<int> PayMembers { get; init; } = new HashSet<int>();
}

/// <summary>
/// The parity report's arithmetic: a row per role family, then all teaching, all support, and SLT with and without QTS
/// (overlapping rows: family and all-* rows include SLT members). Figures are rounded as a person would by hand:
/// totals ÷ headcount to 2 decimals, half away from zero.
/// </summary>
public static class ParityReport
{
    /// <summary>Pay figures of a group of fewer people than this are not shown.</summary>
    public const int MinimumGroupForPay = 5;

    public const string AllTeaching = "all-teaching";
    public const string AllSupport = "all-support";
    public const string SltQts = "slt-qts";
    public const string SltNonQts = "slt-non-qts";

    /// <summary>The rows' groups in order, with the words pages show and who belongs.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, Func<ParityPerson, bool> Includes)> Groups =
    [
        .. RoleFamilies.All.Select(f => (f.Code(), f.DisplayName(), (Func<ParityPerson, bool>)(p => p.Family == f))),
        (AllTeaching, "All teaching staff", p => p.Family.Category() == StaffCategory.Teaching),
        (AllSupport, "All support staff", p => p.Family.Category() == StaffCategory.Support),
        (SltQts, "Senior leaders with QTS", p => p.Slt && p.Qts),
        (SltNonQts, "Senior leaders without QTS", p => p.Slt && !p.Qts),
    ];

    /// <summary>The report's rows, pay figures included (and suppressed where a group is too small) when <paramref name="withPay"/>.</summary>
    public static IReadOnlyList<ParityRow> Calculate(IReadOnlyList<ParityPerson> people, bool withPay)
    {
        var rows = Groups.Select(g => Row(g.Code, g.Name, people.Where(g.Includes).ToList(), withPay)).ToList();
        return withPay ? PaySuppression.Apply(rows) : rows;
    }

    private static ParityRow Row(string code, string name, IReadOnlyList<ParityPerson> group, bool withPay)
    {
        var headcount = group.Count;
        var cpdHours = group.Sum(p => p.CpdHours);
        var cpdCost = group.Sum(p => p.CpdCost);
        var paid = withPay ? group.Where(p => p.Pay is not null).ToList() : [];
        return new ParityRow(
            code,
            name,
            headcount,
            Round2(group.Sum(p => p.Fte)),
            headcount == 0 ? null : Round2(group.Average(p => p.ContractedWeeks)),
            cpdHours,
            cpdCost,
            PerHead(cpdHours, headcount),
            PerHead(cpdCost, headcount),
            Share(group.Count(p => p.WithCoach), headcount),
            Share(group.Count(p => p.PupilProgressObjective), headcount),
            Share(group.Count(p => p.Level3Plus), headcount),
            Share(group.Count(p => p.Stage3Plus), headcount),
            paid.Count == 0 ? null : PayFigures(paid),
            PaySuppressed: false)
        {
            Members = group.Select(p => p.StaffMemberId).ToHashSet(),
            PayMembers = paid.Select(p => p.StaffMemberId).ToHashSet(),
        };
    }

    private static ParityPayFigures PayFigures(IReadOnlyList<ParityPerson> paid)
    {
        var awards = paid.Where(p => p.Pay!.BaseYearFteSalary is > 0)
            .Select(p => (p.Pay!.FteSalary / p.Pay.BaseYearFteSalary!.Value - 1m) * 100m).ToList();
        return new ParityPayFigures(
            paid.Count,
            Round2(paid.Average(p => p.Pay!.FteSalary)),
            Round2(paid.Average(p => p.Pay!.ActualPay)),
            // The award is a figure of its own: too few people with a base-year salary and it is left out.
            awards.Count >= MinimumGroupForPay ? Math.Round(awards.Average(), 1, MidpointRounding.AwayFromZero) : null,
            awards.Count);
    }

    /// <summary>Total ÷ headcount to 2 decimals; null for an empty group.</summary>
    public static decimal? PerHead(decimal total, int headcount) => headcount == 0 ? null : Round2(total / headcount);

    /// <summary>Count ÷ headcount as a fraction to 4 decimals; null for an empty group.</summary>
    public static decimal? Share(int count, int headcount) =>
        headcount == 0 ? null : Math.Round((decimal)count / headcount, 4, MidpointRounding.AwayFromZero);

    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
