using System.Net;
using System.Text.Json;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Api;

public abstract class HealthAndOpenApiTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : HealthAndOpenApiTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : HealthAndOpenApiTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_HealthWithWorkingDatabase_Returns200Healthy()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/health");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_LiveAndReadyWithWorkingDatabase_Return200Healthy(string path)
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Get_OpenApiDocument_ListsTheSchoolsEndpoints()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/openapi/v1.json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/schools", paths);
        Assert.Contains("/api/schools/{urn}/staff", paths);
    }
}
