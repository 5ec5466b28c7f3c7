using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>The add and edit objective pages: the form, the checklist beside it, and what happens after a save.</summary>
public abstract class ObjectivePage : PersonAppraisalPage
{
    [BindProperty]
    public ObjectiveForm Input { get; set; } = new();

    public AgreementChecklist Checklist => AgreementChecklist.For(Appraisal?.Objectives ?? []);

    /// <summary>Why the objectives cannot change now (agreed, or already five), shown instead of the form; null when they can.</summary>
    public FieldError? Refusal { get; protected set; }

    /// <summary>
    /// The form comes back with the rules' errors (400; a 409 with both versions when someone saved the objective since it
    /// was opened), or the person's appraisal page opens at the saved objective. No result: the form's own fields had errors
    /// (a control character), so nothing was tried.
    /// </summary>
    protected async Task<IActionResult> AfterSaveAsync<T>(Result<T>? result, string done, CancellationToken ct) where T : class
    {
        if (result is not { Succeeded: true })
        {
            AddErrors(result?.Errors ?? [], Inputs(ObjectiveForm.Fields));
            await ReloadAsync(ct);
            if (Objective is not null)
            {
                // Someone saved the objective since the form was opened: theirs beside the typing, which is kept.
                ShowConflict(ObjectiveForm.From(Objective), Input);
            }
            return Invalid();
        }
        TempData["Success"] = done;
        return RedirectToAppraisal(result!.Value is Objective saved ? $"objective-{saved.Id}" : null);
    }
}
