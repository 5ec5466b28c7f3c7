using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations;

/// <summary>Recording visits and drop-ins: the sharing rule, judgements and the visit rules, on both providers. Today is 25 Nov 2026.</summary>
public abstract class ObservationRecordsTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ObservationRecordsTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ObservationRecordsTests(app), IClassFixture<PostgresAppFactory>;

    private async Task<T> WithRecordsAsync<T>(Func<ObservationRecords, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(new ObservationRecords(scope.ServiceProvider.GetRequiredService<LynchpinDbContext>(), new SchoolClock(new FixedClock(Now))));
    }

    private async Task UpdateSettingsAsync(School school, Func<ObservationSettingsInput, ObservationSettingsInput> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ObservationSettingsEditor>();
        var errors = await editor.UpdateAsync(school.Id, change(ObservationSettingsInput.From(await editor.GetAsync(school.Id))));
        Assert.Empty(errors);
    }

    private static ObservationInput DropIn(StaffMember observer, StaffMember observee, DateOnly? date = null) => new()
    {
        Kind = ObservationKind.DropIn,
        ObserverId = observer.Id,
        ObserveeId = observee.Id,
        Date = date ?? Mon9,
        Answers = ["Equivalent fractions with fraction walls", "They explained it to each other"],
    };

    [SkippableFact]
    public async Task Create_ByEachKindOfObserver_SharesAsTheDefaultsSay()
    {
        // Arrange
        var s = await CreateAsync(App);

        // Act: a pastoral observer, a teaching assistant, a senior leader and a middle leader
        var byAmira = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Amira, s.Tom), Leader));
        var byJo = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Jo, s.Sara), Leader));
        var bySam = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Sam, s.Tom), Leader));
        var byRavi = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Ravi, s.Sara), Leader));

        // Assert
        var stored = await Data.WithDbAsync(db => db.ObservationRecords.Where(r => r.SchoolId == s.School.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(
            [
                (ObserverKind.Pastoral, false),
                (ObserverKind.Support, false),
                (ObserverKind.Slt, true),
                (ObserverKind.MiddleLeader, true),
            ],
            stored.Select(r => (r.ObserverKind, r.SharedWithObservee)));
        var first = stored[0];
        Assert.Equal(ObservationSettingsDefaults.Questions, first.Questions);
        Assert.Equal(["Equivalent fractions with fraction walls", "They explained it to each other", ""], first.Answers);
        Assert.Equal((ObservationKind.DropIn, Mon9, (int?)null, "Helen Marsh"), (first.Kind, first.Date, first.VisitId, first.CreatedByName));
        Assert.All([byAmira, byJo, bySam, byRavi], r => Assert.True(r.Succeeded));
    }

    [SkippableFact]
    public async Task Create_AfterTheSettingChanges_SharesNewRecordsOnlyAndAnEditKeepsTheDecision()
    {
        // Arrange: a pastoral record made while such records are not shared
        var s = await CreateAsync(App);
        var before = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Amira, s.Tom), Leader));
        await UpdateSettingsAsync(s.School, i => i with { SharePastoralRecords = true });

        // Act
        var after = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Amira, s.Sara), Leader));
        var edited = await WithRecordsAsync(r => r.UpdateAsync(before.Value!.Id,
            DropIn(s.Amira, s.Tom) with { Notes = "Pupils used mini whiteboards", ObserveeId = s.Sara.Id }));

        // Assert: the edit changes the content, not who was observed or whether it is shared
        var stored = await Data.WithDbAsync(db => db.ObservationRecords.Where(r => r.SchoolId == s.School.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([(false, s.Tom.Id), (true, s.Sara.Id)], stored.Select(r => (r.SharedWithObservee, r.ObserveeId)));
        Assert.True(edited.Succeeded, string.Join("; ", edited.Errors));
        Assert.Equal("Pupils used mini whiteboards", stored[0].Notes);
        Assert.True(after.Succeeded);
    }

    [SkippableFact]
    public async Task Create_WithAJudgement_IsRefusedUnlessTheSchoolRecordsThem()
    {
        // Arrange
        var s = await CreateAsync(App);
        var input = DropIn(s.Sam, s.Tom) with { Judgement = "Strong" };

        // Act
        var refused = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, input, Leader));
        await UpdateSettingsAsync(s.School, i => i with { RecordJudgements = true });
        var allowed = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, input, Leader));

        // Assert
        Assert.Equal([("Judgement", "This school does not record judgements; write about learning in the notes instead")],
            refused.Errors.Select(e => (e.Field, e.Message)));
        Assert.True(allowed.Succeeded, string.Join("; ", allowed.Errors));
        Assert.Equal("Strong", allowed.Value!.Judgement);
        Assert.Equal(1, await Data.WithDbAsync(db => db.ObservationRecords.CountAsync(r => r.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task Create_ForAVisit_TakesTheLessonFromItAndAllowsOneRecordByItsObserver()
    {
        // Arrange: Amira's visit to Tom's 9A on Mon 2 Nov
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var visit = rota.Visits[0];
        var input = new ObservationInput
        {
            VisitId = visit.Id,
            Kind = ObservationKind.DropIn,
            ObserverId = s.Amira.Id,
            ObserveeId = s.Tom.Id,
            Answers = ["Ratio tables"],
            TimeFrom = new TimeOnly(9, 10),
            TimeTo = new TimeOnly(9, 30),
        };

        // Act
        var byOther = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, input with { ObserverId = s.Sam.Id }, Leader));
        var recorded = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, input, new(null, "Amira Khan")));
        var again = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, input, new(null, "Amira Khan")));

        // Assert: the kind is the rota's; the date and lesson come from the visit
        Assert.Equal(["ObserverId"], byOther.Errors.Select(e => e.Field));
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Errors));
        var record = recorded.Value!;
        Assert.Equal((ObservationKind.LearningWalk, Mon2, "1", "9A", "Maths", "9", false),
            (record.Kind, record.Date, record.Period, record.Class, record.Subject, record.YearGroup, record.SharedWithObservee));
        Assert.Equal(["This visit is already recorded; edit that record instead"], again.Errors.Select(e => e.Message));
    }

    [SkippableFact]
    public async Task Create_BadInput_ListsEveryProblemAndSavesNothing()
    {
        // Arrange
        var s = await CreateAsync(App);
        var other = await Data.CreateStaffAsync(await Data.CreateSchoolAsync());

        // Act
        var future = await WithRecordsAsync(r => r.CreateAsync(s.School.Id,
            DropIn(s.Amira, s.Amira, new DateOnly(2026, 11, 26)) with { Answers = [], TimeFrom = new TimeOnly(10, 0), TimeTo = new TimeOnly(9, 50), YearGroup = "KS3" },
            Leader));
        var elsewhere = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Amira, other), Leader));

        // Assert
        Assert.Equal(["ObserveeId", "Date", "TimeTo", "YearGroup", "Answers"], future.Errors.Select(e => e.Field));
        Assert.Equal(["ObserveeId"], elsewhere.Errors.Select(e => e.Field));
        Assert.Equal(0, await Data.WithDbAsync(db => db.ObservationRecords.CountAsync(r => r.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task Create_ALessonLaterToday_IsRefusedUntilItHasStarted()
    {
        // Arrange: today is 25 November 2026, 10:00 in London
        var s = await CreateStaffAsync(Data);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        // Act
        var later = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Amira, s.Tom, today) with { TimeFrom = new TimeOnly(14, 0) }, Leader));
        var started = await WithRecordsAsync(r => r.CreateAsync(s.School.Id, DropIn(s.Amira, s.Tom, today) with { TimeFrom = new TimeOnly(9, 30) }, Leader));

        // Assert
        Assert.Equal([new FieldError("TimeFrom", "The lesson starts at 14:00 today; record it once it has started")], later.Errors);
        Assert.Empty(started.Errors);
    }

    [SkippableFact]
    public async Task UpdateSettings_OutOfRangeOrNoQuestions_IsRefusedAndDefaultsStay()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);
        await using var scope = App.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ObservationSettingsEditor>();
        var input = ObservationSettingsInput.From(await editor.GetAsync(s.School.Id));

        // Act
        var errors = await editor.UpdateAsync(s.School.Id, input with { MaxObserversPerLesson = 0, MaxVisitsPerObservee = 21, DropInQuestions = ["", "  "] });
        var saved = await editor.UpdateAsync(s.School.Id, input with { DropInQuestions = [" What is hard? ", "", "Who is stuck?"], MaxVisitsPerObservee = 3 });
        var settings = await editor.GetAsync(s.School.Id);

        // Assert
        Assert.Equal(["MaxObserversPerLesson", "MaxVisitsPerObservee", "DropInQuestions"], errors.Select(e => e.Field));
        Assert.Empty(saved);
        Assert.Equal(["What is hard?", "Who is stuck?"], settings.DropInQuestions);
        Assert.Equal(ObservationSettingsDefaults.Questions, settings.LearningWalkQuestions);
        Assert.Equal((3, false, true), (settings.MaxVisitsPerObservee, settings.SharePastoralRecords, settings.ShareSltRecords));
    }
}
