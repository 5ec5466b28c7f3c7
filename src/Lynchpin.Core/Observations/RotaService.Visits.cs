using System.Globalization;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>A leader's changes to a stored rota, one visit at a time; each refused when it breaks a rule the rota kept.</summary>
public partial class RotaService
{
    /// <summary>Moves a visit to another lesson (same observer); refused when the visit is recorded or the move breaks a rule.</summary>
    public async Task<Result<RotaVisit>> MoveVisitAsync(int visitId, VisitSlot to, Recorder changedBy, CancellationToken cancellationToken = default)
    {
        var visit = await db.RotaVisits.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        if (visit is null)
        {
            return Result<RotaVisit>.Fail("Visit", "There is no such visit");
        }
        if (await db.ObservationRecords.AnyAsync(r => r.VisitId == visitId, cancellationToken))
        {
            return Result<RotaVisit>.Fail("Visit", "This visit has been recorded, so it stays where it took place");
        }
        var rota = await db.ObservationRotas.Include(r => r.Visits).SingleAsync(r => r.Id == visit.RotaId, cancellationToken);
        var built = await ProblemForAsync(rota, clock.LocalNow, cancellationToken);
        if (built.Value is not { } school)
        {
            return Result<RotaVisit>.Fail(built.Errors);
        }
        var observer = school.PersonOrNull(visit.ObserverId)!;
        var placed = Place(school, rota, observer, to);
        if (placed.Value is not { } moved)
        {
            return Result<RotaVisit>.Fail(placed.Errors);
        }
        var before = rota.Visits.Select(school.ToVisit).ToList();
        var after = rota.Visits.Where(v => v.Id != visitId).Select(school.ToVisit).Append(moved).ToList();
        if (NewViolations(school.Problem, before, after) is { Count: > 0 } errors)
        {
            return Result<RotaVisit>.Fail(errors);
        }
        Copy(moved, school, visit);
        visit.ChangedAt = clock.UtcNow;
        visit.ChangedByName = Truncate(changedBy.Name, ObservationRota.NameMaxLength);
        await db.SaveChangesAsync(cancellationToken);
        return Result<RotaVisit>.Done(visit);
    }

    /// <summary>Adds a visit by an observer to a lesson; refused when it breaks a rule (a clash, a limit, not an observer).</summary>
    public async Task<Result<RotaVisit>> AddVisitAsync(int rotaId, int observerId, VisitSlot slot, Recorder changedBy,
        CancellationToken cancellationToken = default)
    {
        var rota = await db.ObservationRotas.Include(r => r.Visits).SingleOrDefaultAsync(r => r.Id == rotaId, cancellationToken);
        if (rota is null)
        {
            return Result<RotaVisit>.Fail("Rota", "There is no such rota");
        }
        var built = await ProblemForAsync(rota, clock.LocalNow, cancellationToken);
        if (built.Value is not { } school)
        {
            return Result<RotaVisit>.Fail(built.Errors);
        }
        if (school.PersonOrNull(observerId) is not { } observer)
        {
            return Result<RotaVisit>.Fail("ObserverId", $"Choose an observer from {school.School.Name}'s staff");
        }
        // Named here: the checker knows only the observers on the list, so it could name this person only by reference.
        if (!school.Problem.Observers.Any(o => o.StaffRef == observer.StaffRef))
        {
            return Result<RotaVisit>.Fail("ObserverId",
                $"{observer.Label} is not one of {school.School.Name}'s observers with visits to make; add them to the observer list first");
        }
        var placed = Place(school, rota, observer, slot);
        if (placed.Value is not { } added)
        {
            return Result<RotaVisit>.Fail(placed.Errors);
        }
        var before = rota.Visits.Select(school.ToVisit).ToList();
        if (NewViolations(school.Problem, before, before.Append(added).ToList()) is { Count: > 0 } errors)
        {
            return Result<RotaVisit>.Fail(errors);
        }
        var visit = new RotaVisit { RotaId = rota.Id, Period = added.Period, Class = added.Class };
        Copy(added, school, visit);
        visit.ChangedAt = clock.UtcNow;
        visit.ChangedByName = Truncate(changedBy.Name, ObservationRota.NameMaxLength);
        db.RotaVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return Result<RotaVisit>.Done(visit);
    }

    /// <summary>Takes a visit off its rota. A record already made for it is kept (without its visit).</summary>
    public async Task<Result<RotaVisit>> RemoveVisitAsync(int visitId, CancellationToken cancellationToken = default)
    {
        var visit = await db.RotaVisits.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        if (visit is null)
        {
            return Result<RotaVisit>.Fail("Visit", "There is no such visit");
        }
        // Explicitly, rather than trusting every provider's ON DELETE SET NULL with the tracked graph.
        await db.ObservationRecords.Where(r => r.VisitId == visitId).ExecuteUpdateAsync(u => u.SetProperty(r => r.VisitId, (int?)null), cancellationToken);
        db.RotaVisits.Remove(visit);
        await db.SaveChangesAsync(cancellationToken);
        return Result<RotaVisit>.Done(visit);
    }

    /// <summary>The visit <paramref name="observer"/> would make to the lesson in <paramref name="slot"/>, or why there is no such lesson.</summary>
    private static Result<Visit> Place(SchoolRotaProblem school, ObservationRota rota, RotaPerson observer, VisitSlot slot)
    {
        if (school.PersonOrNull(slot.ObserveeId) is not { } observee)
        {
            return Result<Visit>.Fail(nameof(slot.ObserveeId), $"Choose whose lesson to visit from {school.School.Name}'s staff");
        }
        if (!school.Problem.Observees.Any(o => o.StaffRef == observee.StaffRef))
        {
            return Result<Visit>.Fail(nameof(slot.ObserveeId),
                $"{observee.Label} does not lead lessons on the timetable in this rota's dates, so their lessons are not visited");
        }
        var date = SchoolCalendar.Format(slot.Date);
        if (slot.Date < rota.From || slot.Date > rota.To)
        {
            return Result<Visit>.Fail(nameof(slot.Date),
                $"{date} is outside the rota ({SchoolCalendar.Format(rota.From)} to {SchoolCalendar.Format(rota.To)})");
        }
        var calendar = school.Problem.Calendar;
        if (SchoolCalendar.IsWeekend(slot.Date))
        {
            return Result<Visit>.Fail(nameof(slot.Date), $"{date} is a weekend");
        }
        if (school.Calendar.Blocked.FirstOrDefault(b => b.Date == slot.Date) is { } blocked)
        {
            return Result<Visit>.Fail(nameof(slot.Date),
                $"{date} is blocked in the school calendar{(blocked.Reason is null ? "" : $" ({blocked.Reason})")}");
        }
        var week = calendar.WeekOf(slot.Date);
        var weekText = week == TimetableWeek.Every ? "" : $" (week {week})";
        var period = slot.Period.Trim();
        var lessons = school.Problem.Timetable
            .Where(e => e.StaffRef == observee.StaffRef && e.Day == slot.Date.DayOfWeek && e.Period == period && SchoolCalendar.TakesPlace(e.Week, week))
            .ToList();
        var @class = slot.Class?.Trim();
        if (!string.IsNullOrEmpty(@class))
        {
            lessons = lessons.Where(e => string.Equals(e.Class, @class, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        if (lessons.Count == 0)
        {
            return Result<Visit>.Fail(nameof(slot.Period),
                $"{observee.Label} has no lesson{(string.IsNullOrEmpty(@class) ? "" : $" with {@class}")} in period {period} on {date}{weekText}");
        }
        if (lessons.Count > 1)
        {
            return Result<Visit>.Fail(nameof(slot.Class),
                $"{observee.Label} has more than one class in period {period} on {date}: choose one of {string.Join(", ", lessons.Select(l => l.Class))}");
        }
        return Result<Visit>.Done(new Lesson(slot.Date, week, lessons[0]).VisitBy(observer.StaffRef));
    }

    /// <summary>The rules the change breaks that the rota did not break already (compared as counts of each message).</summary>
    private static List<FieldError> NewViolations(RotaProblem problem, IReadOnlyList<Visit> before, IReadOnlyList<Visit> after)
    {
        var already = RotaChecker.Check(problem, before).CountBy(v => (v.Rule, v.Message)).ToDictionary();
        return RotaChecker.Check(problem, after)
            .GroupBy(v => (v.Rule, v.Message))
            .Where(g => g.Count() > already.GetValueOrDefault(g.Key))
            .Select(g => new FieldError("Visit", g.Key.Message))
            .ToList();
    }

    private static void Copy(Visit from, SchoolRotaProblem school, RotaVisit to)
    {
        var observer = school.Person(from.ObserverRef);
        to.Date = from.Date;
        to.Week = from.Week;
        to.Period = from.Period;
        to.Start = from.Start;
        to.End = from.End;
        to.ObserverId = observer.StaffMemberId;
        to.ObserverKind = observer.Kind;
        to.ObserveeId = school.Person(from.ObserveeRef).StaffMemberId;
        to.Class = from.Class;
        to.Subject = from.Subject;
        to.YearGroup = from.YearGroup;
        to.Room = from.Room;
    }
}
