using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>The framework a school (or trust) works to: each stage with its criteria for everyone and for each role family.</summary>
public class IndexModel : FrameworkPage
{
    /// <summary>A criterion with its number in the stage, which its edit and remove links use.</summary>
    public record Item(int Number, string Text);

    /// <summary>The criteria of everyone (no family) or of one role family.</summary>
    public record Group(RoleFamily? Family, IReadOnlyList<Item> Items)
    {
        public string Heading => Family is RoleFamily f ? $"{f.DisplayName()} staff" : "Everyone";
    }

    public record StageView(ProgressionStage Stage, IReadOnlyList<Group> Groups);

    /// <summary>The role family to show criteria for, by code; all families when empty.</summary>
    [FromQuery(Name = "family")]
    public string? Family { get; set; }

    public RoleFamily? ChosenFamily { get; private set; }
    public List<StageView> Stages { get; private set; } = [];
    /// <summary>On a trust's page: its schools that keep their own framework instead of the trust's.</summary>
    public List<School> SchoolsWithOwn { get; private set; } = [];

    public IEnumerable<SelectListItem> FamilyOptions =>
        new[] { new SelectListItem("All role families", "", ChosenFamily is null) }
            .Concat(RoleFamilies.All.Select(f => new SelectListItem(f.DisplayName(), f.Code(), f == ChosenFamily)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        ChosenFamily = RoleFamilies.TryParse(Family, out var family) ? family : null;
        Stages = Framework.Framework.Stages.OrderBy(s => s.Number).Select(s => new StageView(s, Groups(s))).ToList();
        if (Owner.Trust is { } trust)
        {
            var db = Db;
            SchoolsWithOwn = await db.Schools.AsNoTracking()
                .Where(s => s.TrustId == trust.Id && db.ProgressionFrameworks.Any(f => f.SchoolId == s.Id))
                .OrderBy(s => s.Name).ToListAsync(ct);
        }
    }

    /// <summary>Everyone's criteria, then each family's: all families that have some, or just the chosen one (even when it has none).</summary>
    private List<Group> Groups(ProgressionStage stage)
    {
        var numbered = FrameworkEditor.InOrder(stage).Select((c, i) => (Criterion: c, Number: i + 1)).ToList();
        Group GroupOf(RoleFamily? family) =>
            new(family, numbered.Where(x => x.Criterion.RoleFamily == family).Select(x => new Item(x.Number, x.Criterion.Text)).ToList());
        var families = ChosenFamily is RoleFamily chosen
            ? [chosen]
            : RoleFamilies.All.Where(f => numbered.Any(x => x.Criterion.RoleFamily == f)).ToList();
        return [GroupOf(null), .. families.Select(f => GroupOf(f))];
    }
}
