using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Careers;

public class QualificationCatalogueTests
{
    [Theory]
    [InlineData("QTS", "QTS")]
    [InlineData("qts", "QTS")]
    [InlineData("HLTA status", "HLTA")]
    [InlineData("hlta", "HLTA")]
    [InlineData("DSBM", "DSBM")]
    [InlineData("  Diploma of School Business Management ", "DSBM")]
    [InlineData("Diploma of School Business Management (DSBM)", "DSBM")]
    [InlineData("CACHE Level 3 Supporting Teaching and Learning", "TA-L3")]
    [InlineData("cache level 3 supporting  teaching and learning", "TA-L3")]
    [InlineData("NPQ SENCO", "NPQSENCO")]
    [InlineData("Bachelor's degree", "DEGREE")]
    public void Find_NameOrCodeInAnyCase_FindsTheEntry(string text, string code)
    {
        Assert.Equal(code, QualificationCatalogue.BuiltIn.Find(text)?.Code);
    }

    [Theory]
    [InlineData("Forklift licence")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownOrEmpty_IsNull(string? text)
    {
        Assert.Null(QualificationCatalogue.BuiltIn.Find(text));
    }

    [Fact]
    public void With_OwnEntries_AreFoundBesideTheBuiltIn()
    {
        var catalogue = QualificationCatalogue.With([new OwnQualification { Code = "OWN-FORKLIFT", Name = "Forklift licence", Kind = QualificationKind.Licence }]);

        Assert.True(catalogue.Find("forklift licence")!.IsOwn);
        Assert.Equal("QTS", catalogue.Find("QTS")!.Code);
    }

    [Fact]
    public void NewOwnCode_IsMadeFromTheNameAndNotYetUsed()
    {
        var catalogue = QualificationCatalogue.With([new OwnQualification { Code = "OWN-FORKLIFT-LICENCE", Name = "Forklift licence", Kind = QualificationKind.Licence }]);

        Assert.Equal("OWN-MINIBUS-D1-LICENCE", catalogue.NewOwnCode("Minibus (D1) licence"));
        Assert.Equal("OWN-FORKLIFT-LICENCE-2", catalogue.NewOwnCode("Forklift  licence!"));
        Assert.True(catalogue.NewOwnCode(new string('x', 300)).Length <= OwnQualification.CodeMaxLength);
    }

    [Theory]
    [InlineData("TA-L3", true)]
    [InlineData("QTS", true)]
    [InlineData("TA-L2", false)]
    [InlineData("HLTA", false)]
    [InlineData("FAW", false)]
    public void IsLevel3Plus_CountsLevelsOfThreeAndAboveButNotLicences(string code, bool expected)
    {
        Assert.Equal(expected, QualificationCatalogue.BuiltIn.ByCode(code)!.IsLevel3Plus);
    }
}
