using System.Globalization;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;
using Lynchpin.Core.Schools;
using Lynchpin.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Conditions;

/// <summary>A person behind an indicator: what the indicator found about them (never what was said, never pay), and whether they count towards it.</summary>
public sealed record IndicatorPerson(int Id, string StaffRef, string Name, string Detail, bool Counts);

/// <summary>
/// One indicator measured for a school and year: its value (null when it cannot be measured, with <see cref="Basis"/>
/// saying why — never a 0 that was not measured), the people behind it, and what leaders set (target, notes, actions).
/// </summary>
public sealed record IndicatorResult(ConditionsIndicator Indicator, decimal? Value, string Basis, IReadOnlyList<IndicatorPerson> People, ConditionsEntry? Entry)
{
    public decimal? Target => Entry?.Target;
    public Rag? Rag => ConditionsIndicators.RagFor(Value, Target);
    public string Shown => Value is decimal v ? Indicator.Format(v) : "Not measured";
}

public sealed record ConditionsResult(int Year, DateOnly MeasuredOn, IReadOnlyList<IndicatorResult> Indicators)
{
    public IndicatorResult this[string code] => Indicators.Single(i => i.Indicator.Code == code);
}

/// <summary>A form's worth of an indicator's settings, as typed.</summary>
public sealed record ConditionsInput(string? Target, string? Value, string? Notes, string? Actions);

/// <summary>
/// "Do you need to improve the conditions?" for a school and year: each indicator measured from Lynchpin's records
/// beside the target its leaders set. Callers check that the viewer leads the school (or the trust) first.
/// </summary>
public class ConditionsReview(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The day a year is measured to: today in the current year, the year's last day for a past one.</summary>
    public static DateOnly MeasuredOn(int year, DateOnly today) => year >= SchoolYear.Of(today) ? today : SchoolYear.End(year);

    /// <summary>
    /// The year's six half terms (start and end), from the school's term dates or the usual ones: each term splits at its
    /// half-term holiday, or in the middle when none is given; days between terms count with the half term before them.
    /// </summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> HalfTerms(TermCalendar calendar, int year)
    {
        var starts = new List<DateOnly>();
        foreach (var term in calendar.TermsOf(year))
        {
            starts.Add(term.Starts);
            starts.Add(term.HalfTermEnds is { } back ? back.AddDays(1) : term.Starts.AddDays((term.Ends.DayNumber - term.Starts.DayNumber) / 2 + 1));
        }
        starts[0] = SchoolYear.Start(year) < starts[0] ? SchoolYear.Start(year) : starts[0];
        return starts.Select((s, i) => (s, i + 1 < starts.Count ? starts[i + 1].AddDays(-1) : SchoolYear.End(year))).ToList();
    }

    public async Task<ConditionsResult> ForSchoolAsync(int schoolId, int year, CancellationToken ct = default)
    {
        var today = clock.Today;
        var on = MeasuredOn(year, today);
        var start = SchoolYear.Start(year);
        var entries = await db.ConditionsEntries.AsNoTracking().Where(e => e.SchoolId == schoolId && e.Year == year)
            .ToDictionaryAsync(e => e.Indicator, ct);
        ConditionsEntry? EntryOf(string code) => entries.GetValueOrDefault(code);

        var people = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId).InPostDuring(year)
            .Where(s => s.StartDate == null || s.StartDate <= on)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new Someone(s.Id, s.StaffRef, s.FirstName + " " + s.LastName, s.RoleFamily, s.StartDate, s.LeavingDate,
                s.Coach == null ? null : s.Coach.FirstName + " " + s.Coach.LastName))
            .ToListAsync(ct);
        var inPost = people.Where(p => p.InPostOn(on)).ToList();
        IndicatorResult NotMeasured(string code, string why) => new(ConditionsIndicators.ByCode(code)!, null, why, [], EntryOf(code));
        IndicatorResult Share(string code, IReadOnlyList<IndicatorPerson> counted, string of) =>
            counted.Count == 0
                ? NotMeasured(code, $"Nobody {of}.")
                : new(ConditionsIndicators.ByCode(code)!, Percent(counted.Count(p => p.Counts), counted.Count),
                    $"{counted.Count(p => p.Counts)} of {counted.Count} {of}", counted, EntryOf(code));

        var results = new List<IndicatorResult>();

        // A person's coach is kept as it is now, not as it was: a past year's share would be today's, so it is not shown.
        results.Add(year == SchoolYear.Of(today)
            ? Share(ConditionsIndicators.Coaching,
                inPost.Select(p => new IndicatorPerson(p.Id, p.StaffRef, p.Name, p.CoachName is null ? "No coach" : $"Coach: {p.CoachName}", p.CoachName is not null)).ToList(),
                $"in post on {Dates.Long(on)}")
            : NotMeasured(ConditionsIndicators.Coaching, "Lynchpin keeps each person's current coach only, so this is measured for the current year."));

        results.Add(await ConversationsAsync(schoolId, year, on, people, EntryOf(ConditionsIndicators.Conversations), ct));

        var records = await db.ObservationRecords.AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Date >= start && r.Date <= on)
            .Select(r => new { r.ObserveeId, r.ObserverId, r.ObserverKind, r.Observer.StaffRef, Name = r.Observer.FirstName + " " + r.Observer.LastName })
            .ToListAsync(ct);
        if (records.Count == 0)
        {
            results.Add(NotMeasured(ConditionsIndicators.Observed, "No observations recorded this year."));
            results.Add(NotMeasured(ConditionsIndicators.ObserversPastoralSupport, "No observations recorded this year."));
        }
        else
        {
            var times = records.GroupBy(r => r.ObserveeId).ToDictionary(g => g.Key, g => g.Count());
            results.Add(Share(ConditionsIndicators.Observed,
                inPost.Select(p => new IndicatorPerson(p.Id, p.StaffRef, p.Name,
                    times.TryGetValue(p.Id, out var n) ? $"Observed {Times(n)}" : "Not observed yet", times.ContainsKey(p.Id))).ToList(),
                $"in post on {Dates.Long(on)}"));
            var byPastoralOrSupport = records.Count(r => r.ObserverKind is ObserverKind.Pastoral or ObserverKind.Support);
            var observers = records.GroupBy(r => (r.ObserverId, r.StaffRef, r.Name, r.ObserverKind))
                .Select(g => new IndicatorPerson(g.Key.ObserverId, g.Key.StaffRef, g.Key.Name,
                    $"{g.Key.ObserverKind.DisplayName()}: {Plural(g.Count(), "observation")}",
                    g.Key.ObserverKind is ObserverKind.Pastoral or ObserverKind.Support))
                .OrderByDescending(p => p.Counts).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            results.Add(new(ConditionsIndicators.ByCode(ConditionsIndicators.ObserversPastoralSupport)!, Percent(byPastoralOrSupport, records.Count),
                $"{byPastoralOrSupport} of {Plural(records.Count, "observation")}", observers, EntryOf(ConditionsIndicators.ObserversPastoralSupport)));
        }

        results.AddRange(await CpdAsync(year, on, people, EntryOf, ct));
        results.Add(await ObjectivesAsync(schoolId, year, on, EntryOf(ConditionsIndicators.ObjectivesOnTime), ct));

        var triad = EntryOf(ConditionsIndicators.TriadTime);
        results.Add(triad?.Value is decimal minutes
            ? new(ConditionsIndicators.ByCode(ConditionsIndicators.TriadTime)!, minutes, "Entered by the school's leaders", [], triad)
            : NotMeasured(ConditionsIndicators.TriadTime, "Not entered yet."));

        return new ConditionsResult(year, on, results);
    }

    private async Task<IndicatorResult> ConversationsAsync(int schoolId, int year, DateOnly on, IReadOnlyList<Someone> people, ConditionsEntry? entry,
        CancellationToken ct)
    {
        var indicator = ConditionsIndicators.ByCode(ConditionsIndicators.Conversations)!;
        var start = SchoolYear.Start(year);
        var ids = people.Select(p => p.Id).ToList();
        var held = await db.ProfessionalConversations.AsNoTracking()
            .Where(c => ids.Contains(c.StaffMemberId) && c.HeldOn >= start && c.HeldOn <= on)
            .GroupBy(c => c.StaffMemberId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (held.Count == 0)
        {
            return new(indicator, null, "No professional conversations recorded this year.", [], entry);
        }
        var halfTerms = HalfTerms(await TermDatesStore.CalendarAsync(db, schoolId, ct), year).Where(h => h.Start <= on)
            .Select(h => (h.Start, End: h.End < on ? h.End : on)).ToList();
        var rows = people.Select(p =>
        {
            var terms = halfTerms.Count(h => (p.StartDate is null || p.StartDate <= h.End) && (p.LeavingDate is null || p.LeavingDate >= h.Start));
            var count = held.GetValueOrDefault(p.Id);
            return (Person: new IndicatorPerson(p.Id, p.StaffRef, p.Name, $"{Plural(count, "conversation")} in {Plural(terms, "half term")}", count > 0), count, terms);
        }).ToList();
        var personTerms = rows.Sum(r => r.terms);
        var total = rows.Sum(r => r.count);
        return personTerms == 0
            ? new(indicator, null, "Nobody was in post in a half term of the year so far.", [], entry)
            : new(indicator, Math.Round((decimal)total / personTerms, 2, MidpointRounding.AwayFromZero),
                $"{Plural(total, "conversation")} in {Plural(personTerms, "half term")} of people's time in post", rows.Select(r => r.Person).ToList(), entry);
    }

    private async Task<IReadOnlyList<IndicatorResult>> CpdAsync(int year, DateOnly on, IReadOnlyList<Someone> people, Func<string, ConditionsEntry?> entryOf,
        CancellationToken ct)
    {
        var start = SchoolYear.Start(year);
        var ids = people.Select(p => p.Id).ToList();
        // Summed here: SQLite keeps decimals as text and cannot add them up.
        var hours = (await db.CpdAttendances.AsNoTracking()
                .Where(a => ids.Contains(a.StaffMemberId) && a.Activity.StartDate >= start && a.Activity.StartDate <= on)
                .Select(a => new { a.StaffMemberId, a.Hours }).ToListAsync(ct))
            .GroupBy(a => a.StaffMemberId).ToDictionary(g => g.Key, g => g.Sum(a => a.Hours));
        var groups = new (string Code, Func<Someone, bool> Includes)[]
        {
            (ConditionsIndicators.CpdTeaching, p => p.Family.Category() == StaffCategory.Teaching),
            (ConditionsIndicators.CpdSupport, p => p.Family.Category() == StaffCategory.Support),
            (ConditionsIndicators.CpdLearningSupport, p => p.Family == RoleFamily.LearningSupport),
            (ConditionsIndicators.CpdPastoral, p => p.Family == RoleFamily.Pastoral),
        };
        return groups.Select(g =>
        {
            var indicator = ConditionsIndicators.ByCode(g.Code)!;
            var group = people.Where(g.Includes).ToList();
            if (hours.Count == 0 || group.Count == 0)
            {
                return new IndicatorResult(indicator, null, hours.Count == 0 ? "No CPD recorded this year." : "Nobody in this group this year.", [], entryOf(g.Code));
            }
            var sum = group.Sum(p => hours.GetValueOrDefault(p.Id));
            var rows = group.Select(p => new IndicatorPerson(p.Id, p.StaffRef, p.Name,
                $"{hours.GetValueOrDefault(p.Id).ToString("0.##", CultureInfo.InvariantCulture)} hours", hours.GetValueOrDefault(p.Id) > 0)).ToList();
            return new IndicatorResult(indicator, Math.Round(sum / group.Count, 2, MidpointRounding.AwayFromZero),
                $"{sum.ToString("0.##", CultureInfo.InvariantCulture)} hours for {Plural(group.Count, "person", "people")}", rows, entryOf(g.Code));
        }).ToList();
    }

    private async Task<IndicatorResult> ObjectivesAsync(int schoolId, int year, DateOnly on, ConditionsEntry? entry, CancellationToken ct)
    {
        var indicator = ConditionsIndicators.ByCode(ConditionsIndicators.ObjectivesOnTime)!;
        var cycle = await db.AppraisalCycles.AsNoTracking().SingleOrDefaultAsync(c => c.SchoolId == schoolId && c.Year == year, ct);
        if (cycle is null)
        {
            return new(indicator, null, $"No appraisal cycle for {SchoolYear.Name(year)}.", [], entry);
        }
        var due = cycle.ObjectivesDue;
        if (on < due)
        {
            return new(indicator, null, $"Objectives are due by {Dates.Long(due)}: measured once that day has passed.", [], entry);
        }
        var appraisals = await db.Appraisals.AsNoTracking()
            .Where(a => a.CycleId == cycle.Id
                && (a.StaffMember.StartDate == null || a.StaffMember.StartDate <= due) && (a.StaffMember.LeavingDate == null || a.StaffMember.LeavingDate >= due))
            .OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName).ThenBy(a => a.StaffMemberId)
            .Select(a => new { a.StaffMemberId, a.StaffMember.StaffRef, Name = a.StaffMember.FirstName + " " + a.StaffMember.LastName, a.ObjectivesStatus, a.AgreedAt })
            .ToListAsync(ct);
        if (appraisals.Count == 0)
        {
            return new(indicator, null, $"Nobody in post on {Dates.Long(due)} has an appraisal in the cycle.", [], entry);
        }
        var rows = appraisals.Select(a =>
        {
            var agreedOn = a.ObjectivesStatus == ObjectivesStatus.Agreed && a.AgreedAt is DateTime at ? SchoolClock.DateOf(at) : (DateOnly?)null;
            var detail = agreedOn switch
            {
                DateOnly d when d <= due => $"Agreed on {Dates.Long(d)}",
                DateOnly d => $"Agreed on {Dates.Long(d)}, after the deadline",
                _ => a.ObjectivesStatus == ObjectivesStatus.NotAgreed ? "Not agreed: the person recorded why" : "Not agreed yet",
            };
            return new IndicatorPerson(a.StaffMemberId, a.StaffRef, a.Name, detail, agreedOn <= due);
        }).ToList();
        return new(indicator, Percent(rows.Count(r => r.Counts), rows.Count),
            $"{rows.Count(r => r.Counts)} of {rows.Count} appraisals agreed by {Dates.Long(due)}", rows, entry);
    }

    /// <summary>The entry leaders keep for an indicator in a year, or null before anything was saved.</summary>
    public Task<ConditionsEntry?> EntryAsync(int schoolId, int year, string code, CancellationToken ct = default) =>
        db.ConditionsEntries.AsNoTracking().SingleOrDefaultAsync(e => e.SchoolId == schoolId && e.Year == year && e.Indicator == code, ct);

    /// <summary>Saves an indicator's target, notes and actions (and an entered value); refused when another save came first.</summary>
    public async Task<Result> SaveAsync(int schoolId, int year, ConditionsIndicator indicator, ConditionsInput input, int? revision, Recorder by,
        CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var target = Number(input.Target, nameof(ConditionsInput.Target), "the target", "The target", indicator, errors);
        var value = indicator.Entered ? Number(input.Value, nameof(ConditionsInput.Value), "the minutes", "The minutes", indicator, errors) : null;
        var notes = Text(input.Notes, nameof(ConditionsInput.Notes), "Notes", errors);
        var actions = Text(input.Actions, nameof(ConditionsInput.Actions), "Actions", errors);
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        var entry = await db.ConditionsEntries.SingleOrDefaultAsync(e => e.SchoolId == schoolId && e.Year == year && e.Indicator == indicator.Code, ct);
        if (entry is null)
        {
            // Stored at revision 1, so a form opened before anything was saved (at 0) is stale once someone has saved.
            if (revision is > 0)
            {
                return Result.Fail(new Conflict("What you opened has since been removed. Open it again to see what is stored", 0));
            }
            entry = new ConditionsEntry { SchoolId = schoolId, Year = year, Indicator = indicator.Code, Revision = 1 };
            db.ConditionsEntries.Add(entry);
            revision = null;
        }
        if (Revisions.Check(db, entry, revision, by, clock.UtcNow) is { } stale)
        {
            return Result.Fail(stale);
        }
        (entry.Target, entry.Value, entry.Notes, entry.Actions) = (target, value, notes, actions);
        return await Revisions.SaveAsync(db, entry, ct) is { } conflict ? Result.Fail(conflict) : Result.Ok;
    }

    private static decimal? Number(string? text, string field, string what, string label, ConditionsIndicator indicator, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim().TrimEnd('%').Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || decimal.Round(number, 2) != number)
        {
            errors.Add(new(field, $"Enter {what} as a number, like {(indicator.Unit == IndicatorUnit.Percent ? "80" : "1.5")}, with at most 2 decimal places"));
            return null;
        }
        if (number > indicator.Maximum)
        {
            errors.Add(new(field, $"{label} must be {indicator.Maximum.ToString("0", CultureInfo.InvariantCulture)} or less"));
            return null;
        }
        return number;
    }

    private static string? Text(string? text, string field, string what, List<FieldError> errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed?.Length > ConditionsEntry.TextMaxLength)
        {
            errors.Add(new(field, $"{what} must be {ConditionsEntry.TextMaxLength} characters or fewer"));
        }
        return trimmed;
    }

    private static decimal Percent(int count, int of) => Math.Round(100m * count / of, 1, MidpointRounding.AwayFromZero);

    private static string Times(int n) => n == 1 ? "once" : n == 2 ? "twice" : $"{n} times";

    private static string Plural(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    private sealed record Someone(int Id, string StaffRef, string Name, RoleFamily Family, DateOnly? StartDate, DateOnly? LeavingDate, string? CoachName)
    {
        public bool InPostOn(DateOnly date) => (StartDate is null || StartDate <= date) && (LeavingDate is null || LeavingDate >= date);
    }
}
