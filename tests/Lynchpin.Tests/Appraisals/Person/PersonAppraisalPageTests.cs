using System.Net;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Person;

/// <summary>
/// A person's appraisal pages over HTTP: a line manager (the SENCo) sets a teaching assistant's objectives, the TA agrees
/// them or says why not, objectives are reopened with the history kept, support plans, who is refused, and the printed record.
/// </summary>
public abstract class PersonAppraisalPageTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PersonAppraisalPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : PersonAppraisalPageTests(app), IClassFixture<PostgresAppFactory>;

    private School _school = null!;
    private StaffMember _head = null!, _senco = null!, _ta = null!, _colleague = null!, _coach = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var trust = await Data.CreateTrustAsync();
        _school = await Data.CreateSchoolAsync(trust);
        _head = await Data.CreateStaffAsync(_school, RoleFamily.Teaching, slt: true, firstName: "Helen", jobTitle: "Headteacher");
        _senco = await Data.CreateStaffAsync(_school, RoleFamily.Inclusion, _head, firstName: "Siobhan", jobTitle: "SENCo");
        _coach = await Data.CreateStaffAsync(_school, RoleFamily.Teaching, _head, firstName: "Colin", jobTitle: "Teacher of English");
        _ta = await Data.CreateStaffAsync(_school, RoleFamily.LearningSupport, _senco, firstName: "Kayleigh", jobTitle: "Teaching assistant", coach: _coach);
        _colleague = await Data.CreateStaffAsync(_school, RoleFamily.LearningSupport, _senco, firstName: "Dev", jobTitle: "Teaching assistant");
        await OpenAsync(_school);
    }

    private string AppraisalUrl => $"/staff/{_ta.Id}/appraisal?year={Year}";

    private string Url(string path) => $"/staff/{_ta.Id}/appraisal/{path}";

    private async Task<HttpClient> SignedInAsync(UserRole role, StaffMember staff, bool payAccess = false)
    {
        var user = await Data.CreateUserAsync(role, school: role == UserRole.SchoolLeader ? _school : null, staff: staff);
        if (payAccess)
        {
            await Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        }
        return await App.CreateSignedInClientAsync(user);
    }

    private Task<HttpClient> SencoAsync() => SignedInAsync(UserRole.LineManager, _senco);

    private Task<HttpClient> TaAsync() => SignedInAsync(UserRole.Staff, _ta);

    private Task<Appraisal> StoredAsync() => AppraisalOfAsync(_ta);

    /// <summary>Opens <paramref name="url"/>, fills the form with id <paramref name="formId"/> (or the one holding that field) and posts it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formId, params (string Name, string Value)[] changes)
    {
        using var page = await client.GetAsync(url);
        var document = await PageAssert.OkAsync(page);
        var form = document.GetElementById(formId) as IHtmlFormElement ?? Html.FormWithField(document, formId);
        var values = Html.FormValues(form);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }
        return await Html.SubmitAsync(client, form, values, page.RequestMessage!.RequestUri!);
    }

    private static (string, string)[] ObjectiveFields(ObjectiveInput input) =>
    [
        ("Input.Title", input.Title ?? ""), ("Input.SuccessCriteria", input.SuccessCriteria ?? ""),
        ("Input.Type", input.Type?.Code() ?? ""), ("Input.SchoolPriority", input.SchoolPriority ?? ""),
        ("Input.PupilGroup", input.PupilGroup ?? ""), ("Input.Measure", input.Measure ?? ""),
        ("Input.Baseline", input.Baseline ?? ""), ("Input.Target", input.Target ?? ""),
    ];

    /// <summary>Posts to a page the client may not open, with the client's own antiforgery token, so a refusal is for who it is.</summary>
    private static async Task<HttpResponseMessage> PostAsAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [SkippableFact]
    public async Task Post_LineManagerSetsObjectivesForTa_SavesThemWithThePupilProgressOne()
    {
        // Arrange
        using var senco = await SencoAsync();
        var readingAge = new ObjectiveInput(
            "Reading age of the Year 7 intervention group", "Average reading age of the group rises by 9 months by July",
            ObjectiveType.PupilProgress, "Literacy across the curriculum", "Year 7 reading intervention group", "reading age", "9y 2m", "9y 11m");
        var phonics = new ObjectiveInput("Phonics training", "Complete the 6-session phonics course by February", ObjectiveType.ProfessionalDevelopment);

        // Act
        using var first = await PostFormAsync(senco, Url($"objectives/new?year={Year}"), "Input.Title", ObjectiveFields(readingAge));
        using var second = await PostFormAsync(senco, Url($"objectives/new?year={Year}"), "Input.Title", ObjectiveFields(phonics));

        // Assert
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(first));
        Assert.StartsWith($"{AppraisalUrl}#objective-", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(ObjectivesStatus.Draft, stored.ObjectivesStatus);
        Assert.Collection(stored.Objectives.OrderBy(o => o.SortOrder),
            o =>
            {
                Assert.Equal((readingAge.Title, ObjectiveType.PupilProgress), (o.Title, o.Type));
                Assert.Equal(("Literacy across the curriculum", "Year 7 reading intervention group"), (o.SchoolPriority, o.PupilGroup));
                Assert.Equal(("reading age", "9y 2m", "9y 11m"), (o.Measure, o.Baseline, o.Target));
            },
            o => Assert.Equal((phonics.Title, ObjectiveType.ProfessionalDevelopment), (o.Title, o.Type)));

        using var page = await senco.GetAsync(AppraisalUrl);
        var document = await PageAssert.OkAsync(page);
        Assert.Equal(2, document.QuerySelectorAll(".lynchpin-objective").Length);
        Assert.Equal("true", document.GetElementById("checklist-pupil-progress")?.GetAttribute("data-done"));
        Assert.Equal("true", document.GetElementById("checklist-count")?.GetAttribute("data-done"));
        Assert.NotNull(document.GetElementById("add-objective"));
        // The SENCo is not the person: no agreement form for them.
        Assert.Null(document.GetElementById("agree-form"));
    }

    [SkippableFact]
    public async Task Get_ObjectiveForm_ExplainsPupilProgressForTheRoleAndStartsWithIt()
    {
        // Arrange
        using var senco = await SencoAsync();

        // Act
        using var response = await senco.GetAsync(Url($"objectives/new?year={Year}"));

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Contains("reading age of a Year 7 intervention group", document.GetElementById("Input_Type-hint")?.TextContent);
        Assert.Contains("site manager", document.GetElementById("Input_Type-item-hint")?.TextContent);
        Assert.True(document.QuerySelector("input[name='Input.Type'][value='pupil-progress']")?.HasAttribute("checked"));
        Assert.Equal(4, document.QuerySelectorAll("input[name='Input.Type']").Length);
    }

    [SkippableFact]
    public async Task Post_ObjectiveWithoutTitleOrCriteria_Returns400WithFieldErrorsAndSavesNothing()
    {
        // Arrange
        using var senco = await SencoAsync();

        // Act
        using var response = await PostFormAsync(senco, Url($"objectives/new?year={Year}"), "Input.Title",
            ("Input.Title", ""), ("Input.SuccessCriteria", " "), ("Input.Type", "pupil-progress"));

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_Title", "Input_SuccessCriteria");
        Assert.Empty((await StoredAsync()).Objectives);
    }

    [SkippableFact]
    public async Task Post_AgreeIncompleteObjectives_Returns400WithTheRulesErrorsAndStaysDraft()
    {
        // Arrange: one objective, not pupil progress, with nothing to measure it by
        var appraisal = await StoredAsync();
        AssertDone(await AddObjectiveAsync(appraisal, new ObjectiveInput("Be more organised", "Keep the resources cupboard tidy", ObjectiveType.RoleSpecific)));
        using var ta = await TaAsync();

        // Act
        using var response = await PostFormAsync(ta, AppraisalUrl, "agree-form");

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Objectives");
        var summary = PageAssert.Text(document.QuerySelector(".govuk-error-summary"));
        Assert.Contains($"Set at least {AppraisalRules.MinObjectives} objectives", summary);
        Assert.Contains("Include a pupil-progress objective", summary);
        Assert.Contains("Make the success criteria of ‘Be more organised’ measurable", summary);
        Assert.Equal("false", document.GetElementById("checklist-measurable")?.GetAttribute("data-done"));
        Assert.Equal(ObjectivesStatus.Draft, (await StoredAsync()).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Post_TaAgreesCompleteObjectives_AgreesThemAndSaysSoOnMyAppraisal()
    {
        // Arrange
        var appraisal = await StoredAsync();
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));
        using var ta = await TaAsync();

        // Act
        using var response = await PostFormAsync(ta, AppraisalUrl, "agree-form");

        // Assert
        PageAssert.RedirectsTo(response, AppraisalUrl);
        var stored = await StoredAsync();
        Assert.Equal(ObjectivesStatus.Agreed, stored.ObjectivesStatus);
        Assert.NotNull(stored.AgreedAt);
        using var page = await ta.GetAsync(AppraisalUrl);
        var document = await PageAssert.OkAsync(page);
        Assert.Equal("My appraisal", PageAssert.Text(document.QuerySelector("h1")));
        Assert.Contains("Agreed", PageAssert.Text(document.GetElementById("objectives-status")));
        Assert.Contains(AppraisalRules.CapabilityStatement, PageAssert.Text(document.GetElementById("capability-statement")));
        Assert.Null(document.GetElementById("agree-form"));
        Assert.Null(document.GetElementById("agreement-checklist"));
    }

    [SkippableFact]
    public async Task TaOwnObjectives_CannotBeAddedChangedOrRemovedByTheTa()
    {
        // Arrange
        var appraisal = await StoredAsync();
        var objective = (await AddObjectiveAsync(appraisal, PupilProgress)).Value!;
        using var ta = await TaAsync();

        // Act
        using var myPage = await ta.GetAsync(AppraisalUrl);
        using var newForm = await ta.GetAsync(Url($"objectives/new?year={Year}"));
        using var editForm = await ta.GetAsync(Url($"objectives/{objective.Id}/edit"));
        using var add = await PostAsAsync(ta, Url($"objectives/new?year={Year}"), ObjectiveFields(RoleSpecific));
        using var edit = await PostAsAsync(ta, Url($"objectives/{objective.Id}/edit"), ObjectiveFields(RoleSpecific));
        using var remove = await PostAsAsync(ta, Url($"objectives/{objective.Id}/remove"));

        // Assert
        var document = await PageAssert.OkAsync(myPage);
        Assert.Null(document.GetElementById("add-objective"));
        Assert.Empty(document.QuerySelectorAll(".govuk-summary-card__actions"));
        Assert.Equal(HttpStatusCode.Forbidden, newForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        var stored = Assert.Single((await StoredAsync()).Objectives);
        Assert.Equal(PupilProgress.Title, stored.Title);
    }

    [SkippableFact]
    public async Task Post_RemoveObjective_DeletesItForTheLineManager()
    {
        // Arrange
        var appraisal = await StoredAsync();
        var objective = (await AddObjectiveAsync(appraisal, RoleSpecific)).Value!;
        using var senco = await SencoAsync();

        // Act
        using var response = await PostFormAsync(senco, Url($"objectives/{objective.Id}/remove"), "remove-objective-form");

        // Assert
        PageAssert.RedirectsTo(response, AppraisalUrl);
        Assert.Empty((await StoredAsync()).Objectives);
    }

    [SkippableFact]
    public async Task Post_RecordWhyNotWithoutReason_Returns400AndWithReason_IsShownToTheAppraiser()
    {
        // Arrange
        var appraisal = await StoredAsync();
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));
        using var ta = await TaAsync();

        // Act
        using var empty = await PostFormAsync(ta, Url($"not-agreed?year={Year}"), "Input.Reason", ("Input.Reason", " "));
        using var saved = await PostFormAsync(ta, Url($"not-agreed?year={Year}"), "Input.Reason",
            ("Input.Reason", "The reading target is too high for a group that meets twice a week."));

        // Assert
        await PageAssert.FormErrorsAsync(empty, "Input_Reason");
        PageAssert.RedirectsTo(saved, AppraisalUrl);
        var stored = await StoredAsync();
        Assert.Equal(ObjectivesStatus.NotAgreed, stored.ObjectivesStatus);
        Assert.Equal("The reading target is too high for a group that meets twice a week.", stored.NotAgreedReason);

        using var senco = await SencoAsync();
        using var page = await senco.GetAsync(AppraisalUrl);
        var document = await PageAssert.OkAsync(page);
        Assert.Contains("Not agreed", PageAssert.Text(document.GetElementById("objectives-status")));
        Assert.Contains("too high for a group", PageAssert.Text(document.GetElementById("not-agreed-reason")));
    }

    [SkippableFact]
    public async Task Get_NotAgreedPage_IsTheTasAlone()
    {
        // Arrange
        using var senco = await SencoAsync();

        // Act
        using var response = await senco.GetAsync(Url($"not-agreed?year={Year}"));
        using var post = await PostAsAsync(senco, Url($"not-agreed?year={Year}"), ("Input.Reason", "Not the person"));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(ObjectivesStatus.Draft, (await StoredAsync()).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Post_Reopen_KeepsWhoWhenAndWhyAfterTheObjectivesAreAgreedAgain()
    {
        // Arrange
        await AgreedAsync(_ta);
        using var senco = await SencoAsync();

        // Act
        using var noReason = await PostFormAsync(senco, Url($"reopen?year={Year}"), "Input.Reason", ("Input.Reason", ""));
        using var reopened = await PostFormAsync(senco, Url($"reopen?year={Year}"), "Input.Reason",
            ("Input.Reason", "The intervention group changed in January."));
        var objective = (await StoredAsync()).Objectives.OrderBy(o => o.SortOrder).First();
        using var changed = await PostFormAsync(senco, Url($"objectives/{objective.Id}/edit"), "Input.Title",
            ("Input.PupilGroup", "Year 8 reading intervention group"));
        using var ta = await TaAsync();
        using var agreedAgain = await PostFormAsync(ta, AppraisalUrl, "agree-form");

        // Assert
        await PageAssert.FormErrorsAsync(noReason, "Input_Reason");
        PageAssert.RedirectsTo(reopened, AppraisalUrl);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        PageAssert.RedirectsTo(agreedAgain, AppraisalUrl);
        var stored = await StoredAsync();
        Assert.Equal(ObjectivesStatus.Agreed, stored.ObjectivesStatus);
        Assert.Equal("Year 8 reading intervention group", stored.Objectives.Single(o => o.Id == objective.Id).PupilGroup);
        Assert.Equal(_senco.FullName, stored.ObjectivesReopenedByName);
        Assert.Equal("The intervention group changed in January.", stored.ObjectivesReopenReason);
        Assert.NotNull(stored.ObjectivesReopenedAt);

        using var page = await ta.GetAsync(AppraisalUrl);
        var reopenedNote = PageAssert.Text((await PageAssert.OkAsync(page)).GetElementById("objectives-reopened"));
        Assert.Contains(_senco.FullName, reopenedNote);
        Assert.Contains("The intervention group changed in January.", reopenedNote);
    }

    [SkippableFact]
    public async Task Get_ReopenPage_IsRefusedToTheTaAndTheirObjectivesStayAgreed()
    {
        // Arrange
        await AgreedAsync(_ta);
        using var ta = await TaAsync();

        // Act
        using var page = await ta.GetAsync(Url($"reopen?year={Year}"));
        using var post = await PostAsAsync(ta, Url($"reopen?year={Year}"), ("Input.Reason", "I want to change them"));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(ObjectivesStatus.Agreed, (await StoredAsync()).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Get_ColleagueOrCoach_IsRefusedEveryAppraisalPage()
    {
        // Arrange
        var objective = (await AddObjectiveAsync(await StoredAsync(), PupilProgress)).Value!;
        using var colleague = await SignedInAsync(UserRole.Staff, _colleague);
        using var coach = await SignedInAsync(UserRole.LineManager, _coach);
        string[] urls =
        [
            AppraisalUrl, Url($"print?year={Year}"), Url($"objectives/new?year={Year}"), Url($"objectives/{objective.Id}/edit"),
            Url($"objectives/{objective.Id}/support-plan"), Url($"assign?year={Year}"), Url($"reopen?year={Year}"),
        ];

        // Act and assert
        foreach (var client in new[] { colleague, coach })
        {
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url}: {(int)response.StatusCode}");
            }
        }
    }

    [SkippableFact]
    public async Task Get_Print_HasTheRecordButNoPayAndNoNavigation()
    {
        // Arrange: agreed, mid-year signed, final begun with a pay recommendation recorded
        var appraisal = await AgreedAsync(_ta);
        await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        await DraftReviewAsync(appraisal, ReviewKind.Final, Rating.Met, Rating.PartlyMet);
        const string pay = "Progress to point 4 of the support staff scale";
        AssertDone(await WithAsync<PayRecommendations, Result<PayRecommendation>>(p => p.RecordAsync(appraisal.Id, pay, Leader)));
        using var head = await SignedInAsync(UserRole.SchoolLeader, _head, payAccess: true);

        // Act
        using var response = await head.GetAsync(Url($"print?year={Year}"));

        // Assert
        var document = await PageAssert.OkAsync(response);
        var html = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(pay, html);
        Assert.DoesNotContain("point 4", html);
        Assert.Empty(document.QuerySelectorAll("nav, header.govuk-template__header, .govuk-service-navigation, footer"));
        Assert.Equal(2, document.QuerySelectorAll(".lynchpin-record__objective").Length);
        Assert.Contains("At risk", PageAssert.Text(document.GetElementById("record-mid-year")));
        Assert.Contains("Signed by Test leader", PageAssert.Text(document.GetElementById("record-mid-year-signatures")));
        Assert.Contains("Partly met", PageAssert.Text(document.GetElementById("record-final")));
        Assert.Contains("Not signed", PageAssert.Text(document.GetElementById("record-final-signatures")));
        Assert.NotNull(document.QuerySelector("link[rel='stylesheet'][href*='lynchpin.css']"));
        // Printing reads no pay, so leaves no pay read in the audit trail.
        Assert.False(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.StaffMemberId == _ta.Id && e.Action == AuditActions.PayRecommendationRead)));
    }

    [SkippableFact]
    public async Task Post_SupportPlanOnAnAtRiskObjective_IsSavedAndShown()
    {
        // Arrange
        var appraisal = await AgreedAsync(_ta);
        await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.AtRisk, Rating.OnTrack);
        var atRisk = appraisal.Objectives.OrderBy(o => o.SortOrder).First();
        var onTrack = appraisal.Objectives.OrderBy(o => o.SortOrder).Last();
        using var senco = await SencoAsync();
        var reviewBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

        // Act
        using var invalid = await PostFormAsync(senco, Url($"objectives/{atRisk.Id}/support-plan"), "Input.Actions",
            ("Input.Actions", ""), ("Input.ReviewBy", ""));
        using var saved = await PostFormAsync(senco, Url($"objectives/{atRisk.Id}/support-plan"), "Input.Actions",
            ("Input.Actions", "Weekly planning time with the English lead.\nPhonics refresher in January."),
            ("Input.CoachId", _coach.Id.ToString()), ("Input.ReviewBy", reviewBy.ToString("yyyy-MM-dd")));
        using var notAllowed = await senco.GetAsync(Url($"objectives/{onTrack.Id}/support-plan"));

        // Assert
        await PageAssert.FormErrorsAsync(invalid, "Input_Actions", "Input_ReviewBy");
        PageAssert.RedirectsTo(saved, $"{AppraisalUrl}#objective-{atRisk.Id}");
        var plan = await Data.WithDbAsync(db => db.SupportPlans.SingleAsync(p => p.ObjectiveId == atRisk.Id));
        Assert.Equal("Weekly planning time with the English lead.\nPhonics refresher in January.", plan.Actions.ReplaceLineEndings("\n"));
        Assert.Equal((_coach.Id, reviewBy, _senco.FullName), (plan.CoachId, plan.ReviewBy, plan.CreatedByName));
        Assert.NotNull((await PageAssert.OkAsync(notAllowed)).GetElementById("no-plan-allowed"));

        using var ta = await TaAsync();
        using var page = await ta.GetAsync(AppraisalUrl);
        var shown = PageAssert.Text((await PageAssert.OkAsync(page)).GetElementById($"support-plan-{atRisk.Id}"));
        Assert.Contains("Phonics refresher in January.", shown);
        Assert.Contains(_coach.FullName, shown);
    }

    [SkippableFact]
    public async Task Post_RemoveSupportPlan_DeletesIt()
    {
        // Arrange
        var appraisal = await AgreedAsync(_ta);
        await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OffTrack, Rating.OnTrack);
        var offTrack = appraisal.Objectives.OrderBy(o => o.SortOrder).First();
        AssertDone(await WithAsync<AppraisalObjectives, Result<SupportPlan>>(o => o.SaveSupportPlanAsync(
            offTrack.Id, new SupportPlanInput("Coaching each week", null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)), Leader,
            DateOnly.FromDateTime(DateTime.UtcNow))));
        using var senco = await SencoAsync();

        // Act
        using var response = await PostFormAsync(senco, Url($"objectives/{offTrack.Id}/support-plan"), "remove-plan-form");

        // Assert
        PageAssert.RedirectsTo(response, $"{AppraisalUrl}#objective-{offTrack.Id}");
        Assert.False(await Data.WithDbAsync(db => db.SupportPlans.AnyAsync(p => p.ObjectiveId == offTrack.Id)));
    }

    [SkippableFact]
    public async Task Post_Assign_SavesTheAppraiserAndRefusesAReviewerNotAboveThem()
    {
        // Arrange
        using var head = await SignedInAsync(UserRole.SchoolLeader, _head);

        // Act: the coach (a peer of the SENCo) cannot review the SENCo's appraisals; the head can.
        using var refused = await PostFormAsync(head, Url($"assign?year={Year}"), "Input.AppraiserId",
            ("Input.AppraiserId", _senco.Id.ToString()), ("Input.ReviewerId", _coach.Id.ToString()));
        using var saved = await PostFormAsync(head, Url($"assign?year={Year}"), "Input.AppraiserId",
            ("Input.AppraiserId", _senco.Id.ToString()), ("Input.ReviewerId", _head.Id.ToString()));
        using var self = await PostFormAsync(head, Url($"assign?year={Year}"), "Input.AppraiserId",
            ("Input.AppraiserId", _ta.Id.ToString()), ("Input.ReviewerId", ""));

        // Assert
        var document = await PageAssert.FormErrorsAsync(refused, "Input_ReviewerId");
        Assert.Contains("above the appraiser", PageAssert.Text(document.GetElementById("Input_ReviewerId-error")));
        PageAssert.RedirectsTo(saved, AppraisalUrl);
        // The person is not offered as their own appraiser.
        await PageAssert.FormErrorsAsync(self, "Input_AppraiserId");
        var stored = await StoredAsync();
        Assert.Equal((_senco.Id, _head.Id), (stored.AppraiserId, stored.ReviewerId));
    }

    [SkippableFact]
    public async Task Get_Assign_OffersOnlyStaffOfTheSchoolAndTrust()
    {
        // Arrange
        var elsewhere = await Data.CreateStaffAsync(await Data.CreateSchoolAsync(), firstName: "Elsewhere");
        var trustSchool = await Data.CreateSchoolAsync(await Data.WithDbAsync(db => db.Trusts.SingleAsync(t => t.Id == _school.TrustId)));
        var sibling = await Data.CreateStaffAsync(trustSchool, firstName: "Sibling");
        using var head = await SignedInAsync(UserRole.SchoolLeader, _head);

        // Act
        using var response = await head.GetAsync(Url($"assign?year={Year}"));

        // Assert
        var document = await PageAssert.OkAsync(response);
        var offered = document.QuerySelectorAll("#Input_AppraiserId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(_senco.Id.ToString(), offered);
        Assert.Contains(sibling.Id.ToString(), offered);
        Assert.DoesNotContain(elsewhere.Id.ToString(), offered);
        Assert.DoesNotContain(_ta.Id.ToString(), offered);
        Assert.Equal(_senco.Id.ToString(), document.QuerySelector("#Input_AppraiserId option[selected]")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Get_YearWithoutAppraisal_SaysSoAndOffersTheLeaderTheCycle()
    {
        // Arrange
        using var head = await SignedInAsync(UserRole.SchoolLeader, _head);
        using var ta = await TaAsync();

        // Act
        using var asHead = await head.GetAsync($"/staff/{_ta.Id}/appraisal?year={Year - 3}");
        using var asTa = await ta.GetAsync($"/staff/{_ta.Id}/appraisal?year={Year - 3}");
        using var print = await ta.GetAsync(Url($"print?year={Year - 3}"));

        // Assert
        var headPage = await PageAssert.OkAsync(asHead);
        Assert.Contains(SchoolYear.Name(Year - 3), PageAssert.Text(headPage.GetElementById("no-appraisal")));
        Assert.Equal($"/schools/{_school.Urn}/appraisal/open?year={Year - 3}", headPage.GetElementById("open-cycle-link")?.GetAttribute("href"));
        var taPage = await PageAssert.OkAsync(asTa);
        Assert.NotNull(taPage.GetElementById("no-appraisal"));
        Assert.Null(taPage.GetElementById("open-cycle-link"));
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
    }

    [SkippableFact]
    public async Task Get_YearPicker_ListsTheYearsWithAnAppraisal()
    {
        // Arrange
        await OpenAsync(_school, new DateOnly(Year - 1, 9, 20), Year - 1);
        using var ta = await TaAsync();

        // Act
        using var response = await ta.GetAsync($"/staff/{_ta.Id}/appraisal?year={Year - 1}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        var years = document.QuerySelectorAll("#year option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(Year.ToString(), years);
        Assert.Contains((Year - 1).ToString(), years);
        Assert.Equal((Year - 1).ToString(), document.QuerySelector("#year option[selected]")?.GetAttribute("value"));
        Assert.Null(document.GetElementById("no-appraisal"));
    }

    [SkippableFact]
    public async Task Get_YearThatIsNotAYear_Is400WithTheErrorSummary()
    {
        // Arrange
        using var ta = await TaAsync();

        // Act
        using var response = await ta.GetAsync($"/staff/{_ta.Id}/appraisal?year=abc");

        // Assert: issue 11, out-of-range input is a 400 saying so, not another year's appraisal shown in its place.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("Enter a real school year", document.QuerySelector(".govuk-error-summary")?.TextContent);
    }

    [SkippableFact]
    public async Task Get_StaffPage_ShowsThisYearsAppraisalAndLinksToIt()
    {
        // Arrange: a cycle for the school year we are in, whatever the date
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await OpenAsync(_school, today, SchoolYear.Of(today));
        using var ta = await TaAsync();
        using var senco = await SencoAsync();

        // Act
        using var own = await ta.GetAsync($"/staff/{_ta.Id}");
        using var managed = await senco.GetAsync($"/staff/{_ta.Id}");

        // Assert
        var ownPage = await PageAssert.OkAsync(own);
        Assert.Equal("My appraisal", PageAssert.Text(ownPage.GetElementById("appraisal-link")));
        Assert.Equal($"/staff/{_ta.Id}/appraisal", ownPage.GetElementById("appraisal-link")?.GetAttribute("href"));
        Assert.Equal("Draft", PageAssert.Text(ownPage.GetElementById("appraisal-objectives-status")));
        var managedPage = await PageAssert.OkAsync(managed);
        Assert.Equal($"Appraisal of {_ta.FullName}", PageAssert.Text(managedPage.GetElementById("appraisal-link")));
    }
}
