namespace Lynchpin.Web.Authorization;

/// <summary>A browser's User-Agent as a person would name it: "Edge on Windows", "Safari on iPhone".</summary>
public static class UserAgents
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }
        var browser = Has("Edg/") ? "Edge" : Has("Firefox/") ? "Firefox" : Has("Chrome/") || Has("Chromium/") ? "Chrome"
            : Has("Safari/") ? "Safari" : "A browser";
        var system = Has("iPhone") ? "iPhone" : Has("iPad") ? "iPad" : Has("Android") ? "Android" : Has("Windows") ? "Windows"
            : Has("Mac OS X") ? "Mac" : Has("Linux") ? "Linux" : null;
        return system is null ? browser : $"{browser} on {system}";

        bool Has(string part) => userAgent.Contains(part, StringComparison.OrdinalIgnoreCase);
    }
}
