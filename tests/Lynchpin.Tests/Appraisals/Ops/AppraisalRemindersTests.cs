using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Appraisals.Reminders;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary><c>appraisal remind</c>: one email a person through the in-test SMTP server, never twice a day for the same task.</summary>
public abstract class AppraisalRemindersTests(OpsAppFactory app) : OpsTest(app)
{
    public sealed class Sqlite(SqliteOpsAppFactory app) : AppraisalRemindersTests(app), IClassFixture<SqliteOpsAppFactory>;

    public sealed class Postgres(PostgresOpsAppFactory app) : AppraisalRemindersTests(app), IClassFixture<PostgresOpsAppFactory>;

    private sealed record People(School School, StaffMember Head, StaffMember Teacher, StaffMember Ta)
    {
        public string[] Emails => [Head.Email!, Teacher.Email!, Ta.Email!];
    }

    /// <summary>
    /// A head who appraises a teacher who appraises a TA, the cycle open with <paramref name="dates"/> (by default,
    /// objectives due 31 October: overdue), and the TA's objectives written and waiting for them to agree.
    /// </summary>
    private async Task<People> PeopleAsync(CycleDueDates? dates = null)
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true, firstName: "Hana");
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Tess");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher, firstName: "Tariq");
        await OpenAsync(school, dates);
        await ReadyAsync(ta);
        return new People(school, head, teacher, ta);
    }

    private Task<(int Exit, string Output, string Error)> RemindAsync(School school, DateOnly? today = null) =>
        today is { } day
            ? RunAsync("appraisal", "remind", "--school", school.Urn.ToString(), "--today", day.ToString("yyyy-MM-dd"))
            : RunAsync("appraisal", "remind", "--school", school.Urn.ToString());

    [SkippableFact]
    public async Task Remind_OnAHolidayInTheSchoolsCalendar_SendsNothingAndSaysWhy_ThenSendsWhenItReopens()
    {
        // Arrange: today (Friday 20 November) is a closure in the school's own calendar.
        var p = await PeopleAsync();
        await Data.WithDbAsync(db =>
        {
            db.SchoolTermDates.Add(new SchoolTermDate { SchoolId = p.School.Id, Start = new(2026, 9, 2), End = new(2026, 12, 18), Kind = Core.Observations.Rota.CalendarDayKind.Term, Name = "Autumn term" });
            db.SchoolTermDates.Add(new SchoolTermDate { SchoolId = p.School.Id, Start = new(2026, 11, 20), End = new(2026, 11, 20), Kind = Core.Observations.Rota.CalendarDayKind.Closure, Name = "Boiler repair" });
            return db.SaveChangesAsync();
        });

        // Act
        var closed = await RemindAsync(p.School);
        var reopened = await RemindAsync(p.School, new DateOnly(2026, 11, 23));

        // Assert
        Assert.True(closed.Exit == 0, closed.Error);
        Assert.Contains("Sent 0 reminder emails", closed.Output);
        Assert.Contains($"Nothing sent for {p.School.Name} (Boiler repair): the school is closed that day by its calendar.", closed.Output);
        Assert.Contains("Sent 3 reminder emails about 3 appraisal tasks.", reopened.Output);
        Assert.Equal(3, App.Smtp.To(p.Emails).Count);
    }

    [SkippableFact]
    public async Task Remind_SendsEachPersonOneEmailWithTheirTasksAndLinks()
    {
        // Arrange
        var p = await PeopleAsync();

        // Act
        var (exit, output, error) = await RemindAsync(p.School);

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("Sent 3 reminder emails about 3 appraisal tasks.", output);
        var mails = App.Smtp.To(p.Emails);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal(OpsAppFactory.Sender, m.From));
        Assert.All(mails, m => Assert.Equal("Your appraisal tasks in Lynchpin: 1 overdue", m.Message.Subject));

        var toTeacher = Assert.Single(mails, m => m.Recipients.SequenceEqual([p.Teacher.Email!]));
        Assert.Equal(p.Teacher.FullName, toTeacher.Message.To.Mailboxes.Single().Name);
        Assert.Contains("Dear Tess,", toTeacher.Text);
        Assert.Contains($"- Set objectives with {p.Ta.FullName} and get them agreed (was due 31 October 2026)", toTeacher.Text);
        Assert.Contains($"{OpsAppFactory.BaseUrl}staff/{p.Ta.Id}/appraisal?year=2026", toTeacher.Text);
        Assert.Contains($"<a href=\"{OpsAppFactory.BaseUrl}staff/{p.Ta.Id}/appraisal?year=2026\">Set objectives with {p.Ta.FullName} and get them agreed</a>", toTeacher.Html);
        Assert.Contains("<h2 style=\"font-size: 19px\">Overdue</h2>", toTeacher.Html);

        var toTa = Assert.Single(mails, m => m.Recipients.SequenceEqual([p.Ta.Email!]));
        Assert.Contains("- Agree your objectives, or record why not (was due 31 October 2026)", toTa.Text);
        Assert.Contains($"{OpsAppFactory.BaseUrl}staff/{p.Ta.Id}/appraisal?year=2026", toTa.Text);
        var toHead = Assert.Single(mails, m => m.Recipients.SequenceEqual([p.Head.Email!]));
        Assert.Contains($"Set objectives with {p.Teacher.FullName} and get them agreed", toHead.Text);
        Assert.DoesNotContain(p.Ta.FullName, toHead.Text);

        var audit = await Data.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Action == AppraisalReminders.AuditAction && e.StaffMemberId == p.Teacher.Id).ToListAsync());
        var recorded = Assert.Single(audit);
        Assert.StartsWith("2026-11-20 appraisal ", recorded.Detail);
        Assert.Contains("agree-objectives as appraiser", recorded.Detail);
    }

    [SkippableFact]
    public async Task Remind_TwiceTheSameDay_SendsNothingTheSecondTimeButAgainTheNextDay()
    {
        // Arrange
        var p = await PeopleAsync();
        var first = await RemindAsync(p.School);
        Assert.True(first.Exit == 0, first.Error);

        // Act
        var (exit, output, error) = await RemindAsync(p.School);
        var afterSecond = App.Smtp.To(p.Emails).Count;
        var nextDay = await RemindAsync(p.School, Today.AddDays(1));

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("Sent 0 reminder emails about 0 appraisal tasks.", output);
        Assert.Contains("Left out 3 tasks already reminded of today.", output);
        Assert.Equal(3, afterSecond);
        Assert.Contains("Sent 3 reminder emails", nextDay.Output);
        Assert.Equal(6, App.Smtp.To(p.Emails).Count);
    }

    [SkippableFact]
    public async Task Remind_ANewTaskLaterTheSameDay_IsSentOnItsOwn()
    {
        // Arrange: the morning's run reminds the teacher to set the TA's objectives; then the teacher's own set is written
        var p = await PeopleAsync();
        Assert.Equal(0, (await RemindAsync(p.School)).Exit);
        await ReadyAsync(p.Teacher);

        // Act
        var (exit, output, error) = await RemindAsync(p.School);

        // Assert: only the new task, and only to the teacher
        Assert.True(exit == 0, error);
        Assert.Contains("Sent 1 reminder email about 1 appraisal task.", output);
        var toTeacher = App.Smtp.To(p.Teacher.Email!);
        Assert.Equal(2, toTeacher.Count);
        Assert.Contains("Agree your objectives, or record why not", toTeacher[1].Text);
        Assert.DoesNotContain("Set objectives with", toTeacher[1].Text);
    }

    [SkippableFact]
    public async Task Remind_TasksDueLaterThanTwoWeeks_WaitUntilTheyAreDueSoon()
    {
        // Arrange: objectives due on 18 December, four weeks after today
        var p = await PeopleAsync(new CycleDueDates(new(2026, 12, 18), new(2027, 2, 26), new(2027, 7, 15)));

        // Act
        var now = await RemindAsync(p.School);
        var december = await RemindAsync(p.School, new DateOnly(2026, 12, 10));

        // Assert
        Assert.Contains("Sent 0 reminder emails", now.Output);
        Assert.Contains("Sent 3 reminder emails", december.Output);
        var toTa = Assert.Single(App.Smtp.To(p.Ta.Email!));
        Assert.Equal("Your appraisal tasks in Lynchpin: 1 due soon", toTa.Message.Subject);
        Assert.Contains("- Agree your objectives, or record why not (due 18 December 2026)", toTa.Text);
        Assert.Contains("Due soon:", toTa.Text);
    }

    [SkippableFact]
    public async Task Remind_SomeoneWithoutAnEmailAddress_IsNamedAndTheOthersAreSent()
    {
        // Arrange
        var p = await PeopleAsync();
        await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == p.Ta.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, (string?)null)));

        // Act
        var (exit, output, error) = await RemindAsync(p.School);

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("Sent 2 reminder emails", output);
        Assert.Contains($"No email address for {p.Ta.FullName}", output);
        Assert.Equal(2, App.Smtp.To(p.Emails).Count);
    }

    [SkippableFact]
    public async Task Remind_AnAddressTheServerRefuses_IsReportedAndRemindedAgainOnTheNextRun()
    {
        // Arrange
        var p = await PeopleAsync();
        App.Smtp.RefusedRecipients[p.Head.Email!] = true;

        // Act
        var (exit, output, error) = await RemindAsync(p.School);
        App.Smtp.RefusedRecipients.TryRemove(p.Head.Email!, out _);
        var retry = await RemindAsync(p.School);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("Sent 2 reminder emails", output);
        Assert.Contains($"Not sent: {p.Head.FullName} <{p.Head.Email}>", error);
        Assert.Contains("Sent 1 reminder email about 1 appraisal task.", retry.Output);
        Assert.Single(App.Smtp.To(p.Head.Email!));
    }

    [SkippableFact]
    public async Task Remind_OnlyTheSchoolAsked_AndAnUnknownSchoolFails()
    {
        // Arrange
        var p = await PeopleAsync();
        var other = await PeopleAsync();

        // Act
        var (exit, _, error) = await RemindAsync(p.School);
        var unknown = await RunAsync("appraisal", "remind", "--school", "999999999");

        // Assert
        Assert.True(exit == 0, error);
        Assert.Equal(3, App.Smtp.To(p.Emails).Count);
        Assert.Empty(App.Smtp.To(other.Emails));
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("There is no school with URN 999999999", unknown.Error);
    }

    [SkippableFact]
    public async Task Remind_WithABadDate_FailsWithoutSending()
    {
        // Arrange
        var p = await PeopleAsync();

        // Act
        var (exit, _, error) = await RunAsync("appraisal", "remind", "--school", p.School.Urn.ToString(), "--today", "20/11/2026");

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("--today \"20/11/2026\" is not a date written as yyyy-mm-dd", error);
        Assert.Empty(App.Smtp.To(p.Emails));
    }
}

/// <summary>Without SMTP settings the command says so and fails, rather than pretending to have reminded anyone.</summary>
public sealed class AppraisalRemindersWithoutSmtpTests(SqliteAppFactory app) : IntegrationTest(app), IClassFixture<SqliteAppFactory>
{
    [SkippableFact]
    public async Task Remind_WithoutSmtpSettings_SaysSoAndExitsNonZero()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exit = await Web.Cli.CommandLine.RunAsync(App.Services, ["appraisal", "remind", "--school", school.Urn.ToString()], output, error);

        // Assert
        Assert.NotEqual(0, exit);
        Assert.Contains("Email is not set up, so no reminders were sent", error.ToString());
        Assert.Contains("Lynchpin:Smtp:Host", error.ToString());
        Assert.Equal("", output.ToString());
    }
}
