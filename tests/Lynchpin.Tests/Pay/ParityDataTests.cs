using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pay;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Pay;

/// <summary>What the parity report reads from the database, on both providers: who counts, shared staff's FTE, CPD, pay.</summary>
public abstract class ParityDataTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ParityDataTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : ParityDataTests(app), IClassFixture<PostgresAppFactory>;

    private const int Year = 2025;

    private sealed record Federation(Trust Trust, School A, School B, StaffMember Teacher, StaffMember PartTime, StaffMember Ta,
        StaffMember BusinessManager, StaffMember Leaver, StaffMember Joiner, StaffMember SiteAtB);

    private async Task<Federation> FederationAsync()
    {
        var trust = await Data.CreateTrustAsync(kind: TrustKind.Federation);
        var a = await Data.CreateSchoolAsync(trust);
        var b = await Data.CreateSchoolAsync(trust);
        var teacher = await Data.CreateStaffAsync(a, RoleFamily.Teaching, jobTitle: "Teacher of maths");
        var partTime = await Data.CreateStaffAsync(a, RoleFamily.Teaching, jobTitle: "Teacher of art", coach: teacher);
        var ta = await Data.CreateStaffAsync(a, RoleFamily.LearningSupport, jobTitle: "Teaching Assistant", coach: teacher);
        var manager = await Data.CreateStaffAsync(a, RoleFamily.Business, jobTitle: "School Business Manager", slt: true, qts: false);
        var leaver = await Data.CreateStaffAsync(a, RoleFamily.Teaching, leavingDate: new DateOnly(2025, 8, 31));
        var joiner = await Data.CreateStaffAsync(a, RoleFamily.Teaching, startDate: new DateOnly(2026, 9, 1));
        var site = await Data.CreateStaffAsync(b, RoleFamily.Site, jobTitle: "Site Manager");
        await Data.WithDbAsync(async db =>
        {
            // Contracts: teachers full time but one at 26 of 32.5 hours; the TA 32.5 of 37, term time; the business manager 37, 15 of them at B.
            await db.StaffMembers.Where(s => s.Id == teacher.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.HoursPerWeek, 32.5m).SetProperty(x => x.WeeksPerYear, (decimal?)null));
            await db.StaffMembers.Where(s => s.Id == partTime.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.HoursPerWeek, 26m).SetProperty(x => x.WeeksPerYear, (decimal?)null));
            await db.StaffMembers.Where(s => s.Id == manager.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.HoursPerWeek, 37m).SetProperty(x => x.WeeksPerYear, 52m));
            db.StaffSchoolHours.Add(new StaffSchoolHours { StaffMemberId = manager.Id, SchoolId = b.Id, HoursPerWeek = 15m });
            return await db.SaveChangesAsync();
        });
        return new Federation(trust, a, b, teacher, partTime, ta, manager, leaver, joiner, site);
    }

    private Task RecordCpdAsync(School school, DateOnly start, decimal hours, decimal cost, params StaffMember[] people) =>
        Data.WithDbAsync(async db =>
        {
            db.CpdActivities.Add(new CpdActivity
            {
                SchoolId = school.Id,
                Title = "Course",
                Kind = CpdKind.Course,
                StartDate = start,
                EndDate = start,
                RecordedByName = "Test",
                Attendances = people.Select(p => new CpdAttendance { StaffMemberId = p.Id, Hours = hours, Cost = cost }).ToList(),
            });
            return await db.SaveChangesAsync();
        });

    private Task PayAsync(StaffMember person, int year, decimal salary, decimal? weeks = null) =>
        Data.WithDbAsync(async db =>
        {
            db.PayRecords.Add(new PayRecord { StaffMemberId = person.Id, Year = year, Scale = "NJC", Point = 10, FteSalary = salary, WeeksPerYear = weeks, RecordedByName = "Test" });
            return await db.SaveChangesAsync();
        });

    [SkippableFact]
    public async Task ForSchool_CountsEveryoneInPostThatYear_WithTheSchoolsShareOfSharedStaff()
    {
        var f = await FederationAsync();

        var a = await WithAsync<ParityData, IReadOnlyList<ParityPerson>>(d => d.ForSchoolAsync(f.A.Id, Year, null));
        var b = await WithAsync<ParityData, IReadOnlyList<ParityPerson>>(d => d.ForSchoolAsync(f.B.Id, Year, null));
        var trust = await WithAsync<ParityData, IReadOnlyList<ParityPerson>>(d => d.ForTrustAsync(f.Trust.Id, Year, null));

        Assert.Equal(new[] { f.Teacher.Id, f.PartTime.Id, f.Ta.Id, f.BusinessManager.Id }.Order(), a.Select(p => p.StaffMemberId).Order());
        Assert.Equal(0.8m, a.Single(p => p.StaffMemberId == f.PartTime.Id).Fte);
        Assert.Equal(22m / 37m, a.Single(p => p.StaffMemberId == f.BusinessManager.Id).Fte);
        Assert.Equal(15m / 37m, b.Single(p => p.StaffMemberId == f.BusinessManager.Id).Fte);
        Assert.Equal(new[] { f.BusinessManager.Id, f.SiteAtB.Id }.Order(), b.Select(p => p.StaffMemberId).Order());
        // In the trust the business manager is one person with one FTE.
        Assert.Single(trust, p => p.StaffMemberId == f.BusinessManager.Id);
        Assert.Equal(1m, trust.Single(p => p.StaffMemberId == f.BusinessManager.Id).Fte);
        Assert.Equal(5, trust.Count);
        Assert.All(a, p => Assert.Null(p.Pay));
    }

    [SkippableFact]
    public async Task ForSchool_CpdQualificationsCoachObjectivesAndStages_PerPerson()
    {
        var f = await FederationAsync();
        await RecordCpdAsync(f.A, new DateOnly(2025, 10, 1), 6m, 100m, f.Teacher, f.Ta);
        await RecordCpdAsync(f.A, new DateOnly(2026, 8, 31), 2m, 0m, f.Ta);
        await RecordCpdAsync(f.A, new DateOnly(2025, 8, 31), 9m, 999m, f.Teacher);   // last year's
        await Data.WithDbAsync(async db =>
        {
            db.PersonQualifications.Add(new PersonQualification { StaffMemberId = f.Ta.Id, QualificationCode = "TA-L3", Held = true, UpdatedByName = "Test" });
            db.PersonQualifications.Add(new PersonQualification { StaffMemberId = f.BusinessManager.Id, QualificationCode = "FAW", Held = true, UpdatedByName = "Test" });
            return await db.SaveChangesAsync();
        });
        await ObjectiveAsync(f.Ta, Year, ObjectiveType.PupilProgress);
        await ObjectiveAsync(f.Teacher, Year, ObjectiveType.RoleSpecific);
        await AssessAsync(f.Ta, Year, 1, 2);
        await AssessAsync(f.Ta, Year, 2, 3);
        await AssessAsync(f.Teacher, Year, 1, 4);
        await AssessAsync(f.Teacher, Year, 2, 2);

        var people = (await WithAsync<ParityData, IReadOnlyList<ParityPerson>>(d => d.ForSchoolAsync(f.A.Id, Year, null))).ToDictionary(p => p.StaffMemberId);

        Assert.Equal((6m, 100m), (people[f.Teacher.Id].CpdHours, people[f.Teacher.Id].CpdCost));
        Assert.Equal((8m, 100m), (people[f.Ta.Id].CpdHours, people[f.Ta.Id].CpdCost));
        Assert.True(people[f.Ta.Id].Level3Plus);
        Assert.True(people[f.Teacher.Id].Level3Plus);              // QTS counts
        Assert.False(people[f.BusinessManager.Id].Level3Plus);     // a first-aid certificate does not
        Assert.True(people[f.Ta.Id].WithCoach);
        Assert.False(people[f.Teacher.Id].WithCoach);
        Assert.True(people[f.Ta.Id].PupilProgressObjective);
        Assert.False(people[f.Teacher.Id].PupilProgressObjective);
        Assert.True(people[f.Ta.Id].Stage3Plus);                   // latest checkpoint: stage 3
        Assert.False(people[f.Teacher.Id].Stage3Plus);             // latest checkpoint: stage 2
        Assert.Equal(39m, people[f.Ta.Id].ContractedWeeks);
        Assert.Equal(52m, people[f.Teacher.Id].ContractedWeeks);
    }

    [SkippableFact]
    public async Task Report_WithPay_UsesTheYearsAndTheBaseYearsPayAndIsAudited()
    {
        var f = await FederationAsync();
        await PayAsync(f.Ta, Year, 25000m);
        await PayAsync(f.Ta, 2023, 23000m);
        await PayAsync(f.BusinessManager, Year, 50000m);

        var people = (await WithAsync<ParityData, IReadOnlyList<ParityPerson>>(d => d.ForSchoolAsync(f.A.Id, Year, new PayRequest(2023)))).ToDictionary(p => p.StaffMemberId);
        var before = await Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ParityPayRead));
        var withPay = await WithAsync<ParityReports, ParityResult>(r => r.ForSchoolAsync(f.A, Year, 2023, Leader));
        var withoutPay = await WithAsync<ParityReports, ParityResult>(r => r.ForSchoolAsync(f.A, Year, 2023, null));
        var after = await Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ParityPayRead));

        // The TA: 25,000 × (32.5 / 37) × 44.6 / 52; the business manager at A: 50,000 × 22/37.
        Assert.Equal(25000m * (32.5m / 37m) * 44.6m / 52m, people[f.Ta.Id].Pay!.ActualPay);
        Assert.Equal(23000m, people[f.Ta.Id].Pay!.BaseYearFteSalary);
        Assert.Equal(50000m * (22m / 37m), people[f.BusinessManager.Id].Pay!.ActualPay, 6);
        Assert.Null(people[f.Teacher.Id].Pay);
        Assert.True(withPay.WithPay);
        // Two paid people: no row has five, so no pay figure is shown, and the rows with pay say so.
        Assert.All(withPay.Rows, r => Assert.Null(r.Pay));
        Assert.Equal(["learning-support", "business", "all-support", "slt-non-qts"], withPay.Rows.Where(r => r.PaySuppressed).Select(r => r.Group));
        Assert.All(withoutPay.Rows, r => Assert.Null(r.Pay));
        Assert.Equal(before + 1, after);
    }
}
