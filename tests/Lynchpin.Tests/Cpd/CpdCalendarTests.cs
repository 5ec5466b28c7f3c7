using System.Net;
using Ical.Net;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Cpd;

/// <summary>CPD in the person's private calendar feed: what they attend and their approved requests, not others' nor declined ones.</summary>
public abstract class CpdCalendarTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CpdCalendarTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CpdCalendarTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_Feed_HoldsThePersonsCpdAndApprovedRequests_AllDay()
    {
        // Arrange: a two-day course she attends, one she does not, an approved request and a declined one
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, jobTitle: "Teaching Assistant");
        var other = await Data.CreateStaffAsync(school, RoleFamily.Site, jobTitle: "Site manager");
        var start = AppToday.AddDays(14);
        AssertDone(await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(school.Id, new CpdActivityInput(
            "Precision teaching", CpdKind.Course, "Kirklees Learning Partnership", start, start.AddDays(1), 12m, 80m, null, [new AttendeeInput(ta.Id)]), Leader)));
        AssertDone(await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(school.Id, new CpdActivityInput(
            "IOSH Managing Safely", CpdKind.Course, null, start, start, 6m, 300m, null, [new AttendeeInput(other.Id)]), Leader)));
        var (approved, declined) = await Data.WithDbAsync(async db =>
        {
            CpdRequest Request(string title, CpdRequestStatus status) => new()
            {
                SchoolId = school.Id,
                StaffMemberId = ta.Id,
                Title = title,
                Kind = CpdKind.Conference,
                StartDate = start.AddDays(30),
                EndDate = start.AddDays(30),
                Hours = 6m,
                Cost = 0m,
                Reason = "To learn",
                Status = status,
                RequestedAt = DateTime.UtcNow,
            };
            var yes = Request("HLTA cluster conference", CpdRequestStatus.Approved);
            var no = Request("Counselling diploma", CpdRequestStatus.Declined);
            db.CpdRequests.AddRange(yes, no);
            await db.SaveChangesAsync();
            return (yes.Id, no.Id);
        });
        var token = await WithAsync<CalendarFeeds, string>(f => f.TokenAsync(ta.Id));
        using var anonymous = App.CreateClient();

        // Act
        using var response = await anonymous.GetAsync($"/calendar/{token}.ics");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(["CPD: Precision teaching", "CPD: HLTA cluster conference"], events.Select(e => e.Summary));
        Assert.Equal($"cpd-request-{approved}@lynchpin", events[1].Uid);
        Assert.DoesNotContain(events, e => e.Uid!.Contains($"cpd-request-{declined}", StringComparison.Ordinal));
        Assert.Equal((start.ToDateTime(TimeOnly.MinValue), false), (events[0].DtStart!.Value, events[0].DtStart!.HasTime));
        Assert.Contains("12 hours", events[0].Description, StringComparison.Ordinal);
        Assert.Contains("until", events[0].Description, StringComparison.Ordinal);
        Assert.Equal("Kirklees Learning Partnership", events[0].Location);
    }
}
