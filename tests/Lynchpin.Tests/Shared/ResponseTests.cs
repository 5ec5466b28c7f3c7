using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Shared;

/// <summary>Responses are compressed when the browser accepts it; fingerprinted static files are kept for a year.</summary>
public abstract class ResponseTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ResponseTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ResponseTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableTheory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Get_PageAcceptingCompression_IsCompressed(string encoding)
    {
        // Arrange
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream plain = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        Assert.Contains("<h1", await new StreamReader(plain).ReadToEndAsync());
    }

    [SkippableFact]
    public async Task Get_StylesheetByThePagesLink_IsKeptForAYear()
    {
        // Arrange: the link as the page gives it (with its fingerprint)
        using var client = App.CreateClient();
        using var page = await client.GetAsync("/sign-in");
        var href = (await Html.ParseAsync(page)).QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.Contains("?v=", href);

        // Act
        using var fingerprinted = await client.GetAsync(href);
        using var plain = await client.GetAsync("/lib/lynchpin.css");

        // Assert
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        var kept = fingerprinted.Headers.CacheControl;
        Assert.Equal((true, TimeSpan.FromDays(365)), (kept?.Public, kept?.MaxAge));
        Assert.Contains(kept!.Extensions, e => e.Name == "immutable");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl?.NoCache, "A link without a fingerprint is checked each time.");
    }
}
