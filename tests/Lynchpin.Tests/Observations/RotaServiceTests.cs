using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations;

/// <summary>Building, solving, storing and editing rotas on <see cref="ObservationSchool"/>, on both providers.</summary>
public abstract class RotaServiceTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : RotaServiceTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : RotaServiceTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly RotaOverrides Quick = new() { Workers = 1, TimeLimit = TimeSpan.FromSeconds(3) };

    private async Task<T> WithRotasAsync<T>(Func<RotaService, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(new RotaService(scope.ServiceProvider.GetRequiredService<Core.Data.LynchpinDbContext>(), new SchoolClock(new FixedClock(PlanningNow))));
    }

    private Task<List<RotaVisit>> StoredVisitsAsync(int rotaId) =>
        Data.WithDbAsync(db => db.RotaVisits.Where(v => v.RotaId == rotaId).OrderBy(v => v.Id).ToListAsync());

    private async Task AssertRotaKeepsEveryRuleAsync(int rotaId)
    {
        var check = await WithRotasAsync(r => r.CheckAsync(rotaId));
        Assert.True(check.Succeeded, string.Join("; ", check.Errors));
        Assert.Empty(check.Value!.Select(v => v.Message));
    }

    [SkippableFact]
    public async Task BuildProblem_ImportedSchool_HasTheTimetableObserversAndLessonLeaders()
    {
        // Arrange
        var s = await CreateAsync(App);

        // Act
        var built = await WithRotasAsync(r => r.BuildProblemAsync(s.School.Id, Mon2, Tue10, ObservationKind.LearningWalk));

        // Assert
        Assert.True(built.Succeeded, string.Join("; ", built.Errors));
        var problem = built.Value!.Problem;
        Assert.Equal(6, problem.Timetable.Count);
        Assert.Equal([(s.Amira.StaffRef, "Reception")], problem.Duties.Select(d => (d.StaffRef, d.Name)));
        Assert.Equal(
            new[] { (s.Amira.StaffRef, ObserverKind.Pastoral, 2, "9"), (s.Ravi.StaffRef, ObserverKind.MiddleLeader, 1, null), (s.Jo.StaffRef, ObserverKind.Support, 1, null) }
                .OrderBy(o => o.Item1, StringComparer.Ordinal),
            problem.Observers.Select(o => (o.StaffRef, o.Kind, o.Visits, o.FocusYearGroup)));
        Assert.Equal(new[] { s.Tom, s.Sara, s.Ravi }.Select(p => p.StaffRef).Order(StringComparer.Ordinal), problem.Observees.Select(o => o.StaffRef));
        Assert.Equal("Amira Khan", problem.Observers.Single(o => o.StaffRef == s.Amira.StaffRef).Name);
        Assert.Equal([Wed4], problem.Calendar.Blocked);
        Assert.Equal(TimetableWeek.B, problem.Calendar.WeekOf(Mon9));
        Assert.Equal((2, 1), (problem.Settings.MaxVisitsPerObservee, problem.Settings.MaxObserversPerLesson));
    }

    [SkippableFact]
    public async Task BuildProblem_NothingImportedOrDatesBackwards_SaysWhatIsMissing()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);

        // Act
        var empty = await WithRotasAsync(r => r.BuildProblemAsync(s.School.Id, Mon2, Tue10, ObservationKind.LearningWalk));
        var backwards = await WithRotasAsync(r => r.BuildProblemAsync(s.School.Id, Tue10, Mon2, ObservationKind.DropIn,
            new RotaOverrides { MaxVisitsPerObservee = 0 }));

        // Assert
        Assert.Equal(
            [
                ("Timetable", $"{s.School.Name} has no timetable yet: import it first"),
                ("Observers", $"{s.School.Name} has no observers yet: import them first (staff_ref, visits, year_group)"),
            ],
            empty.Errors.Select(e => (e.Field, e.Message)));
        Assert.Contains(backwards.Errors, e => e.Field == "To" && e.Message == "The rota ends on 2 November 2026, before it starts on 10 November 2026");
        Assert.Contains(backwards.Errors, e => e.Field == "MaxVisitsPerObservee");
    }

    [SkippableFact]
    public async Task Generate_SmallSchool_StoresTheSolversRotaWhichKeepsEveryRule()
    {
        // Arrange
        var s = await CreateAsync(App);

        // Act
        var generated = await WithRotasAsync(r => r.GenerateAsync(s.School.Id,
            new RotaRequest(Mon2, Tue10, ObservationKind.LearningWalk, Quick), Leader));

        // Assert: everyone gets their visits, every observee is seen, Amira's two are both in Year 9
        Assert.True(generated.Succeeded, string.Join("; ", generated.Errors));
        var (rota, result, school, _) = generated.Value!;
        Assert.Equal(RotaStatus.Optimal, result.Status);
        Assert.Empty(RotaChecker.Check(school.Problem, result.Visits));
        Assert.Equal((4, 3, 2), (result.Measures.VisitsMade, result.Measures.DistinctObservees, result.Measures.FocusVisits));

        var stored = await Data.WithDbAsync(db => db.ObservationRotas.SingleAsync(r => r.Id == rota.Id));
        Assert.Equal((s.School.Id, ObservationKind.LearningWalk, Mon2, Tue10, RotaStatus.Optimal), (stored.SchoolId, stored.Kind, stored.From, stored.To, stored.Status));
        Assert.Equal((result.Objective, result.BestBound, "Helen Marsh"), (stored.Objective, stored.BestBound, stored.CreatedByName));
        Assert.Equal(result.Visits, await WithRotasAsync(r => r.VisitsAsync(rota.Id)));
        var kinds = (await StoredVisitsAsync(rota.Id)).GroupBy(v => v.ObserverId).ToDictionary(g => g.Key, g => g.Select(v => v.ObserverKind).Distinct().Single());
        Assert.Equal(ObserverKind.Pastoral, kinds[s.Amira.Id]);
        Assert.Equal(ObserverKind.MiddleLeader, kinds[s.Ravi.Id]);
        Assert.Equal(ObserverKind.Support, kinds[s.Jo.Id]);
        await AssertRotaKeepsEveryRuleAsync(rota.Id);
    }

    [SkippableFact]
    public async Task MoveVisit_ToAFreeLesson_MovesItAndTheRotaStillKeepsEveryRule()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var amirasFirst = rota.Visits[0];

        // Act: Amira's visit to Tom on Mon 2 goes to Ravi's 8A on Mon 9 (week B)
        var moved = await WithRotasAsync(r => r.MoveVisitAsync(amirasFirst.Id, new VisitSlot(Mon9, "2", s.Ravi.Id), Leader));

        // Assert
        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors));
        var visit = (await StoredVisitsAsync(rota.Id)).Single(v => v.Id == amirasFirst.Id);
        Assert.Equal((Mon9, TimetableWeek.B, "2", s.Ravi.Id, "8A", "Science", "8", new TimeOnly(10, 0), s.Amira.Id, "Helen Marsh"),
            (visit.Date, visit.Week, visit.Period, visit.ObserveeId, visit.Class, visit.Subject, visit.YearGroup, visit.Start, visit.ObserverId, visit.ChangedByName));
        await AssertRotaKeepsEveryRuleAsync(rota.Id);
    }

    [SkippableFact]
    public async Task MoveVisit_IntoAClash_IsRefusedWithTheReasonAndNothingChanges()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var amirasFirst = rota.Visits[0];
        var ravis = rota.Visits[2];
        string Name(StaffMember p) => $"{p.FirstName} {p.LastName} ({p.StaffRef})";

        // Act
        var onDuty = await WithRotasAsync(r => r.MoveVisitAsync(amirasFirst.Id, new VisitSlot(Tue10, "1", s.Tom.Id), Leader));
        var full = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Mon2, "1", s.Tom.Id), Leader));
        var blocked = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Wed4, "1", s.Tom.Id), Leader));
        var noLesson = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Tue3, "2", s.Sara.Id), Leader));
        var weekA = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Mon9, "2", s.Sara.Id), Leader));
        var ownLesson = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Mon9, "2", s.Ravi.Id), Leader));
        var assistant = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Mon9, "1", s.Jo.Id), Leader));

        // Assert
        Assert.Equal([$"{Name(s.Amira)} is on duty (Reception) in period 1 on Tue 10 Nov 2026 (week B)."], onDuty.Errors.Select(e => e.Message));
        Assert.Equal([$"9A with {Name(s.Tom)} in period 1 on Mon 2 Nov 2026 has 2 observers; the most is 1."], full.Errors.Select(e => e.Message));
        Assert.Equal(["Wed 4 Nov 2026 is blocked in the school calendar (INSET)"], blocked.Errors.Select(e => e.Message));
        Assert.Equal([$"{Name(s.Sara)} has no lesson in period 2 on Tue 3 Nov 2026 (week A)"], noLesson.Errors.Select(e => e.Message));
        Assert.Equal([$"{Name(s.Sara)} has no lesson in period 2 on Mon 9 Nov 2026 (week B)"], weekA.Errors.Select(e => e.Message));
        Assert.Contains($"{Name(s.Ravi)} cannot visit their own lesson (8A, period 2 on Mon 9 Nov 2026).", ownLesson.Errors.Select(e => e.Message));
        Assert.Equal([$"{Name(s.Jo)} does not lead lessons on the timetable in this rota's dates, so their lessons are not visited"],
            assistant.Errors.Select(e => e.Message));
        Assert.Equal(rota.Visits.Select(v => (v.Id, v.Date, v.Period, v.ObserveeId)),
            (await StoredVisitsAsync(rota.Id)).Select(v => (v.Id, v.Date, v.Period, v.ObserveeId)));
    }

    [SkippableFact]
    public async Task AddVisit_WithinTheRules_IsStoredAndOverALimitOrByANonObserverIsRefused()
    {
        // Arrange: Amira may now make three visits
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        await s.ImportObserversAsync(App, amiraVisits: 3);
        string Name(StaffMember p) => $"{p.FirstName} {p.LastName} ({p.StaffRef})";

        // Act
        var joAgain = await WithRotasAsync(r => r.AddVisitAsync(rota.Id, s.Jo.Id, new VisitSlot(Mon9, "2", s.Ravi.Id), Leader));
        var sam = await WithRotasAsync(r => r.AddVisitAsync(rota.Id, s.Sam.Id, new VisitSlot(Mon9, "2", s.Ravi.Id), Leader));
        var tomThird = await WithRotasAsync(r => r.AddVisitAsync(rota.Id, s.Amira.Id, new VisitSlot(Mon9, "1", s.Tom.Id), Leader));
        var doubleBooked = await WithRotasAsync(r => r.AddVisitAsync(rota.Id, s.Amira.Id, new VisitSlot(Mon2, "1", s.Sara.Id), Leader));
        var added = await WithRotasAsync(r => r.AddVisitAsync(rota.Id, s.Amira.Id, new VisitSlot(Mon9, "1", s.Sara.Id, "7c"), Leader));

        // Assert
        Assert.Equal([$"{Name(s.Jo)} has 2 visits but asked for 1."], joAgain.Errors.Select(e => e.Message));
        Assert.Equal([$"{Name(s.Sam)} is not one of {s.School.Name}'s observers with visits to make; add them to the observer list first"],
            sam.Errors.Select(e => e.Message));
        Assert.Equal([$"{Name(s.Tom)} has 3 visits; the most is 2."], tomThird.Errors.Select(e => e.Message));
        Assert.Equal([$"{Name(s.Amira)} has 2 visits in period 1 on Mon 2 Nov 2026; the most is one."], doubleBooked.Errors.Select(e => e.Message));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        var visits = await StoredVisitsAsync(rota.Id);
        Assert.Equal(5, visits.Count);
        var visit = visits.Single(v => v.Id == added.Value!.Id);
        Assert.Equal((s.Amira.Id, ObserverKind.Pastoral, s.Sara.Id, "7C", Mon9, TimetableWeek.B), (visit.ObserverId, visit.ObserverKind, visit.ObserveeId, visit.Class, visit.Date, visit.Week));
        await AssertRotaKeepsEveryRuleAsync(rota.Id);
    }

    [SkippableFact]
    public async Task RemoveVisit_Recorded_KeepsTheRecordAndARecordedVisitCannotBeMoved()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var ravis = rota.Visits[2];
        var recordId = await Data.WithDbAsync(async db =>
        {
            var record = new ObservationRecord
            {
                SchoolId = s.School.Id,
                VisitId = ravis.Id,
                Kind = ObservationKind.LearningWalk,
                ObserverId = s.Ravi.Id,
                ObserverKind = ObserverKind.MiddleLeader,
                ObserveeId = s.Tom.Id,
                Date = Tue3,
                Questions = ["Q"],
                Answers = ["A"],
                CreatedAt = Now.UtcDateTime,
                UpdatedAt = Now.UtcDateTime,
                CreatedByName = "Ravi Shah",
            };
            db.ObservationRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

        // Act
        var move = await WithRotasAsync(r => r.MoveVisitAsync(ravis.Id, new VisitSlot(Mon9, "1", s.Sara.Id), Leader));
        var removed = await WithRotasAsync(r => r.RemoveVisitAsync(ravis.Id));

        // Assert
        Assert.Equal(["This visit has been recorded, so it stays where it took place"], move.Errors.Select(e => e.Message));
        Assert.True(removed.Succeeded);
        Assert.DoesNotContain(ravis.Id, (await StoredVisitsAsync(rota.Id)).Select(v => v.Id));
        var record = await Data.WithDbAsync(db => db.ObservationRecords.SingleAsync(r => r.Id == recordId));
        Assert.Null(record.VisitId);
        Assert.Equal(s.Tom.Id, record.ObserveeId);
    }
}
