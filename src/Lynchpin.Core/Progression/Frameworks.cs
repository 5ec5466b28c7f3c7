namespace Lynchpin.Core.Progression;

public enum FrameworkSource
{
    School,
    Trust,
    Default,
}

public record ResolvedFramework(ProgressionFramework Framework, FrameworkSource Source)
{
    public ProgressionStage Stage(int number) => Framework.Stages.Single(s => s.Number == number);

    /// <summary>The criteria an assessor sees for a person: everyone's, then their role family's.</summary>
    public IReadOnlyList<StageCriterion> CriteriaFor(int stage, RoleFamily family) =>
        Stage(stage).Criteria.Where(c => c.RoleFamily is null || c.RoleFamily == family)
            .OrderBy(c => c.RoleFamily is null ? 0 : 1).ThenBy(c => c.SortOrder).ToList();
}

/// <summary>Finds the framework a school works to: its own, else its trust's, else the default.</summary>
public class Frameworks(LynchpinDbContext db)
{
    public async Task<ResolvedFramework> ForSchoolAsync(School school, CancellationToken cancellationToken = default)
    {
        var own = await LoadAsync(db.ProgressionFrameworks.Where(f => f.SchoolId == school.Id), cancellationToken);
        if (own is not null)
        {
            return new ResolvedFramework(own, FrameworkSource.School);
        }
        if (school.TrustId is int trustId)
        {
            var trusts = await LoadAsync(db.ProgressionFrameworks.Where(f => f.TrustId == trustId), cancellationToken);
            if (trusts is not null)
            {
                return new ResolvedFramework(trusts, FrameworkSource.Trust);
            }
        }
        return new ResolvedFramework(DefaultFramework.Create(), FrameworkSource.Default);
    }

    public async Task<ResolvedFramework> ForTrustAsync(Trust trust, CancellationToken cancellationToken = default)
    {
        var own = await LoadAsync(db.ProgressionFrameworks.Where(f => f.TrustId == trust.Id), cancellationToken);
        return own is null
            ? new ResolvedFramework(DefaultFramework.Create(), FrameworkSource.Default)
            : new ResolvedFramework(own, FrameworkSource.Trust);
    }

    private static Task<ProgressionFramework?> LoadAsync(IQueryable<ProgressionFramework> query, CancellationToken cancellationToken) =>
        query.Include(f => f.Stages.OrderBy(s => s.Number)).ThenInclude(s => s.Criteria.OrderBy(c => c.SortOrder))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
}
