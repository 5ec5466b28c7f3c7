using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Careers;

public class StandardRatingsTests
{
    private static StandardAssessment Rating(string code, StandardRating rating, AssessedBy by, string on) => new()
    {
        SetCode = "hlta",
        StandardCode = code,
        Rating = rating,
        By = by,
        AssessedOn = DateOnly.Parse(on),
        RecordedByName = "test",
    };

    [Fact]
    public void Current_LineManagersLatestWinsOverTheirOwn()
    {
        var ratings = StandardRatings.Current([
            Rating("HLTA-1", StandardRating.Strength, AssessedBy.Self, "2026-03-01"),
            Rating("HLTA-1", StandardRating.Developing, AssessedBy.LineManager, "2025-10-01"),
            Rating("HLTA-1", StandardRating.Secure, AssessedBy.LineManager, "2026-02-01"),
            Rating("HLTA-2", StandardRating.Developing, AssessedBy.Self, "2025-10-01"),
            Rating("HLTA-2", StandardRating.Secure, AssessedBy.Self, "2026-02-01"),
        ]);

        Assert.Equal(StandardRating.Secure, ratings[("hlta", "HLTA-1")]);
        Assert.Equal(StandardRating.Secure, ratings[("hlta", "HLTA-2")]);
        Assert.Equal(2, ratings.Count);
    }

    [Fact]
    public void Latest_OneSideOnly()
    {
        var latest = StandardRatings.Latest([
            Rating("HLTA-1", StandardRating.Strength, AssessedBy.Self, "2026-03-01"),
            Rating("HLTA-1", StandardRating.Developing, AssessedBy.LineManager, "2025-10-01"),
        ], AssessedBy.Self);

        Assert.Equal(StandardRating.Strength, Assert.Single(latest).Value.Rating);
    }

    [Fact]
    public void Resolve_SchoolCopyThenTrustCopyThenBuiltIn_AndOwnSetsAfter()
    {
        var schoolCopy = new StandardSet { Code = "hlta", Name = "HLTA (our wording)", SchoolId = 1 };
        var trustCopy = new StandardSet { Code = "hlta", Name = "HLTA (trust wording)", TrustId = 1 };
        var trustTa = new StandardSet { Code = "ta-2016", Name = "TA (trust wording)", TrustId = 1 };
        var schoolOwn = new StandardSet { Code = "own-catering", Name = "Catering standards", SchoolId = 1, RoleFamilies = [RoleFamily.Site] };

        var sets = CareerStandards.Resolve([schoolCopy, schoolOwn], [trustCopy, trustTa]);

        Assert.Equal(StandardsSource.School, sets.Single(s => s.Set.Code == "hlta").Source);
        Assert.Equal("HLTA (our wording)", sets.Single(s => s.Set.Code == "hlta").Set.Name);
        Assert.Equal(StandardsSource.Trust, sets.Single(s => s.Set.Code == "ta-2016").Source);
        Assert.Equal(StandardsSource.BuiltIn, sets.Single(s => s.Set.Code == "teachers").Source);
        Assert.Equal("own-catering", sets[^1].Set.Code);
        Assert.Equal(BuiltInCareers.StandardSets().Count + 1, sets.Count);
        Assert.Contains(CareerStandards.ForFamily(sets, RoleFamily.Site), s => s.Set.Code == "own-catering");
    }
}
