using System.Globalization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// A page about one thing in its URL (<see cref="SchoolPageModel"/>, <see cref="PersonPageModel"/>): before any handler
/// runs, the thing is loaded and the viewer's right to it checked, once, the same way on every page: 404 when there is
/// no such thing, then 403 when the viewer lacks the right the page <see cref="RequiresAttribute">requires</see>.
/// </summary>
public abstract class ScopedPageModel : LynchpinPageModel
{
    /// <summary>The right the running handler needs: its [Requires], else the page's, else Read.</summary>
    protected OperationAuthorizationRequirement Requirement { get; private set; } = Operations.Read;

    /// <summary>Loads what the page is about and checks <see cref="Requirement"/>; the refusal, or null to run the handler.</summary>
    protected abstract Task<IActionResult?> LoadAsync(CancellationToken ct);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Requirement = RequiresAttribute.For(context.HandlerMethod?.MethodInfo, GetType());
        if (await LoadAsync(HttpContext.RequestAborted) is { } refused)
        {
            context.Result = refused;
            return;
        }
        await next();
    }

    /// <summary>A route value as text (<c>{code}</c>).</summary>
    protected string? RouteString(string name) => Convert.ToString(RouteData.Values[name], CultureInfo.InvariantCulture);

    /// <summary>An int route value (<c>{urn:int}</c>, <c>{id:int}</c>); the route's constraint has already checked it.</summary>
    protected int RouteInt(string name) =>
        int.Parse(RouteString(name)!, CultureInfo.InvariantCulture);
}
