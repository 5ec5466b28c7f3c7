using System.Net;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Authorization;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// Leavers (issue 11: they kept their accounts, tokens and calendar feeds): the day after the leaving date, the daily run
/// (hourly in the app, and a command) disables the account, ends its sessions, revokes its tokens and stops its feed.
/// </summary>
public abstract class LeaverAccountsTests(AccountsAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAccountsAppFactory app) : LeaverAccountsTests(app), IClassFixture<SqliteAccountsAppFactory>;
    public sealed class Postgres(PostgresAccountsAppFactory app) : LeaverAccountsTests(app), IClassFixture<PostgresAccountsAppFactory>;

    private AccountsAppFactory Accounts => (AccountsAppFactory)App;

    private DateOnly Today => DateOnly.FromDateTime(Accounts.Clock.Now.UtcDateTime);

    /// <summary>
    /// A member of staff signed in, with an API token and a calendar feed, whose leaving date then becomes <paramref name="leaving"/>
    /// (a leaver cannot sign in, so the sessions are opened first, as they would have been while they worked there).
    /// </summary>
    private async Task<(TestUser User, HttpClient Session, HttpClient Api, string Feed)> LeaverAsync(
        DateOnly leaving, School? school = null, StaffMember? lineManager = null)
    {
        school ??= await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var staff = await Data.CreateStaffAsync(school, lineManager: lineManager);
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: staff);
        var session = await App.CreateSignedInClientAsync(user);
        var api = await App.CreateBearerClientAsync(user);
        await using var scope = App.Services.CreateAsyncScope();
        var feed = await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().TokenAsync(staff.Id);
        await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == staff.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LeavingDate, leaving)));
        return (user, session, api, $"/calendar/{feed}.ics");
    }

    private async Task<LeaverRun> RunJobAsync()
    {
        // As the scheduled job runs it (ScheduledJobRunnerTests cover when, and that one server runs each slot).
        using var acting = AuditActors.ActAs(AuditActor.Job(LeaverAccounts.JobName));
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeaverAccounts>().RunAsync(new Core.Kernel.SchoolClock(Accounts.Clock).Today);
    }

    [SkippableFact]
    public async Task Run_TheDayAfterTheLeavingDate_DisablesTheAccountEndsSessionsRevokesTokensAndStopsTheFeed()
    {
        // Arrange
        var (user, session, api, feed) = await LeaverAsync(Today.AddDays(-1));
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync(feed)).StatusCode);

        // Act
        var run = await RunJobAsync();

        // Assert
        Assert.Contains(user.Email, run.Disabled);
        PageAssert.RedirectsToSignIn(await session.GetAsync("/account"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(feed)).StatusCode);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(App.CreateClient(), user.Email, user.Password));
        Assert.Contains("This account is disabled", refused.Message);
        var account = await Data.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal($"Left on {Dates.Long(Today.AddDays(-1))}", account.DisabledReason);
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == user.Id).ToListAsync());
        var disabled = Assert.Single(audit, e => e.Action == AuditActions.AccountDisabled);
        Assert.Equal((AuditChannel.Job, LeaverAccounts.JobName), (disabled.Channel!.Value, disabled.UserName));
        Assert.Contains(audit, e => e.Action == AuditActions.TokenRevoked);
        Assert.Contains(audit, e => e.Action == AuditActions.CalendarFeedRevoked);
    }

    [SkippableFact]
    public async Task Disable_ACoachsAccount_StopsTheirCalendarFeedToo()
    {
        // Arrange: a coach has no staff record; their feed (coaching visits) belongs to the account.
        var coach = await Data.CreateUserAsync(UserRole.Coach);
        await using var scope = App.Services.CreateAsyncScope();
        var feed = $"/calendar/{await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().AccountTokenAsync(coach.Id)}.ics";
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync(feed)).StatusCode);

        // Act
        await Data.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<LynchpinDbContext>();
            var account = await db.Users.SingleAsync(u => u.Id == coach.Id);
            await services.GetRequiredService<AccountAdministration>().DisableAsync(account, "Contract ended");
            return 0;
        });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(feed)).StatusCode);
        Assert.False(await Data.WithDbAsync(db => db.CalendarFeedTokens.AnyAsync(t => t.UserId == coach.Id)));
        Assert.True(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.RecordId == coach.Id && e.Action == AuditActions.CalendarFeedRevoked)));
    }

    [SkippableFact]
    public async Task Run_OnTheLeavingDayItself_LeavesTheAccountAlone()
    {
        // Arrange: the leaving date is their last day in post.
        var (user, session, api, _) = await LeaverAsync(Today);

        // Act
        var run = await RunJobAsync();

        // Assert
        Assert.DoesNotContain(user.Email, run.Disabled);
        await PageAssert.OkAsync(await session.GetAsync("/account"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/schools")).StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_ALeaverBeforeTheRun_IsRefused()
    {
        // Arrange: left yesterday; the run has not been yet.
        var school = await Data.CreateSchoolAsync();
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school, leavingDate: Today.AddDays(-1)));

        // Act
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(App.CreateClient(), user.Email, user.Password));

        // Assert
        Assert.Contains("This account is disabled", refused.Message);
    }

    [SkippableFact]
    public async Task Command_DisableLeavers_DisablesThemAndSaysWho()
    {
        // Arrange
        var (user, _, _, _) = await LeaverAsync(new DateOnly(2026, 3, 31));
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exit = await CommandLine.RunAsync(App.Services, ["users", "disable-leavers", "--today", "2026-04-01"], output, error);
        using var again = new StringWriter();
        var secondExit = await CommandLine.RunAsync(App.Services, ["users", "disable-leavers", "--today", "2026-04-01"], again, error);

        // Assert: a second run finds nothing to do.
        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Leavers on 1 April 2026:", output.ToString());
        Assert.Contains($"  {user.Email}", output.ToString());
        Assert.Equal(0, secondExit);
        Assert.DoesNotContain(user.Email, again.ToString());
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.RecordId == user.Id && e.Action == AuditActions.AccountDisabled));
        Assert.Equal(AuditChannel.Command, audit.Channel);
    }

    [SkippableFact]
    public async Task Post_EnableALeaver_IsRefusedUntilTheLeavingDateChanges()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var head = await Data.CreateStaffAsync(school, slt: true);
        var headUser = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: head);
        var (user, _, _, _) = await LeaverAsync(Today.AddDays(-3), school, head);
        await RunJobAsync();
        using var client = await App.CreateSignedInClientAsync(headUser);

        // Act
        using var response = await AccountAdministrationTests.PostHandlerAsync(client, $"/accounts/{user.Id}", "Enable");

        // Assert
        var page = await PageAssert.FormErrorsAsync(response);
        Assert.Contains("change the leaving date first", PageAssert.Text(page.QuerySelector(".govuk-error-summary")));
        Assert.NotNull(await Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisabledAt).SingleAsync()));
    }
}
