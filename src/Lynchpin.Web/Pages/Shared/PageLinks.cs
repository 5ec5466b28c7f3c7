using System.Collections.Concurrent;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// Links to pages by their page model, so a renamed or moved page breaks the build rather than a link. A page's name
/// follows from its model (<c>Lynchpin.Web.Pages.Staff.ShowModel</c> is <c>/Staff/Show</c>), which is why namespaces
/// match folders; the URL comes from the page's own <c>@page</c> route through ASP.NET's link generator, route values
/// in the path and the rest in the query string.
/// </summary>
public static class PageLinks
{
    private const string Root = "Lynchpin.Web.Pages";
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>The page's name as Razor Pages knows it: <c>/Staff/Show</c>.</summary>
    public static string NameOf<TPage>() where TPage : PageModel => NameOf(typeof(TPage));

    public static string NameOf(Type page) => Names.GetOrAdd(page, type =>
        type.Namespace is { } ns && (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)) && type.Name.EndsWith("Model", StringComparison.Ordinal)
            ? ns[Root.Length..].Replace('.', '/') + "/" + type.Name[..^"Model".Length]
            : throw new ArgumentException($"{type.FullName} is not a page model under {Root}", nameof(page)));

    /// <summary>
    /// The page's URL: <c>Url.To&lt;Staff.ShowModel&gt;(new { id })</c> is <c>/staff/12</c>. Throws when the values do not
    /// fill its route, so a link that cannot work fails the page (and its test) instead of pointing nowhere.
    /// </summary>
    public static string To<TPage>(this IUrlHelper url, object? values = null, string? handler = null, string? fragment = null)
        where TPage : PageModel =>
        url.Page(NameOf<TPage>(), handler, values, protocol: null, host: null, fragment)
            ?? throw new InvalidOperationException($"No link to {NameOf<TPage>()} with {values}: its route needs other values.");
}
