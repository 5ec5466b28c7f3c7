using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Careers;

/// <summary>What a person lacks for each next step, on the built-in ladders.</summary>
public class PathwayGapsTests
{
    private static readonly CareerPathways Pathways = CareerPathways.BuiltIn;
    private static readonly IReadOnlyList<StandardSet> Sets = BuiltInCareers.StandardSets();
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static CareerFacts Facts(IEnumerable<string>? held = null, IEnumerable<QualificationInProgress>? inProgress = null,
        IDictionary<(string, string), StandardRating>? ratings = null, DateOnly? since = null) =>
        new((held ?? []).ToHashSet(), (inProgress ?? []).ToList(),
            new Dictionary<(string, string), StandardRating>(ratings ?? new Dictionary<(string, string), StandardRating>()), since);

    private static Dictionary<(string, string), StandardRating> AllHlta(StandardRating rating, int except = 0) =>
        Enumerable.Range(1, 33).Skip(except).ToDictionary(n => ("hlta", $"HLTA-{n}"), _ => rating);

    [Fact]
    public void ForNextSteps_TaLevel3WithHltaInProgress_LacksHltaStatusInProgressAndTwoStandards()
    {
        // A TA level 3 since September 2024, L3 and English and maths held, HLTA status expected in July,
        // 31 of the 33 HLTA standards rated secure or better.
        var facts = Facts(["TA-L3", "L2-EM"], [new("HLTA", new DateOnly(2026, 7, 15))], AllHlta(StandardRating.Secure, except: 2), new DateOnly(2024, 9, 1));

        var steps = PathwayGaps.ForNextSteps(Pathways.Step("learning-support", "ta3")!, facts, Pathways, Sets, QualificationCatalogue.BuiltIn, Today);

        var hlta = steps.Single(s => s.Step.Code == "hlta");
        Assert.False(hlta.Ready);
        Assert.Collection(hlta.Gaps,
            g =>
            {
                Assert.Equal(GapKind.Qualification, g.Kind);
                Assert.True(g.InProgress);
                Assert.Equal("HLTA status: in progress, expected 15 July 2026", g.Text);
            },
            g =>
            {
                Assert.Equal(GapKind.Standards, g.Kind);
                Assert.Equal("Higher level teaching assistant standards: 2 of 33 not yet rated secure (HLTA-1, HLTA-2)", g.Text);
            });
        // Cover supervisor needs the L3 (held) and a year in the role (18 months): ready.
        Assert.True(steps.Single(s => s.Step.Code == "cover").Ready);
    }

    [Fact]
    public void For_EverythingHeldRatedAndLongEnough_IsReady()
    {
        var facts = Facts(["HLTA", "L2-EM"], ratings: AllHlta(StandardRating.Strength), since: new DateOnly(2025, 3, 15));

        Assert.Empty(PathwayGaps.For(Pathways.Step("learning-support", "hlta")!, facts, Sets, QualificationCatalogue.BuiltIn, Today));
    }

    [Fact]
    public void For_DevelopingIsNotEnoughButStrengthIs()
    {
        var ratings = AllHlta(StandardRating.Strength);
        ratings[("hlta", "HLTA-31")] = StandardRating.Developing;

        var gaps = PathwayGaps.For(Pathways.Step("learning-support", "hlta")!, Facts(["HLTA", "L2-EM"], ratings: ratings, since: new DateOnly(2020, 1, 1)),
            Sets, QualificationCatalogue.BuiltIn, Today);

        Assert.Equal("Higher level teaching assistant standards: 1 of 33 not yet rated secure (HLTA-31)", Assert.Single(gaps).Text);
    }

    [Fact]
    public void For_AnyOneOfAGroupSatisfiesIt_AndEachGroupIsSeparate()
    {
        // A teacher needs QTS and a degree; a master's is one of the degree group.
        var step = Pathways.Step("teaching", "teacher")!;
        var ratings = Sets.Single(s => s.Code == "teachers").Standards.ToDictionary(s => ("teachers", s.Code), _ => StandardRating.Secure);

        var gaps = PathwayGaps.For(step, Facts(["MASTERS"], ratings: ratings, since: new DateOnly(2020, 1, 1)), Sets, QualificationCatalogue.BuiltIn, Today);

        Assert.Equal("Qualified teacher status (QTS)", Assert.Single(gaps).Text);
    }

    [Fact]
    public void For_TieredSet_ExpectsOnlyThatTier()
    {
        // School business manager: ISBL tier 2 (six disciplines), CSBM or equivalent, two years.
        var tier2 = Sets.Single(s => s.Code == "isbl").Standards.Where(s => s.Tier == 2).ToDictionary(s => ("isbl", s.Code), _ => StandardRating.Secure);
        tier2.Remove(("isbl", "MKT-2"));

        var gaps = PathwayGaps.For(Pathways.Step("business", "sbm")!, Facts(["CSBM"], ratings: tier2, since: new DateOnly(2022, 9, 1)),
            Sets, QualificationCatalogue.BuiltIn, Today);

        Assert.Equal("ISBL professional standards for school business professionals, Tier 2: management: 1 of 6 not yet rated secure (MKT-2)",
            Assert.Single(gaps).Text);
    }

    [Fact]
    public void For_NotLongEnoughInRole_SaysHowMuchMore()
    {
        var gaps = PathwayGaps.For(Pathways.Step("business", "sbl")!,
            Facts(["DSBM"], ratings: Sets.Single(s => s.Code == "isbl").Standards.ToDictionary(s => ("isbl", s.Code), _ => StandardRating.Secure),
                since: new DateOnly(2025, 9, 1)),
            Sets, QualificationCatalogue.BuiltIn, Today);

        var gap = Assert.Single(gaps);
        Assert.Equal(GapKind.Experience, gap.Kind);
        Assert.Equal("2 years in your current role (18 months more)", gap.Text);
    }

    [Fact]
    public void For_NoStartDateKnown_CountsNoExperience()
    {
        var gaps = PathwayGaps.For(Pathways.Step("learning-support", "cover")!, Facts(["TA-L3"]), Sets, QualificationCatalogue.BuiltIn, Today);

        Assert.Equal("1 year in your current role (1 year more)", Assert.Single(gaps).Text);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", 0)]
    [InlineData("2026-03-01", "2026-04-01", 1)]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2026-01-31", "2026-02-27", 0)]
    [InlineData("2024-09-01", "2026-03-15", 18)]
    [InlineData("2026-05-01", "2026-03-15", 0)]
    public void MonthsBetween_CountsWholeMonths(string from, string to, int months)
    {
        Assert.Equal(months, PathwayGaps.MonthsBetween(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Theory]
    [InlineData(RoleFamily.LearningSupport, "Senior Teaching Assistant", "ta3")]
    [InlineData(RoleFamily.LearningSupport, "Teaching assistant", "ta2")]
    [InlineData(RoleFamily.LearningSupport, "HLTA (maths)", "hlta")]
    [InlineData(RoleFamily.Teaching, "SENCo", "senco")]
    [InlineData(RoleFamily.Teaching, "Head of Maths", "middle-leader")]
    [InlineData(RoleFamily.Teaching, "Teacher of English", "teacher")]
    [InlineData(RoleFamily.Teaching, "Assistant Headteacher", "senior-leader")]
    [InlineData(RoleFamily.Teaching, "Headteacher", "head")]
    [InlineData(RoleFamily.Business, "School Business Manager", "sbm")]
    [InlineData(RoleFamily.Site, "Site Manager", "site-manager")]
    public void StepForJobTitle_LongestWholeWordMatchOnTheFamilysPathway(RoleFamily family, string jobTitle, string step)
    {
        Assert.Equal(step, Pathways.StepForJobTitle(family, jobTitle)?.Code);
    }

    [Fact]
    public void StepForJobTitle_NothingMatches_IsNull()
    {
        Assert.Null(Pathways.StepForJobTitle(RoleFamily.LearningSupport, "Reprographics"));
    }
}
