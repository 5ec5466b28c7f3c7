using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lynchpin.Web.Security;

/// <summary>
/// One input policy (issue 15): a control character (NUL and the other C0 characters but tab, CR and LF) in any value a
/// request carries is refused before it reaches a handler, the same on both databases (SQLite stored a NUL; PostgreSQL
/// refused it with a 500, and in a form field it ended in a response without a status). Pages answer with the GOV.UK
/// error summary naming the field, as a 400; the API with problem+json, as a 400. The address (query and route values)
/// is checked for every request by <see cref="CheckAddressAsync"/>; a form's fields by <see cref="FormFilter"/>, once
/// the page has read them under its own size limits. Imports refuse them per row (Kernel/SpreadsheetText).
/// </summary>
public static partial class ControlCharacters
{
    /// <summary>Set when a form or address was refused here: the status page says what you entered, not the address, is wrong.</summary>
    public const string ItemKey = "Lynchpin.ControlCharacters";

    public static bool In(string? value) => value is not null && Any().IsMatch(value);

    [GeneratedRegex("[\u0000-\u0008\u000B\u000C\u000E-\u001F]")]
    private static partial Regex Any();

    /// <summary>"Job title" for <c>Input.JobTitle</c>, "q" for <c>q</c>, "Ratings" for <c>Ratings[12]</c>.</summary>
    public static string Label(string key)
    {
        var name = key.Split('.')[^1];
        name = name.Split('[')[0];
        var words = Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? key : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    public static string Message(string key) =>
        $"{Label(key)} contains a control character (such as NUL) that cannot be saved: remove it and try again";

    /// <summary>The names of the query and route values holding a control character.</summary>
    private static List<string> InAddress(HttpContext context) =>
        context.Request.Query.Where(q => In(q.Key) || q.Value.Any(In)).Select(q => q.Key)
            .Concat(context.Request.RouteValues.Where(r => r.Value is string s && In(s)).Select(r => r.Key))
            .Distinct().ToList();

    /// <summary>
    /// Middleware, after routing: an address with a control character is a 400 before anything reads it — problem+json for
    /// the API, the status page with the error summary for pages.
    /// </summary>
    public static async Task CheckAddressAsync(HttpContext context, Func<Task> next)
    {
        // Once refused, the status page (re-executed with the same request) is let through.
        var bad = context.Items.ContainsKey(ItemKey) ? [] : InAddress(context);
        if (bad.Count == 0)
        {
            await next();
            return;
        }
        await RefuseAsync(context, bad);
    }

    /// <summary>
    /// Middleware, before anything reads a page's form: a url-encoded form is read here, kept buffered for the page, and
    /// refused naming the fields with a control character. ASP.NET's own form reader throws on an encoded NUL, which was
    /// a response without a status; here such a form is found by decoding its raw fields one by one.
    /// (Multipart forms, the uploads, are checked by <see cref="FormFilter"/>, under their page's size limits.)
    /// </summary>
    public static async Task CheckFormAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (context.Items.ContainsKey(ItemKey) || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }
        request.EnableBuffering();
        List<string> bad;
        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            bad = [.. form.Where(f => In(f.Key) || f.Value.Any(In)).Select(f => f.Key)];
        }
        catch (InvalidDataException)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            bad = [.. RawFields(await reader.ReadToEndAsync(context.RequestAborted)).Where(f => In(f.Key) || In(f.Value)).Select(f => f.Key).Distinct()];
            if (bad.Count == 0)
            {
                throw;
            }
        }
        if (bad.Count == 0)
        {
            request.Body.Position = 0;
            await next();
            return;
        }
        await RefuseAsync(context, bad);
    }

    private static IEnumerable<(string Key, string Value)> RawFields(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            static string Decode(string s) => System.Net.WebUtility.UrlDecode(s);
            return (Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : "");
        });

    private static async Task RefuseAsync(HttpContext context, IReadOnlyList<string> keys)
    {
        var messages = keys.Select(Message).ToList();
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request",
                detail: string.Join(". ", messages) + ".",
                extensions: new Dictionary<string, object?> { ["parameters"] = keys }).ExecuteAsync(context);
            return;
        }
        // No body: the status-code pages show /error/400 with these in its error summary.
        context.Items[InputRanges.QueryErrorsFilter.ItemKey] = messages;
        context.Items[ItemKey] = true;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// A posted form with a control character in any field (or an uploaded file's name): the status page naming the fields,
    /// as a 400, before the handler runs. After the page model's own filter, so a 404 or 403 is still answered first.
    /// </summary>
    public sealed class FormFilter : IAsyncPageFilter, IOrderedFilter
    {
        public int Order => 0;

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var request = context.HttpContext.Request;
            if (request.HasFormContentType && !context.HttpContext.Items.ContainsKey(ItemKey))
            {
                List<string> bad;
                try
                {
                    var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                    bad = [.. form.Where(f => In(f.Key) || f.Value.Any(In)).Select(f => f.Key)
                        .Concat(form.Files.Where(f => In(f.FileName)).Select(f => f.Name)).Distinct()];
                }
                catch (InvalidDataException)
                {
                    // ASP.NET's reader refuses an encoded NUL without saying where.
                    bad = ["A field of the form"];
                }
                if (bad.Count > 0)
                {
                    context.HttpContext.Items[InputRanges.QueryErrorsFilter.ItemKey] = bad.Select(Message).ToList();
                    context.HttpContext.Items[ItemKey] = true;
                    context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                    return;
                }
            }
            await next();
        }
    }
}
