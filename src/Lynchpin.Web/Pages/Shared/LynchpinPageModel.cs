using Lynchpin.Core.Audit;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// What every page shares: the request's database, access scope and school clock; checking a right; who is recording a
/// change; a service's errors onto the form; and the form again as a 400. A page injects only its own feature's services.
/// </summary>
public abstract class LynchpinPageModel : PageModel
{
    protected LynchpinDbContext Db => Service<LynchpinDbContext>();

    protected AccessScope Access => Service<AccessScope>();

    protected SchoolClock Clock => Service<SchoolClock>();

    /// <summary>The data versions of this request, which caches are keyed by: a page tells it the schools it has read.</summary>
    protected DataVersions DataVersions => Service<DataVersions>();

    /// <summary>Today in the schools' own time.</summary>
    public DateOnly Today => Clock.Today;

    /// <summary>Whether the viewer may do <paramref name="operation"/> to <paramref name="resource"/> (see ResourceAuthorization).</summary>
    protected async Task<bool> MayAsync(object resource, OperationAuthorizationRequirement operation) =>
        (await Service<IAuthorizationService>().AuthorizeAsync(User, resource, operation)).Succeeded;

    /// <summary>Who is making a change, by the name the record will show.</summary>
    protected Task<Recorder> RecorderAsync(CancellationToken ct) => Access.RecorderAsync(ct);

    /// <summary>
    /// Writes an audit row now, before the page or file is sent: for a read of a person's records (their appraisal,
    /// evidence, an observation record) or a file leaving the app. Who, from where and by which channel come from the request.
    /// </summary>
    protected async Task AuditAsync(string action, AuditSubject subject, string? detail, CancellationToken ct) =>
        await Service<AuditLog>().WriteAsync(action, subject, detail, cancellationToken: ct);

    /// <summary>A file to download, audited as an export under its file name.</summary>
    protected async Task<FileContentResult> ExportAsync(byte[] content, string contentType, string fileName, AuditSubject subject, CancellationToken ct)
    {
        await AuditAsync(AuditActions.Exported, subject, fileName, ct);
        return File(content, contentType, fileName);
    }

    /// <summary>A service's errors on the form's inputs: <c>Title</c> on <c>Input.Title</c>.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors) => AddErrors(errors, field => $"Input.{field}");

    /// <summary>A service's errors under the keys <paramref name="key"/> gives their fields; "" puts one at the top of the summary.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors, Func<string, string> key)
    {
        foreach (var error in errors)
        {
            if (error is Conflict conflict)
            {
                Conflict = conflict;
            }
            ModelState.AddModelError(error is Conflict ? "" : key(error.Field), error.Message);
        }
    }

    /// <summary>Set when a save was refused because someone else saved the record after the form was opened.</summary>
    public Conflict? Conflict { get; private set; }

    /// <summary>The inputs where the saved record differs from the person's typing, shown under the error summary.</summary>
    public IReadOnlyList<ConflictRow> ConflictRows { get; private set; } = [];

    /// <summary>
    /// After a <see cref="Conflict"/>: shows the saved values (<paramref name="saved"/>, the form as the stored record fills
    /// it) beside the person's own (<paramref name="typed"/>, kept in the form), and moves the form to the stored revision,
    /// so saving again, having seen theirs, keeps the person's.
    /// </summary>
    protected void ShowConflict<TInput>(TInput saved, TInput typed, string prefix = "Input") where TInput : class, IRevisedInput
    {
        if (Conflict is null)
        {
            return;
        }
        ConflictRows = Conflicts.Compare(saved, typed);
        typed.Revision = Conflict.CurrentRevision;
        ModelState.Remove($"{prefix}.{nameof(IRevisedInput.Revision)}");
    }

    /// <summary>Keys for a form with only these inputs (<c>Input.Field</c>); any other field's error goes at the top.</summary>
    protected static Func<string, string> Inputs(params string[] fields) => field => fields.Contains(field) ? $"Input.{field}" : "";

    /// <summary>Redirects to a page by its model, so a renamed page breaks the build: <c>RedirectTo&lt;Staff.ShowModel&gt;(new { id })</c>.</summary>
    protected RedirectToPageResult RedirectTo<TPage>(object? values = null, string? fragment = null) where TPage : PageModel =>
        RedirectToPage(PageLinks.NameOf<TPage>(), pageHandler: null, routeValues: values, fragment: fragment);

    /// <summary>The page again with its error summary, as a 400 (a 409 when someone else saved first): nothing was saved.</summary>
    protected PageResult Invalid() => new() { StatusCode = Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict };

    /// <summary>The page, as a 400 if reading the query string found errors (a year that is not one), else a 200.</summary>
    protected PageResult PageOrInvalid() => ModelState.IsValid ? Page() : Invalid();

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
