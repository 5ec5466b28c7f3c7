using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Careers;

/// <summary>The built-in data files hold what the standards and catalogue say, and refer only to things that exist.</summary>
public class BuiltInCareersTests
{
    private static StandardSet Set(string code) => BuiltInCareers.StandardSet(code) ?? throw new Xunit.Sdk.XunitException($"No set {code}");

    [Fact]
    public void TeachersStandards_PartOneHasEightAndPartTwoItsOwnSection()
    {
        var set = Set("teachers");

        Assert.Equal(8, set.Standards.Count(s => s.Section.StartsWith("Part One")));
        Assert.Equal(["TS1", "TS2", "TS3", "TS4", "TS5", "TS6", "TS7", "TS8"], set.Standards.Where(s => s.Section.StartsWith("Part One")).Select(s => s.Code));
        Assert.Contains(set.Standards, s => s.Section.StartsWith("Part Two"));
        Assert.Equal([RoleFamily.Teaching], set.RoleFamilies);
    }

    [Fact]
    public void TeachingAssistantStandards_AreInFourThemes()
    {
        var set = Set("ta-2016");

        Assert.Equal(4, set.Standards.Select(s => s.Section).Distinct().Count());
        Assert.Contains(RoleFamily.LearningSupport, set.RoleFamilies);
    }

    [Fact]
    public void HltaStandards_Are33InThreeSections()
    {
        var set = Set("hlta");

        Assert.Equal(33, set.Standards.Count);
        Assert.Equal(Enumerable.Range(1, 33).Select(n => $"HLTA-{n}"), set.Standards.Select(s => s.Code));
        Assert.Equal(["Professional attributes", "Professional knowledge and understanding", "Professional skills"],
            set.Standards.Select(s => s.Section).Distinct());
    }

    [Fact]
    public void IsblStandards_SixDisciplinesByFourTiersAndTheBehaviours()
    {
        var set = Set("isbl");
        var tiered = set.Standards.Where(s => s.Tier is not null).ToList();

        Assert.Equal(4, set.Tiers.Count);
        Assert.Equal(6, tiered.Select(s => s.Section).Distinct().Count());
        Assert.All(tiered.GroupBy(s => s.Section), d => Assert.Equal([1, 2, 3, 4], d.Select(s => s.Tier!.Value).Order()));
        Assert.Contains(set.Standards, s => s.Tier is null && s.Section == "Behaviours");
        Assert.Contains(RoleFamily.Business, set.RoleFamilies);
    }

    [Fact]
    public void StarterSets_CoverSiteAdministrationAndIt()
    {
        var starters = BuiltInCareers.StandardSets().Where(s => BuiltInCareers.IsStarter(s.Code)).ToList();

        Assert.Contains(starters, s => s.RoleFamilies.Contains(RoleFamily.Site));
        Assert.Contains(starters, s => s.RoleFamilies.Contains(RoleFamily.Administration));
        Assert.Contains(starters, s => s.RoleFamilies.Contains(RoleFamily.Technical));
        Assert.False(BuiltInCareers.IsStarter("hlta"));
    }

    [Fact]
    public void StandardCodes_AreUniqueWithinEachSetAndFitTheColumn()
    {
        foreach (var set in BuiltInCareers.StandardSets())
        {
            Assert.Equal(set.Standards.Count, set.Standards.Select(s => s.Code).Distinct().Count());
            Assert.All(set.Standards, s => Assert.True(s.Code.Length <= Standard.CodeMaxLength && s.Text.Length <= Standard.TextMaxLength, s.Code));
        }
    }

    [Theory]
    [InlineData("TA-L2")]
    [InlineData("TA-L3")]
    [InlineData("HLTA")]
    [InlineData("BUS-ADMIN-L3")]
    [InlineData("SBP-L4")]
    [InlineData("ILM-L4")]
    [InlineData("ILM-L5")]
    [InlineData("ISBL-L4")]
    [InlineData("ISBL-L5")]
    [InlineData("CSBM")]
    [InlineData("DSBM")]
    [InlineData("ADSBM")]
    [InlineData("SBDP")]
    [InlineData("NPQH")]
    [InlineData("NPQSL")]
    [InlineData("NPQEL")]
    [InlineData("NPQSENCO")]
    [InlineData("NPQLT")]
    [InlineData("NPQLTD")]
    [InlineData("NPQLBC")]
    [InlineData("NPQLL")]
    [InlineData("NPQLPM")]
    [InlineData("NPQEYL")]
    [InlineData("NPQICL")]
    [InlineData("QTS")]
    [InlineData("DEGREE")]
    [InlineData("NVQ-L3")]
    [InlineData("FAW")]
    [InlineData("DSL")]
    [InlineData("FOOD-L2")]
    public void Catalogue_HoldsTheQualificationsSchoolsMeet(string code)
    {
        Assert.NotNull(QualificationCatalogue.BuiltIn.ByCode(code));
    }

    [Fact]
    public void Catalogue_MarksTheHistoricOnesAndNpqsAsNpqs()
    {
        var catalogue = QualificationCatalogue.BuiltIn;

        Assert.True(catalogue.ByCode("ADSBM")!.Historic);
        Assert.True(catalogue.ByCode("NPQICL")!.Historic);
        Assert.False(catalogue.ByCode("NPQH")!.Historic);
        Assert.All(catalogue.All.Where(q => q.Code.StartsWith("NPQ")), q => Assert.Equal(QualificationKind.Npq, q.Kind));
        Assert.All(catalogue.All.Where(q => q.Level is not null), q => Assert.InRange(q.Level!.Value, 1, 8));
    }

    [Fact]
    public void Catalogue_NoNameOrAliasMeansTwoEntries()
    {
        var keys = BuiltInCareers.Qualifications
            .SelectMany(q => new[] { q.Code, q.Name }.Concat(q.Aliases).Select(k => (Key: QualificationCatalogue.Normalise(k), q.Code)))
            .Distinct().GroupBy(k => k.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(keys);
    }

    [Fact]
    public void Pathways_ReferOnlyToStepsQualificationsAndSetsThatExist()
    {
        var pathways = CareerPathways.BuiltIn;
        var setCodes = BuiltInCareers.StandardSets().Select(s => s.Code).ToHashSet();

        foreach (var step in pathways.All.SelectMany(p => p.Steps))
        {
            Assert.All(step.Next, n => Assert.NotNull(pathways.Resolve(step.PathwayCode, n)));
            Assert.All(step.Qualifications.SelectMany(q => q), code => Assert.NotNull(QualificationCatalogue.BuiltIn.ByCode(code)));
            Assert.All(step.Standards, s => Assert.Contains(s.SetCode, setCodes));
        }
        Assert.All(BuiltInCareers.Requirements, r => Assert.NotNull(QualificationCatalogue.BuiltIn.ByCode(r.QualificationCode)));
    }

    [Fact]
    public void Pathways_EveryRoleFamilyHasOne()
    {
        Assert.All(RoleFamilies.All, f => Assert.NotNull(CareerPathways.BuiltIn.ForFamily(f)));
    }

    [Fact]
    public void Pathways_TeachingAssistantLadderLeadsToHltaCoverAndTeaching()
    {
        var pathways = CareerPathways.BuiltIn;
        var ta3 = pathways.Step("learning-support", "ta3")!;
        var hlta = pathways.Step("learning-support", "hlta")!;

        Assert.Equal(["hlta", "cover"], pathways.NextSteps(ta3).Select(s => s.Code));
        Assert.Equal(["learning-support/cover", "teaching/teacher"], pathways.NextSteps(hlta).Select(s => s.Key));
        Assert.NotEmpty(pathways.Step("teaching", "teacher")!.Routes);
    }

    [Fact]
    public void Pathways_BusinessLadderRunsFromFinanceAssistantToDirector()
    {
        var steps = CareerPathways.BuiltIn.Pathway("business")!.Steps.Select(s => s.Code);

        Assert.Equal(["fin-assistant", "fin-officer", "sbm", "sbl", "director"], steps);
    }
}
