using System.Globalization;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

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
public partial class RotaService(LynchpinDbContext db, SchoolClock clock)
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

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
