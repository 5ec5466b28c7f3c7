using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Coaching;

/// <summary>A school's impact figures for a measure and year, with the baseline, comparisons and the sentences that say them.</summary>
public sealed record ImpactReport(
    ImpactMeasure Measure,
    int Year,
    int? BaselineYear,
    CohortFigure Current,
    CohortFigure? Baseline,
    CohortFigure Uncoached,
    IReadOnlyList<CohortFigure> Years,
    IReadOnlyList<ReferenceFigure> Reference,
    ImpactPlan? Plan,
    IReadOnlyList<string> Sentences)
{
    /// <summary>Whether this is the measure the school chose before coaching began (false when it chose another, or none).</summary>
    public bool IsPreregistered => Plan?.Measure == Measure;
}

/// <summary>A school of a caseload: its looked-after cohort's attendance last year and this year.</summary>
public sealed record SchoolCohort(School School, CohortFigure LastYear, CohortFigure ThisYear);

/// <summary>
/// Impact, honestly: the cohort (the school's pupils ever flagged looked-after, with attendance in the year) in the
/// baseline year and each coached year, with n and a 95 % interval, beside looked-after pupils of Lynchpin schools
/// without a coach that year and the DfE's published figures nationally and for the pupils' authorities. See
/// <see cref="ImpactCalculator"/> for the arithmetic and <see cref="ImpactSentences"/> for the words.
/// </summary>
public class ImpactReports(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<ImpactReport> ForSchoolAsync(School school, int year, ImpactMeasure measure, CancellationToken cancellationToken = default)
    {
        var caseloadYears = await db.CaseloadSchools.Where(c => c.SchoolId == school.Id).Select(c => c.Year).Distinct().ToListAsync(cancellationToken);
        var baselineYear = ImpactCalculator.BaselineYear(caseloadYears);
        var first = baselineYear ?? year;
        var years = Enumerable.Range(first, Math.Max(1, year - first + 1)).ToList();

        var pupilYears = await PupilYearsAsync(db.Pupils.Where(p => p.SchoolId == school.Id), years, cancellationToken);
        var figures = years.Select(y => ImpactCalculator.Figure(measure, y, pupilYears)).ToList();
        var current = figures.Single(f => f.Year == year);
        var baseline = baselineYear is { } b && b <= year ? figures.Single(f => f.Year == b) : null;

        // Looked-after pupils in Lynchpin schools that no coach had that year.
        var uncoachedPupils = db.Pupils.Where(p => !db.CaseloadSchools.Any(c => c.SchoolId == p.SchoolId && c.Year == year));
        var uncoached = ImpactCalculator.Figure(measure, year, await PupilYearsAsync(uncoachedPupils, [year], cancellationToken));

        var referenceYears = new[] { baseline?.Year, year }.OfType<int>().ToList();
        var laCodes = pupilYears.Where(p => referenceYears.Contains(p.Year)).Select(p => p.LaCode).OfType<string>().Distinct().ToList();
        var published = await db.OutcomeReferences.AsNoTracking().Where(r => referenceYears.Contains(r.Year)).ToListAsync(cancellationToken);
        var reference = ImpactCalculator.References(measure, referenceYears, laCodes, published, await LocalAuthorities.CodesAsync(db, cancellationToken));

        var plan = await db.ImpactPlans.AsNoTracking().SingleOrDefaultAsync(p => p.SchoolId == school.Id, cancellationToken);
        var sentences = ImpactSentences.Describe(measure, school.Name, current, baseline, reference, uncoached);
        return new ImpactReport(measure, year, baselineYear, current, baseline, uncoached, figures, reference, plan, sentences);
    }

    /// <summary>
    /// The looked-after cohorts' attendance of <paramref name="schools"/> side by side, last year and <paramref name="year"/>
    /// (as <see cref="ForSchoolAsync"/> counts each school's), in three queries whatever the number of schools.
    /// </summary>
    public async Task<IReadOnlyList<SchoolCohort>> AttendanceBySchoolAsync(IReadOnlyList<School> schools, int year, CancellationToken cancellationToken = default)
    {
        var ids = schools.Select(s => s.Id).ToList();
        var pupils = db.Pupils.Where(p => ids.Contains(p.SchoolId));
        var schoolOf = await pupils.Select(p => new { p.Id, p.SchoolId }).ToDictionaryAsync(p => p.Id, p => p.SchoolId, cancellationToken);
        var bySchool = (await PupilYearsAsync(pupils, [year - 1, year], cancellationToken)).ToLookup(p => schoolOf[p.PupilId]);
        return schools.Select(s => new SchoolCohort(s,
            ImpactCalculator.Figure(ImpactMeasure.Attendance, year - 1, bySchool[s.Id]),
            ImpactCalculator.Figure(ImpactMeasure.Attendance, year, bySchool[s.Id]))).ToList();
    }

    /// <summary>
    /// The outcome the school will be judged by, chosen before coaching begins: only while no visit to it has been recorded
    /// and before its first coached year has started, and only once.
    /// </summary>
    public async Task<Result<ImpactPlan>> RegisterAsync(int schoolId, ImpactMeasure? measure, Recorder by, CancellationToken cancellationToken = default)
    {
        if (measure is null)
        {
            return Result<ImpactPlan>.Fail("Measure", "Choose the outcome to judge the coaching by");
        }
        if (await db.ImpactPlans.AnyAsync(p => p.SchoolId == schoolId, cancellationToken))
        {
            return Result<ImpactPlan>.Fail("Measure", "The school has already chosen its outcome; it cannot be changed once chosen");
        }
        var firstYear = await db.CaseloadSchools.Where(c => c.SchoolId == schoolId).Select(c => (int?)c.Year).MinAsync(cancellationToken);
        if (firstYear is null)
        {
            return Result<ImpactPlan>.Fail("Measure", "The school is in no coach's caseload yet: add it to one first");
        }
        if (clock.Today >= SchoolYear.Start(firstYear.Value)
            || await db.CoachingVisits.AnyAsync(v => v.SchoolId == schoolId && v.Status == VisitStatus.Done, cancellationToken))
        {
            return Result<ImpactPlan>.Fail("Measure", $"Coaching began in {SchoolYear.Name(firstYear.Value)}: an outcome is chosen before the work starts, so it can no longer be");
        }
        var plan = db.ImpactPlans.Add(new ImpactPlan
        {
            SchoolId = schoolId,
            Measure = measure.Value,
            FirstYear = firstYear.Value,
            RegisteredAt = clock.UtcNow,
            RegisteredByName = by.Name,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return Result<ImpactPlan>.Done(plan);
    }

    /// <summary>
    /// Each pupil's sessions (periods starting in the year) and suspensions (starting in it) for the years, for pupils ever
    /// flagged looked-after (whatever the dates of the flag, as the definition says).
    /// </summary>
    public async Task<IReadOnlyList<PupilYear>> PupilYearsAsync(IQueryable<Pupil> pupils, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var from = SchoolYear.Start(years.Min());
        var to = SchoolYear.End(years.Max());
        var cohortIds = pupils.Where(p => p.Flags.Any(f => f.Flag == PupilFlag.LookedAfter)).Select(p => p.Id);
        var periods = await db.AttendanceRecords.AsNoTracking()
            .Where(a => cohortIds.Contains(a.PupilId) && a.PeriodStart >= from && a.PeriodStart <= to)
            .Select(a => new { a.PupilId, a.Pupil.LaCode, a.PeriodStart, a.SessionsPossible, a.SessionsAttended, a.Authorised, a.Unauthorised })
            .ToListAsync(cancellationToken);
        var suspensions = (await db.Exclusions.AsNoTracking()
            .Where(e => cohortIds.Contains(e.PupilId) && e.Kind == ExclusionKind.Suspension && e.Start >= from && e.Start <= to)
            .Select(e => new { e.PupilId, e.Start }).ToListAsync(cancellationToken))
            .ToLookup(e => (e.PupilId, SchoolYear.Of(e.Start)));
        return periods
            .GroupBy(p => (p.PupilId, Year: SchoolYear.Of(p.PeriodStart)))
            .Where(g => years.Contains(g.Key.Year))
            .Select(g => new PupilYear(g.Key.PupilId, g.Key.Year,
                Sessions.Sum(g.Select(p => new Sessions(p.SessionsPossible, p.SessionsAttended, p.Authorised, p.Unauthorised))),
                suspensions[(g.Key.PupilId, g.Key.Year)].Count(), g.First().LaCode))
            .ToList();
    }
}
