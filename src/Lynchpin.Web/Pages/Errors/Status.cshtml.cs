namespace Lynchpin.Web.Pages.Errors;

/// <summary>
/// The page shown for 400, 403, 404, 409 and 500, keeping the status code. A 400 from a query string out of range lists what
/// was wrong in the GOV.UK error summary (<see cref="Security.InputRanges.QueryErrorsFilter"/>).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel(ILogger<StatusModel> logger) : PageModel
{
    /// <summary>An <see cref="HttpContext.Items"/> key for the sentence a refusal (a 409) shows in place of the default.</summary>
    public const string MessageKey = "Lynchpin.StatusMessage";

    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>For a 500: the request's id, shown to quote to an administrator and written in the log beside the error.</summary>
    public string? Reference { get; private set; }

    // The code from the address only: a failed post re-executes here with its form, which must not bind it (a form the
    // reader refused left it 0, and a response of status 0).
    public IActionResult OnGet([FromRoute] int code) => Show(code);

    // A failed POST re-executes here with the same method.
    public IActionResult OnPost([FromRoute] int code) => Show(code);

    private PageResult Show(int code)
    {
        (Title, Message) = code switch
        {
            400 => ("There is a problem with the page address", "Go back and choose again from the page's own lists, or check the web address."),
            403 => ("You cannot see this page", "Your account does not give you access to this record. If you think it should, ask your school's Lynchpin administrator."),
            404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address."),
            409 => ("Nothing was changed", "What you asked to change cannot be changed now."),
            429 => ("Too many attempts", "Wait a minute, then try again."),
            _ => ("Sorry, there is a problem with Lynchpin", "Try again later."),
        };
        if (code == 400 && HttpContext.Items.ContainsKey(Security.ControlCharacters.ItemKey))
        {
            (Title, Message) = ("There is a problem with what you entered",
                "Go back to the form: what you typed is still there. Remove the character from the field named above, then save again.");
        }
        if (HttpContext.Items[MessageKey] is string message)
        {
            Message = message;
        }
        if (code == 400)
        {
            var errors = HttpContext.Items[Security.InputRanges.QueryErrorsFilter.ItemKey] as IEnumerable<string>
                ?? ["The page address has a value this page cannot use"];
            foreach (var error in errors)
            {
                ModelState.AddModelError("", error);
            }
        }
        if (code == 500)
        {
            Reference = HttpContext.TraceIdentifier;
            // The exception handler re-executed this request: the id in the message finds the error from the page.
            if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is { } failed)
            {
                logger.LogError(failed.Error, "Unhandled error in {Method} {Path}, request {RequestId}",
                    Request.Method, failed.Path, Reference);
            }
        }
        // Only keep the original status when this page was reached by re-execution.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            Response.StatusCode = code;
        }
        return Page();
    }
}
