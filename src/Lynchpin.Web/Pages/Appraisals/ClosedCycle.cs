using Lynchpin.Core.Appraisals;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lynchpin.Web.Pages.Appraisals;

/// <summary>
/// How the appraisal pages refuse a write in a closed cycle: a 409 whose page says which cycle, who closed it and when,
/// before the handler runs (the area's base pages call <see cref="Refuse"/>); <see cref="Filter"/> answers the same for a
/// write the database refused (<see cref="ClosedCycles.CheckAsync"/>), so no page can forget.
/// </summary>
public static class ClosedCycle
{
    /// <summary>Whether the request may change something (anything but GET and HEAD).</summary>
    public static bool IsWrite(HttpRequest request) => !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    public static IActionResult Refuse(HttpContext http, AppraisalCycle cycle) => Refuse(http, ClosedCycles.Message(cycle));

    private static StatusCodeResult Refuse(HttpContext http, string message)
    {
        http.Items[Errors.StatusModel.MessageKey] = message;
        return new StatusCodeResult(StatusCodes.Status409Conflict);
    }

    public sealed class Filter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            if (executed.Exception is ClosedCycleException refused)
            {
                executed.ExceptionHandled = true;
                executed.Result = Refuse(context.HttpContext, refused.Message);
            }
        }
    }
}
