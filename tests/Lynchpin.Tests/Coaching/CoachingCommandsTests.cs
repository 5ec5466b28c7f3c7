using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Kernel;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Imports;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Coaching;

/// <summary>
/// <c>caseload set</c> and <c>import outcomes-reference</c> on both databases: what changed and exit 0, or every problem
/// (with its line, for the file) and exit 1 with nothing changed.
/// </summary>
public abstract class CoachingCommandsTests(LynchpinAppFactory app) : IntegrationTest(app), IDisposable
{
    public sealed class Sqlite(SqliteAppFactory app) : CoachingCommandsTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CoachingCommandsTests(app), IClassFixture<PostgresAppFactory>;

    private const string OutcomesHeader =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,absence_terms,social_care_group,phase_type_grouping,t_pupils,pt_overall,pt_pupils_pa_10_exact";

    private readonly string file = Path.Combine(Path.GetTempPath(), $"outcomes-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        File.Delete(file);
        GC.SuppressFinalize(this);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(App.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> ImportOutcomesAsync(string path) => RunAsync("import", "outcomes-reference", "--file", path);

    private Task<List<(int Urn, int Year)>> CaseloadAsync(TestUser coach) =>
        Data.WithDbAsync(async db => (await db.CaseloadSchools.Where(c => c.CoachUserId == coach.Id).Select(c => new { c.School.Urn, c.Year }).ToListAsync())
            .Select(c => (c.Urn, c.Year)).OrderBy(c => c.Year).ThenBy(c => c.Urn).ToList());

    private Task<int> CurrentYearAsync() => Data.WithServicesAsync(sp =>
        Task.FromResult(SchoolYear.Of(sp.GetRequiredService<SchoolClock>().Today)));

    [SkippableFact]
    public async Task Run_CaseloadSet_StoresTheSchoolsPlansVisitsAndKeepsLastYear()
    {
        // Arrange: the coach had school A last year and this year
        var year = await CurrentYearAsync();
        var (a, b, c) = (await Data.CreateSchoolAsync(), await Data.CreateSchoolAsync(), await Data.CreateSchoolAsync());
        var coach = await Data.CreateUserAsync(UserRole.Coach);
        await CoachingScenario.SetCaseloadAsync(Data, coach, year - 1, a);
        await CoachingScenario.SetCaseloadAsync(Data, coach, year, a);

        // Act: this year B and C instead
        var (exit, output, error) = await RunAsync("caseload", "set", "--coach", coach.Email.ToUpperInvariant(), "--year", $"{year}", "--schools", $"{b.Urn}, {c.Urn}");

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("2 added, 1 removed", output);
        Assert.Equal([(a.Urn, year - 1), (b.Urn, year), (c.Urn, year)], await CaseloadAsync(coach));
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == Caseloads.CaseloadChanged && e.Detail!.StartsWith($"caseload of {coach.Email} for {SchoolYear.Name(year)}:"))
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal((null, CommandLine.CommandLineName), (audit.UserId, audit.UserName));
        Assert.EndsWith($"added URN {string.Join(", ", new[] { b.Urn, c.Urn }.Order())}; removed URN {a.Urn}", audit.Detail);
    }

    [SkippableFact]
    public async Task Run_CaseloadSetWithBadInput_ExitsOneNamingEachProblemAndChangesNothing()
    {
        // Arrange
        var year = await CurrentYearAsync();
        var school = await Data.CreateSchoolAsync();
        var coach = await Data.CreateUserAsync(UserRole.Coach);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        await CoachingScenario.SetCaseloadAsync(Data, coach, year, school);

        // Act
        var notUrn = await RunAsync("caseload", "set", "--coach", coach.Email, "--year", $"{year}", "--schools", $"{school.Urn},Northfield");
        var notCoach = await RunAsync("caseload", "set", "--coach", leader.Email, "--year", $"{year}", "--schools", $"{school.Urn}");
        var unknown = await RunAsync("caseload", "set", "--coach", coach.Email, "--year", $"{year + 5}", "--schools", "999999");

        // Assert
        Assert.Equal(1, notUrn.Exit);
        Assert.Contains("\"Northfield\" is not a URN", notUrn.Error);
        Assert.Equal(1, notCoach.Exit);
        Assert.Contains("is a SchoolLeader account, not a Coach", notCoach.Error);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("There is no school with URN 999999", unknown.Error);
        Assert.Contains("Set a caseload for last year, this year or next year", unknown.Error);
        Assert.Equal([(school.Urn, year)], await CaseloadAsync(coach));
    }

    [SkippableFact]
    public async Task Run_UsersCreateCoachAndVirtualSchool_NeedNoSchoolAndAVirtualSchoolNeedsItsAuthority()
    {
        // Arrange
        var n = TestData.Unique();
        var (coach, virtualSchool) = ($"coach{n}@la.example", $"vsh{n}@la.example");

        // Act
        var coachMade = await RunAsync("users", "create", "--email", coach, "--role", "Coach", "--password", "Coaching-Cli-2026!");
        var noAuthority = await RunAsync("users", "create", "--email", virtualSchool, "--role", "VirtualSchool", "--password", "Coaching-Cli-2026!");
        var virtualMade = await RunAsync("users", "create", "--email", virtualSchool, "--role", "VirtualSchool", "--la-code", "E08000012", "--password", "Coaching-Cli-2026!");

        // Assert
        Assert.True(coachMade.Exit == 0, coachMade.Error);
        Assert.NotEqual(0, noAuthority.Exit);
        Assert.True(virtualMade.Exit == 0, virtualMade.Error);
        var made = await Data.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == coach || u.Email == virtualSchool)
            .OrderBy(u => u.Role).Select(u => new { u.Role, u.SchoolId, u.TrustId, u.LaCode }).ToListAsync());
        Assert.Equal([(UserRole.Coach, (int?)null, (int?)null, (string?)null), (UserRole.VirtualSchool, null, null, "E08000012")],
            made.Select(u => (u.Role, u.SchoolId, u.TrustId, u.LaCode)));
    }

    [SkippableFact]
    public async Task Run_ImportOutcomesReference_StoresFiguresAndAuthoritiesThenARevisedFileCorrectsThem()
    {
        // Arrange
        var sample = ImportFiles.TestFile("outcomes-cla-absence-sample.csv");
        var revised = (await File.ReadAllLinesAsync(sample)).Select(l => l.Replace(",13.3,76400,", ",13.4,76400,", StringComparison.Ordinal)).ToArray();

        // Act
        var first = await ImportOutcomesAsync(sample);
        await File.WriteAllLinesAsync(file, revised);
        var second = await ImportOutcomesAsync(file);

        // Assert: England's 2023/24 absence for looked-after children is revised; Exampleshire's suppressed figure stays a symbol
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("48 added, 0 revised, 0 unchanged", first.Output);
        Assert.True(second.Exit == 0, second.Error);
        Assert.Contains("0 added, 1 revised, 47 unchanged", second.Output);
        var figures = await Data.WithDbAsync(db => db.OutcomeReferences.AsNoTracking()
            .Where(r => r.SocialCareGroup == "CLA 12 months at 31 March" && (r.Measure == "pt_overall" || r.Measure == "pt_pupils_pa_10_exact")).ToListAsync());
        Assert.Equal(13.4m, figures.Single(r => r is { Year: 2023, Level: ReferenceLevel.National, Measure: "pt_overall" }).Value);
        var suppressed = figures.Single(r => r is { Year: 2024, Level: ReferenceLevel.LocalAuthority, Measure: "pt_pupils_pa_10_exact" });
        Assert.Equal((null, "c", "E99999999", "999"), (suppressed.Value, suppressed.Symbol, suppressed.AreaCode, suppressed.OldLaCode));
        var exampleshire = await Data.WithDbAsync(db => db.LocalAuthorities.AsNoTracking().SingleAsync(a => a.OldCode == "999"));
        Assert.Equal(("E99999999", "Exampleshire"), (exampleshire.NewCode, exampleshire.Name));
    }

    [SkippableFact]
    public async Task Run_ImportOutcomesReferenceWithBadRows_ExitsOneListingEachLineAndStoresNothing()
    {
        // Arrange: 2019/20 figures, none stored before
        await File.WriteAllLinesAsync(file, [
            OutcomesHeader,
            "201920,Academic year,National,E92000001,England,,,,,,six half terms,CLA 12 months at 31 March,Total,86077,13.3,22.5",
            "2019/20,Academic year,National,E92000001,England,,,,,,six half terms,CINO at 31 March,Total,11124,14.4,27.8",
            "201920,Academic year,Local authority,E92000001,England,,,341,Liverpool,Liverpool,six half terms,CLA 12 months at 31 March,Total,900,9.5,",
            "201920,Academic year,Local authority,E92000001,England,,,340,Knowsley,E08000011,six half terms,CLA 12 months at 31 March,Total,300,lots,21",
            "201920,Academic year,National,E92000001,England,,,,,,six half terms,CLA 12 months at 31 March,Total,86077,13.3,22.5",
        ]);

        // Act
        var (exit, _, error) = await ImportOutcomesAsync(file);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("line 3: time_period \"2019/20\" is not a school year", error);
        Assert.Contains("line 4: new_la_code \"Liverpool\" is not a local authority's nine-character code", error);
        Assert.Contains("line 4: pt_pupils_pa_10_exact is empty", error);
        Assert.Contains("line 5: pt_overall \"lots\" is not a number", error);
        Assert.Contains("line 6: line 2 has the figures for the same year", error);
        Assert.Equal(0, await Data.WithDbAsync(db => db.OutcomeReferences.CountAsync(r => r.Year == 2019)));
        Assert.Equal(0, await Data.WithDbAsync(db => db.LocalAuthorities.CountAsync(a => a.OldCode == "340")));
    }
}
