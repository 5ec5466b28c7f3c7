using System.Globalization;
using System.Security.Claims;
using Lynchpin.Core.Data;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Observations.Leaders;

/// <summary>
/// What every page of a school's observations and rotas shares: the school from the URL, for its leaders and its trust's
/// admins only (<see cref="Operations.Manage"/>): 404 for no such school, 403 for anyone else.
/// </summary>
[Authorize(Policy = Policies.ManageStaff)]
public abstract class LeaderPageModel(LynchpinDbContext db, IAuthorizationService authorization) : PageModel
{
    protected LynchpinDbContext Db { get; } = db;

    public Lynchpin.Core.Data.Models.School School { get; private set; } = null!;

    public string HubUrl => $"/schools/{School.Urn}/observations";

    /// <summary>Loads the school and checks the user leads it; the result to return when not.</summary>
    protected async Task<IActionResult?> LoadSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
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

    /// <summary>The signed-in account, named as its staff record where it has one.</summary>
    protected async Task<Recorder> RecorderAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var user = await Db.Users.AsNoTracking().Include(u => u.StaffMember).SingleAsync(u => u.Id == userId, ct);
        return new Recorder(user.Id, user.StaffMember?.FullName ?? user.Email ?? user.UserName ?? user.Id);
    }

    /// <summary>Service errors onto the form: each field's under its input, the rest under <paramref name="fallback"/>.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors, IReadOnlyDictionary<string, string> fields, string fallback)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(fields.GetValueOrDefault(error.Field, fallback), error.Message);
        }
    }

    protected IActionResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A date typed as 2026-11-02 (or picked in a date field); null and an error when it is not one.</summary>
    protected DateOnly? ParseDate(string? text, string field, string what, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError(field, $"Enter {what}");
            }
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        ModelState.AddModelError(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date, written like 2026-11-02");
        return null;
    }

    /// <summary>Today in the school's calendar.</summary>
    protected static DateOnly Today(SchoolClock clock) => clock.Today;

    protected static int CurrentYear(SchoolClock clock) => SchoolYear.Of(Today(clock));
}
