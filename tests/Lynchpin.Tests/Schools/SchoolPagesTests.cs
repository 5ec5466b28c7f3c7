using System.Net;
using AngleSharp.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Schools;

/// <summary>/schools and /schools/{urn}: each account sees its own schools only, with their staff counted teaching and support.</summary>
public abstract class SchoolPagesTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : SchoolPagesTests(app), IClassFixture<SqliteAppFactory>;

    // SQLite only, to keep the set fast: RouteMatrixTests opens these pages on PostgreSQL too, and they only read.

    [SkippableFact]
    public async Task Get_SchoolsAsTrustAdmin_ListsTheTrustsSchoolsOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync("/schools");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(new[] { world.SchoolA1.Urn, world.SchoolA2.Urn }.Order(), SchoolUrns(document).Order());
        var html = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(world.SchoolB1.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(world.TrustB.Name, html, StringComparison.Ordinal);
        var a1 = SchoolRow(document, world.SchoolA1);
        Assert.Equal(world.TrustA.Name, PageAssert.Text(a1[1]));
        Assert.Equal(world.SchoolA1Staff.Count.ToString(), PageAssert.Text(a1[4]));
    }

    [SkippableFact]
    public async Task Get_SchoolsAsSchoolLeader_ListsTheirSchoolOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA2);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/schools");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal([world.SchoolA2.Urn], SchoolUrns(document));
    }

    [SkippableFact]
    public async Task Get_SchoolAsTrustAdmin_CountsTeachingAndSupportStaffAndListsTheSlt()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Teaching, world.Head, slt: true, leavingDate: new DateOnly(2021, 7, 31));
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/schools/{world.SchoolA1.Urn}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(world.SchoolA1.Name, PageAssert.Text(document.QuerySelector("h1")));
        Assert.Equal(world.TrustA.Name, PageAssert.Text(document.QuerySelector(".govuk-caption-l")));
        // Head, manager, teacher and peer teach; the mentor and caretaker are support staff; the leaver is not counted.
        Assert.Contains(document.QuerySelectorAll("h2").Select(PageAssert.Text), t => t == "Staff in post: 4 teaching, 2 support");
        var slt = document.QuerySelectorAll("#slt li a").Select(a => PageAssert.StaffId(a.GetAttribute("href"))).ToList();
        Assert.Equal([world.Head.Id], slt);
        Assert.NotNull(document.QuerySelector($"a[href='/schools/{world.SchoolA1.Urn}/line-management']"));
        Assert.NotNull(document.QuerySelector($"a[href='/schools/{world.SchoolA1.Urn}/import-staff']"));
    }

    [SkippableFact]
    public async Task Get_OwnSchoolAsStaff_ShowsItWithoutLeadersLinks()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var teacher = await Data.CreateUserAsync(UserRole.Staff, staff: world.Teacher);
        using var client = await App.CreateSignedInClientAsync(teacher);

        // Act
        using var response = await client.GetAsync($"/schools/{world.SchoolA1.Urn}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Contains(world.Head.FullName, PageAssert.Text(document.QuerySelector("#slt")));
        Assert.Empty(document.QuerySelectorAll("#slt a"));
        Assert.Null(document.QuerySelector("a[href$='/line-management']"));
        Assert.Null(document.QuerySelector("a[href$='/import-staff']"));
        Assert.Null(document.QuerySelector("a[href$='/staff/new']"));
    }

    [SkippableFact]
    public async Task Get_SchoolOfAnotherTrustAsTrustAdmin_Returns403AndShowsNothingOfIt()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/schools/{world.SchoolB1.Urn}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(world.SchoolB1.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_UnknownSchool_Returns404()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync("/schools/99999999");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task Get_HomeAsTrustAdmin_CountsEachSchoolsTeachingAndSupportStaff()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync("/");

        // Assert
        var document = await PageAssert.OkAsync(response);
        var rows = document.QuerySelectorAll("table tbody tr")
            .ToDictionary(r => PageAssert.Text(r.QuerySelector("th")), r => r.QuerySelectorAll("td").Select(PageAssert.Text).ToList());
        Assert.Equal(new[] { world.SchoolA1.Name, world.SchoolA2.Name }.Order(), rows.Keys.Order());
        Assert.Equal(["4", "2", "6"], rows[world.SchoolA1.Name].Take(3));
        Assert.Equal(["1", "0", "1"], rows[world.SchoolA2.Name].Take(3));
        // then the headline figures: assessed at the latest checkpoint due (nobody in this scenario), visits this week
        Assert.Equal(["0 of 6 First six weeks", "0"], rows[world.SchoolA1.Name].Skip(3));
    }

    private static List<int> SchoolUrns(IDocument document) =>
        document.QuerySelectorAll("table tbody tr td:first-child a")
            .Select(a => int.Parse(a.GetAttribute("href")!["/schools/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static List<IElement> SchoolRow(IDocument document, School school) =>
        document.QuerySelectorAll("table tbody tr")
            .Single(r => r.QuerySelector($"a[href='/schools/{school.Urn}']") is not null)
            .QuerySelectorAll("td").ToList();
}
