using System.Net;
using Lynchpin.Core.Conditions;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Pupils;
using Lynchpin.Core.Schools;
using Lynchpin.Tests.Appraisals.Schools;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Conditions;

/// <summary>
/// The conditions review (issue 18 item 4) on 10 March 2026, in 2025/26. The usual terms split into half terms starting
/// 1 Sep, 27 Oct, 1 Jan, 15 Feb (four begun by 10 March), 1 Apr and 27 May.
/// <code>
///                                   coach   in post 10 Mar   half terms   conversations   observed   CPD hours   objectives (due 31 Oct)
/// Ann teacher                       Gail    yes              4            3 (+1 in 2024)  twice      6           agreed 20 Oct (on time)
/// Bea TA, joined 5 Jan 2026         –       yes              2            1               –          3           – (not in post on 31 Oct)
/// Cal teacher, left 30 Nov 2025     Gail    no (a leaver)    2            1               once       4           agreed 5 Nov (late)
/// Gail pastoral                     –       yes              4            0               –          0           not agreed (gave a reason)
/// Hal teacher, SLT                  –       yes              4            0               –          0           draft
/// Dev teacher, joins 1 Apr 2026     –       not yet          –            –               –          –           –
/// </code>
/// Observations: Gail (pastoral) observed Ann; Hal (SLT) observed Ann and Cal.
/// </summary>
public abstract class ConditionsReviewTests(MarchAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : ConditionsReviewTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : ConditionsReviewTests(app), IClassFixture<PostgresMarchAppFactory>;

    private sealed record Scenario(School School, StaffMember Ann, StaffMember Bea, StaffMember Cal, StaffMember Gail, StaffMember Hal, StaffMember Dev);

    private async Task<Scenario> CreateAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var gail = await Data.CreateStaffAsync(school, RoleFamily.Pastoral, firstName: "Gail");
        var ann = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Ann", coach: gail);
        var bea = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, firstName: "Bea", startDate: new DateOnly(2026, 1, 5));
        var cal = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Cal", coach: gail, leavingDate: new DateOnly(2025, 11, 30));
        var hal = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Hal", slt: true);
        var dev = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Dev", startDate: new DateOnly(2026, 4, 1));
        await Data.WithDbAsync(async db =>
        {
            foreach (var (person, on) in new[]
                     {
                         (ann, new DateOnly(2025, 10, 1)), (ann, new DateOnly(2025, 12, 1)), (ann, new DateOnly(2026, 3, 1)), (ann, new DateOnly(2025, 3, 1)),
                         (bea, new DateOnly(2026, 1, 10)), (cal, new DateOnly(2025, 10, 2)),
                     })
            {
                db.ProfessionalConversations.Add(new ProfessionalConversation
                {
                    StaffMemberId = person.Id,
                    HeldOn = on,
                    Agreed = "Private to the triad",
                    RecordedAt = DateTime.UtcNow,
                    RecordedByName = "Test",
                });
            }
            db.ObservationRecords.AddRange(
                Observation(school, gail, ObserverKindPastoral, ann, new DateOnly(2025, 10, 1)),
                Observation(school, hal, ObserverKindSlt, ann, new DateOnly(2026, 2, 2)),
                Observation(school, hal, ObserverKindSlt, cal, new DateOnly(2025, 11, 1)));
            db.CpdActivities.Add(Activity(school, new DateOnly(2025, 10, 10), (ann, 6m), (cal, 4m)));
            db.CpdActivities.Add(Activity(school, new DateOnly(2026, 2, 1), (bea, 3m)));
            var cycle = new AppraisalCycle
            {
                SchoolId = school.Id,
                Year = 2025,
                ObjectivesDue = new DateOnly(2025, 10, 31),
                MidYearDue = new DateOnly(2026, 2, 28),
                FinalDue = new DateOnly(2026, 7, 15),
                OpenedAt = DateTime.UtcNow,
                OpenedByName = "Test",
                Appraisals =
                [
                    new() { StaffMemberId = ann.Id, ObjectivesStatus = ObjectivesStatus.Agreed, AgreedAt = new DateTime(2025, 10, 20, 12, 0, 0, DateTimeKind.Utc) },
                    new() { StaffMemberId = cal.Id, ObjectivesStatus = ObjectivesStatus.Agreed, AgreedAt = new DateTime(2025, 11, 5, 12, 0, 0, DateTimeKind.Utc) },
                    new() { StaffMemberId = gail.Id, ObjectivesStatus = ObjectivesStatus.NotAgreed, NotAgreedReason = "Private" },
                    new() { StaffMemberId = hal.Id },
                ],
            };
            db.AppraisalCycles.Add(cycle);
            return await db.SaveChangesAsync();
        });
        return new Scenario(school, ann, bea, cal, gail, hal, dev);
    }

    private const ObserverKind ObserverKindPastoral = ObserverKind.Pastoral;
    private const ObserverKind ObserverKindSlt = ObserverKind.Slt;

    private static ObservationRecord Observation(School school, StaffMember observer, ObserverKind kind, StaffMember observee, DateOnly on) => new()
    {
        SchoolId = school.Id,
        Kind = ObservationKind.DropIn,
        ObserverId = observer.Id,
        ObserverKind = kind,
        ObserveeId = observee.Id,
        Date = on,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
        CreatedByName = "Test",
    };

    private static CpdActivity Activity(School school, DateOnly on, params (StaffMember Person, decimal Hours)[] people) => new()
    {
        SchoolId = school.Id,
        Title = "Questioning",
        Kind = CpdKind.Course,
        StartDate = on,
        EndDate = on,
        RecordedAt = DateTime.UtcNow,
        RecordedByName = "Test",
        Attendances = [.. people.Select(p => new CpdAttendance { StaffMemberId = p.Person.Id, Hours = p.Hours })],
    };

    private Task<ConditionsResult> ReviewAsync(School school, int year) =>
        Data.WithServicesAsync(s => s.GetRequiredService<ConditionsReview>().ForSchoolAsync(school.Id, year));

    private Task<Result> SaveAsync(School school, string code, ConditionsInput input, int? revision = null) =>
        Data.WithServicesAsync(s => s.GetRequiredService<ConditionsReview>()
            .SaveAsync(school.Id, 2025, ConditionsIndicators.ByCode(code)!, input, revision, new Recorder(null, "Hana Head")));

    [SkippableFact]
    public async Task ForSchool_ThisYear_MeasuresEachIndicatorCountingJoinersAndLeaversAsTheRulesSay()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        var review = await ReviewAsync(s.School, 2025);

        // Assert
        Assert.Equal(new DateOnly(2026, 3, 10), review.MeasuredOn);
        // In post on 10 March: Ann, Bea, Gail, Hal (not Cal, who left, nor Dev, who has not started); Ann has a coach.
        var coaching = review[ConditionsIndicators.Coaching];
        Assert.Equal(25m, coaching.Value);
        Assert.Equal(["Ann", "Bea", "Gail", "Hal"], coaching.People.Select(p => p.Name.Split(' ')[0]).Order());
        Assert.Equal([s.Ann.Id], coaching.People.Where(p => p.Counts).Select(p => p.Id));
        // 5 conversations this year (not Ann's of March 2025) over 4 + 2 + 2 + 4 + 4 = 16 half terms in post.
        var conversations = review[ConditionsIndicators.Conversations];
        Assert.Equal(0.31m, conversations.Value);
        Assert.Contains(conversations.People, p => p.Id == s.Bea.Id && p.Detail == "1 conversation in 2 half terms");
        Assert.Contains(conversations.People, p => p.Id == s.Cal.Id && p.Detail == "1 conversation in 2 half terms");
        Assert.DoesNotContain(conversations.People, p => p.Id == s.Dev.Id);
        Assert.DoesNotContain(conversations.People, p => p.Detail.Contains("Private", StringComparison.Ordinal));
        // Observed: Ann of the four in post (Cal was observed, but has left); 1 of the 3 records by pastoral or support staff.
        Assert.Equal(25m, review[ConditionsIndicators.Observed].Value);
        Assert.Equal(33.3m, review[ConditionsIndicators.ObserversPastoralSupport].Value);
        Assert.Equal([s.Gail.Id], review[ConditionsIndicators.ObserversPastoralSupport].People.Where(p => p.Counts).Select(p => p.Id));
        // CPD: teaching Ann 6 + Cal 4 + Hal 0 over 3; support Bea 3 + Gail 0 over 2; pastoral Gail 0 is measured, not missing.
        Assert.Equal(3.33m, review[ConditionsIndicators.CpdTeaching].Value);
        Assert.Equal(1.5m, review[ConditionsIndicators.CpdSupport].Value);
        Assert.Equal(3m, review[ConditionsIndicators.CpdLearningSupport].Value);
        Assert.Equal(0m, review[ConditionsIndicators.CpdPastoral].Value);
        // Objectives: of those in post on 31 October (Ann, Cal, Gail, Hal), Ann's alone were agreed by then.
        var objectives = review[ConditionsIndicators.ObjectivesOnTime];
        Assert.Equal(25m, objectives.Value);
        Assert.Equal(4, objectives.People.Count);
        Assert.Contains(objectives.People, p => p.Id == s.Cal.Id && p.Detail == "Agreed on 5 November 2025, after the deadline" && !p.Counts);
        Assert.Contains(objectives.People, p => p.Id == s.Gail.Id && p.Detail == "Not agreed: the person recorded why");
        // Nothing entered for the triads' time yet.
        Assert.Null(review[ConditionsIndicators.TriadTime].Value);
        Assert.All(review.Indicators, i => Assert.Null(i.Rag));
    }

    [SkippableFact]
    public async Task ForSchool_APreviousYear_MeasuresToItsLastDayAndLeavesTheCoachUnmeasured()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        var review = await ReviewAsync(s.School, 2024);

        // Assert: measured to 31 August 2025; Ann's conversation of March 2025 over Ann, Cal, Gail and Hal's six half terms each.
        Assert.Equal(new DateOnly(2025, 8, 31), review.MeasuredOn);
        Assert.Null(review[ConditionsIndicators.Coaching].Value);
        Assert.Contains("current coach only", review[ConditionsIndicators.Coaching].Basis, StringComparison.Ordinal);
        Assert.Equal(0.04m, review[ConditionsIndicators.Conversations].Value);
        Assert.Equal(4, review[ConditionsIndicators.Conversations].People.Count);
        Assert.Null(review[ConditionsIndicators.Observed].Value);
        Assert.Null(review[ConditionsIndicators.CpdTeaching].Value);
        Assert.Null(review[ConditionsIndicators.ObjectivesOnTime].Value);
    }

    [SkippableFact]
    public async Task ForSchool_NoRecords_NotMeasuredRatherThanZero()
    {
        // Arrange: one person, nothing recorded, and a cycle whose objectives are not yet due.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        await Data.CreateStaffAsync(school, RoleFamily.Teaching);
        await Data.WithDbAsync(db =>
        {
            db.AppraisalCycles.Add(new AppraisalCycle
            {
                SchoolId = school.Id,
                Year = 2025,
                ObjectivesDue = new DateOnly(2026, 3, 31),
                MidYearDue = new DateOnly(2026, 5, 1),
                FinalDue = new DateOnly(2026, 7, 15),
                OpenedAt = DateTime.UtcNow,
                OpenedByName = "Test",
            });
            return db.SaveChangesAsync();
        });

        // Act
        var review = await ReviewAsync(school, 2025);

        // Assert: having no coach is a measurement (0%); the rest have nothing to measure from.
        Assert.Equal(0m, review[ConditionsIndicators.Coaching].Value);
        Assert.All(review.Indicators.Where(i => i.Indicator.Code != ConditionsIndicators.Coaching), i =>
        {
            Assert.Null(i.Value);
            Assert.Equal("Not measured", i.Shown);
            Assert.Empty(i.People);
        });
        Assert.Contains("31 March 2026", review[ConditionsIndicators.ObjectivesOnTime].Basis, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Save_TargetsNotesAndTriadMinutes_GiveTheStatusAndRefuseBadInputAndStaleForms()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        var bad = await SaveAsync(s.School, ConditionsIndicators.TriadTime, new ConditionsInput("lots", "-5", "Fine", new string('x', 2001)));
        var tooHigh = await SaveAsync(s.School, ConditionsIndicators.Coaching, new ConditionsInput("101", null, null, null));
        var saved = await SaveAsync(s.School, ConditionsIndicators.TriadTime, new ConditionsInput("60", "55", "  Triads meet in tutor time  ", "Add a slot"), revision: 0);
        var stale = await SaveAsync(s.School, ConditionsIndicators.TriadTime, new ConditionsInput("60", "45", null, null), revision: 0);
        var coach = await SaveAsync(s.School, ConditionsIndicators.Coaching, new ConditionsInput("30%", null, null, null));

        // Assert
        Assert.Equal(["Actions", "Target", "Value"], bad.Errors.Select(e => e.Field).Order());
        Assert.Equal("The target must be 100 or less", Assert.Single(tooHigh.Errors).Message);
        Assert.True(saved.Succeeded);
        Assert.IsType<Conflict>(Assert.Single(stale.Errors));
        Assert.True(coach.Succeeded);
        var review = await ReviewAsync(s.School, 2025);
        var triad = review[ConditionsIndicators.TriadTime];
        Assert.Equal(55m, triad.Value);
        Assert.Equal(Rag.Amber, triad.Rag);
        Assert.Equal("Triads meet in tutor time", triad.Entry!.Notes);
        Assert.Equal("Hana Head", triad.Entry.RevisedByName);
        Assert.Equal(Rag.Red, review[ConditionsIndicators.Coaching].Rag);
        Assert.Null(review[ConditionsIndicators.Observed].Rag);
        Assert.Equal(2, await Data.WithDbAsync(db => db.ConditionsEntries.CountAsync(e => e.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task Get_ReviewAsTheHead_ShowsEachIndicatorAndYearOnYear_AndTheIndicatorNamesItsPeople()
    {
        // Arrange
        var s = await CreateAsync();
        var head = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School);
        using var client = await App.CreateSignedInClientAsync(head);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/conditions");
        using var people = await client.GetAsync($"/schools/{s.School.Urn}/conditions/observed");
        using var missing = await client.GetAsync($"/schools/{s.School.Urn}/conditions/no-such-thing");

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Contains("2025/26", PageAssert.Text(page.QuerySelector("#conditions-scope")));
        Assert.Equal(ConditionsIndicators.All.Count, page.QuerySelectorAll("#indicators-table tbody tr").Length);
        Assert.Contains("25%", PageAssert.Text(page.QuerySelector("#indicator-coaching")));
        Assert.Contains("Not measured", PageAssert.Text(page.QuerySelector("#indicator-triad-time")));
        Assert.Equal(["Indicator", "2023/24", "2024/25", "2025/26"], page.QuerySelectorAll("#year-on-year-table thead th").Select(h => h.TextContent.Trim()));
        var list = await PageAssert.OkAsync(people);
        Assert.Equal(new[] { s.Ann.Id, s.Bea.Id, s.Gail.Id, s.Hal.Id }.Order(), list.QuerySelectorAll("#people-table tbody tr").Select(r => int.Parse(r.GetAttribute("data-staff-id")!)).Order());
        Assert.DoesNotContain("Private", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task Post_IndicatorForm_ABadTargetIsA400KeepingTheTyping_AndAGoodOneShowsAmberOnTheReview()
    {
        // Arrange
        var s = await CreateAsync();
        var head = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School);
        using var client = await App.CreateSignedInClientAsync(head);
        var url = $"/schools/{s.School.Urn}/conditions/triad-time";

        // Act
        using var bad = await PageForms.SubmitAsync(client, url, "Input.Target",
            new Dictionary<string, string> { ["Input.Target"] = "sixty", ["Input.Value"] = "55", ["Input.Notes"] = "Tutor time is squeezed" });
        using var good = await PageForms.SubmitAsync(client, url, "Input.Target",
            new Dictionary<string, string> { ["Input.Target"] = "60", ["Input.Value"] = "55", ["Input.Notes"] = "Tutor time is squeezed" });
        using var review = await client.GetAsync($"/schools/{s.School.Urn}/conditions");

        // Assert
        var form = await PageAssert.FormErrorsAsync(bad, "Input_Target");
        Assert.Equal("Tutor time is squeezed", form.QuerySelector("#Input_Notes")!.TextContent.Trim());
        Assert.Equal("55", form.QuerySelector("#Input_Value")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var row = PageAssert.Text((await PageAssert.OkAsync(review)).QuerySelector("#indicator-triad-time"));
        Assert.Contains("55 minutes", row, StringComparison.Ordinal);
        Assert.Contains("Amber", row, StringComparison.Ordinal);
        Assert.Contains("Tutor time is squeezed", row, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_TrustPage_ShowsItsSchoolsSideBySide()
    {
        // Arrange
        var s = await CreateAsync();
        var other = await Data.CreateSchoolAsync(await Data.WithDbAsync(db => db.Trusts.SingleAsync(t => t.Id == s.School.TrustId)));
        var trust = await Data.WithDbAsync(db => db.Trusts.SingleAsync(t => t.Id == s.School.TrustId));
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/trusts/{trust.Code}/conditions?year=2025");

        // Assert
        var page = await PageAssert.OkAsync(response);
        var headers = page.QuerySelectorAll("#schools-table thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("Indicator", headers[0]);
        Assert.Equal(new[] { s.School.Name, other.Name }.Order(), headers.Skip(1).Order());
        Assert.Contains("25%", PageAssert.Text(page.QuerySelector($"td[data-school='{s.School.Urn}'][data-indicator='coaching']")));
        Assert.Contains("Not measured", PageAssert.Text(page.QuerySelector($"td[data-school='{other.Urn}'][data-indicator='conversations']")));
    }
}

public class ConditionsRulesTests
{
    [Theory]
    [InlineData(null, "80", null)]
    [InlineData("80", null, null)]
    [InlineData("80", "80", Rag.Green)]
    [InlineData("95", "80", Rag.Green)]
    [InlineData("72", "80", Rag.Amber)]
    [InlineData("71.9", "80", Rag.Red)]
    [InlineData("0", "0", Rag.Green)]
    [InlineData("0", "1", Rag.Red)]
    public void RagFor_GreenAtTargetAmberWithinATenthRedBelow(string? value, string? target, Rag? expected) =>
        Assert.Equal(expected, ConditionsIndicators.RagFor(
            value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            target is null ? null : decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void HalfTerms_UsualTerms_SplitEachTermInTheMiddle()
    {
        var halves = ConditionsReview.HalfTerms(TermCalendar.Weekdays, 2025);

        Assert.Equal(
            [new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 27), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 15), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 27)],
            halves.Select(h => h.Start));
        Assert.Equal(new DateOnly(2026, 8, 31), halves[^1].End);
        Assert.Equal(new DateOnly(2025, 12, 31), halves[1].End);
    }

    [Fact]
    public void HalfTerms_SchoolTermDates_StartAfterEachHalfTermHoliday()
    {
        var calendar = new TermCalendar([
            new TermDates(2025, TermName.Autumn, new DateOnly(2025, 9, 3), new DateOnly(2025, 12, 19), new DateOnly(2025, 10, 27), new DateOnly(2025, 10, 31)),
            new TermDates(2025, TermName.Spring, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 27), new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 20)),
            new TermDates(2025, TermName.Summer, new DateOnly(2026, 4, 13), new DateOnly(2026, 7, 22), new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 29)),
        ]);

        var halves = ConditionsReview.HalfTerms(calendar, 2025);

        Assert.Equal(
            [new DateOnly(2025, 9, 1), new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 21), new DateOnly(2026, 4, 13), new DateOnly(2026, 5, 30)],
            halves.Select(h => h.Start));
    }
}
