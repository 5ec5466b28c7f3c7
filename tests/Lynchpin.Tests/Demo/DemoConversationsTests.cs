using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Demo;

/// <summary>Northfield's triads in the autumn term of 2026 (<see cref="DemoConversations"/>): most people had one to three conversations, some none.</summary>
public abstract class DemoConversationsTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoConversationsTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoConversationsTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private readonly DemoSeedFactory _factory = app;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    [SkippableFact]
    public async Task Seed_Northfield_HoldsATermOfConversations_WithSomePeopleWithout()
    {
        // Arrange
        var autumn = (From: new DateOnly(2026, 9, 1), To: new DateOnly(2026, 12, 7));

        // Act
        var perPerson = await Data.WithDbAsync(db => db.StaffMembers
            .Where(s => s.School.Urn == DemoData.SecondaryUrn && s.LeavingDate == null)
            .Select(s => new
            {
                Count = db.ProfessionalConversations.Count(c => c.StaffMemberId == s.Id && c.HeldOn >= autumn.From && c.HeldOn <= autumn.To),
                WithFocus = db.ProfessionalConversations.Count(c => c.StaffMemberId == s.Id && (c.CriterionId != null || c.ObjectiveId != null || c.Focus != null)),
            })
            .ToListAsync());

        // Assert
        Assert.True(perPerson.Count(p => p.Count is >= 1 and <= 3) > perPerson.Count / 2, "most people had one to three");
        Assert.Contains(perPerson, p => p.Count == 0);
        Assert.All(perPerson, p => Assert.True(p.Count <= 3));
        Assert.All(perPerson.Where(p => p.Count > 0), p => Assert.True(p.WithFocus > 0));
    }
}
