namespace Lynchpin.Web.Api;

/// <summary>Writes RFC 9457 problem+json for API errors raised outside an endpoint (sign-in challenges).</summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status)
    {
        var (title, detail) = status switch
        {
            StatusCodes.Status401Unauthorized => ("Unauthorized", "Sign in, or send a personal API token as 'Authorization: Bearer <token>'."),
            StatusCodes.Status403Forbidden => ("Forbidden", "Your account may not see this."),
            StatusCodes.Status404NotFound => ("Not Found", "There is nothing here."),
            _ => ("Error", null),
        };
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }
}
