using System.Globalization;
using Lynchpin.Core.Progression;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Lynchpin.Web.Security;

/// <summary>
/// The ranges of the values every page and endpoint reads by the same names, checked in one place before any handler
/// runs, so an out-of-range value is a 400 saying what is wrong and never reaches code that would fail on it (issue 11:
/// <c>Input.Year=-1</c> was a 500). By name and type, on form fields, query values and API parameters alike:
/// <list type="bullet">
/// <item>a school year (<c>year</c>, <c>since</c>): 2000 to 2100 by the year it starts (as text, also "2025/26");</item>
/// <item>a checkpoint (<c>checkpoint</c>; a number): 1 to 4;</item>
/// <item>a page of a list (<c>page</c>, <c>pageNumber</c>): 1 to 10,000;</item>
/// <item>any date: <see cref="Dates.InRange">1 January 1900 to 31 December 2100</see> (a year 9999 overflowed the date arithmetic behind it).</item>
/// </list>
/// A value that does not parse at all is the model binder's error. On pages a form shows its errors on its fields as
/// any other; a query string's errors on a GET are the status page's error summary (<see cref="QueryErrorsFilter"/>).
/// The API answers both with problem+json (<see cref="ApiFilter"/>, and the status-code pages for binding failures).
/// </summary>
public static class InputRanges
{
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>No list runs to more pages (250,000 rows at 25 a page); a larger number overflowed the rows to skip.</summary>
    public const int LastPage = 10_000;

    /// <summary>The year is always chosen from a list on the page (2025 or 2025/26 for 2025/26).</summary>
    public const string YearMessage = "Select a school year from the list";

    /// <summary>What is wrong with <paramref name="value"/> for a value called <paramref name="name"/>, or null when it is in range (or not one of these).</summary>
    public static string? Problem(string? name, object? value) => (name?.ToLowerInvariant(), value) switch
    {
        (_, DateOnly d) when !Dates.InRange(d) => Dates.OutOfRange,
        (_, DateTime t) when !Dates.InRange(DateOnly.FromDateTime(t)) => Dates.OutOfRange,
        ("year" or "since", int y) when y is < FirstYear or > LastYear => YearMessage,
        ("year" or "since", string y) when !string.IsNullOrWhiteSpace(y) && !SchoolYear.TryParse(y, out _) => YearMessage,
        ("checkpoint", int c) when !SchoolYear.IsCheckpoint(c) =>
            $"Choose a checkpoint from {SchoolYear.FirstCheckpoint} to {SchoolYear.LastCheckpoint}",
        ("page" or "pagenumber", int p) when p is < 1 or > LastPage => $"Enter a page number from 1 to {LastPage:N0}",
        _ => null,
    };

    /// <summary>Whether values of this name and type are checked here.</summary>
    public static bool Applies(string? name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime)
            || (t == typeof(int) && name?.ToLowerInvariant() is "year" or "since" or "checkpoint" or "page" or "pagenumber")
            || (t == typeof(string) && name?.ToLowerInvariant() is "year" or "since");
    }

    /// <summary>Adds the range check to every form field, query value and handler parameter it applies to.</summary>
    public sealed class ValidatorProvider : IModelValidatorProvider
    {
        public void CreateValidators(ModelValidatorProviderContext context)
        {
            // By the name it is bound by: [BindProperty(Name = "year")] on AskedYear is a year.
            var metadata = context.ModelMetadata;
            var name = metadata.BinderModelName ?? metadata.Name;
            if (Applies(name, metadata.ModelType))
            {
                context.Results.Add(new ValidatorItem { Validator = new Validator(name), IsReusable = true });
            }
        }
    }

    private sealed class Validator(string? name) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            Problem(name, context.Model) is { } message ? [new ModelValidationResult("", message)] : [];
    }

    /// <summary>
    /// A query string that did not bind or is out of range: the status page with the error summary, as a 400, before the
    /// handler runs. (A form's own fields are its page's to show on the form.)
    /// </summary>
    public sealed class QueryErrorsFilter : IAsyncPageFilter, IOrderedFilter
    {
        public const string ItemKey = "Lynchpin.QueryErrors";

        // After the page model's own filter (which loads what the URL names and answers 404 or 403 first).
        public int Order => 0;

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            // On a GET everything bound came from the address; on a post, only what is in its query string (a form's own
            // fields are shown on the form by its page).
            var request = context.HttpContext.Request;
            var get = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            var errors = context.ModelState
                .Where(e => e.Value?.Errors.Count > 0 && (get || request.Query.ContainsKey(e.Key)))
                .SelectMany(e => e.Value!.Errors).Select(TagHelpers.ModelErrors.Text).Distinct().ToList();
            if (errors.Count > 0)
            {
                context.HttpContext.Items[ItemKey] = errors;
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
            await next();
        }
    }

    /// <summary>Checks an endpoint's arguments by name before it runs; one out of range is a 400 problem naming it.</summary>
    public static EndpointFilterDelegate ApiFilter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var checkedParameters = factory.MethodInfo.GetParameters()
            .Select((p, index) => (p.Name, Index: index, p.ParameterType))
            .Where(p => p.ParameterType != typeof(string) && Applies(p.Name, p.ParameterType)) // text is each endpoint's to parse
            .ToList();
        if (checkedParameters.Count == 0)
        {
            return next;
        }
        return async context =>
        {
            foreach (var (name, index, _) in checkedParameters)
            {
                if (Problem(name, context.Arguments[index]) is { } message)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request",
                        detail: $"{name}={Convert.ToString(context.Arguments[index], CultureInfo.InvariantCulture)}: {message}.",
                        extensions: new Dictionary<string, object?> { ["parameter"] = name });
                }
            }
            return await next(context);
        };
    }
}
