using System.Text.RegularExpressions;
using Lynchpin.Web.Security;

namespace Lynchpin.Tests.Authorization;

/// <summary>The security headers, on every route of the matrix for every role, whatever the status.</summary>
public abstract partial class RouteMatrixTests
{
    /// <summary>Every GET route of the matrix; placeholders that need a stored record are given a number (a 404 carries the headers too).</summary>
    private IEnumerable<string> EveryGetRoute() =>
        GetRoutes.Concat(PersonAppraisalGetRoutes).Concat(ReviewGetRoutes).Concat(ObservationGetRoutes).Concat(RotaGetRoutes)
            .Select(r => Regex.Replace(Resolve(r.Route), @"\{[A-Za-z]+\}", "1"))
            .Distinct();

    [SkippableFact]
    public async Task Get_EveryRouteAsEveryRole_SendsTheSecurityHeaders()
    {
        // Arrange
        var missing = new List<string>();

        // Act
        foreach (var url in EveryGetRoute())
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(url);
                missing.AddRange(MissingSecurityHeaders(response).Select(m => $"GET {url} as {who} ({(int)response.StatusCode}): {m}"));
            }
        }

        // Assert
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [SkippableFact]
    public async Task Post_RefusedAndInvalidWrites_SendTheSecurityHeaders()
    {
        // Arrange
        var missing = new List<string>();

        // Act
        foreach (var (route, _) in PostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].PostAsync(Resolve(route), new FormUrlEncodedContent(await WithAntiforgeryAsync(_clients[who], who, [])));
                missing.AddRange(MissingSecurityHeaders(response).Select(m => $"POST {route} as {who} ({(int)response.StatusCode}): {m}"));
            }
        }

        // Assert
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>What a dynamic response lacks: the policy, nosniff, referrer and permissions policies, and no-store.</summary>
    internal static IEnumerable<string> MissingSecurityHeaders(HttpResponseMessage response)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
        var csp = Header("Content-Security-Policy");
        if (csp is null || !csp.Contains("script-src 'self'") || !csp.Contains("frame-ancestors 'none'") || csp.Contains("unsafe-inline"))
        {
            yield return $"Content-Security-Policy is '{csp}'";
        }
        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return "no X-Content-Type-Options: nosniff";
        }
        if (Header("Referrer-Policy") is null)
        {
            yield return "no Referrer-Policy";
        }
        if (Header("Permissions-Policy") != SecurityHeaders.PermissionsPolicy)
        {
            yield return "no Permissions-Policy";
        }
        if (response.Headers.CacheControl?.NoStore != true)
        {
            yield return $"Cache-Control is '{response.Headers.CacheControl}', not no-store";
        }
    }
}
