using Lynchpin.Core.Careers;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Pay;

/// <summary>
/// Reads what the parity report counts, for a school or a trust and a school year: everyone in post on some day of the
/// year (a shared person at each school they work in, with that school's share of their FTE), and per person their CPD
/// (activities starting in the year), level-3+ qualifications, coach, pupil-progress objective and stage. One query per
/// kind of thing, whatever the number of people. Pay is read only when asked, by <see cref="ParityReports"/>, which
/// checks and audits it.
/// </summary>
public class ParityData(LynchpinDbContext db)
{
    /// <summary>The profile stage the report counts as "stage 3 or above".</summary>
    public const int StageCounted = 3;

    public Task<IReadOnlyList<ParityPerson>> ForSchoolAsync(int schoolId, int year, PayRequest? pay, CancellationToken cancellationToken = default) =>
        LoadAsync([schoolId], year, pay, cancellationToken);

    public async Task<IReadOnlyList<ParityPerson>> ForTrustAsync(int trustId, int year, PayRequest? pay, CancellationToken cancellationToken = default)
    {
        var schools = await db.Schools.Where(s => s.TrustId == trustId).Select(s => s.Id).ToListAsync(cancellationToken);
        return await LoadAsync(schools, year, pay, cancellationToken);
    }

    private async Task<IReadOnlyList<ParityPerson>> LoadAsync(IReadOnlyCollection<int> schoolIds, int year, PayRequest? pay, CancellationToken cancellationToken)
    {
        var start = Progression.SchoolYear.Start(year);
        var end = Progression.SchoolYear.End(year);
        var ids = schoolIds.ToList();
        var inPost = db.StaffMembers.WorkingAtAny(db, ids).InPostDuring(year);

        var people = await inPost.AsNoTracking()
            .Select(s => new { s.Id, s.SchoolId, s.RoleFamily, s.Qts, s.Slt, s.HoursPerWeek, s.WeeksPerYear, HasCoach = s.CoachId != null })
            .ToListAsync(cancellationToken);
        var personIds = inPost.Select(s => s.Id);

        var elsewhere = (await db.StaffSchoolHours.AsNoTracking().Where(h => personIds.Contains(h.StaffMemberId))
                .Select(h => new { h.StaffMemberId, h.SchoolId, h.HoursPerWeek }).ToListAsync(cancellationToken))
            .ToLookup(h => h.StaffMemberId);

        var cpd = await db.CpdAttendances.AsNoTracking()
            .Where(a => personIds.Contains(a.StaffMemberId) && a.Activity.StartDate >= start && a.Activity.StartDate <= end)
            .GroupBy(a => a.StaffMemberId)
            .Select(g => new { StaffMemberId = g.Key, Hours = g.Sum(a => a.Hours), Cost = g.Sum(a => a.Cost) })
            .ToDictionaryAsync(g => g.StaffMemberId, cancellationToken);

        var trustIds = await db.Schools.Where(s => ids.Contains(s.Id) && s.TrustId != null).Select(s => s.TrustId!.Value).Distinct().ToListAsync(cancellationToken);
        var own = await db.OwnQualifications.AsNoTracking()
            .Where(q => (q.SchoolId != null && ids.Contains(q.SchoolId.Value)) || (q.TrustId != null && trustIds.Contains(q.TrustId.Value)))
            .ToListAsync(cancellationToken);
        var level3Codes = QualificationCatalogue.With(own).All.Where(q => q.IsLevel3Plus).Select(q => q.Code).Distinct().ToList();
        var level3 = (await db.PersonQualifications.AsNoTracking()
            .Where(q => q.Held && personIds.Contains(q.StaffMemberId) && level3Codes.Contains(q.QualificationCode))
            .Select(q => q.StaffMemberId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        var pupilProgress = (await db.Objectives.AsNoTracking()
            .Where(o => o.Type == ObjectiveType.PupilProgress && o.Appraisal.Cycle.Year == year && personIds.Contains(o.Appraisal.StaffMemberId))
            .Select(o => o.Appraisal.StaffMemberId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        // The latest checkpoint recorded in the year is where a person stands. Picked here, not by a "first of each group"
        // in SQL: that becomes a subquery per person, which took SQLite 10 s for a trust of 10,000 (docs/performance.md).
        var stages = (await db.Assessments.AsNoTracking()
                .Where(a => a.IsCurrent && a.Year == year && personIds.Contains(a.StaffMemberId))
                .Select(a => new { a.StaffMemberId, a.Checkpoint, a.Stage })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.StaffMemberId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Checkpoint)!.Stage);

        var payThisYear = new Dictionary<int, PayRecord>();
        var payBaseYear = new Dictionary<int, decimal>();
        if (pay is not null)
        {
            payThisYear = await db.PayRecords.AsNoTracking().Where(p => p.Year == year && personIds.Contains(p.StaffMemberId))
                .ToDictionaryAsync(p => p.StaffMemberId, cancellationToken);
            payBaseYear = await db.PayRecords.AsNoTracking().Where(p => p.Year == pay.BaseYear && personIds.Contains(p.StaffMemberId))
                .ToDictionaryAsync(p => p.StaffMemberId, p => p.FteSalary, cancellationToken);
        }

        return people.Select(p =>
        {
            var category = p.RoleFamily.Category();
            var shares = Contracts.FteBySchool(p.SchoolId, p.HoursPerWeek, category,
                elsewhere[p.Id].ToDictionary(h => h.SchoolId, h => h.HoursPerWeek));
            var fte = shares.Where(s => ids.Contains(s.Key)).Sum(s => s.Value);
            cpd.TryGetValue(p.Id, out var development);
            ParityPay? personPay = null;
            if (payThisYear.TryGetValue(p.Id, out var record))
            {
                personPay = new ParityPay(record.FteSalary, Contracts.ActualPay(record.FteSalary, fte, record.WeeksPerYear ?? p.WeeksPerYear),
                    payBaseYear.TryGetValue(p.Id, out var baseSalary) ? baseSalary : null);
            }
            return new ParityPerson(
                p.Id, p.RoleFamily, p.Qts, p.Slt, fte, p.WeeksPerYear ?? Contracts.FullYearWeeks,
                development?.Hours ?? 0m, development?.Cost ?? 0m,
                // QTS is counted at the level of the degree it needs, recorded as a qualification or not.
                Level3Plus: p.Qts || level3.Contains(p.Id),
                WithCoach: p.HasCoach,
                PupilProgressObjective: pupilProgress.Contains(p.Id),
                Stage3Plus: stages.TryGetValue(p.Id, out var stage) && stage >= StageCounted,
                personPay);
        }).ToList();
    }
}

/// <summary>Pay figures are wanted, with the cumulative award counted from <see cref="BaseYear"/>.</summary>
public sealed record PayRequest(int BaseYear);
