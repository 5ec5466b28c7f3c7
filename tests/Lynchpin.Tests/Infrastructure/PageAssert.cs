using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>Assertions shared by the page tests: status and redirects, GOV.UK form errors, the people a page lists.</summary>
internal static class PageAssert
{
    /// <summary>Asserts a 200 and returns the parsed page.</summary>
    public static async Task<IHtmlDocument> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Expected 200 from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode} {response.Headers.Location}: {await Html.ErrorSummaryAsync(response)}");
        return await Html.ParseAsync(response);
    }

    /// <summary>Asserts a redirect (302) to exactly <paramref name="location"/>.</summary>
    public static void RedirectsTo(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    /// <summary>Asserts a redirect to the sign-in page: what an anonymous browser gets for a page.</summary>
    public static void RedirectsToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery() ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Asserts the form came back as a 400 with the GOV.UK error summary linking to each of <paramref name="fieldIds"/>,
    /// that each link lands on an element of the page, and that each field shows its own error message.
    /// </summary>
    public static async Task<IHtmlDocument> FormErrorsAsync(HttpResponseMessage response, params string[] fieldIds)
    {
        var document = await Html.ParseAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"Expected 400, got {(int)response.StatusCode} {response.Headers.Location}: {await Html.ErrorSummaryAsync(response)}");
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var id in fieldIds)
        {
            Assert.Contains($"#{id}", links);
            Assert.NotNull(document.GetElementById(id));
            var message = document.GetElementById($"{id}-error");
            Assert.True(message is not null && message.ClassList.Contains("govuk-error-message"), $"No .govuk-error-message with id {id}-error on the page.");
        }
        return document;
    }

    /// <summary>The ids of the people in the staff table, in page order.</summary>
    public static List<int> StaffIds(IDocument document) =>
        document.QuerySelectorAll("#staff-table tbody tr td:first-child a")
            .Select(a => StaffId(a.GetAttribute("href")))
            .ToList();

    /// <summary>Asserts the staff table lists exactly these people, in any order.</summary>
    public static void SameStaff(IEnumerable<StaffMember> expected, IDocument document) =>
        Assert.Equal(expected.Select(s => s.Id).Order(), StaffIds(document).Order());

    /// <summary>The id in a person's link, <c>/staff/123</c>.</summary>
    public static int StaffId(string? href)
    {
        const string prefix = "/staff/";
        Assert.NotNull(href);
        Assert.StartsWith(prefix, href, StringComparison.Ordinal);
        return int.Parse(href[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Text with runs of white space made single spaces, for comparing what a reader sees.</summary>
    public static string Text(IElement? element) =>
        element is null ? "" : string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
