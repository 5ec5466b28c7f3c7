using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lynchpin.Web.Api;

namespace Lynchpin.Tests.Api;

/// <summary>Assertions shared by the API tests: problem+json bodies and staff lists.</summary>
internal static class ApiAssert
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts an RFC 9457 problem: the status, the <c>application/problem+json</c> type and a matching status in the body.</summary>
    public static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("title").GetString()));
    }

    public static async Task<List<StaffDto>> StaffAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<List<StaffDto>>(Json) ?? throw new InvalidOperationException("No body.");
    }

    public static async Task<List<SchoolDto>> SchoolsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<List<SchoolDto>>(Json) ?? throw new InvalidOperationException("No body.");
    }

    /// <summary>Asserts the list holds exactly these staff references, in any order.</summary>
    public static void SameStaff(IEnumerable<Core.Data.Models.StaffMember> expected, IEnumerable<StaffDto> actual) =>
        Assert.Equal(expected.Select(s => s.StaffRef).Order(), actual.Select(s => s.StaffRef).Order());
}
