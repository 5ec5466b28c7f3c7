using System.Globalization;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>
/// Who has been seen, how often and by which kinds of observer, over a range (the school year so far unless chosen),
/// optionally for one kind of observation; the share of records made by pastoral and support staff; who is not yet seen;
/// and themes across the records (focus questions' common words, subjects, year groups, the latest notes on learning).
/// </summary>
public class CoverageModel(ObservationCoverage coverage, ObservationThemes themes) : LeaderPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public Coverage Coverage { get; private set; } = null!;

    public Themes Themes { get; private set; } = Themes.None;

    public IEnumerable<SelectListItem> Kinds =>
        [new SelectListItem("Every kind", ""), .. ObservationCodes.Kinds.Select(k => new SelectListItem(k.DisplayName(), k.Code()))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = CurrentYear;
        var from = ParseDate(From, nameof(From), "the first day", required: false) ?? SchoolYear.Start(year);
        var to = ParseDate(To, nameof(To), "the last day", required: false) ?? SchoolYear.End(year);
        ObservationKind? kind = null;
        if (!string.IsNullOrEmpty(Kind))
        {
            if (ObservationCodes.TryParseKind(Kind, out var k))
            {
                kind = k;
            }
            else
            {
                ModelState.AddModelError(nameof(Kind), "Choose a kind of observation from the list");
            }
        }
        if (to < from)
        {
            ModelState.AddModelError(nameof(To), "The last day must be on or after the first day");
        }
        From = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!ModelState.IsValid)
        {
            Coverage = new Coverage(from, to, kind, [], new Dictionary<ObserverKind, int>());
            return Invalid();
        }
        Coverage = await coverage.ForSchoolAsync(School.Id, from, to, kind, ct);
        Themes = await themes.ForSchoolAsync(School.Id, from, to, kind, ct);
        return Page();
    }

    /// <summary>"Pastoral and support staff made 3 of the 8 records (37.5%)."</summary>
    public string ShareSentence
    {
        get
        {
            var records = Coverage.Records;
            if (records == 0)
            {
                return "No visits have been recorded in these dates yet.";
            }
            var byThem = Coverage.RecordsByKind.Where(k => k.Key.IsPastoralOrSupport()).Sum(k => k.Value);
            return $"Pastoral and support staff made {byThem} of the {records} {(records == 1 ? "record" : "records")} ({RotaReport.Percent(Coverage.PastoralAndSupportShare)}).";
        }
    }

    /// <summary>"by a senior leader", "by pastoral staff": who wrote a note, by kind only (no names on this page).</summary>
    public static string ByWhom(ObserverKind kind) => kind switch
    {
        ObserverKind.Slt => "by a senior leader",
        ObserverKind.MiddleLeader => "by a middle leader",
        ObserverKind.Teacher => "by a teacher",
        ObserverKind.Pastoral => "by pastoral staff",
        ObserverKind.Support => "by support staff",
        _ => "",
    };
}
