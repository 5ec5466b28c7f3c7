using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Primitives;

namespace Lynchpin.Web.Security;

/// <summary>
/// One input policy (issue 15): a control character (NUL and the other C0 characters but tab, CR and LF) in any value a
/// request carries is refused, the same on both databases (SQLite stored a NUL; PostgreSQL refused it with a 500, and in
/// a form field it ended in a response with status 0). Where a page can show its form again, it does: the text field is
/// a field error like any other (<see cref="ValidatorProvider"/>), what was typed is kept, and the page answers 400. Any
/// other field, and the address, gets the status page naming the field, as a 400; the API problem+json. Nothing reaches
/// the database: <see cref="StoredText"/> refuses a save with one as the last line. Imports refuse them per row.
/// </summary>
public static partial class ControlCharacters
{
    /// <summary>Set when a form or address was refused here: the status page says what you entered, not the address, is wrong.</summary>
    public const string ItemKey = "Lynchpin.ControlCharacters";

    private const string Marker = "contains a control character";

    public static bool In(string? value) => StoredText.HasControlCharacter(value);

    /// <summary>"Job title" for <c>Input.JobTitle</c>, "q" for <c>q</c>, "Ratings" for <c>Ratings[12]</c>.</summary>
    public static string Label(string key)
    {
        var name = key.Split('.')[^1];
        name = name.Split('[')[0];
        var words = CamelCase().Replace(name, " ").ToLowerInvariant();
        return words.Length == 0 ? key : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex CamelCase();

    public static string Message(string key) =>
        $"{Label(key)} {Marker} (such as NUL) that cannot be saved: remove it and try again";

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
    /// Middleware, before anything reads a url-encoded form. ASP.NET's form reader throws <see cref="InvalidDataException"/>
    /// on an encoded NUL (<c>%00</c>), so the page's model binding failed and the status page, re-executed with the same
    /// post, could not bind its own status code either: a 500 after a response of status 0. Such a form is decoded here
    /// field by field and given to the request as its form, so the page binds it as usual and shows it again with the field
    /// named (<see cref="FormFilter"/>). A form the reader refuses for any other reason (too many fields) is left to it.
    /// </summary>
    public static async Task ReadFormAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }
        request.EnableBuffering();
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var fields = RawFields(await reader.ReadToEndAsync(context.RequestAborted)).ToList();
            if (!fields.Any(f => In(f.Key) || In(f.Value)))
            {
                throw;
            }
            var form = fields.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => new StringValues([.. g.Select(f => f.Value)]), StringComparer.OrdinalIgnoreCase);
            context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form)));
        }
        request.Body.Position = 0;
        await next();
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

    /// <summary>A text field (form field, query value or handler parameter) with a control character: an error on that field.</summary>
    public sealed class ValidatorProvider : IModelValidatorProvider
    {
        public void CreateValidators(ModelValidatorProviderContext context)
        {
            var metadata = context.ModelMetadata;
            if (metadata.ModelType == typeof(string))
            {
                var label = metadata.DisplayName ?? metadata.BinderModelName ?? metadata.Name ?? "This field";
                context.Results.Add(new ValidatorItem { Validator = new Validator(Message(label)), IsReusable = true });
            }
        }
    }

    private sealed class Validator(string message) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            context.Model is string text && In(text) ? [new ModelValidationResult("", message)] : [];
    }

    /// <summary>
    /// A posted form with a control character, before its handler runs (after the page model's own filter, so a 404 or 403
    /// is still answered first). When every such field is a text field the validator put an error on, the handler shows the
    /// form again with it, keeping the typing. Any other (a hidden id, a number, a file's name): the status page naming the
    /// fields, as a 400. A handler that saved regardless is stopped by <see cref="StoredText"/>, and answered the same way.
    /// </summary>
    public sealed class FormFilter : IAsyncPageFilter, IOrderedFilter
    {
        public int Order => 0;

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            var bad = new List<string>();
            if (http.Request.HasFormContentType && !http.Items.ContainsKey(ItemKey))
            {
                try
                {
                    var form = await http.Request.ReadFormAsync(http.RequestAborted);
                    bad = [.. form.Where(f => In(f.Key) || f.Value.Any(In)).Select(f => f.Key)
                        .Concat(form.Files.Where(f => In(f.FileName)).Select(f => f.Name)).Distinct()];
                }
                catch (InvalidDataException)
                {
                    bad = ["A field of the form"];
                }
            }
            if (bad.Count == 0)
            {
                await next();
                return;
            }
            var unshown = bad.Where(key => !(context.ModelState.TryGetValue(key, out var entry)
                && entry.Errors.Any(e => e.ErrorMessage.Contains(Marker, StringComparison.Ordinal)))).ToList();
            if (unshown.Count > 0)
            {
                context.Result = Refused(http, unshown);
                return;
            }
            var executed = await next();
            if (executed.Exception is ControlCharacterException refused)
            {
                executed.ExceptionHandled = true;
                executed.Result = Refused(http, [refused.Property]);
            }
            else if (executed.Exception is null && executed.Result is StatusCodeResult { StatusCode: StatusCodes.Status400BadRequest })
            {
                // A handler that cannot show its form for such a value (a hidden year it could not read): the status page names it.
                Refused(http, bad);
            }
        }

        private static StatusCodeResult Refused(HttpContext http, IEnumerable<string> keys)
        {
            http.Items[InputRanges.QueryErrorsFilter.ItemKey] = keys.Select(Message).ToList();
            http.Items[ItemKey] = true;
            return new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}
