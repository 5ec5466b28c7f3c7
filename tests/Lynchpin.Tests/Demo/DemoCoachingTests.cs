using System.Net;
using System.Net.Http.Json;
using Lynchpin.Core.Pupils;
using Lynchpin.Demo;
using Lynchpin.Tests.Api;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Demo;

/// <summary>
/// The demo's coaching story, as its sign-ins see it: the coach's eleven schools, the champion's own school only, an
/// overdue PEP and one without the child's views, and Northfield's impact against its baseline and the reference figures.
/// </summary>
public abstract class DemoCoachingTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoCoachingTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoCoachingTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private readonly DemoSeedFactory _factory = app;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.CreateClient();
        await LynchpinAppFactory.SignInAsync(client, email, DemoData.Password);
        return client;
    }

    [SkippableFact]
    public async Task Get_CoachsCaseload_IsElevenSchoolsWithVisitsDoneAndPlanned()
    {
        // Arrange
        using var coach = await SignedInAsync(DemoData.CoachEmail);

        // Act
        var caseload = await coach.GetFromJsonAsync<CaseloadDto>($"/api/coaching/caseload?year={DemoCoaching.CurrentYear}", ApiAssert.Json);

        // Assert
        Assert.Equal(11, caseload!.Schools.Count);
        Assert.Contains(caseload.Schools, s => s.Urn == DemoData.SecondaryUrn && s.VisitsDone > 0 && s.VisitsPlanned == 15);
        Assert.All(DemoCoaching.NeighbourSchools, n => Assert.Contains(caseload.Schools, s => s.Urn == n.Urn));
        Assert.Contains(caseload.Schools, s => s.ActionsOverdue > 0);
    }

    [SkippableFact]
    public async Task Get_ChampionsPupils_AreHerSchoolsOnly()
    {
        // Arrange
        using var champion = await SignedInAsync(DemoData.ChampionEmail);

        // Act
        var own = await champion.GetFromJsonAsync<List<PupilDto>>($"/api/schools/{DemoData.SecondaryUrn}/pupils", ApiAssert.Json);
        using var other = await champion.GetAsync($"/api/schools/{DemoData.PrimaryUrn}/pupils");

        // Assert
        Assert.Equal(6, own!.Count);
        Assert.Contains(own, p => p.FirstName == "Tyler");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [SkippableFact]
    public async Task Get_DesignatedTeachersPeps_ShowOneOverdueAndOneWithoutTheChildsViews()
    {
        // Arrange
        using var teacher = await SignedInAsync(DemoData.DesignatedTeacherEmail);
        await using var db = App.Database.CreateContext();
        var connor = await db.Peps.Include(p => p.Targets).Where(p => p.Pupil.FirstName == DemoCoaching.NoVoicePupil)
            .OrderByDescending(p => p.MeetingOn).FirstAsync();

        // Act
        var peps = await teacher.GetFromJsonAsync<List<PepStatusDto>>($"/api/schools/{DemoData.SecondaryUrn}/peps", ApiAssert.Json);
        var quality = Peps.Quality(connor, null);

        // Assert
        Assert.Equal([DemoCoaching.OverduePepPupil], peps!.Where(p => p.Overdue == true).Select(p => p.Name.Split(' ')[0]));
        Assert.Contains(quality.Failed, c => c.Name == PepQuality.ChildsVoice);
        Assert.Equal(Rag.Red, quality.Rating);
    }

    [SkippableFact]
    public async Task Get_NorthfieldImpact_ComparesTheCohortWithItsBaselineAndTheReference()
    {
        // Arrange
        using var coach = await SignedInAsync(DemoData.CoachEmail);

        // Act
        var impact = await coach.GetFromJsonAsync<ImpactDto>(
            $"/api/coaching/{DemoCoaching.CurrentYear}/impact?school={DemoData.SecondaryUrn}&measure=attendance", ApiAssert.Json);

        // Assert
        Assert.Equal((2024, 6), (impact!.Cohort.Baseline!.Year, impact.Cohort.Baseline.N));
        Assert.Equal((DemoCoaching.CurrentYear, 6), (impact.Cohort.Current.Year, impact.Cohort.Current.N));
        Assert.True(impact.Cohort.Current.Low < impact.Cohort.Current.Value && impact.Cohort.Current.Value < impact.Cohort.Current.High);
        Assert.Contains(impact.Reference, r => r.Scope == "national" && r.Year == 2024 && r.Value == 91.9m);
        Assert.Contains(impact.Reference, r => r.Scope == "local-authority" && r.LaCode == DemoCoaching.KirkleesNew);
    }
}
