using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Lynchpin.Tests.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Security;

/// <summary>
/// Issue 11: <c>Input.Year=-1</c> was a 500. Walks every page and endpoint of the app on the demo trust (found from its
/// routing, so a new page is walked without a row here) and every form those pages show, giving each school year,
/// checkpoint, page number and date an out-of-range value: pages answer with the GOV.UK error summary and a 400, the API
/// with problem+json and a 400 — never a 500, and never a 200 that took the value.
/// </summary>
public abstract partial class OutOfRangeInputTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoAppFactory app) : OutOfRangeInputTests(app), IClassFixture<SqliteDemoAppFactory>;
    public sealed class Postgres(PostgresDemoAppFactory app) : OutOfRangeInputTests(app), IClassFixture<PostgresDemoAppFactory>;

    /// <summary>Query values by name: school years, checkpoints, page numbers and date filters.</summary>
    [GeneratedRegex("^(year|since|checkpoint|page|pagenumber|from|to)$", RegexOptions.IgnoreCase)]
    private static partial Regex RangedQuery();

    /// <summary>Form fields by the last part of their name: the same, and every date.</summary>
    [GeneratedRegex(@"(^|\.)(Year|Since|Checkpoint|Stage|Page)$|(On|Date|Due|By|Start|End|Checkpoint\d)$")]
    private static partial Regex RangedField();

    private static readonly string[] OutOfRange = ["-1", "99999", "0001-01-01", "9999-12-31"];

    private sealed record Walker(HttpClient Head, HttpClient TrustAdmin, HttpClient Coach,
        HttpClient HeadApi, HttpClient TrustAdminApi, HttpClient CoachApi, Dictionary<string, int> Ids);

    private async Task<Walker> WalkerAsync()
    {
        async Task<HttpClient> SignedIn(string email)
        {
            var client = App.CreateClient();
            await LynchpinAppFactory.SignInAsync(client, email, DemoData.Password, await App.AuthenticatorKeyAsync(email));
            return client;
        }
        async Task<HttpClient> Bearer(string email)
        {
            var user = await Data.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
            return await App.CreateBearerClientAsync(new TestUser(user.Id, email, DemoData.Password, user.Role));
        }
        var ids = await Data.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn);
            var ta = await db.StaffMembers.SingleAsync(s => s.Email == DemoData.TeachingAssistantEmail);
            var objective = await db.Objectives.Where(o => o.Appraisal.StaffMemberId == ta.Id).OrderByDescending(o => o.Appraisal.Cycle.Year).FirstAsync();
            var pupil = await db.Pupils.Where(p => p.SchoolId == school.Id).OrderBy(p => p.Id).FirstAsync();
            return new Dictionary<string, int>
            {
                ["staff"] = ta.Id,
                ["objective"] = objective.Id,
                ["pupil"] = pupil.Id,
                ["pep"] = await db.Peps.Where(p => p.PupilId == pupil.Id).Select(p => p.Id).FirstOrDefaultAsync(),
                ["record"] = await db.ObservationRecords.Where(r => r.Observer.SchoolId == school.Id).Select(r => r.Id).FirstOrDefaultAsync(),
                ["attendance"] = await db.CpdAttendances.Where(a => a.StaffMemberId == ta.Id).Select(a => a.Id).FirstOrDefaultAsync(),
                ["request"] = await db.CpdRequests.Where(r => r.StaffMember.SchoolId == school.Id).Select(r => r.Id).FirstOrDefaultAsync(),
            };
        });
        return new Walker(await SignedIn(DemoData.HeadEmail), await SignedIn(DemoData.TrustAdminEmail), await SignedIn(DemoData.CoachEmail),
            await Bearer(DemoData.HeadEmail), await Bearer(DemoData.TrustAdminEmail), await Bearer(DemoData.CoachEmail), ids);
    }

    [SkippableFact]
    public async Task Get_EveryQueryValueOutOfRange_Is400WithTheErrorSummaryOrProblem()
    {
        // Arrange
        var walker = await WalkerAsync();
        var failures = new List<string>();
        var walked = 0;

        // Act
        foreach (var (route, endpoint) in Routes(walker))
        {
            var names = QueryNames(endpoint).Where(n => RangedQuery().IsMatch(n)).ToList();
            if (names.Count == 0)
            {
                continue;
            }
            // Only what the walker may open at all: a page refused (403) or not found (404) says so first, whatever its query.
            using (var plain = await ClientFor(walker, route).GetAsync(route))
            {
                if (plain.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }
            }
            foreach (var name in names)
            {
                foreach (var value in OutOfRange)
                {
                    var url = $"{route}{(route.Contains('?') ? '&' : '?')}{name}={value}";
                    using var response = await ClientFor(walker, route).GetAsync(url);
                    walked++;
                    if (await ProblemWith(response, route.StartsWith("/api", StringComparison.Ordinal)) is { } problem)
                    {
                        failures.Add($"GET {url}: {problem}");
                    }
                }
            }
        }

        // Assert
        Assert.True(walked > 100, $"Only {walked} requests: the walk found too few routes.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {walked}:\n" + string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Post_EveryFormFieldOutOfRange_Is400WithTheErrorSummary()
    {
        // Arrange
        var walker = await WalkerAsync();
        var failures = new List<string>();
        var fields = new List<string>();

        // Act
        foreach (var (route, endpoint) in Routes(walker))
        {
            if (route.StartsWith("/api", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null
                || route.StartsWith("/sign", StringComparison.Ordinal) || route.StartsWith("/account", StringComparison.Ordinal))
            {
                continue;
            }
            var client = ClientFor(walker, route);
            using var page = await client.GetAsync(route);
            if (page.StatusCode != HttpStatusCode.OK || page.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await Html.ParseAsync(page);
            var forms = document.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                && !(f.Enctype ?? "").Contains("multipart", StringComparison.Ordinal)).ToList();
            foreach (var (form, index) in forms.Select((f, i) => (f, i)))
            {
                var names = form.Elements.OfType<IHtmlElement>().Select(e => e.GetAttribute("name")).OfType<string>()
                    .Where(n => RangedField().IsMatch(n)).Distinct().ToList();
                foreach (var name in names)
                {
                    fields.Add($"{route} {name}");
                    foreach (var value in OutOfRange)
                    {
                        // The page afresh each time: its antiforgery token and values as shown.
                        using var again = await client.GetAsync(route);
                        var fresh = (await Html.ParseAsync(again)).Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                            && !(f.Enctype ?? "").Contains("multipart", StringComparison.Ordinal)).ElementAt(index);
                        var values = Html.FormValues(fresh);
                        values[name] = value;
                        using var response = await Html.SubmitAsync(client, fresh, values, again.RequestMessage!.RequestUri!);
                        if (await ProblemWith(response, api: false) is { } problem)
                        {
                            failures.Add($"POST {route} {name}={value}: {problem}");
                        }
                    }
                }
            }
        }

        // Assert
        Assert.True(fields.Count > 20, $"Only {fields.Count} fields: the walk found too few forms.\n" + string.Join("\n", fields));
        Assert.True(failures.Count == 0, $"{failures.Count} failures over {fields.Count} fields:\n" + string.Join("\n", failures));
    }

    /// <summary>Null when the answer is the right refusal: a 400 with the error summary (a page) or problem+json (the API).</summary>
    private static async Task<string?> ProblemWith(HttpResponseMessage response, bool api)
    {
        var status = (int)response.StatusCode;
        if (status != 400)
        {
            return $"{status} {response.Headers.Location}";
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        if (api)
        {
            return type == "application/problem+json" ? null : $"400 as {type ?? "no body"}, not problem+json";
        }
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("govuk-error-summary", StringComparison.Ordinal) ? null : "400 without the error summary";
    }

    /// <summary>The trust admin for the trust's pages and the audit, the coach for coaching, else the head (a leader with pay access).</summary>
    private static HttpClient ClientFor(Walker walker, string route)
    {
        var api = route.StartsWith("/api", StringComparison.Ordinal);
        return route.StartsWith("/trusts", StringComparison.Ordinal) || route.StartsWith("/api/trusts", StringComparison.Ordinal)
            || route.StartsWith("/api/audit", StringComparison.Ordinal) ? (api ? walker.TrustAdminApi : walker.TrustAdmin)
            : route.Contains("/coaching", StringComparison.Ordinal) ? (api ? walker.CoachApi : walker.Coach)
            : api ? walker.HeadApi : walker.Head;
    }

    /// <summary>Every GET route of the app with its values filled from the demo trust; those that cannot be filled are left out.</summary>
    private IEnumerable<(string Route, RouteEndpoint Endpoint)> Routes(Walker walker)
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET"))
            {
                continue;
            }
            if (Fill("/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'), walker.Ids) is { } route)
            {
                yield return (route, endpoint);
            }
        }
    }

    private static string? Fill(string raw, Dictionary<string, int> ids)
    {
        if (raw.Contains("**", StringComparison.Ordinal) || raw.Contains("{provider", StringComparison.Ordinal) || raw.Contains("{file", StringComparison.Ordinal)
            || raw.StartsWith("/error", StringComparison.Ordinal) || raw.StartsWith("/openapi", StringComparison.Ordinal))
        {
            return null;
        }
        var id = raw.StartsWith("/pupils", StringComparison.Ordinal) ? ids["pupil"]
            : raw.StartsWith("/observations/records", StringComparison.Ordinal) ? ids["record"]
            : raw.Contains("/rotas/", StringComparison.Ordinal) ? 0
            : ids["staff"];
        var route = raw
            .Replace("{urn:int}", DemoData.SecondaryUrn.ToString(), StringComparison.Ordinal)
            .Replace("{code}", DemoData.TrustCode, StringComparison.Ordinal)
            .Replace("{kind:regex(^(schools|trusts)$)}/{key}", $"schools/{DemoData.SecondaryUrn}", StringComparison.Ordinal)
            .Replace("{id:int}", id.ToString(), StringComparison.Ordinal)
            .Replace("{objectiveId:int}", ids["objective"].ToString(), StringComparison.Ordinal)
            .Replace("{pepId:int}", ids["pep"].ToString(), StringComparison.Ordinal)
            .Replace("{attendanceId:int}", ids["attendance"].ToString(), StringComparison.Ordinal)
            .Replace("{requestId:int}", ids["request"].ToString(), StringComparison.Ordinal)
            .Replace("{year:int}", "2025", StringComparison.Ordinal)
            .Replace("{stage:int}", "1", StringComparison.Ordinal).Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{set}", "teachers", StringComparison.Ordinal).Replace("{kind}", "mid-year", StringComparison.Ordinal);
        route = Regex.Replace(route, @"\{import:regex\(\^\(([a-z]+)[^}]*\}", "$1");
        route = Regex.Replace(route, @"/\{[a-zA-Z]+(:int)?\?\}", "");
        route = Regex.Replace(route, @"\{[a-zA-Z]+:int\}", "0");
        return route.Contains('{', StringComparison.Ordinal) ? null : route;
    }

    /// <summary>The query values an endpoint reads: a page's GET-bound properties and handler parameters, an endpoint's parameters not in its route.</summary>
    private static IEnumerable<string> QueryNames(RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText ?? "";
        var names = new List<string>();
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var type = typeof(Lynchpin.Web.Pages.Shared.PageLinks).Assembly.GetType("Lynchpin.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model");
            foreach (var property in type?.GetProperties() ?? [])
            {
                if (property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } bind)
                {
                    names.Add(bind.Name ?? property.Name);
                }
                if (property.GetCustomAttribute<FromQueryAttribute>() is { } query)
                {
                    names.Add(query.Name ?? property.Name);
                }
            }
            names.AddRange((type?.GetMethods() ?? []).Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters()).Select(p => p.Name!));
        }
        else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
        {
            names.AddRange(method.GetParameters().Select(p => p.Name!));
        }
        return names.Where(n => !raw.Contains("{" + n, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
