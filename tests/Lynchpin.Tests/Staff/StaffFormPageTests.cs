using System.Globalization;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Staff;

/// <summary>
/// /schools/{urn}/staff/new and /staff/{id}/edit: a bad form comes back as a 400 with the GOV.UK error summary linked to its
/// fields and nothing saved; a good one is saved with every value and redirects to the person.
/// </summary>
public abstract class StaffFormPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : StaffFormPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : StaffFormPageTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Post_NewValidPerson_SavesEveryValueAndRedirectsToThem()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var form = NewPerson(world);
        form["Input.RoleFamily"] = "learning-support";
        form["Input.CoachId"] = world.Sibling.Id.ToString(CultureInfo.InvariantCulture);

        // Act
        using var response = await PageForms.SubmitAsync(client, NewUrl(world), "Input.FirstName", form);

        // Assert
        var saved = await Data.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.StaffRef == form["Input.StaffRef"]));
        PageAssert.RedirectsTo(response, $"/staff/{saved.Id}");
        Assert.Equal(world.SchoolA1.Id, saved.SchoolId);
        Assert.Equal("Robin", saved.FirstName);
        Assert.Equal(form["Input.LastName"], saved.LastName);
        Assert.Equal(form["Input.Email"], saved.Email);
        Assert.Equal("Teaching assistant", saved.JobTitle);
        Assert.Equal(RoleFamily.LearningSupport, saved.RoleFamily);
        Assert.Equal(StaffCategory.Support, saved.Category);
        Assert.False(saved.Qts);
        Assert.True(saved.Slt);
        Assert.Equal(new DateOnly(2023, 9, 1), saved.StartDate);
        Assert.Null(saved.LeavingDate);
        Assert.Equal(27.5m, saved.HoursPerWeek);
        Assert.Equal(39m, saved.WeeksPerYear);
        Assert.Equal(world.Manager.Id, saved.LineManagerId);
        Assert.Equal(world.Sibling.Id, saved.CoachId);
        using var personPage = await client.GetAsync(response.Headers.Location);
        var person = await PageAssert.OkAsync(personPage);
        Assert.Contains("is added", PageAssert.Text(person.QuerySelector(".govuk-notification-banner--success")));
        Assert.Contains("Support staff", person.QuerySelectorAll(".govuk-tag").Select(PageAssert.Text));
    }

    [SkippableFact]
    public async Task Get_NewPersonForm_OffersLineManagersAndCoachesFromTheTrustOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);

        // Act
        using var response = await client.GetAsync(NewUrl(world));

        // Assert
        var document = await PageAssert.OkAsync(response);
        var coaches = document.QuerySelectorAll("#Input_CoachId option").Select(o => o.GetAttribute("value") ?? "").ToList();
        var expected = world.SchoolA1Staff.Append(world.Sibling).Select(Id).Prepend("").Order().ToList();
        Assert.Equal(expected, coaches.Order().ToList());
        Assert.DoesNotContain(Id(world.Outsider), coaches);
    }

    [SkippableTheory]
    [InlineData("first name missing", "Input_FirstName")]
    [InlineData("role family not chosen", "Input_RoleFamily")]
    [InlineData("email malformed", "Input_Email")]
    [InlineData("staff reference taken", "Input_StaffRef")]
    [InlineData("leaving before starting", "Input_LeavingDate")]
    [InlineData("leaving date not a real date", "Input_LeavingDate")]
    [InlineData("hours out of range", "Input_HoursPerWeek")]
    [InlineData("line manager in another trust", "Input_LineManagerId")]
    public async Task Post_NewPersonWithProblem_Returns400WithErrorsAndSavesNothing(string problem, string fieldId)
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var form = NewPerson(world);
        switch (problem)
        {
            case "first name missing": form["Input.FirstName"] = " "; break;
            case "role family not chosen": form["Input.RoleFamily"] = ""; break;
            case "email malformed": form["Input.Email"] = "robin.at.school"; break;
            case "staff reference taken": form["Input.StaffRef"] = world.Teacher.StaffRef; break;
            case "leaving before starting": form["Input.LeavingDate"] = "2023-08-31"; break;
            case "leaving date not a real date": form["Input.LeavingDate"] = "2024-02-30"; break;
            case "hours out of range": form["Input.HoursPerWeek"] = "75"; break;
            case "line manager in another trust": form["Input.LineManagerId"] = world.Outsider.Id.ToString(CultureInfo.InvariantCulture); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem));
        }
        var before = await AllStaffAsync();

        // Act
        using var response = await PageForms.SubmitAsync(client, NewUrl(world), "Input.FirstName", form);

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, fieldId);
        Assert.Equal(before, await AllStaffAsync());
        // The form comes back as it was typed, so nothing has to be entered again.
        var values = Html.FormValues(Html.FormWithField(document, "Input.LastName"));
        Assert.Equal(form["Input.LastName"], values["Input.LastName"]);
        Assert.Equal(form["Input.JobTitle"], values["Input.JobTitle"]);
        Assert.Equal("yes", values["Input.Slt"]);
    }

    [SkippableFact]
    public async Task Post_NewPersonWithSeveralProblems_ListsEachInTheSummary()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var form = NewPerson(world);
        form["Input.FirstName"] = "";
        form["Input.LastName"] = "";
        form["Input.Email"] = "not an email";

        // Act
        using var response = await PageForms.SubmitAsync(client, NewUrl(world), "Input.FirstName", form);

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_FirstName", "Input_LastName", "Input_Email");
        var links = document.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        // In the order the form shows its fields.
        Assert.Equal(["#Input_FirstName", "#Input_LastName", "#Input_Email"], links);
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_NewPersonWithSevenProblemsIncludingTheRoleFamily_ListsAllSevenAtOnce()
    {
        // Arrange: the role family (which the form reads itself) and six the editor checks, in one post.
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var form = NewPerson(world);
        form["Input.RoleFamily"] = "";
        form["Input.StaffRef"] = world.Teacher.StaffRef;
        form["Input.FirstName"] = "";
        form["Input.Email"] = "robin.at.school";
        form["Input.JobTitle"] = " ";
        form["Input.LeavingDate"] = "2023-08-31";
        form["Input.HoursPerWeek"] = "75";
        var before = await AllStaffAsync();

        // Act
        using var response = await PageForms.SubmitAsync(client, NewUrl(world), "Input.FirstName", form);

        // Assert: one 400 naming all seven, each on its field, and nothing saved.
        var document = await PageAssert.FormErrorsAsync(response, "Input_StaffRef", "Input_FirstName", "Input_Email", "Input_JobTitle",
            "Input_RoleFamily", "Input_LeavingDate", "Input_HoursPerWeek");
        Assert.Equal(7, document.QuerySelectorAll(".govuk-error-summary__list a").Length);
        Assert.Equal(before, await AllStaffAsync());
    }

    [SkippableFact]
    public async Task Post_EditWithoutARoleFamilyAndWithoutALastName_ListsBothAtOnce()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var before = await AllStaffAsync();

        // Act
        using var response = await PageForms.SubmitAsync(client, EditUrl(world.Manager), "Input.FirstName", new Dictionary<string, string>
        {
            ["Input.RoleFamily"] = "",
            ["Input.LastName"] = "",
        });

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_LastName", "Input_RoleFamily");
        Assert.Equal(2, document.QuerySelectorAll(".govuk-error-summary__list a").Length);
        Assert.Equal(before, await AllStaffAsync());
    }

    [SkippableFact]
    public async Task Post_EditValidChanges_SavesThemAndKeepsTheRest()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var lastName = $"Renamed{TestData.Unique()}";

        // Act
        using var response = await PageForms.SubmitAsync(client, EditUrl(world.Caretaker), "Input.FirstName", new Dictionary<string, string>
        {
            ["Input.LastName"] = lastName,
            ["Input.RoleFamily"] = "teaching",
            ["Input.Qts"] = "yes",
            ["Input.LineManagerId"] = world.Head.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Email"] = "",
        });

        // Assert
        PageAssert.RedirectsTo(response, $"/staff/{world.Caretaker.Id}");
        var saved = await Data.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == world.Caretaker.Id));
        Assert.Equal(lastName, saved.LastName);
        Assert.Equal(RoleFamily.Teaching, saved.RoleFamily);
        Assert.Equal(StaffCategory.Teaching, saved.Category);
        Assert.True(saved.Qts);
        Assert.Equal(world.Head.Id, saved.LineManagerId);
        Assert.Null(saved.Email);
        // What the form showed and was not touched comes back unchanged.
        Assert.Equal(world.Caretaker.StaffRef, saved.StaffRef);
        Assert.Equal(world.Caretaker.FirstName, saved.FirstName);
        Assert.Equal(world.Caretaker.JobTitle, saved.JobTitle);
        Assert.Equal(world.Caretaker.StartDate, saved.StartDate);
        Assert.Equal(world.Caretaker.HoursPerWeek, saved.HoursPerWeek);
        Assert.Equal(world.Caretaker.WeeksPerYear, saved.WeeksPerYear);
        Assert.False(saved.Slt);
        Assert.Null(saved.CoachId);
    }

    [SkippableTheory]
    [InlineData("line manager below them", "Input_LineManagerId")]
    [InlineData("own line manager", "Input_LineManagerId")]
    [InlineData("own coach", "Input_CoachId")]
    [InlineData("staff reference taken", "Input_StaffRef")]
    [InlineData("last name missing", "Input_LastName")]
    [InlineData("leaving before starting", "Input_LeavingDate")]
    public async Task Post_EditWithProblem_Returns400WithErrorsAndChangesNothing(string problem, string fieldId)
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var person = world.Manager;
        var changes = new Dictionary<string, string> { ["Input.JobTitle"] = "Changed title" };
        switch (problem)
        {
            // The caretaker is managed by the mentor, who is managed by the manager: a circle.
            case "line manager below them": changes["Input.LineManagerId"] = Id(world.Caretaker); break;
            case "own line manager": changes["Input.LineManagerId"] = Id(person); break;
            case "own coach": changes["Input.CoachId"] = Id(person); break;
            case "staff reference taken": changes["Input.StaffRef"] = world.Teacher.StaffRef; break;
            case "last name missing": changes["Input.LastName"] = ""; break;
            case "leaving before starting": changes["Input.LeavingDate"] = "2020-08-31"; break;
            default: throw new ArgumentOutOfRangeException(nameof(problem));
        }
        var before = await AllStaffAsync();

        // Act
        using var response = await PageForms.SubmitAsync(client, EditUrl(person), "Input.FirstName", changes);

        // Assert
        await PageAssert.FormErrorsAsync(response, fieldId);
        Assert.Equal(before, await AllStaffAsync());
    }

    [SkippableFact]
    public async Task Post_EditMakingACircle_SaysWhy()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);

        // Act
        using var response = await PageForms.SubmitAsync(client, EditUrl(world.Head), "Input.FirstName", new Dictionary<string, string>
        {
            ["Input.LineManagerId"] = Id(world.Teacher),
        });

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_LineManagerId");
        Assert.Contains("circle", PageAssert.Text(document.GetElementById("Input_LineManagerId-error")), StringComparison.Ordinal);
        Assert.Null(await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == world.Head.Id).Select(s => s.LineManagerId).SingleAsync()));
    }

    [SkippableFact]
    public async Task Post_EditOfAnotherSchoolsPersonAsLeader_Returns403AndChangesNothing()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);
        var token = await PageForms.AntiforgeryTokenAsync(client);
        var form = NewPerson(world);
        form["__RequestVerificationToken"] = token;
        form["Input.StaffRef"] = world.Sibling.StaffRef;
        var before = await AllStaffAsync();

        // Act
        using var response = await client.PostAsync(EditUrl(world.Sibling), new FormUrlEncodedContent(form));

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await AllStaffAsync());
    }

    private async Task<HttpClient> LeaderOfA1Async(TrustScenario world) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1, staff: world.Head));

    private static string NewUrl(TrustScenario world) => $"/schools/{world.SchoolA1.Urn}/staff/new";

    private static string EditUrl(StaffMember person) => $"/staff/{person.Id}/edit";

    private static string Id(StaffMember person) => person.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A complete, valid new person for school A1, as the form's field names.</summary>
    private static Dictionary<string, string> NewPerson(TrustScenario world)
    {
        var n = TestData.Unique();
        return new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Robin",
            ["Input.LastName"] = $"Ashby{n}",
            ["Input.JobTitle"] = "Teaching assistant",
            ["Input.RoleFamily"] = "learning-support",
            ["Input.StaffRef"] = $"NEW{n}",
            ["Input.Email"] = $"r.ashby{n}@school.test",
            ["Input.Qts"] = "no",
            ["Input.Slt"] = "yes",
            ["Input.LineManagerId"] = Id(world.Manager),
            ["Input.CoachId"] = "",
            ["Input.StartDate"] = "2023-09-01",
            ["Input.LeavingDate"] = "",
            ["Input.HoursPerWeek"] = "27.5",
            ["Input.WeeksPerYear"] = "39",
        };
    }

    /// <summary>Every stored person, every field, one line each: equal before and after means nothing was saved.</summary>
    private Task<List<string>> AllStaffAsync() => Data.WithDbAsync(async db =>
        (await db.StaffMembers.AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            .Select(s => string.Join("|", s.Id, s.SchoolId, s.StaffRef, s.FirstName, s.LastName, s.Email, s.JobTitle, s.RoleFamily, s.Qts, s.Slt,
                s.StartDate, s.LeavingDate, s.HoursPerWeek, s.WeeksPerYear, s.LineManagerId, s.CoachId))
            .ToList());
}
