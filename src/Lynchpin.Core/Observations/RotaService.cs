using System.Globalization;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>Changes to the school's settings for one rota; null keeps the setting (or the solver's default).</summary>
public sealed record RotaOverrides
{
    public int? MaxVisitsPerObservee { get; init; }
    public int? MaxObserversPerLesson { get; init; }
    public TimeSpan? TimeLimit { get; init; }
    /// <summary>Solver threads; tests use 1 for results that repeat.</summary>
    public int? Workers { get; init; }
    public int? Seed { get; init; }
}

public sealed record RotaRequest(DateOnly From, DateOnly To, ObservationKind Kind, RotaOverrides? Overrides = null);

/// <summary>The member of staff behind a reference in a rota problem.</summary>
public sealed record RotaPerson(int StaffMemberId, string StaffRef, string Name, ObserverKind Kind)
{
    /// <summary>"Amira Khan (AC9)", as the solver's messages name people.</summary>
    public string Label => $"{Name} ({StaffRef})";
}

/// <summary>A rota problem built from a school's data, with the staff behind its references.</summary>
public sealed class SchoolRotaProblem(School school, RotaProblem problem, CalendarSetup calendar, IReadOnlyList<RotaPerson> staff)
{
    private readonly Dictionary<string, RotaPerson> byRef = staff.ToDictionary(p => p.StaffRef, StringComparer.Ordinal);
    private readonly Dictionary<int, RotaPerson> byId = staff.ToDictionary(p => p.StaffMemberId);

    public School School { get; } = school;
    public RotaProblem Problem { get; } = problem;
    public CalendarSetup Calendar { get; } = calendar;

    /// <summary>Everyone on the school's staff, in post or not.</summary>
    public IReadOnlyCollection<RotaPerson> Staff => byId.Values;

    public RotaPerson Person(string staffRef) => byRef[staffRef];

    public RotaPerson? PersonOrNull(int staffMemberId) => byId.GetValueOrDefault(staffMemberId);

    /// <summary>A stored visit in the solver's terms (references, not ids), for the checker, measures and CSV.</summary>
    public Visit ToVisit(RotaVisit v) => new(v.Date, v.Week, v.Period, v.Start, v.End,
        byId[v.ObserverId].StaffRef, byId[v.ObserveeId].StaffRef, v.Class, v.Subject, v.YearGroup, v.Room);
}

/// <summary>A stored rota with the solver's full report and the problem it solved.</summary>
public sealed record RotaGeneration(ObservationRota Rota, RotaResult Result, SchoolRotaProblem Problem);

/// <summary>A lesson to put a visit in: the observee's lesson in that period on that date (the class when they have two).</summary>
public sealed record VisitSlot(DateOnly Date, string Period, int ObserveeId, string? Class = null);

/// <summary>
/// Builds rotas from a school's timetable, duties, calendar, observers and settings; solves and stores them; and lets
/// leaders move, add and remove visits, refusing any change that breaks a rule (checked by <see cref="RotaChecker"/>).
/// Callers check that the user leads the school first.
/// </summary>
/// <remarks>
/// Observees are the staff who lead lessons: in each (day, period, class) of the timetable, the teaching staff in it, or
/// everyone in it when no teacher is (a cover supervisor, an HLTA with a class). Observers and observees must be in
/// post at some time in the range.
/// </remarks>
public class RotaService(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>A rota may cover up to a year; a half term is usual.</summary>
    public const int MaxRangeDays = 366;

    public async Task<Result<SchoolRotaProblem>> BuildProblemAsync(int schoolId, DateOnly from, DateOnly to, ObservationKind kind,
        RotaOverrides? overrides = null, CancellationToken cancellationToken = default)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, cancellationToken);
        if (school is null)
        {
            return Result<SchoolRotaProblem>.Fail("School", "There is no such school");
        }
        var errors = new List<FieldError>();
        if (to < from)
        {
            errors.Add(new("To", Invariant($"The rota ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}")));
        }
        else if (to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            errors.Add(new("To", $"A rota can cover at most {MaxRangeDays} days; make one for each term or half term"));
        }
        overrides ??= new RotaOverrides();
        if (overrides.MaxVisitsPerObservee is < 1 or > ObservationSettingsDefaults.MaxVisitsPerObserveeLimit)
        {
            errors.Add(new(nameof(overrides.MaxVisitsPerObservee),
                $"Visits to one person must be a number from 1 to {ObservationSettingsDefaults.MaxVisitsPerObserveeLimit}"));
        }
        if (overrides.MaxObserversPerLesson is < 1 or > ObservationSettingsDefaults.MaxObserversPerLessonLimit)
        {
            errors.Add(new(nameof(overrides.MaxObserversPerLesson),
                $"Observers in one lesson must be a number from 1 to {ObservationSettingsDefaults.MaxObserversPerLessonLimit}"));
        }

        var settings = await ObservationSettingsEditor.LoadAsync(db, schoolId, cancellationToken);
        var calendar = await SchoolCalendars.LoadAsync(db, schoolId, cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId)
            .Select(s => new { s.Id, s.StaffRef, s.FirstName, s.LastName, s.Slt, s.RoleFamily, s.JobTitle, s.StartDate, s.LeavingDate })
            .ToListAsync(cancellationToken);
        var people = staff.Select(s => new RotaPerson(s.Id, s.StaffRef, $"{s.FirstName} {s.LastName}", ObserverKinds.Of(s.Slt, s.RoleFamily, s.JobTitle)))
            .ToList();
        var inPost = staff.Where(s => (s.StartDate is null || s.StartDate <= to) && (s.LeavingDate is null || s.LeavingDate >= from))
            .Select(s => s.Id).ToHashSet();
        var refOf = staff.ToDictionary(s => s.Id, s => s.StaffRef);
        var nameOf = people.ToDictionary(p => p.StaffMemberId, p => p.Name);

        var rows = await db.TimetableRows.AsNoTracking().Where(r => r.SchoolId == schoolId)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            errors.Add(new("Timetable", $"{school.Name} has no timetable yet: import it first"));
        }
        var observers = await db.RotaObservers.AsNoTracking().Where(o => o.SchoolId == schoolId).ToListAsync(cancellationToken);
        var onRota = observers.Where(o => o.Visits > 0 && inPost.Contains(o.StaffMemberId)).ToList();
        if (onRota.Count == 0)
        {
            errors.Add(new("Observers", observers.Count == 0
                ? $"{school.Name} has no observers yet: import them first (staff_ref, visits, year_group)"
                : $"None of {school.Name}'s observers is in post and asking for visits"));
        }
        if (errors.Count > 0)
        {
            return Result<SchoolRotaProblem>.Fail(errors);
        }

        var duties = await db.StaffDuties.AsNoTracking().Where(d => d.SchoolId == schoolId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var kindOf = people.ToDictionary(p => p.StaffMemberId, p => p.Kind);
        var familyOf = staff.ToDictionary(s => s.Id, s => s.RoleFamily);
        var leaders = LessonLeaders(rows, id => familyOf[id] == RoleFamily.Teaching);
        var problem = new RotaProblem(
            calendar.ToCalendar(),
            from,
            to,
            rows.Select(r => new TimetableEntry(r.Week, r.Day, r.Period, r.Start, r.End, refOf[r.StaffMemberId], r.Class, r.Subject, r.YearGroup, r.Room))
                .ToList(),
            duties.Select(d => new Duty(d.Week, d.Day, d.Period, refOf[d.StaffMemberId], d.Name)).ToList(),
            onRota.OrderBy(o => refOf[o.StaffMemberId], StringComparer.Ordinal)
                .Select(o => new Observer(refOf[o.StaffMemberId], nameOf[o.StaffMemberId], kindOf[o.StaffMemberId], o.Visits, o.FocusYearGroup))
                .ToList(),
            leaders.Where(inPost.Contains).OrderBy(id => refOf[id], StringComparer.Ordinal)
                .Select(id => new Observee(refOf[id], nameOf[id])).ToList(),
            new RotaSettings
            {
                Kind = kind,
                MaxVisitsPerObservee = overrides.MaxVisitsPerObservee ?? settings.MaxVisitsPerObservee,
                MaxObserversPerLesson = overrides.MaxObserversPerLesson ?? settings.MaxObserversPerLesson,
                TimeLimit = overrides.TimeLimit ?? new RotaSettings().TimeLimit,
                Workers = overrides.Workers ?? 0,
                Seed = overrides.Seed ?? 0,
            });
        return Result<SchoolRotaProblem>.Done(new SchoolRotaProblem(school, problem, calendar, people));
    }

    /// <summary>Builds the problem, solves it within the time limit and stores the rota with the solver's report.</summary>
    public async Task<Result<RotaGeneration>> GenerateAsync(int schoolId, RotaRequest request, Recorder createdBy,
        CancellationToken cancellationToken = default)
    {
        var built = await BuildProblemAsync(schoolId, request.From, request.To, request.Kind, request.Overrides, cancellationToken);
        if (built.Value is not { } school)
        {
            return Result<RotaGeneration>.Fail(built.Errors);
        }
        RotaResult result;
        try
        {
            // The solver is CPU-bound for up to its time limit; keep it off the caller's thread.
            result = await Task.Run(() => RotaSolver.Solve(school.Problem, cancellationToken), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return Result<RotaGeneration>.Fail("To", e.Message);
        }

        var settings = school.Problem.Settings;
        var rota = new ObservationRota
        {
            SchoolId = schoolId,
            Kind = request.Kind,
            From = request.From,
            To = request.To,
            MaxVisitsPerObservee = settings.MaxVisitsPerObservee,
            MaxObserversPerLesson = settings.MaxObserversPerLesson,
            Status = result.Status,
            Objective = result.Objective,
            BestBound = result.BestBound,
            Gap = result.Gap,
            SolveTime = result.WallTime,
            Messages = result.Messages.Select(m => Truncate(m.Text, ObservationRota.MessageMaxLength)).ToList(),
            CreatedAt = clock.UtcNow,
            CreatedByUserId = createdBy.UserId,
            CreatedByName = Truncate(createdBy.Name, ObservationRota.NameMaxLength),
        };
        foreach (var visit in result.Visits)
        {
            var observer = school.Person(visit.ObserverRef);
            rota.Visits.Add(new RotaVisit
            {
                Date = visit.Date,
                Week = visit.Week,
                Period = visit.Period,
                Start = visit.Start,
                End = visit.End,
                ObserverId = observer.StaffMemberId,
                ObserverKind = observer.Kind,
                ObserveeId = school.Person(visit.ObserveeRef).StaffMemberId,
                Class = visit.Class,
                Subject = visit.Subject,
                YearGroup = visit.YearGroup,
                Room = visit.Room,
            });
        }
        db.ObservationRotas.Add(rota);
        await db.SaveChangesAsync(cancellationToken);
        return Result<RotaGeneration>.Done(new RotaGeneration(rota, result, school));
    }

    /// <summary>A stored rota's visits in the solver's terms, in date, time, period and observer order (for CSV and measures).</summary>
    public async Task<IReadOnlyList<Visit>> VisitsAsync(int rotaId, CancellationToken cancellationToken = default)
    {
        var visits = await db.RotaVisits.AsNoTracking().Where(v => v.RotaId == rotaId)
            .Select(v => new Visit(v.Date, v.Week, v.Period, v.Start, v.End, v.Observer.StaffRef, v.Observee.StaffRef, v.Class, v.Subject, v.YearGroup, v.Room))
            .ToListAsync(cancellationToken);
        return visits.OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Period, StringComparer.Ordinal)
            .ThenBy(v => v.ObserverRef, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every rule a stored rota breaks against the school's data now (the timetable, duties or observers may have
    /// changed since it was made). Fails when the problem cannot be built (no timetable any more).
    /// </summary>
    public async Task<Result<IReadOnlyList<RotaViolation>>> CheckAsync(int rotaId, CancellationToken cancellationToken = default)
    {
        var rota = await db.ObservationRotas.AsNoTracking().Include(r => r.Visits).SingleAsync(r => r.Id == rotaId, cancellationToken);
        var built = await ProblemForAsync(rota, cancellationToken);
        if (built.Value is not { } school)
        {
            return Result<IReadOnlyList<RotaViolation>>.Fail(built.Errors);
        }
        return Result<IReadOnlyList<RotaViolation>>.Done(RotaChecker.Check(school.Problem, rota.Visits.Select(school.ToVisit)));
    }

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
        var built = await ProblemForAsync(rota, cancellationToken);
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
        var built = await ProblemForAsync(rota, cancellationToken);
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

    /// <summary>
    /// The staff who lead lessons: in each (day, period, class), the teaching staff in it, or everyone in it when no
    /// teacher is — so a TA beside a teacher is not visited, but a cover supervisor with a class is.
    /// </summary>
    internal static HashSet<int> LessonLeaders(IEnumerable<TimetableRow> rows, Func<int, bool> isTeacher)
    {
        var leaders = new HashSet<int>();
        foreach (var lesson in rows.GroupBy(r => (r.Day, r.Period, Class: r.Class.ToUpperInvariant())))
        {
            var teachers = lesson.Where(r => isTeacher(r.StaffMemberId)).ToList();
            leaders.UnionWith((teachers.Count > 0 ? teachers : lesson.ToList()).Select(r => r.StaffMemberId));
        }
        return leaders;
    }

    private Task<Result<SchoolRotaProblem>> ProblemForAsync(ObservationRota rota, CancellationToken cancellationToken) =>
        BuildProblemAsync(rota.SchoolId, rota.From, rota.To, rota.Kind,
            new RotaOverrides { MaxVisitsPerObservee = rota.MaxVisitsPerObservee, MaxObserversPerLesson = rota.MaxObserversPerLesson },
            cancellationToken);

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
        if (calendar.IsWeekend(slot.Date))
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

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
