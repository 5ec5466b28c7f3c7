using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression.Framework;

/// <summary>
/// The framework pages over HTTP on the people of <see cref="TrustScenario"/>: who reads and who edits, copy on edit,
/// the trust's framework inherited, going back, the role-family filter, and bad input.
/// </summary>
public sealed class FrameworkPagesTests(SqliteAppFactory app) : IntegrationTest(app), IClassFixture<SqliteAppFactory>
{
    private TrustScenario _people = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _people = await TrustScenario.CreateAsync(Data);
    }

    private static string Framework(School school) => $"/schools/{school.Urn}/framework";

    private static string TrustFramework(Trust trust) => $"/trusts/{trust.Code}/framework";

    private Task<HttpClient> LeaderAsync() => SignedInAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Head);

    private Task<HttpClient> TrustAdminAsync() => SignedInAsync(UserRole.TrustAdmin, trust: _people.TrustA);

    private async Task<HttpClient> SignedInAsync(UserRole role, Trust? trust = null, School? school = null, StaffMember? staff = null) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(role, trust, school, staff));

    private Task<int> FrameworkRowsAsync() => Data.WithDbAsync(db => db.ProgressionFrameworks.CountAsync());

    private Task<bool> HasOwnAsync(School school) => Data.WithDbAsync(db => db.ProgressionFrameworks.AnyAsync(f => f.SchoolId == school.Id));

    [SkippableFact]
    public async Task Get_SchoolWithoutOwnOrTrustFramework_ShowsTheDefault()
    {
        // Arrange
        using var leader = await LeaderAsync();

        // Act
        using var response = await leader.GetAsync(Framework(_people.SchoolA1));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("Lynchpin's default", document.QuerySelector("#framework-source")!.TextContent.Trim());
        foreach (var stage in DefaultFramework.Stages)
        {
            Assert.Equal($"Stage {stage.Number}: {stage.Name}", FrameworkForms.StageHeading(document, stage.Number));
        }
        Assert.Contains("Editing creates your school's own copy", document.QuerySelector("#copy-notice")!.TextContent);
        Assert.Contains(DefaultFramework.Stages[1].Criteria.First(c => c.Family is null).Text, FrameworkForms.Criteria(document, 1, "everyone"));
    }

    [SkippableFact]
    public async Task Get_TrustHasItsOwnFramework_SchoolWithoutOwnFollowsIt()
    {
        // Arrange: the trust admin renames stage 3 of the trust's framework
        using var admin = await TrustAdminAsync();
        using var saved = await FrameworkForms.SubmitAsync(admin, $"{TrustFramework(_people.TrustA)}/stages/3/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = "Establishing across the trust" });
        using var leader = await LeaderAsync();

        // Act
        using var response = await leader.GetAsync(Framework(_people.SchoolA1));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("Your trust's", document.QuerySelector("#framework-source")!.TextContent.Trim());
        Assert.Equal("Stage 3: Establishing across the trust", FrameworkForms.StageHeading(document, 3));
        Assert.Contains("follows the trust's framework", document.QuerySelector("#copy-notice")!.TextContent);
        Assert.Equal("Your trust's", await FrameworkForms.SourceAsync(admin, TrustFramework(_people.TrustA)));
        Assert.False(await HasOwnAsync(_people.SchoolA1));
    }

    [SkippableFact]
    public async Task Post_LeaderEditsSchoolInheritingTheTrusts_CopiesTheTrustsFramework()
    {
        // Arrange: the trust's framework has its own stage 3; the school's edit is to stage 4
        using var admin = await TrustAdminAsync();
        using var trustEdit = await FrameworkForms.SubmitAsync(admin, $"{TrustFramework(_people.TrustA)}/stages/3/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = "The trust's stage 3" });
        using var leader = await LeaderAsync();

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/4/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = "The school's stage 4" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var page = await leader.GetAsync(Framework(_people.SchoolA1));
        var document = await Html.ParseAsync(page);
        Assert.Equal("Your school's own", document.QuerySelector("#framework-source")!.TextContent.Trim());
        Assert.Equal("Stage 3: The trust's stage 3", FrameworkForms.StageHeading(document, 3));
        Assert.Equal("Stage 4: The school's stage 4", FrameworkForms.StageHeading(document, 4));
        using var trustPage = await admin.GetAsync(TrustFramework(_people.TrustA));
        var trustDocument = await Html.ParseAsync(trustPage);
        Assert.Equal($"Stage 4: {DefaultFramework.Stages[4].Name}", FrameworkForms.StageHeading(trustDocument, 4));
        Assert.Contains(_people.SchoolA1.Name, trustDocument.QuerySelector("main")!.TextContent);
    }

    [SkippableFact]
    public async Task Post_GoBackToTheTrusts_RemovesTheSchoolsCopy()
    {
        // Arrange: the trust has its own framework and the school a copy of its own
        using var admin = await TrustAdminAsync();
        using var trustEdit = await FrameworkForms.SubmitAsync(admin, $"{TrustFramework(_people.TrustA)}/stages/3/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = "The trust's stage 3" });
        using var leader = await LeaderAsync();
        using var schoolEdit = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/3/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = "The school's stage 3" });
        Assert.True(await HasOwnAsync(_people.SchoolA1));
        using var confirmation = await leader.GetAsync($"{Framework(_people.SchoolA1)}/revert");

        // Act
        using var response = await FrameworkForms.ConfirmAsync(leader, $"{Framework(_people.SchoolA1)}/revert");

        // Assert
        Assert.Contains("Go back to the trust's framework?", (await Html.ParseAsync(confirmation)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await HasOwnAsync(_people.SchoolA1));
        using var page = await leader.GetAsync(Framework(_people.SchoolA1));
        var document = await Html.ParseAsync(page);
        Assert.Equal("Your trust's", document.QuerySelector("#framework-source")!.TextContent.Trim());
        Assert.Equal("Stage 3: The trust's stage 3", FrameworkForms.StageHeading(document, 3));
        Assert.Contains("now follows the trust's framework", document.QuerySelector(".govuk-notification-banner")!.TextContent);
    }

    [SkippableFact]
    public async Task Get_FilteredToARoleFamily_ShowsItsCriteriaAndNotOtherFamilies()
    {
        // Arrange: a site criterion added at stage 3
        using var leader = await LeaderAsync();
        using var added = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/3/criteria/new", "Input.Text",
            new Dictionary<string, string> { ["Input.Text"] = "Keeps the boiler log up to date", ["Input.RoleFamily"] = "site" });

        // Act
        using var site = await leader.GetAsync($"{Framework(_people.SchoolA1)}?family=site");
        using var teaching = await leader.GetAsync($"{Framework(_people.SchoolA1)}?family=teaching");
        using var all = await leader.GetAsync(Framework(_people.SchoolA1));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var siteDocument = await Html.ParseAsync(site);
        var teachingDocument = await Html.ParseAsync(teaching);
        var allDocument = await Html.ParseAsync(all);
        Assert.Contains("Keeps the boiler log up to date", FrameworkForms.Criteria(siteDocument, 3, "site"));
        Assert.DoesNotContain("Keeps the boiler log up to date", teachingDocument.QuerySelector("#stage-3")!.TextContent);
        Assert.Contains("Keeps the boiler log up to date", FrameworkForms.Criteria(allDocument, 3, "site"));
        // The filter shows everyone's criteria with the family's, and no other family's.
        Assert.NotEmpty(FrameworkForms.Criteria(siteDocument, 3, "everyone"));
        Assert.Empty(siteDocument.QuerySelectorAll("[data-family='learning-support']"));
        Assert.NotEmpty(FrameworkForms.Criteria(allDocument, 3, "learning-support"));
        Assert.Contains("Holds current certificates for the equipment and chemicals used (e.g. COSHH)", FrameworkForms.Criteria(siteDocument, 1, "site"));
        Assert.Empty(FrameworkForms.Criteria(teachingDocument, 1, "site"));
    }

    [SkippableFact]
    public async Task Post_CriterionAtPositionOne_ComesFirstInItsGroup()
    {
        // Arrange
        using var leader = await LeaderAsync();

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/1/criteria/new", "Input.Text",
            new Dictionary<string, string> { ["Input.Text"] = "Has read Keeping Children Safe in Education part one", ["Input.RoleFamily"] = "everyone", ["Input.Position"] = "1" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var page = await leader.GetAsync(Framework(_people.SchoolA1));
        var everyone = FrameworkForms.Criteria(await Html.ParseAsync(page), 1, "everyone");
        Assert.Equal(
            ["Has read Keeping Children Safe in Education part one", .. DefaultFramework.Stages[1].Criteria.Where(c => c.Family is null).Select(c => c.Text)],
            everyone);
    }

    [SkippableFact]
    public async Task Post_ChangeAndRemoveCriteria_ChangesOnlyThoseCriteria()
    {
        // Arrange: stage 1 lists everyone's two criteria first, so number 3 is the first role family's (teaching)
        using var leader = await LeaderAsync();
        var stage1 = DefaultFramework.Stages[1];

        // Act
        using var changed = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/1/criteria/3/edit", "Input.Text",
            new Dictionary<string, string> { ["Input.Text"] = "Meets part two of the Teachers' Standards", ["Input.RoleFamily"] = "teaching" });
        using var removed = await FrameworkForms.ConfirmAsync(leader, $"{Framework(_people.SchoolA1)}/stages/1/criteria/1/remove");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var page = await leader.GetAsync(Framework(_people.SchoolA1));
        var document = await Html.ParseAsync(page);
        Assert.Equal([stage1.Criteria[1].Text], FrameworkForms.Criteria(document, 1, "everyone"));
        Assert.Equal(["Meets part two of the Teachers' Standards"], FrameworkForms.Criteria(document, 1, "teaching"));
        Assert.Equal(stage1.Criteria.Where(c => c.Family == RoleFamily.Site).Select(c => c.Text), FrameworkForms.Criteria(document, 1, "site"));
        var stored = await Data.WithDbAsync(db => db.StageCriteria.CountAsync(c => c.Stage.Framework.SchoolId == _people.SchoolA1.Id));
        Assert.Equal(DefaultFramework.Stages.Sum(s => s.Criteria.Count) - 1, stored);
    }

    public static TheoryData<string, string, string> BadStages => new()
    {
        { "", "x", "Enter the stage's name" },
        { new string('n', ProgressionStage.NameMaxLength + 1), "x", $"The stage's name must be {ProgressionStage.NameMaxLength} characters or fewer" },
        { "Fine", new string('d', ProgressionStage.DescriptorMaxLength + 1), $"The descriptor must be {ProgressionStage.DescriptorMaxLength} characters or fewer" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadStages))]
    public async Task Post_InvalidStage_Returns400AndStoresNothing(string name, string descriptor, string message)
    {
        // Arrange
        using var leader = await LeaderAsync();
        var before = await FrameworkRowsAsync();

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/2/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Descriptor"] = descriptor });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await Html.ErrorSummaryAsync(response));
        Assert.Equal(before, await FrameworkRowsAsync());
        Assert.False(await HasOwnAsync(_people.SchoolA1));
    }

    public static TheoryData<string, string, string, string> BadCriteria => new()
    {
        { " ", "everyone", "", "Enter the criterion" },
        { new string('c', StageCriterion.TextMaxLength + 1), "site", "", $"The criterion must be {StageCriterion.TextMaxLength} characters or fewer" },
        { "Fine", "astronaut", "", "Choose who the criterion is for" },
        { "Fine", "everyone", "first", "Enter a real position" },
        { "Fine", "everyone", "0", "The position must be 1 or more" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadCriteria))]
    public async Task Post_InvalidCriterion_Returns400AndStoresNothing(string text, string family, string position, string message)
    {
        // Arrange
        using var leader = await LeaderAsync();
        var before = await FrameworkRowsAsync();

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/2/criteria/new", "Input.Text",
            new Dictionary<string, string> { ["Input.Text"] = text, ["Input.RoleFamily"] = family, ["Input.Position"] = position });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await Html.ErrorSummaryAsync(response));
        Assert.Equal(before, await FrameworkRowsAsync());
    }

    [SkippableFact]
    public async Task Post_InvalidEditOfOwnFramework_ChangesNothing()
    {
        // Arrange: the school already has its own framework
        using var leader = await LeaderAsync();
        using var first = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/2/edit", "Input.Name",
            new Dictionary<string, string> { ["Input.Name"] = "Our expectations" });

        // Act
        using var response = await FrameworkForms.SubmitAsync(leader, $"{Framework(_people.SchoolA1)}/stages/2/criteria/1/edit", "Input.Text",
            new Dictionary<string, string> { ["Input.Text"] = "" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var texts = await Data.WithDbAsync(db => db.StageCriteria
            .Where(c => c.Stage.Framework.SchoolId == _people.SchoolA1.Id && c.Stage.Number == 2).Select(c => c.Text).ToListAsync());
        Assert.Equal(DefaultFramework.Stages[2].Criteria.Select(c => c.Text).Order(), texts.Order());
    }

    [SkippableFact]
    public async Task Get_StaffAccount_ReadsTheFrameworkButMayNotEditIt()
    {
        // Arrange
        using var staff = await SignedInAsync(UserRole.Staff, staff: _people.Teacher);
        var before = await FrameworkRowsAsync();
        var token = await FrameworkForms.AntiforgeryTokenAsync(staff);

        // Act
        using var read = await staff.GetAsync(Framework(_people.SchoolA1));
        using var editPage = await staff.GetAsync($"{Framework(_people.SchoolA1)}/stages/2/edit");
        using var post = await staff.PostAsync($"{Framework(_people.SchoolA1)}/stages/2/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Changed by staff",
            ["__RequestVerificationToken"] = token,
        }));
        using var addPost = await staff.PostAsync($"{Framework(_people.SchoolA1)}/stages/2/criteria/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "Added by staff",
            ["Input.RoleFamily"] = "everyone",
            ["__RequestVerificationToken"] = token,
        }));

        // Assert
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var document = await Html.ParseAsync(read);
        Assert.Empty(document.QuerySelectorAll("a[href$='/edit'], a[href$='/remove'], a[href$='/revert'], #copy-notice"));
        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, addPost.StatusCode);
        Assert.Equal(before, await FrameworkRowsAsync());
    }

    [SkippableFact]
    public async Task Post_LeaderOfAnotherSchool_IsForbiddenAndNothingChanges()
    {
        // Arrange: the leader of school A2, in the same trust
        using var otherLeader = await SignedInAsync(UserRole.SchoolLeader, school: _people.SchoolA2);
        var before = await FrameworkRowsAsync();
        var token = await FrameworkForms.AntiforgeryTokenAsync(otherLeader);

        // Act
        using var read = await otherLeader.GetAsync(Framework(_people.SchoolA1));
        using var post = await otherLeader.PostAsync($"{Framework(_people.SchoolA1)}/stages/2/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Changed from another school",
            ["__RequestVerificationToken"] = token,
        }));
        using var trust = await otherLeader.GetAsync(TrustFramework(_people.TrustA));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trust.StatusCode);
        Assert.Equal(before, await FrameworkRowsAsync());
    }

    [SkippableFact]
    public async Task Get_UnknownStageOrCriterion_Returns404()
    {
        // Arrange
        using var leader = await LeaderAsync();

        // Act
        using var stage = await leader.GetAsync($"{Framework(_people.SchoolA1)}/stages/7/edit");
        using var criterion = await leader.GetAsync($"{Framework(_people.SchoolA1)}/stages/0/criteria/1/edit");
        using var trust = await leader.GetAsync("/trusts/NO-SUCH-TRUST/framework");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, stage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, criterion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, trust.StatusCode);
    }
}
