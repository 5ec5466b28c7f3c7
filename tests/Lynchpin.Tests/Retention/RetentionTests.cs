using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Retention;
using Lynchpin.Tests.Accounts;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Retention;

/// <summary>
/// Issue 11, item 7: the daily retention job, on the app's clock (a fake one here). What is due goes — a leaver's staff
/// record anonymised six years after they left, an appraisal deleted after its year plus six, observation notes after
/// three years — with an audit row for each; what is not yet due stays, and so does everything of a person under a legal hold.
/// </summary>
public abstract class RetentionTests(AccountsAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAccountsAppFactory app) : RetentionTests(app), IClassFixture<SqliteAccountsAppFactory>;
    public sealed class Postgres(PostgresAccountsAppFactory app) : RetentionTests(app), IClassFixture<PostgresAccountsAppFactory>;

    private AccountsAppFactory Accounts => (AccountsAppFactory)App;

    private DateOnly Today => new Core.Kernel.SchoolClock(Accounts.Clock).Today;

    /// <summary>As the scheduled job runs it (ScheduledJobRunnerTests cover when, and that one server runs each slot).</summary>
    private async Task<RetentionRun> RunJobAsync()
    {
        using var acting = AuditActors.ActAs(AuditActor.Job(RetentionRunner.JobName));
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(Today);
    }

    private Task<int> AppraisalAsync(StaffMember person, int year) => Data.WithDbAsync(async db =>
    {
        var cycle = await db.AppraisalCycles.SingleOrDefaultAsync(c => c.SchoolId == person.SchoolId && c.Year == year)
            ?? new AppraisalCycle { SchoolId = person.SchoolId, Year = year, OpenedByName = "Test", ObjectivesDue = new(year, 10, 31), MidYearDue = new(year + 1, 2, 28), FinalDue = new(year + 1, 7, 15) };
        var appraisal = new Appraisal { Cycle = cycle, StaffMemberId = person.Id };
        appraisal.Objectives.Add(new Objective { Title = $"Objective {year}", SuccessCriteria = "Met" });
        db.Appraisals.Add(appraisal);
        await db.SaveChangesAsync();
        return appraisal.Id;
    });

    private Task<int> ObservationAsync(StaffMember person, StaffMember observer, DateOnly date) => Data.WithDbAsync(async db =>
    {
        var record = new ObservationRecord
        {
            SchoolId = person.SchoolId, Kind = ObservationKind.DropIn, ObserverId = observer.Id, ObserveeId = person.Id, Date = date,
            Notes = $"Notes of {date:yyyy-MM-dd}", Judgement = "Secure", Answers = ["An answer"], CreatedByName = "Test",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.ObservationRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    [SkippableFact]
    public async Task Job_WhatIsDueGoes_WhatIsHeldOrNotYetDueStays_EachAudited()
    {
        // Arrange: one school on the default periods; a leaver long gone, one recently gone, one long gone but held.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var observer = await Data.CreateStaffAsync(school);
        var longGone = await Data.CreateStaffAsync(school, lastName: "Longgone", leavingDate: Today.AddYears(-6).AddDays(-1));
        var recent = await Data.CreateStaffAsync(school, lastName: "Recent", leavingDate: Today.AddYears(-6).AddDays(1));
        var held = await Data.CreateStaffAsync(school, lastName: "Held", leavingDate: Today.AddYears(-7));
        await Data.WithDbAsync(async db =>
        {
            db.LegalHolds.Add(new LegalHold { StaffMemberId = held.Id, Reason = "Employment tribunal", PlacedAt = DateTime.UtcNow, PlacedByName = "Test" });
            return await db.SaveChangesAsync();
        });
        var thisYear = SchoolYear.Of(Today);
        var oldAppraisal = await AppraisalAsync(observer, thisYear - 7);   // ended with 2 Sept of year+1; kept to the end of year+6: due
        var keptAppraisal = await AppraisalAsync(observer, thisYear - 6);  // its sixth year after is this one: not yet
        var heldAppraisal = await AppraisalAsync(held, thisYear - 9);
        var oldNotes = await ObservationAsync(observer, held, Today.AddYears(-3).AddDays(-1));
        var newNotes = await ObservationAsync(observer, held, Today.AddYears(-3).AddDays(1));
        var heldNotes = await ObservationAsync(held, observer, Today.AddYears(-5));

        // Act
        var run = await RunJobAsync();
        var again = await RunJobAsync();

        // Assert: one of each kind (the database is this class's own), and a second run the same day finds nothing.
        Assert.Equal(new RetentionRun(1, 1, 1), run);
        Assert.Equal(0, again.Total);
        await using var db = App.Database.CreateContext();
        var gone = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == longGone.Id);
        Assert.Equal((RetentionRunner.AnonymousFirstName, RetentionRunner.AnonymousLastName, (string?)null, $"X{longGone.Id}"),
            (gone.FirstName, gone.LastName, gone.Email, gone.StaffRef));
        Assert.Equal("Recent", (await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == recent.Id)).LastName);
        Assert.Equal("Held", (await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == held.Id)).LastName);

        Assert.False(await db.Appraisals.AnyAsync(a => a.Id == oldAppraisal));
        Assert.False(await db.Objectives.AnyAsync(o => o.AppraisalId == oldAppraisal));
        Assert.True(await db.Appraisals.AnyAsync(a => a.Id == keptAppraisal));
        Assert.True(await db.Appraisals.AnyAsync(a => a.Id == heldAppraisal));

        var notes = await db.ObservationRecords.AsNoTracking().Where(r => r.Id == oldNotes || r.Id == newNotes || r.Id == heldNotes)
            .ToDictionaryAsync(r => r.Id);
        Assert.Equal(((string?)null, (string?)null, 0), (notes[oldNotes].Notes, notes[oldNotes].Judgement, notes[oldNotes].Answers.Count));
        Assert.NotNull(notes[newNotes].Notes);
        Assert.NotNull(notes[heldNotes].Notes);

        var audit = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.RetentionDeleted || e.Action == AuditActions.RetentionAnonymised).ToListAsync();
        Assert.Single(audit, e => e.Action == AuditActions.RetentionAnonymised && e.StaffMemberId == longGone.Id);
        Assert.Single(audit, e => e.RecordType == AuditRecordTypes.Appraisal && e.RecordId == oldAppraisal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(audit, e => e.RecordType == AuditRecordTypes.ObservationRecord && e.RecordId == oldNotes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(audit, e => e.StaffMemberId == held.Id || e.StaffMemberId == recent.Id);
        Assert.All(audit, e => Assert.Equal((AuditChannel.Job, RetentionRunner.JobName), (e.Channel!.Value, e.UserName)));
        Assert.Equal(3, audit.Count);
    }
}
