using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>"Your account": what it may see, how it signs in, and the ways to change that.</summary>
public class IndexModel(UserManager<AppUser> users, TrustSignIns trustSignIns) : AccountPage(users)
{
    public string? SchoolName { get; private set; }
    public string? TrustName { get; private set; }
    public StaffMember? Staff { get; private set; }
    public TrustSignIn? SignInSettings { get; private set; }
    public bool HasPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        SchoolName = await Db.Schools.Where(s => s.Id == Me.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        TrustName = await Db.Trusts.Where(t => t.Id == Me.TrustId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        Staff = await Db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Me.StaffMemberId, ct);
        SignInSettings = await trustSignIns.ForAccountAsync(Me, ct);
        HasPassword = await Users.HasPasswordAsync(Me);
        return Page();
    }

    /// <summary>"Download everything held about me": a ZIP of JSON and CSV per kind of record, with a readable summary.</summary>
    public async Task<IActionResult> OnPostDownloadAsync([FromServices] Core.Privacy.SubjectAccessRequests requests, CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        var (name, zip) = await requests.OwnDataAsync(Me.Id, ct);
        return File(zip, "application/zip", requests.FileName(name));
    }
}
