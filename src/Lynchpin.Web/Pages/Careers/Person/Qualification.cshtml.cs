using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Person;

/// <summary>
/// Adding or changing one of a person's qualifications: held (with the date and a certificate), in progress (with the date
/// expected) or, for the school's leaders, required by a deadline. A name the catalogue does not know becomes the
/// school's own entry.
/// </summary>
[Requires(nameof(Operations.ManageDevelopment))]
public class QualificationModel(PersonQualifications qualifications, CareerProfiles profiles) : PersonPageModel
{
    public const string Held = "held";
    public const string InProgress = "in-progress";
    public const string RequiredOnly = "required";

    public PersonQualification? Existing { get; private set; }
    public string? ExistingName { get; private set; }
    public bool MayRequire { get; private set; }
    public IReadOnlyList<string> CatalogueNames { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "qualification")] public string? Qualification { get; set; }
        [Display(Name = "status")] public string? Status { get; set; }
        [Display(Name = "date gained")] public DateOnly? GainedOn { get; set; }
        [Display(Name = "date expected")] public DateOnly? ExpectedOn { get; set; }
        [Display(Name = "date required by")] public DateOnly? RequiredBy { get; set; }
        [Display(Name = "note")] public string? Note { get; set; }
        [Display(Name = "evidence")] public IFormFile? Evidence { get; set; }
    }

    public IReadOnlyList<SelectListItem> StatusOptions => MayRequire
        ? [new("Held", Held), new("In progress", InProgress), new("Required, not yet started", RequiredOnly)]
        : [new("Held", Held), new("In progress", InProgress)];

    public async Task<IActionResult> OnGetAsync(int? qualificationId, CancellationToken ct)
    {
        if (await FindAsync(qualificationId, ct) is { } missing)
        {
            return missing;
        }
        if (Existing is { } q)
        {
            Input = new InputModel
            {
                Qualification = ExistingName,
                Status = q.Held ? Held : q.InProgress ? InProgress : RequiredOnly,
                GainedOn = q.GainedOn,
                ExpectedOn = q.ExpectedOn,
                RequiredBy = q.RequiredBy,
                Note = q.Note,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? qualificationId, CancellationToken ct)
    {
        if (await FindAsync(qualificationId, ct) is { } missing)
        {
            return missing;
        }
        if (Input.Evidence is { } file && Core.Appraisals.EvidenceStore.Check(file.FileName, file.Length) is { } fileError)
        {
            ModelState.AddModelError("Input.Evidence", fileError.Message);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var input = new QualificationInput(Input.Qualification, Input.Status == Held, Input.GainedOn, Input.Status == InProgress, Input.ExpectedOn,
            MayRequire ? Input.RequiredBy : Existing?.RequiredBy, Input.Note);
        var result = await qualifications.SaveAsync(Member.Id, input, MayRequire, await RecorderAsync(ct), ct);
        if (result.Value is not { } saved)
        {
            AddErrors(result.Errors, field => field == "Held" ? "Input.Status" : $"Input.{field}");
            return Invalid();
        }
        if (Input.Evidence is { } evidence)
        {
            await using var stream = evidence.OpenReadStream();
            var attached = await qualifications.AttachEvidenceAsync(saved.Id, stream, evidence.FileName, ct);
            if (!attached.Succeeded)
            {
                AddErrors(attached.Errors, _ => "Input.Evidence");
                return Invalid();
            }
        }
        TempData["Success"] = "The qualification is saved.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "qualifications");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? qualificationId, CancellationToken ct)
    {
        if (await FindAsync(qualificationId, ct) is { } missing)
        {
            return missing;
        }
        if (Existing is null)
        {
            return NotFound();
        }
        await qualifications.RemoveAsync(Existing.Id, ct);
        TempData["Success"] = $"{ExistingName} is removed.";
        return RedirectTo<IndexModel>(new { id = Member.Id }, "qualifications");
    }

    private async Task<IActionResult?> FindAsync(int? qualificationId, CancellationToken ct)
    {
        // Deadlines are the school's to set: its leaders (and the trust's admins), not the person or their line manager.
        MayRequire = await MayAsync(Member, Operations.Manage);
        var catalogue = await profiles.CatalogueAsync(Member.School, ct);
        CatalogueNames = catalogue.All.Where(q => !q.Historic).Select(q => q.Name).Order().ToList();
        if (qualificationId is int id)
        {
            Existing = await Db.PersonQualifications.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id && q.StaffMemberId == Member.Id, ct);
            if (Existing is null)
            {
                return NotFound();
            }
            ExistingName = catalogue.ByCode(Existing.QualificationCode)?.Name ?? Existing.QualificationCode;
        }
        return null;
    }
}
