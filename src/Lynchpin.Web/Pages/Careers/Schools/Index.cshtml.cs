using Lynchpin.Core.Careers;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Careers.Schools;

/// <summary>
/// The leaders' view of careers at a school: qualification deadlines overdue or due soon, who is on which pathway and
/// step, and moves up from within by school year.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class IndexModel(CareersOverview overview) : SchoolPageModel
{
    public IReadOnlyList<PersonDeadline> Deadlines { get; private set; } = [];
    public IReadOnlyList<PersonOnStep> OnPathways { get; private set; } = [];
    public IReadOnlyList<IGrouping<int, InternalMove>> MovesByYear { get; private set; } = [];
    public MoveCounts MoveCounts { get; private set; } = MoveCounts.Of([]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Deadlines = await overview.DeadlinesAsync(School, Today, ct);
        OnPathways = await overview.OnPathwaysAsync(School, Today, ct);
        var moves = await overview.InternalMovesAsync(School, ct);
        MovesByYear = moves.GroupBy(m => SchoolYear.Of(m.On)).OrderByDescending(g => g.Key).ToList();
        MoveCounts = MoveCounts.Of(moves);
    }
}
