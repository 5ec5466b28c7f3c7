using System.Globalization;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>
/// What every page of a school's observations and rotas shares: a page about one school, for its leaders and its trust's
/// admins only (<see cref="Operations.Manage"/>): 404 for no such school, 403 for anyone else.
/// </summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Manage))]
public abstract class LeaderPageModel : SchoolPageModel
{
    public string HubUrl => Url.To<IndexModel>(new { urn = School.Urn });

    /// <summary>Service errors onto the form: each field's under its input, the rest under <paramref name="fallback"/>.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors, IReadOnlyDictionary<string, string> fields, string fallback) =>
        AddErrors(errors, field => fields.GetValueOrDefault(field, fallback));

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
            if (Dates.InRange(date))
            {
                return date;
            }
            ModelState.AddModelError(field, Dates.OutOfRange);
            return null;
        }
        ModelState.AddModelError(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date, written like 2026-11-02");
        return null;
    }

    protected int CurrentYear => SchoolYear.Of(Today);
}
