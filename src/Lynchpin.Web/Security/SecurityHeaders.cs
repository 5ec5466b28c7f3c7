using Microsoft.Net.Http.Headers;

namespace Lynchpin.Web.Security;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that runs scripts and styles from this site only
/// (no inline script or style attribute anywhere: they are files under wwwroot/js), no framing, no sniffing, no
/// referrer beyond the site, no device features, and nothing but static files kept in a cache.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>A static file named with its version (<c>?v=</c>, from asp-append-version) never changes.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Other static files are checked with the server (ETag) before each use.</summary>
    public const string Revalidate = "no-cache";

    private static readonly object StaticFile = new();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages, API answers, exports, feeds and evidence may hold personal data: no browser or proxy keeps them.
            if (!context.Items.ContainsKey(StaticFile))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Static files: cached for a year when versioned, otherwise revalidated on each use.</summary>
    public static StaticFileOptions StaticFileCaching() => new()
    {
        OnPrepareResponse = ctx =>
        {
            ctx.Context.Items[StaticFile] = true;
            ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v") ? Immutable : Revalidate;
        },
    };
}
