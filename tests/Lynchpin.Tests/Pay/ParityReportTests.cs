using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pay;

namespace Lynchpin.Tests.Pay;

/// <summary>The parity arithmetic on small schools worked by hand (the sums are in the comments).</summary>
public class ParityReportTests
{
    private static int _id;

    private static ParityPerson Person(RoleFamily family, decimal fte = 1m, decimal weeks = 52m, decimal hours = 0m, decimal cost = 0m,
        bool qts = false, bool slt = false, bool level3 = false, bool coach = false, bool pupilProgress = false, bool stage3 = false,
        ParityPay? pay = null) =>
        new(Interlocked.Increment(ref _id), family, qts, slt, fte, weeks, hours, cost, level3, coach, pupilProgress, stage3, pay);

    private static ParityRow Row(IReadOnlyList<ParityRow> rows, string group) => rows.Single(r => r.Group == group);

    /// <summary>
    /// Teaching: four teachers (one a part-time 0.6, the head on the SLT) with 12, 10, 8 and 6 CPD hours costing £300, £200, £0, £100.
    /// Learning support: three TAs, 0.75 FTE, term time (39 weeks), with 3, 3 and 0 hours, £50 each for two.
    /// Business: the business manager, SLT without QTS, 52 weeks, 5 hours, £400.
    /// </summary>
    private static IReadOnlyList<ParityPerson> SmallSchool() =>
    [
        Person(RoleFamily.Teaching, hours: 12, cost: 300, qts: true, slt: true, level3: true, coach: true, pupilProgress: true, stage3: true),
        Person(RoleFamily.Teaching, hours: 10, cost: 200, qts: true, level3: true, coach: true, pupilProgress: true, stage3: true),
        Person(RoleFamily.Teaching, fte: 0.6m, hours: 8, cost: 0, qts: true, level3: true, pupilProgress: true),
        Person(RoleFamily.Teaching, hours: 6, cost: 100, qts: true, level3: true, pupilProgress: true, stage3: true),
        Person(RoleFamily.LearningSupport, fte: 0.75m, weeks: 39, hours: 3, cost: 50, level3: true, pupilProgress: true),
        Person(RoleFamily.LearningSupport, fte: 0.75m, weeks: 39, hours: 3, cost: 50, pupilProgress: true),
        Person(RoleFamily.LearningSupport, fte: 0.75m, weeks: 39, hours: 0, cost: 0),
        Person(RoleFamily.Business, hours: 5, cost: 400, slt: true, level3: true, coach: true, pupilProgress: true, stage3: true),
    ];

    [Fact]
    public void Calculate_SmallSchool_MatchesTheSumsByHand()
    {
        var rows = ParityReport.Calculate(SmallSchool(), withPay: false);

        var teaching = Row(rows, ParityReport.AllTeaching);
        Assert.Equal(4, teaching.Headcount);
        Assert.Equal(3.6m, teaching.Fte);                       // 1 + 1 + 0.6 + 1
        Assert.Equal(52m, teaching.MeanContractedWeeks);
        Assert.Equal(36m, teaching.CpdHours);                   // 12 + 10 + 8 + 6
        Assert.Equal(600m, teaching.CpdCost);
        Assert.Equal(9m, teaching.CpdHoursPerHead);             // 36 / 4
        Assert.Equal(150m, teaching.CpdCostPerHead);            // 600 / 4
        Assert.Equal(0.5m, teaching.WithCoachShare);            // 2 of 4
        Assert.Equal(1m, teaching.WithPupilProgressObjectiveShare);
        Assert.Equal(1m, teaching.Level3PlusShare);
        Assert.Equal(0.75m, teaching.Stage3PlusShare);          // 3 of 4

        var support = Row(rows, ParityReport.AllSupport);
        Assert.Equal(4, support.Headcount);
        Assert.Equal(3.25m, support.Fte);                       // 0.75 × 3 + 1
        Assert.Equal(42.25m, support.MeanContractedWeeks);      // (39 × 3 + 52) / 4
        Assert.Equal(11m, support.CpdHours);                    // 3 + 3 + 0 + 5
        Assert.Equal(2.75m, support.CpdHoursPerHead);           // 11 / 4
        Assert.Equal(125m, support.CpdCostPerHead);             // 500 / 4
        Assert.Equal(0.25m, support.WithCoachShare);
        Assert.Equal(0.75m, support.WithPupilProgressObjectiveShare);
        Assert.Equal(0.5m, support.Level3PlusShare);

        var tas = Row(rows, "learning-support");
        Assert.Equal(3, tas.Headcount);
        Assert.Equal(2m, tas.CpdHoursPerHead);                  // 6 / 3
        Assert.Equal(33.33m, tas.CpdCostPerHead);               // 100 / 3 = 33.333…
        Assert.Equal(0.3333m, tas.Level3PlusShare);             // 1 of 3
        Assert.Equal(0.6667m, tas.WithPupilProgressObjectiveShare);

        // SLT rows overlap the others: the head is in teaching and slt-qts, the business manager in business and slt-non-qts.
        Assert.Equal(1, Row(rows, ParityReport.SltQts).Headcount);
        Assert.Equal(1, Row(rows, ParityReport.SltNonQts).Headcount);
        Assert.Equal(1, Row(rows, "business").Headcount);
    }

    [Fact]
    public void Calculate_EveryFamilyAndTheFourOverallRowsInOrder_EmptyGroupsHaveNoRates()
    {
        var rows = ParityReport.Calculate(SmallSchool(), withPay: false);

        Assert.Equal(RoleFamilies.All.Select(f => f.Code()).Concat(["all-teaching", "all-support", "slt-qts", "slt-non-qts"]), rows.Select(r => r.Group));
        var site = Row(rows, "site");
        Assert.Equal(0, site.Headcount);
        Assert.Null(site.CpdHoursPerHead);
        Assert.Null(site.WithCoachShare);
        Assert.Null(site.MeanContractedWeeks);
    }

    [Fact]
    public void Calculate_WithoutPay_HasNoPayFiguresAndNothingSuppressed()
    {
        var people = Enumerable.Range(0, 6).Select(_ => Person(RoleFamily.Teaching, pay: new ParityPay(40000m, 40000m, null))).ToList();

        var rows = ParityReport.Calculate(people, withPay: false);

        Assert.All(rows, r => Assert.Null(r.Pay));
        Assert.All(rows, r => Assert.False(r.PaySuppressed));
    }

    [Fact]
    public void Calculate_FiveOrMorePaid_ShowsMeansAndTheCumulativeAward()
    {
        // Five TAs on £24,000, £24,000, £25,000, £25,000, £27,000 FTE (mean £25,000), 0.5 FTE, term time (39 weeks,
        // paid 44.6): actual = FTE salary × 0.5 × 44.6 / 52, mean £10,721.15. A year earlier each was on £23,000:
        // awards of 4.35%, 4.35%, 8.70%, 8.70% and 17.39%, mean 8.7%.
        decimal[] salaries = [24000m, 24000m, 25000m, 25000m, 27000m];
        var people = salaries.Select(s => Person(RoleFamily.LearningSupport, fte: 0.5m, weeks: 39m,
            pay: new ParityPay(s, Contracts.ActualPay(s, 0.5m, 39m), 23000m))).ToList();

        var row = Row(ParityReport.Calculate(people, withPay: true), "learning-support");

        Assert.False(row.PaySuppressed);
        Assert.Equal(5, row.Pay!.People);
        Assert.Equal(25000m, row.Pay.MeanFteSalary);
        Assert.Equal(10721.15m, row.Pay.MeanActualPay);
        Assert.Equal(8.7m, row.Pay.CumulativeAwardPercent);
    }

    [Fact]
    public void Calculate_FewerThanFiveWithBaseYearPay_LeavesTheAwardOut()
    {
        var people = Enumerable.Range(0, 5).Select(i => Person(RoleFamily.Teaching,
            pay: new ParityPay(40000m, 40000m, i < 4 ? 38000m : null))).ToList();

        var row = Row(ParityReport.Calculate(people, withPay: true), "teaching");

        Assert.Equal(40000m, row.Pay!.MeanFteSalary);
        Assert.Null(row.Pay.CumulativeAwardPercent);
        Assert.Equal(4, row.Pay.AwardPeople);
    }

    [Fact]
    public void Calculate_GroupOfFour_PayIsSuppressedButTheRestShown()
    {
        // Six teachers and four site staff: the site row's pay is hidden, and all-support (the same four people) too.
        var people = Enumerable.Range(0, 6).Select(_ => Person(RoleFamily.Teaching, hours: 10, pay: new ParityPay(40000m, 40000m, null)))
            .Concat(Enumerable.Range(0, 4).Select(_ => Person(RoleFamily.Site, hours: 2, pay: new ParityPay(22000m, 22000m, null)))).ToList();

        var rows = ParityReport.Calculate(people, withPay: true);

        var site = Row(rows, "site");
        Assert.True(site.PaySuppressed);
        Assert.Null(site.Pay);
        Assert.Equal(4, site.Headcount);
        Assert.Equal(2m, site.CpdHoursPerHead);
        Assert.True(Row(rows, ParityReport.AllSupport).PaySuppressed);
        Assert.False(Row(rows, ParityReport.AllTeaching).PaySuppressed);
        Assert.Equal(40000m, Row(rows, ParityReport.AllTeaching).Pay!.MeanFteSalary);
    }

    [Fact]
    public void Calculate_OneSmallFamilyBesideItsTotal_TheNextSmallestIsHiddenToo()
    {
        // Support: 6 TAs, 8 admin staff and 2 site staff. Site (2) is hidden; but all support (16) less TAs (6) less
        // admin (8) would give the site pair's pay, so the smallest other family (TAs) is hidden too; admin stays.
        var people = Enumerable.Range(0, 6).Select(_ => Person(RoleFamily.LearningSupport, pay: new ParityPay(24000m, 20000m, null)))
            .Concat(Enumerable.Range(0, 8).Select(_ => Person(RoleFamily.Administration, pay: new ParityPay(25000m, 25000m, null))))
            .Concat(Enumerable.Range(0, 2).Select(_ => Person(RoleFamily.Site, pay: new ParityPay(23000m, 23000m, null)))).ToList();

        var rows = ParityReport.Calculate(people, withPay: true);

        Assert.True(Row(rows, "site").PaySuppressed);
        Assert.True(Row(rows, "learning-support").PaySuppressed);
        Assert.False(Row(rows, "administration").PaySuppressed);
        Assert.False(Row(rows, ParityReport.AllSupport).PaySuppressed);
        // What is left shown cannot give a group of fewer than five: 16 × mean − 8 × mean = the 8 hidden people together.
        var hiddenPeople = rows.Where(r => r.PaySuppressed && r.Group is not ("all-support" or "all-teaching" or "slt-qts" or "slt-non-qts")).Sum(r => r.Headcount);
        Assert.True(hiddenPeople >= ParityReport.MinimumGroupForPay);
    }

    [Fact]
    public void Calculate_SltRowOneShortOfItsFamily_IsHidden()
    {
        // Eight teachers, seven of them on the SLT with QTS: teaching − slt-qts would be one teacher's pay.
        var people = Enumerable.Range(0, 8).Select(i => Person(RoleFamily.Teaching, qts: true, slt: i < 7, pay: new ParityPay(50000m + i, 50000m + i, null))).ToList();

        var rows = ParityReport.Calculate(people, withPay: true);

        Assert.True(Row(rows, ParityReport.SltQts).PaySuppressed);
        Assert.False(Row(rows, "teaching").PaySuppressed);
        Assert.False(Row(rows, ParityReport.AllTeaching).PaySuppressed);
    }

    [Fact]
    public void Sentences_SupportStaffWithFewerCpdHours_SaySoFirst()
    {
        var rows = ParityReport.Calculate(SmallSchool(), withPay: false);

        var sentences = ParitySentences.For(rows);

        Assert.Equal(4, sentences.Count);
        Assert.Contains("CPD hours per head: support staff 2.75, teaching staff 9.00 (support staff lower).", sentences);
        Assert.Equal("Fewest CPD hours per head: learning support staff, 2.00 against 9.00 for teaching staff.", sentences[^1]);
        Assert.DoesNotContain(sentences, s => s.Contains("salary") || s.Contains("pay award"));
    }
}
