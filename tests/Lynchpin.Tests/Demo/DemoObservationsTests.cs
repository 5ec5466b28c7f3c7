using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Demo;

/// <summary>
/// Northfield Academy is ready for learning walks: a clash-free two-week timetable, duties, the calendar, and observers
/// who are mostly not teachers; the solver makes a rota from it that keeps every rule and gives everyone their visits.
/// </summary>
public abstract class DemoObservationsTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoObservationsTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoObservationsTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private static readonly DateOnly From = new(2026, 11, 23);
    private static readonly DateOnly To = new(2026, 12, 4);

    private readonly DemoSeedFactory _factory = app;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _factory.SignInsAsync();
    }

    private async Task<int> SecondaryIdAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Schools.Where(s => s.Urn == DemoData.SecondaryUrn).Select(s => s.Id).SingleAsync();
    }

    [SkippableFact]
    public async Task Get_SecondaryTimetable_IsATwoWeekTimetableWithNobodyInTwoPlacesAndNoClassInTwoLessons()
    {
        // Arrange
        var schoolId = await SecondaryIdAsync();
        await using var db = App.Database.CreateContext();

        // Act
        var rows = await db.TimetableRows.Where(r => r.SchoolId == schoolId).Include(r => r.StaffMember).ToListAsync();
        var duties = await db.StaffDuties.Where(d => d.SchoolId == schoolId).ToListAsync();
        var calendar = await db.SchoolCalendarSettings.SingleAsync(c => c.SchoolId == schoolId);
        var blocked = await db.BlockedDates.Where(b => b.SchoolId == schoolId).ToListAsync();

        // Assert
        Assert.Equal([TimetableWeek.A, TimetableWeek.B], rows.Select(r => r.Week).Distinct().Order());
        Assert.Equal(new DateOnly(2026, 9, 7), calendar.WeekAStarts);
        Assert.Equal(DayOfWeek.Monday, calendar.WeekAStarts!.Value.DayOfWeek);
        Assert.Contains(blocked, b => b.Reason == "INSET day");
        var places = rows.Select(r => (r.StaffMemberId, r.Week, r.Day, r.Period))
            .Concat(duties.Select(d => (d.StaffMemberId, d.Week, d.Day, d.Period))).ToList();
        Assert.Equal(places.Count, places.Distinct().Count());
        var teachers = rows.Where(r => r.StaffMember.RoleFamily == RoleFamily.Teaching).ToList();
        var lessons = teachers.Select(r => (r.Week, r.Day, r.Period, r.Class)).ToList();
        Assert.Equal(lessons.Count, lessons.Distinct().Count());
        Assert.All(rows.Where(r => r.StaffMember.RoleFamily != RoleFamily.Teaching),
            ta => Assert.Contains((ta.Week, ta.Day, ta.Period, ta.Class), lessons));
        var classroomTeachers = teachers.Where(r => !r.StaffMember.Slt && r.StaffMember.HoursPerWeek is null && r.StaffMember.JobTitle.StartsWith("Teacher of"))
            .GroupBy(r => (r.StaffMemberId, r.Week)).Select(g => g.Count()).ToList();
        Assert.All(classroomTeachers, n => Assert.InRange(n, 18, 22));
        Assert.All(rows, r => Assert.Contains(r.YearGroup, new[] { "7", "8", "9", "10", "11" }));
        Assert.Contains(rows, r => r.StaffMember.JobTitle == "Teacher of Chemistry" && r.Subject == "Chemistry");
        Assert.Contains(duties, d => d.Name == "Student services");
        Assert.Contains(duties, d => d.Name == "Reception");
    }

    [SkippableFact]
    public async Task Get_SecondaryObservers_AreMostlyNotTeachersAndPastoralOnesHaveTheirYearGroup()
    {
        // Arrange
        var schoolId = await SecondaryIdAsync();
        await using var db = App.Database.CreateContext();

        // Act
        var observers = await db.RotaObservers.Where(o => o.SchoolId == schoolId).Include(o => o.StaffMember).ToListAsync();

        // Assert
        Assert.InRange(observers.Count, 10, 14);
        Assert.True(observers.Count(o => o.StaffMember.RoleFamily != RoleFamily.Teaching) * 2 > observers.Count);
        Assert.Equal(2, observers.Count(o => ObserverKinds.Of(o.StaffMember) == ObserverKind.Slt));
        Assert.All(observers, o => Assert.InRange(o.Visits, 2, 4));
        var coordinators = observers.Where(o => o.StaffMember.JobTitle.StartsWith("Achievement Coordinator")).ToList();
        Assert.Equal(5, coordinators.Count);
        Assert.All(coordinators, o =>
        {
            Assert.Equal(ObserverKind.Pastoral, ObserverKinds.Of(o.StaffMember));
            Assert.Equal($"Achievement Coordinator (Year {o.FocusYearGroup})", o.StaffMember.JobTitle);
        });
        Assert.Contains(observers, o => ObserverKinds.Of(o.StaffMember) == ObserverKind.Support);
        Assert.Empty(await db.ObservationRotas.Where(r => r.SchoolId == schoolId).ToListAsync());
    }

    [SkippableFact]
    public async Task Solve_TwoWeeksBeforeChristmas_KeepsEveryRuleAndGivesEveryObserverTheirVisits()
    {
        // Arrange
        var schoolId = await SecondaryIdAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var rotas = new RotaService(scope.ServiceProvider.GetRequiredService<LynchpinDbContext>(), new SchoolClock(TimeProvider.System));

        // Act
        // A generous limit: the search stops as soon as the rota reaches the counting bound, and on a loaded machine one
        // worker needs longer than the page's 5 seconds to find its first rota with the weeks goal in the model.
        var built = await rotas.BuildProblemAsync(schoolId, From, To, ObservationKind.LearningWalk,
            new RotaOverrides { Workers = 1, TimeLimit = TimeSpan.FromSeconds(30), Seed = 1 });
        Assert.True(built.Succeeded, string.Join("; ", built.Errors));
        var problem = built.Value!.Problem;
        var result = RotaSolver.Solve(problem);

        // Assert
        Assert.Contains(result.Status, new[] { RotaStatus.Optimal, RotaStatus.Feasible });
        Assert.Empty(RotaChecker.Check(problem, result.Visits).Select(v => v.Message));
        Assert.All(problem.Observers, o => Assert.Equal(o.Visits, result.Visits.Count(v => v.ObserverRef == o.StaffRef)));
        Assert.All(problem.Observers.Where(o => o.FocusYearGroup is not null),
            o => Assert.Contains(result.Visits, v => v.ObserverRef == o.StaffRef && v.YearGroup == o.FocusYearGroup));
    }
}
