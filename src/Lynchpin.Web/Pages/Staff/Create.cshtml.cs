using Lynchpin.Core.Data;
using Lynchpin.Core.Staff;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Staff;

[Authorize(Policy = Policies.ManageStaff)]
public class CreateModel(LynchpinDbContext db, StaffEditor editor, IAuthorizationService authorization, SchoolClock clock) : StaffFormPage(db, clock)
{
    private readonly LynchpinDbContext _db = db;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var denied = await LoadSchoolAsync(urn, ct);
        if (denied is not null)
        {
            return denied;
        }
        await LoadOptionsAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var denied = await LoadSchoolAsync(urn, ct);
        if (denied is not null)
        {
            return denied;
        }
        var details = ReadInput();
        if (details is null)
        {
            return await InvalidAsync(null, ct);
        }
        var result = await editor.CreateAsync(School.Id, details, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return await InvalidAsync(null, ct);
        }
        TempData["Success"] = $"{details.FirstName} {details.LastName} is added.";
        return Redirect($"/staff/{result.Value!.Id}");
    }

    private async Task<IActionResult?> LoadSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await _db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, school, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        School = school;
        return null;
    }
}
