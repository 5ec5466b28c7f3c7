using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Community;

/// <summary>
/// /staff/{id}/conversations and its form over HTTP: the triad records a conversation and reads it; a leader outside the
/// triad sees the dates, never the words; a former coach who took part still reads that one; bad input and a stale form.
/// The people are <see cref="TrustScenario"/>'s, with a coach for the Teacher.
/// </summary>
public abstract class ConversationsPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ConversationsPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ConversationsPageTests(app), IClassFixture<PostgresAppFactory>;

    private TrustScenario _people = null!;
    private StaffMember _coach = null!;

    /// <summary>Today by the app's clock (the real one in these tests), far enough from midnight not to matter for dates days apart.</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _people = await TrustScenario.CreateAsync(Data);
        // The Teacher's coach works in the trust's other school: only the triad makes them one of the three.
        _coach = await Data.CreateStaffAsync(_people.SchoolA2, RoleFamily.Teaching, firstName: "Cora", jobTitle: "Lead practitioner");
        await Data.WithDbAsync(async db =>
        {
            var teacher = await db.StaffMembers.SingleAsync(s => s.Id == _people.Teacher.Id);
            teacher.CoachId = _coach.Id;
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private string List => $"/staff/{_people.Teacher.Id}/conversations";

    private string Form => $"/staff/{_people.Teacher.Id}/conversations/record";

    private async Task<HttpClient> CoachAsync() => await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: _coach));

    private async Task<HttpClient> LeaderAsync() =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Head));

    private static Dictionary<string, string> Fields(DateOnly heldOn, string agreed, string focus = "Questioning in Year 9 maths", string? nextStep = null, DateOnly? nextStepBy = null) => new()
    {
        ["Input.HeldOn"] = heldOn.ToString("yyyy-MM-dd"),
        ["Input.Focus"] = focus,
        ["Input.Agreed"] = agreed,
        ["Input.NextStep"] = nextStep ?? "",
        ["Input.NextStepBy"] = nextStepBy?.ToString("yyyy-MM-dd") ?? "",
    };

    private Task<List<ProfessionalConversation>> StoredAsync() =>
        Data.WithDbAsync(db => db.ProfessionalConversations.AsNoTracking().Where(c => c.StaffMemberId == _people.Teacher.Id).ToListAsync());

    [SkippableFact]
    public async Task Post_TheCoachRecordsTwoConversations_TheTriadReadsThemNewestFirst()
    {
        // Arrange
        using var coach = await CoachAsync();

        // Act: the form opens with today and the coach ticked; two conversations, the older recorded second.
        var (_, opened, _) = await PageForms.OpenAsync(coach, Form, "Input.Agreed");
        using var first = await PageForms.SubmitAsync(coach, Form, "Input.Agreed",
            Fields(Today.AddDays(-3), "Try cold calling with wait time in two lessons", nextStep: "Observe Mr Khan's Year 9 lesson", nextStepBy: Today.AddDays(10)));
        using var second = await PageForms.SubmitAsync(coach, Form, "Input.Agreed", Fields(Today.AddDays(-30), "Start a reflective log"));
        using var asTeacher = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: _people.Teacher));
        using var read = await asTeacher.GetAsync(List);

        // Assert
        Assert.Equal(Today.ToString("yyyy-MM-dd"), opened["Input.HeldOn"]);
        Assert.Equal("true", opened["Input.CoachTookPart"]);
        Assert.False(opened.ContainsKey("Input.LineManagerTookPart"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, c => Assert.Equal(_coach.Id, c.CoachId));
        Assert.All(stored, c => Assert.Null(c.LineManagerId));
        var page = await PageAssert.OkAsync(read);
        var cards = page.QuerySelectorAll("[data-conversation]");
        Assert.Equal(2, cards.Length);
        Assert.Contains("Try cold calling", cards[0].QuerySelector("[data-field='agreed']")?.TextContent);
        Assert.Contains("Observe Mr Khan", cards[0].QuerySelector("[data-field='next-step']")?.TextContent);
        Assert.Contains("Start a reflective log", cards[1].QuerySelector("[data-field='agreed']")?.TextContent);
        Assert.Contains(_coach.FullName, cards[0].TextContent);
        Assert.Null(page.QuerySelector("#conversation-dates"));
    }

    [SkippableFact]
    public async Task Get_ALeaderOutsideTheTriad_SeesTheDatesButNotTheWords_AndOnlyTheTriadsReadIsAudited()
    {
        // Arrange
        using var coach = await CoachAsync();
        using var saved = await PageForms.SubmitAsync(coach, Form, "Input.Agreed", Fields(Today.AddDays(-5), "Private words about confidence"));
        using var leader = await LeaderAsync();
        var auditsBefore = await Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConversationsRead && e.StaffMemberId == _people.Teacher.Id));

        // Act
        using var asLeader = await leader.GetAsync(List);
        var leaderPage = await PageAssert.OkAsync(asLeader);
        var auditsAfterLeader = await Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConversationsRead && e.StaffMemberId == _people.Teacher.Id));
        using var asCoach = await coach.GetAsync(List);
        await PageAssert.OkAsync(asCoach);
        var auditsAfterCoach = await Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConversationsRead && e.StaffMemberId == _people.Teacher.Id));
        using var leaderForm = await leader.GetAsync(Form);

        // Assert
        Assert.DoesNotContain("Private words", leaderPage.DocumentElement.OuterHtml);
        Assert.DoesNotContain("confidence", leaderPage.DocumentElement.OuterHtml);
        Assert.Empty(leaderPage.QuerySelectorAll("[data-conversation]"));
        Assert.NotNull(leaderPage.QuerySelector($"#conversation-dates [data-held-on='{Today.AddDays(-5):yyyy-MM-dd}']"));
        Assert.Contains("1 conversation recorded", leaderPage.QuerySelector("#conversation-count")?.TextContent);
        Assert.Null(leaderPage.QuerySelector("#record-conversation"));
        Assert.Equal(auditsBefore, auditsAfterLeader);
        Assert.Equal(auditsBefore + 1, auditsAfterCoach);
        Assert.Equal(HttpStatusCode.Forbidden, leaderForm.StatusCode);
    }

    [SkippableFact]
    public async Task Get_AFormerCoach_ReadsOnlyTheConversationTheyTookPartIn()
    {
        // Arrange: the coach records one, then the Teacher gets a new coach, who records another.
        using var oldCoach = await CoachAsync();
        using var one = await PageForms.SubmitAsync(oldCoach, Form, "Input.Agreed", Fields(Today.AddDays(-40), "Agreed with the first coach"));
        var newCoach = await Data.CreateStaffAsync(_people.SchoolA1, RoleFamily.Teaching, firstName: "Nia");
        await Data.WithDbAsync(async db =>
        {
            (await db.StaffMembers.SingleAsync(s => s.Id == _people.Teacher.Id)).CoachId = newCoach.Id;
            await db.SaveChangesAsync();
            return 0;
        });
        using var asNewCoach = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: newCoach));
        using var two = await PageForms.SubmitAsync(asNewCoach, Form, "Input.Agreed", Fields(Today.AddDays(-2), "Agreed with the second coach"));

        // Act
        using var read = await oldCoach.GetAsync(List);
        using var record = await oldCoach.GetAsync(Form);

        // Assert
        var page = await PageAssert.OkAsync(read);
        Assert.Contains("Agreed with the first coach", page.DocumentElement.TextContent);
        Assert.DoesNotContain("Agreed with the second coach", page.DocumentElement.TextContent);
        Assert.NotNull(page.QuerySelector($"#conversation-dates [data-held-on='{Today.AddDays(-2):yyyy-MM-dd}']"));
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
    }

    [SkippableFact]
    public async Task Post_AFutureDateAndNoAgreement_Returns400WithTheTypingKept()
    {
        // Arrange
        using var coach = await CoachAsync();
        var values = Fields(Today.AddDays(3), "");
        values["Input.Focus"] = "Behaviour routines at the start of lessons";
        values["Input.NextStep"] = "";
        values["Input.NextStepBy"] = Today.AddDays(1).ToString("yyyy-MM-dd");

        // Act
        using var response = await PageForms.SubmitAsync(coach, Form, "Input.Agreed", values);

        // Assert
        var page = await PageAssert.FormErrorsAsync(response, "Input_HeldOn", "Input_Agreed", "Input_NextStep", "Input_NextStepBy");
        Assert.Contains("today or in the past", page.QuerySelector("#Input_HeldOn-error")?.TextContent);
        Assert.Equal("Behaviour routines at the start of lessons", (page.QuerySelector("#Input_Focus") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.Empty(await StoredAsync());
    }

    [SkippableFact]
    public async Task Post_AChangeOverSomeoneElsesSave_Returns409WithTheirsBesideYours_ThenSavesOnSecondSubmit()
    {
        // Arrange: the coach records one; the coach and the Teacher both open it to change it.
        using var coach = await CoachAsync();
        using var saved = await PageForms.SubmitAsync(coach, Form, "Input.Agreed", Fields(Today.AddDays(-7), "The first words"));
        var id = (await StoredAsync()).Single().Id;
        var edit = $"{Form}/{id}";
        using var teacher = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: _people.Teacher));
        var (form, typed, pageUri) = await PageForms.OpenAsync(teacher, edit, "Input.Agreed");
        using var coachChange = await PageForms.SubmitAsync(coach, edit, "Input.Agreed", new Dictionary<string, string> { ["Input.Agreed"] = "The coach's words" });

        // Act
        typed["Input.Agreed"] = "The teacher's words";
        using var stale = await Html.SubmitAsync(teacher, form, typed, pageUri);
        var again = await Html.ParseAsync(stale);
        var retry = Html.FormValues(Html.FormWithField(again, "Input.Agreed"));
        using var second = await Html.SubmitAsync(teacher, Html.FormWithField(again, "Input.Agreed"), retry, pageUri);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, coachChange.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("The coach's words", again.DocumentElement.TextContent);
        Assert.Equal("The teacher's words", retry["Input.Agreed"]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = (await StoredAsync()).Single();
        Assert.Equal("The teacher's words", stored.Agreed);
        Assert.Equal(2, stored.Revision);
    }

    [SkippableFact]
    public async Task Get_ThePersonsPage_RemindsTheTriadAndTheirOwnPageFlagsWhoIsDue()
    {
        // Arrange: the Teacher has had none for a half term; the Peer's report (made here) had one last week.
        var recent = await Data.CreateStaffAsync(_people.SchoolA1, RoleFamily.Teaching, _people.Manager, firstName: "Rhys");
        await Data.WithDbAsync(async db =>
        {
            db.ProfessionalConversations.Add(new ProfessionalConversation
            {
                StaffMemberId = recent.Id,
                HeldOn = Today.AddDays(-7),
                LineManagerId = _people.Manager.Id,
                Agreed = "Keep going",
                RecordedAt = DateTime.UtcNow,
                RecordedByName = "Test",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        using var manager = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: _people.Manager));

        // Act
        using var teacherPage = await manager.GetAsync($"/staff/{_people.Teacher.Id}");
        using var ownPage = await manager.GetAsync($"/staff/{_people.Manager.Id}");

        // Assert
        var person = await PageAssert.OkAsync(teacherPage);
        Assert.Contains("no professional conversation for a half term", person.QuerySelector("#conversation-reminder")?.TextContent);
        Assert.NotNull(person.QuerySelector($"#conversations-link[href='/staff/{_people.Teacher.Id}/conversations']"));
        var own = await PageAssert.OkAsync(ownPage);
        Assert.NotNull(own.QuerySelector($"#direct-reports [data-due='{_people.Teacher.Id}']"));
        Assert.Null(own.QuerySelector($"#direct-reports [data-due='{recent.Id}']"));
        Assert.NotNull(own.QuerySelector($"#direct-reports a[data-conversations='{recent.Id}']"));
    }

    [SkippableFact]
    public async Task Get_TheSchoolPage_TellsItsLeadersWhoIsDueAConversation_NotTheOthers()
    {
        // Arrange: the Peer had one last week; everyone else at A1 has had none.
        await Data.WithDbAsync(async db =>
        {
            db.ProfessionalConversations.Add(new ProfessionalConversation
            {
                StaffMemberId = _people.Peer.Id,
                HeldOn = Today.AddDays(-7),
                LineManagerId = _people.Head.Id,
                Agreed = "Keep going",
                RecordedAt = DateTime.UtcNow,
                RecordedByName = "Test",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        using var leader = await LeaderAsync();
        using var teacher = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: _people.Teacher));

        // Act
        using var asLeader = await leader.GetAsync($"/schools/{_people.SchoolA1.Urn}");
        using var asTeacher = await teacher.GetAsync($"/schools/{_people.SchoolA1.Urn}");

        // Assert
        var page = await PageAssert.OkAsync(asLeader);
        var due = page.QuerySelector("#conversations-due");
        Assert.Contains($"{_people.SchoolA1Staff.Count - 1} people have had no professional conversation for a half term", due?.TextContent);
        Assert.NotNull(due?.QuerySelector($"a[data-due='{_people.Teacher.Id}'][href='/staff/{_people.Teacher.Id}/conversations']"));
        Assert.Null(due?.QuerySelector($"a[data-due='{_people.Peer.Id}']"));
        Assert.Null((await PageAssert.OkAsync(asTeacher)).QuerySelector("#conversations-due"));
    }

    [SkippableFact]
    public async Task Get_TheJourney_ShowsStagesAndConversations_AsEachReaderMaySeeThem()
    {
        // Arrange
        await Progression.ProgressionPages.RecordAsync(App, _people.Teacher, checkpoint: 2, stage: 3);
        using var coach = await CoachAsync();
        using var saved = await PageForms.SubmitAsync(coach, Form, "Input.Agreed", Fields(Today.AddDays(-4), "Words", focus: "Routines at the door"));
        using var leader = await LeaderAsync();

        // Act
        using var asLeader = await leader.GetAsync(List);
        using var asCoach = await coach.GetAsync(List);

        // Assert
        var leaderJourney = (await PageAssert.OkAsync(asLeader)).QuerySelector("#journey-list");
        Assert.Contains("Stage 3", leaderJourney?.QuerySelector("[data-kind='Stage']")?.TextContent);
        Assert.Contains("A professional conversation", leaderJourney?.QuerySelector("[data-kind='Conversation']")?.TextContent);
        Assert.DoesNotContain("Routines at the door", leaderJourney?.TextContent);
        var coachJourney = (await PageAssert.OkAsync(asCoach)).QuerySelector("#journey-list");
        Assert.Contains("Routines at the door", coachJourney?.QuerySelector("[data-kind='Conversation']")?.TextContent);
        // The coach sees the stage too: a coach may read their coachee's progression.
        Assert.NotNull(coachJourney?.QuerySelector("[data-kind='Stage']"));
    }
}
