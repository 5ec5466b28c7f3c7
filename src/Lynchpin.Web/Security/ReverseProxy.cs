using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lynchpin.Web.Security;

/// <summary>
/// Behind a TLS reverse proxy the app sees the proxy's address and plain HTTP. The proxy's X-Forwarded-For and
/// X-Forwarded-Proto are believed from the proxies named in Lynchpin:Proxy (and from this machine, always), so that
/// cookies are Secure, HSTS is sent and the sign-in rate limit counts each client, not the proxy.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxies = "Lynchpin:Proxy:KnownProxies";
    public const string KnownNetworks = "Lynchpin:Proxy:KnownNetworks";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Values(config, KnownProxies).Select(v => IPAddress.TryParse(v, out var a) ? a : throw NotAnAddress(KnownProxies, v)).ToList();
        var networks = Values(config, KnownNetworks).Select(v => System.Net.IPNetwork.TryParse(v, out var n) ? n : throw NotAnAddress(KnownNetworks, v)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback (127.0.0.1, ::1) stays trusted by default: a proxy on the same machine needs no setting.
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(o =>
        {
            o.IncludeSubDomains = true;
            o.MaxAge = TimeSpan.FromDays(365);
        });
        return services;
    }

    /// <summary>A comma-separated list.</summary>
    private static string[] Values(IConfiguration config, string setting) =>
        (config[setting] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A value that does not read stops the start, naming the setting.</summary>
    private static InvalidOperationException NotAnAddress(string setting, string value) =>
        new($"{setting}: \"{value}\" is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8).");
}
