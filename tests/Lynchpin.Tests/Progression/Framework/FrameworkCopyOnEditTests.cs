using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression.Framework;

/// <summary>A leader's first edit of an inherited framework stores the school's own copy, on both providers.</summary>
public abstract class FrameworkCopyOnEditTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : FrameworkCopyOnEditTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : FrameworkCopyOnEditTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Post_LeaderEditsTheDefault_CreatesTheSchoolsOwnCopyAndTheOtherSchoolKeepsTheDefault()
    {
        // Arrange
        var people = await TrustScenario.CreateAsync(Data);
        using var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: people.SchoolA1, staff: people.Head));
        using var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: people.TrustA));
        var a1 = $"/schools/{people.SchoolA1.Urn}/framework";
        var a2 = $"/schools/{people.SchoolA2.Urn}/framework";

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, $"{a1}/stages/2/edit", "Input.Name", new Dictionary<string, string>
        {
            ["Input.Name"] = "  Our non-negotiables  ",
            ["Input.Descriptor"] = "The five things every adult here does every day.",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{a1}#stage-2", response.Headers.Location!.OriginalString);
        using var page = await leader.GetAsync(a1);
        var document = await Html.ParseAsync(page);
        Assert.Equal("Your school's own", document.QuerySelector("#framework-source")!.TextContent.Trim());
        Assert.Equal("Stage 2: Our non-negotiables", FrameworkForms.StageHeading(document, 2));
        Assert.Contains("Your school's own copy of the framework has been created", document.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Null(document.QuerySelector("#copy-notice"));

        using var other = await admin.GetAsync(a2);
        var otherDocument = await Html.ParseAsync(other);
        Assert.Equal("Lynchpin's default", otherDocument.QuerySelector("#framework-source")!.TextContent.Trim());
        Assert.Equal($"Stage 2: {DefaultFramework.Stages[2].Name}", FrameworkForms.StageHeading(otherDocument, 2));

        // The copy holds every stage and criterion of the default, with the one change.
        var stored = await Data.WithDbAsync(db => db.ProgressionFrameworks.AsNoTracking()
            .Include(f => f.Stages).ThenInclude(s => s.Criteria)
            .SingleAsync(f => f.SchoolId == people.SchoolA1.Id));
        Assert.Equal(DefaultFramework.Stages.Select(s => s.Number), stored.Stages.OrderBy(s => s.Number).Select(s => s.Number));
        var stage2 = stored.Stages.Single(s => s.Number == 2);
        Assert.Equal("Our non-negotiables", stage2.Name);
        Assert.Equal("The five things every adult here does every day.", stage2.Descriptor);
        Assert.Equal(DefaultFramework.Stages[1].Name, stored.Stages.Single(s => s.Number == 1).Name);
        Assert.Equal(DefaultFramework.Stages.Sum(s => s.Criteria.Count), stored.Stages.Sum(s => s.Criteria.Count));
        Assert.False(await Data.WithDbAsync(db => db.ProgressionFrameworks.AnyAsync(f => f.SchoolId == people.SchoolA2.Id || f.TrustId == people.TrustA.Id)));
    }
}
