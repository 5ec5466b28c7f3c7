using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>
/// What the account administration pages share: the reader must lead a school or trust; an account page loads its account
/// and checks the reader administers it (404 for none, 403 for one outside their scope); the form's choices; the links
/// that invitations and resets hand over.
/// </summary>
[Authorize(Policy = Policies.ManageStaff)]
public abstract class AccountAdminPage(LynchpinDbContext db, AccessScope access, IAuthorizationService authorization, AccountEmails emails) : PageModel
{
    protected LynchpinDbContext Db => db;
    protected AccessScope Access => access;
    protected AccountEmails Emails => emails;

    /// <summary>The account a page is about, tracked so a change to it can be saved.</summary>
    public AppUser Account { get; private set; } = null!;

    public string? AccountSchool { get; private set; }
    public StaffMember? AccountStaff { get; private set; }

    protected async Task<IActionResult?> LoadAccountAsync(string id, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (account is null)
        {
            return NotFound();
        }
        if (!await MayAsync(account, Operations.Administer))
        {
            return Forbid();
        }
        Account = account;
        AccountSchool = await db.Schools.Where(s => s.Id == account.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        AccountStaff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == account.StaffMemberId, ct);
        return null;
    }

    protected async Task<bool> MayAsync(AppUser account, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, account, operation)).Succeeded;

    /// <summary>The reader's trust (a trust admin's, or a leader's school's); null for a school outside any trust.</summary>
    protected async Task<int?> MyTrustIdAsync(CancellationToken ct) => (await access.GetAsync(ct)).User?.TrustId;

    /// <summary>Roles the reader may give, as radios.</summary>
    protected async Task<List<SelectListItem>> RoleItemsAsync(CancellationToken ct) =>
        (await access.RolesIMayGiveAsync(ct))
            .Select(r => new SelectListItem($"{RoleScope.Name(r)}: sees {RoleScope.Description(r)}", r.ToString())).ToList();

    /// <summary>Schools a trust admin may put an account in (their trust's); a leader's is their own alone.</summary>
    protected async Task<List<SelectListItem>> SchoolItemsAsync(CancellationToken ct)
    {
        var led = (await access.GetAsync(ct)).LedSchoolIds.ToList();
        var schools = await db.Schools.Where(s => led.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return [new SelectListItem("None", ""), .. schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>Staff records the account may be linked to (none linked to another account), and its own current one.</summary>
    protected async Task<List<SelectListItem>> StaffItemsAsync(string? exceptUserId, CancellationToken ct)
    {
        var staff = await (await access.LinkableStaffAsync(exceptUserId, ct))
            .OrderBy(s => s.School.Name).ThenBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.StaffRef, s.JobTitle, School = s.School.Name })
            .ToListAsync(ct);
        return
        [
            new SelectListItem("None", ""),
            .. staff.Select(s => new SelectListItem($"{s.FirstName} {s.LastName} ({s.StaffRef}), {s.JobTitle}, {s.School}",
                s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
    }

    /// <summary>The one-time link to set a password, as the person will open it.</summary>
    protected Uri SetPasswordLink(AppUser account, string token, bool invitation)
    {
        var path = $"/set-password?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}{(invitation ? "&invitation=true" : "")}";
        // Emailed links always use the configured address; a link shown to the admin may use the one they are on.
        return emails.BaseUrl is not null ? emails.Link(path) : new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}");
    }

    protected void AddErrors(IEnumerable<FieldError> errors, string prefix)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}{error.Field}", error.Message);
        }
    }

    protected PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
