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

    /// <summary>
    /// The problem a rota over these dates solves, from the school's data now. Visits already on the school's other
    /// rotas over these dates (all but <paramref name="besides"/>) are busy times for their observers; nothing is planned
    /// in a lesson starting before <paramref name="notBefore"/> (school time).
    /// </summary>
    public async Task<Result<SchoolRotaProblem>> BuildProblemAsync(int schoolId, DateOnly from, DateOnly to, ObservationKind kind,
        RotaOverrides? overrides = null, CancellationToken cancellationToken = default, DateTime? notBefore = null,
        IReadOnlyCollection<int>? besides = null)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, cancellationToken);
        if (school is null)
        {
            return Result<SchoolRotaProblem>.Fail("School", "There is no such school");
        }
        var errors = new List<FieldError>();
        if (to < from)
        {
            errors.Add(new("To", $"The rota ends on {Dates.Long(to)}, before it starts on {Dates.Long(from)}"));
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
        var skip = besides?.ToList() ?? [];
        var elsewhere = await db.RotaVisits.AsNoTracking()
            .Where(v => v.Rota.SchoolId == schoolId && !skip.Contains(v.RotaId) && v.Date >= from && v.Date <= to)
            .Select(v => new { v.ObserverId, v.Date, v.Period, v.Rota.Kind, v.Rota.From, v.Rota.To }).ToListAsync(cancellationToken);
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
            })
        {
            NotBefore = notBefore,
            Busy = elsewhere.Where(v => refOf.ContainsKey(v.ObserverId))
                .Select(v => new DatedBusy(refOf[v.ObserverId], v.Date, v.Period, $"on {new RotaSummary(0, v.Kind, v.From, v.To, default, 0, default).Description}"))
                .ToList(),
        };
        return Result<SchoolRotaProblem>.Done(new SchoolRotaProblem(school, problem, calendar, people));
    }

    /// <summary>The school's rotas whose dates overlap these, earliest first.</summary>
    public async Task<IReadOnlyList<RotaSummary>> OverlappingAsync(int schoolId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rotas = await db.ObservationRotas.AsNoTracking().Where(r => r.SchoolId == schoolId && r.From <= to && r.To >= from)
            .Select(r => new RotaSummary(r.Id, r.Kind, r.From, r.To, r.Status, r.Visits.Count, r.CreatedAt)).ToListAsync(cancellationToken);
        return rotas.OrderBy(r => r.From).ThenBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Builds the problem, solves it within the time limit and stores the rota with the solver's report. The rota plans
    /// from now on, only on school days; dates wholly in the past or with no school day are refused. A rota whose dates
    /// overlap another is refused unless the request says to replace or keep the other (see <see cref="RotaOverlap"/>).
    /// </summary>
    public async Task<Result<RotaGeneration>> GenerateAsync(int schoolId, RotaRequest request, Recorder createdBy,
        CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        if (request.To < today && request.From <= request.To)
        {
            return Result<RotaGeneration>.Fail("To",
                $"The rota's dates are in the past: it would end on {Dates.Long(request.To)}, before today ({Dates.Long(today)}). A rota plans visits from today on");
        }
        var overlapping = await OverlappingAsync(schoolId, request.From, request.To, cancellationToken);
        if (overlapping.Count > 0 && request.Overlap == RotaOverlap.Refuse)
        {
            return Result<RotaGeneration>.Fail("Overlap", OverlapMessage(overlapping));
        }
        var replaced = request.Overlap == RotaOverlap.Replace ? overlapping.Select(r => r.Id).ToList() : [];
        var built = await BuildProblemAsync(schoolId, request.From, request.To, request.Kind, request.Overrides, cancellationToken,
            notBefore: clock.LocalNow, besides: replaced);
        if (built.Value is not { } school)
        {
            return Result<RotaGeneration>.Fail(built.Errors);
        }
        var calendar = school.Problem.Calendar;
        var firstDay = request.From < today ? today : request.From;
        if (calendar.SchoolDays(firstDay, request.To).Count == 0)
        {
            return Result<RotaGeneration>.Fail("From", NoSchoolDays(calendar, firstDay, request.To));
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var id in replaced)
        {
            await DeleteVisitsAsync(id, cancellationToken);
        }
        db.ObservationRotas.Add(rota);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<RotaGeneration>.Done(new RotaGeneration(rota, result, school, overlapping.Where(r => replaced.Contains(r.Id)).ToList()));
    }

    /// <summary>Deletes a rota and its visits; records made for its visits are kept (without their visit).</summary>
    public async Task<Result<RotaSummary>> DeleteAsync(int rotaId, CancellationToken cancellationToken = default)
    {
        var rota = await db.ObservationRotas.AsNoTracking().Where(r => r.Id == rotaId)
            .Select(r => new RotaSummary(r.Id, r.Kind, r.From, r.To, r.Status, r.Visits.Count, r.CreatedAt)).SingleOrDefaultAsync(cancellationToken);
        if (rota is null)
        {
            return Result<RotaSummary>.Fail("Rota", "There is no such rota");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DeleteVisitsAsync(rotaId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<RotaSummary>.Done(rota);
    }

    /// <summary>"These dates overlap the learning walk rota from … (70 visits)": the rotas named, and the choice.</summary>
    public static string OverlapMessage(IReadOnlyList<RotaSummary> overlapping) =>
        "These dates overlap " + string.Join(" and ", overlapping.Select(r => $"{r.Description} ({r.Visits} visit{(r.Visits == 1 ? "" : "s")})"))
        + ": choose whether to replace " + (overlapping.Count == 1 ? "it" : "them") + " or keep both";

    /// <summary>Why a range has no school day: its weekends, holidays, INSET days, closures and blocked dates, in words.</summary>
    private static string NoSchoolDays(SchoolCalendar calendar, DateOnly from, DateOnly to)
    {
        var closures = calendar.Ranges.Where(r => r.Kind != CalendarDayKind.Term && r.Start <= to && r.End >= from)
            .Select(r => r.Name ?? r.Kind.DisplayName().ToLowerInvariant()).Distinct().ToList();
        var why = closures.Count > 0 ? $": {string.Join(", ", closures)}"
            : calendar.HasTermDatesFor(from) ? ": the dates are outside the school's terms" : "";
        return $"There are no school days from {Dates.Range(from, to)}{why}. Choose dates in term";
    }

    /// <summary>Deletes a rota within the caller's transaction, keeping any records made for its visits.</summary>
    private async Task DeleteVisitsAsync(int rotaId, CancellationToken cancellationToken)
    {
        // Explicitly, rather than trusting every provider's ON DELETE SET NULL with the tracked graph.
        await db.ObservationRecords.Where(r => r.Visit!.RotaId == rotaId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.VisitId, (int?)null), cancellationToken);
        await db.RotaVisits.Where(v => v.RotaId == rotaId).ExecuteDeleteAsync(cancellationToken);
        await db.ObservationRotas.Where(r => r.Id == rotaId).ExecuteDeleteAsync(cancellationToken);
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
        // Against the time it was made: a visit that has since gone by is not a broken rule.
        var built = await ProblemForAsync(rota, SchoolClock.FromUtc(rota.CreatedAt), cancellationToken);
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

    /// <summary>The problem a stored rota solves against the school's data now, its other rotas' visits busy.</summary>
    private Task<Result<SchoolRotaProblem>> ProblemForAsync(ObservationRota rota, DateTime notBefore, CancellationToken cancellationToken) =>
        BuildProblemAsync(rota.SchoolId, rota.From, rota.To, rota.Kind,
            new RotaOverrides { MaxVisitsPerObservee = rota.MaxVisitsPerObservee, MaxObserversPerLesson = rota.MaxObserversPerLesson },
            cancellationToken, notBefore, [rota.Id]);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

}
