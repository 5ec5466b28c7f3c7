using System.Diagnostics;
using System.Net;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Kernel;
using Lynchpin.Core.Staff;
using Lynchpin.Tests.Imports;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Lynchpin.Tests.Telemetry;

/// <summary>
/// Issue 15, item 7: with an OTLP endpoint configured, requests, database commands and imports are traced (here into
/// memory beside the exporter, which finds nobody listening); without one, nothing is collected.
/// </summary>
public class TelemetryTests(TelemetryTests.TracedAppFactory app) : IntegrationTest(app), IClassFixture<TelemetryTests.TracedAppFactory>
{
    public sealed class TracedAppFactory : LynchpinAppFactory
    {
        public TracedAppFactory() : base(DatabaseProvider.Sqlite)
        {
            WithSetting(Web.Telemetry.EndpointSetting, "http://127.0.0.1:9/");
        }

        public List<Activity> Activities { get; } = [];

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Activities));
    }

    private TracedAppFactory Traced => (TracedAppFactory)App;

    private List<Activity> Finished()
    {
        App.Services.GetRequiredService<TracerProvider>().ForceFlush();
        lock (Traced.Activities)
        {
            return [.. Traced.Activities];
        }
    }

    [Fact]
    public async Task Get_SchoolPage_IsTracedWithItsDatabaseCommands()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        var response = await client.GetAsync($"/schools/{school.Urn}");

        // Assert: the request's span, and EF Core's spans inside that request's trace.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finished = Finished();
        var request = Assert.Single(finished, a => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("url.path") as string == $"/schools/{school.Urn}");
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        Assert.Contains(finished, a => a.TraceId == request.TraceId && a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_StaffFile_IsTracedWithItsOutcomeAndRows()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var file = await File.ReadAllBytesAsync(ImportFiles.TestFile("staff-good.csv"));
        var people = File.ReadAllLines(ImportFiles.TestFile("staff-good.csv")).Skip(1).Count(l => l.Length > 0);

        // Act: a good file, then a file that is not a staff list.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var good = await new StaffImporter(db).ImportAsync(school.Urn, new MemoryStream(file), "staff.csv");
        var bad = await new StaffImporter(db).ImportAsync(school.Urn, new MemoryStream("name\nnobody\n"u8.ToArray()), "staff.csv");

        // Assert
        Assert.True(good.Succeeded);
        Assert.False(bad.Succeeded);
        var imports = Finished().Where(a => a.Source.Name == LynchpinTelemetry.Name && a.DisplayName == "import StaffImporter"
            && (a.GetTagItem("lynchpin.school.id") as int?) == school.Id).ToList();
        Assert.Equal(2, imports.Count);
        Assert.Equal("succeeded", imports[0].GetTagItem("lynchpin.import.outcome"));
        Assert.Equal(people, imports[0].GetTagItem("lynchpin.import.rows"));
        Assert.Equal("refused", imports[1].GetTagItem("lynchpin.import.outcome"));
        Assert.True((int)imports[1].GetTagItem("lynchpin.import.errors")! > 0);
    }
}

/// <summary>Without an endpoint the app registers no OpenTelemetry at all.</summary>
public class TelemetryOffTests(SqliteAppFactory app) : IntegrationTest(app), IClassFixture<SqliteAppFactory>
{
    [Fact]
    public void Start_WithoutAnEndpoint_CollectsNothing() =>
        Assert.Null(App.Services.GetService<TracerProvider>());
}
