using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>A list shown a page at a time, with GOV.UK pagination under it.</summary>
public static class Pagination
{
    /// <summary>How many pages <paramref name="total"/> items make, at least one.</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>First, last and the pages around the current one; null marks a gap (GOV.UK pagination pattern).</summary>
    public static IEnumerable<int?> Numbers(int current, int count)
    {
        int? previous = null;
        for (var p = 1; p <= count; p++)
        {
            if (p == 1 || p == count || Math.Abs(p - current) <= 1)
            {
                if (previous is int last && p - last > 1)
                {
                    yield return null;
                }
                previous = p;
                yield return p;
            }
        }
    }

    /// <summary>
    /// One page of a list: the list's own URL (with its filters) and the page number last. Added here, not as a route
    /// value: Razor Pages keeps the route value "page" for the page's own name.
    /// </summary>
    public static string Url(string listUrl, int page) =>
        QueryHelpers.AddQueryString(listUrl, "page", page.ToString(CultureInfo.InvariantCulture));
}
