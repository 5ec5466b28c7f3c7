using System.Globalization;
using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Schools;

public sealed class VisitInput
{
    public string? ObserverId { get; set; }
    public string? Date { get; set; }
    public string? Period { get; set; }
    public string? ObserveeId { get; set; }
    public string? Class { get; set; }
}

/// <summary>
/// What moving and adding a visit share: the rota from the URL, the choices (periods and people on the timetable,
/// observers on the list) and reading the form into a <see cref="VisitSlot"/>. The service checks every rule.
/// </summary>
public abstract class VisitFormModel : RotaPageModel
{
    /// <summary>The service's field names on this form; a broken rule ("Visit") is shown at the date.</summary>
    protected static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(VisitSlot.Date)] = "Input.Date",
        [nameof(VisitSlot.Period)] = "Input.Period",
        [nameof(VisitSlot.ObserveeId)] = "Input.ObserveeId",
        [nameof(VisitSlot.Class)] = "Input.Class",
        ["ObserverId"] = "Input.ObserverId",
    };

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Periods { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Observees { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Observers { get; private set; } = [];

    /// <summary>After the rota: the choices the form offers.</summary>
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await base.LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var schoolId = School.Id;
        var rows = await Db.TimetableRows.AsNoTracking().Where(r => r.SchoolId == schoolId)
            .Select(r => new { r.Period, r.Start, r.StaffMemberId, r.StaffMember.FirstName, r.StaffMember.LastName, r.StaffMember.StaffRef })
            .ToListAsync(ct);
        Periods = rows.GroupBy(r => r.Period).OrderBy(g => g.Min(r => r.Start)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SelectListItem(g.Key, g.Key)).ToList();
        Observees = rows.DistinctBy(r => r.StaffMemberId).OrderBy(r => r.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.FirstName, StringComparer.OrdinalIgnoreCase)
            .Select(r => new SelectListItem($"{r.FirstName} {r.LastName} ({r.StaffRef})", r.StaffMemberId.ToString(CultureInfo.InvariantCulture))).ToList();
        var observers = await Db.RotaObservers.AsNoTracking().Where(o => o.SchoolId == schoolId)
            .Select(o => new { o.StaffMemberId, o.StaffMember.FirstName, o.StaffMember.LastName, o.StaffMember.StaffRef, o.Visits })
            .ToListAsync(ct);
        Observers = observers.OrderBy(o => o.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.FirstName, StringComparer.OrdinalIgnoreCase)
            .Select(o => new SelectListItem($"{o.FirstName} {o.LastName} ({o.StaffRef}), {o.Visits} visits", o.StaffMemberId.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return null;
    }

    /// <summary>The lesson the form names, or null with the form's errors added.</summary>
    protected VisitSlot? ReadSlot()
    {
        var date = ParseDate(Input.Date, "Input.Date", "the date of the visit");
        if (string.IsNullOrWhiteSpace(Input.Period))
        {
            ModelState.AddModelError("Input.Period", "Choose the period");
        }
        var observee = ParseId(Input.ObserveeId, "Input.ObserveeId", "Choose whose lesson to visit");
        return ModelState.IsValid ? new VisitSlot(date!.Value, Input.Period!, observee!.Value, string.IsNullOrWhiteSpace(Input.Class) ? null : Input.Class) : null;
    }

    protected int? ParseId(string? text, string field, string message)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        ModelState.AddModelError(field, message);
        return null;
    }

    protected static IReadOnlyList<SelectListItem> WithPrompt(IReadOnlyList<SelectListItem> items, string prompt) =>
        [new SelectListItem(prompt, ""), .. items];
}
