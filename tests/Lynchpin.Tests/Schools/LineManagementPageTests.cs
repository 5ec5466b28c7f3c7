using System.Net;
using AngleSharp.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Schools;

/// <summary>/schools/{urn}/line-management: the school's tree, the head at the root and each person under their line manager.</summary>
public abstract class LineManagementPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : LineManagementPageTests(app), IClassFixture<SqliteAppFactory>;

    // SQLite only, to keep the set fast: RouteMatrixTests opens these pages on PostgreSQL too, and they only read.

    [SkippableFact]
    public async Task Get_TreeAsLeader_ShowsTheHeadAtTheRootAndEachPersonUnderTheirManager()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);

        // Act
        using var response = await client.GetAsync($"/schools/{world.SchoolA1.Urn}/line-management");

        // Assert
        var document = await PageAssert.OkAsync(response);
        var (roots, reports) = ReadTree(document);
        Assert.Equal([world.Head.Id], roots);
        Assert.Equal(Ids(world.Manager, world.Peer), reports[world.Head.Id]);
        Assert.Equal(Ids(world.Mentor, world.Teacher), reports[world.Manager.Id]);
        Assert.Equal(Ids(world.Caretaker), reports[world.Mentor.Id]);
        Assert.Empty(reports[world.Caretaker.Id]);
        Assert.Empty(reports[world.Teacher.Id]);
        Assert.Empty(reports[world.Peer.Id]);
        Assert.Equal(world.SchoolA1Staff.Count, reports.Count);
        Assert.Contains($"{world.SchoolA1Staff.Count} staff in post", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_TreeWithManagerInAnotherSchoolAndALeaver_ShowsThePersonAsARootWithTheirManagerAndLeavesTheLeaverOut()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var managedFromA2 = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Business, world.Sibling, jobTitle: "Trust finance officer");
        var leaver = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Teaching, world.Head, leavingDate: new DateOnly(2021, 7, 31));
        using var client = await LeaderOfA1Async(world);

        // Act
        using var response = await client.GetAsync($"/schools/{world.SchoolA1.Urn}/line-management");

        // Assert
        var document = await PageAssert.OkAsync(response);
        var (roots, reports) = ReadTree(document);
        // The head leads (the bigger tree first), then the person whose manager works elsewhere.
        Assert.Equal([world.Head.Id, managedFromA2.Id], roots);
        Assert.Equal(Ids(world.Manager, world.Peer), reports[world.Head.Id]);
        Assert.DoesNotContain(leaver.Id, reports.Keys);
        var note = PageAssert.Text(document.QuerySelector($"#line-management-tree a[href='/staff/{managedFromA2.Id}']")?.ParentElement);
        Assert.Contains($"(line managed by {world.Sibling.FullName}, {world.SchoolA2.Name})", note, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_TreeOfAnotherSchoolAsLeader_Returns403AndShowsNobody()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        using var client = await LeaderOfA1Async(world);

        // Act
        using var response = await client.GetAsync($"/schools/{world.SchoolA2.Urn}/line-management");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(world.Sibling.LastName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> LeaderOfA1Async(TrustScenario world) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1));

    private static List<int> Ids(params StaffMember[] people) => people.Select(p => p.Id).Order().ToList();

    /// <summary>
    /// The tree as the markup nests it: the people in the top list, and for everyone shown, the people in the list
    /// inside their own item (ids sorted, as the page sorts by name).
    /// </summary>
    private static (List<int> Roots, Dictionary<int, List<int>> Reports) ReadTree(IDocument document)
    {
        var top = document.QuerySelector("#line-management-tree > ul");
        Assert.NotNull(top);
        var reports = new Dictionary<int, List<int>>();
        List<int> Walk(IElement list)
        {
            var ids = new List<int>();
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                var id = PageAssert.StaffId(item.Children.First(c => c.LocalName == "a").GetAttribute("href"));
                // A team sits in a foldable <details> after its manager's name.
                var below = item.Children.FirstOrDefault(c => c.LocalName == "details")?.Children.FirstOrDefault(c => c.LocalName == "ul");
                reports.Add(id, below is null ? [] : Walk(below).Order().ToList());
                ids.Add(id);
            }
            return ids;
        }
        var roots = Walk(top);
        return (roots, reports);
    }
}
