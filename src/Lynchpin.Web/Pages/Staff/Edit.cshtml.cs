using Lynchpin.Core.Data;
using Lynchpin.Core.Staff;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Staff;

[Authorize(Policy = Policies.ManageStaff)]
public class EditModel(LynchpinDbContext db, StaffEditor editor, IAuthorizationService authorization, SchoolClock clock) : StaffFormPage(db, clock)
{
    private readonly LynchpinDbContext _db = db;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }
        await LoadOptionsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var posted = Input;
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }
        Input = posted;
        var details = ReadInput();
        if (details is null)
        {
            return await InvalidAsync(id, ct);
        }
        var result = await editor.UpdateAsync(id, details, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return await InvalidAsync(id, ct);
        }
        TempData["Success"] = $"{details.FirstName} {details.LastName}'s details are saved.";
        return Redirect($"/staff/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var member = await _db.StaffMembers.AsNoTracking().Include(s => s.School).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (member is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, member, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        Id = id;
        Name = member.FullName;
        School = member.School;
        Input = StaffInput.From(member);
        return null;
    }
}
