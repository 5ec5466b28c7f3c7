using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lynchpin.Core.Data;

/// <summary>
/// The version stamps that caches are keyed by (docs/decisions/0008-caching.md): each school's
/// <see cref="School.DataVersion"/>, and the <see cref="Structure"/> version of who works where and for whom.
/// <see cref="LynchpinDbContext"/> raises them in the same transaction as every save that changes what they cover; this
/// service reads them from the database, at most once per request each (and again after a save), so every server that
/// shares the database sees a change at its next request. The versions are per request: scoped, like the context.
/// </summary>
public sealed class DataVersions
{
    /// <summary>Staff records, schools and trusts: who works where, who manages and coaches whom.</summary>
    public const string Structure = "structure";

    private readonly LynchpinDbContext db;
    private readonly Dictionary<int, long> schools = [];
    private long? structure;

    public DataVersions(LynchpinDbContext db)
    {
        this.db = db;
        // A save may have raised any of them: read them again.
        db.SavedChanges += (_, _) => Forget();
    }

    /// <summary>Whether what is read now may be cached: not inside a transaction, whose changes may yet be rolled back.</summary>
    public bool Settled => db.Database.CurrentTransaction is null;

    /// <summary>Takes the version of a school the request has just read (the school pages do), saving a query.</summary>
    public void Know(School school) => schools.TryAdd(school.Id, school.DataVersion);

    public void Know(IEnumerable<School> read)
    {
        foreach (var school in read)
        {
            Know(school);
        }
    }

    public async Task<long> SchoolAsync(int schoolId, CancellationToken cancellationToken = default) =>
        (await SchoolsAsync([schoolId], cancellationToken))[schoolId];

    /// <summary>Each school's version (-1 for a school that does not exist).</summary>
    public async Task<IReadOnlyDictionary<int, long>> SchoolsAsync(IReadOnlyCollection<int> schoolIds, CancellationToken cancellationToken = default)
    {
        var missing = schoolIds.Where(id => !schools.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var read = await db.Schools.Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.DataVersion }).ToListAsync(cancellationToken);
            foreach (var school in read)
            {
                schools[school.Id] = school.DataVersion;
            }
        }
        return schoolIds.Distinct().ToDictionary(id => id, id => schools.GetValueOrDefault(id, -1));
    }

    public async Task<long> StructureAsync(CancellationToken cancellationToken = default) =>
        structure ??= await StructureQuery(db).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The structure version as a query, to read it in the same statement as something else.</summary>
    public static IQueryable<long> StructureQuery(LynchpinDbContext db) =>
        db.DataVersions.Where(v => v.Name == Structure).Select(v => v.Version);

    /// <summary>Takes a structure version read with something else (see <see cref="StructureQuery"/>).</summary>
    public void KnowStructure(long version) => structure ??= version;

    private void Forget()
    {
        schools.Clear();
        structure = null;
    }

    // ------------------------------------------------------------------------------------------- raising them

    /// <summary>What a save changes, as the versions see it.</summary>
    internal sealed class Changes
    {
        public HashSet<int> Schools { get; } = [];
        public bool Structure { get; set; }
        public bool Any => Schools.Count > 0 || Structure;
    }

    /// <summary>
    /// The schools whose data the pending changes touch, and whether they touch the structure. Every entity a cached
    /// aggregate reads is listed here; a cache of other data adds its entities (and a test that writes, then reads).
    /// </summary>
    internal static async Task<Changes> PendingAsync(LynchpinDbContext db, CancellationToken cancellationToken)
    {
        var changes = new Changes();
        HashSet<int> staff = [], cycles = [], appraisals = [], reviews = [];
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Trust:
                    changes.Structure = true;
                    break;
                case School:
                    changes.Structure = true;
                    // A new school has no data cached yet (and no id until saved).
                    if (entry.State != EntityState.Added)
                    {
                        changes.Schools.UnionWith(Values(entry, nameof(School.Id)));
                    }
                    break;
                case StaffMember:
                    changes.Structure = true;
                    changes.Schools.UnionWith(Values(entry, nameof(StaffMember.SchoolId)));
                    break;
                case CheckpointDate:
                    changes.Schools.UnionWith(Values(entry, nameof(CheckpointDate.SchoolId)));
                    break;
                case AppraisalCycle:
                    changes.Schools.UnionWith(Values(entry, nameof(AppraisalCycle.SchoolId)));
                    break;
                case Assessment:
                    staff.UnionWith(Values(entry, nameof(Assessment.StaffMemberId)));
                    break;
                case Appraisal:
                    cycles.UnionWith(Values(entry, nameof(Appraisal.CycleId)));
                    break;
                case Objective:
                    appraisals.UnionWith(Values(entry, nameof(Objective.AppraisalId)));
                    break;
                case AppraisalReview:
                    appraisals.UnionWith(Values(entry, nameof(AppraisalReview.AppraisalId)));
                    break;
                case ObjectiveRating:
                    reviews.UnionWith(Values(entry, nameof(ObjectiveRating.ReviewId)));
                    break;
            }
        }
        appraisals.UnionWith(await ParentsAsync<AppraisalReview>(db, reviews, r => r.AppraisalId, cancellationToken));
        cycles.UnionWith(await ParentsAsync<Appraisal>(db, appraisals, a => a.CycleId, cancellationToken));
        changes.Schools.UnionWith(await ParentsAsync<AppraisalCycle>(db, cycles, c => c.SchoolId, cancellationToken));
        changes.Schools.UnionWith(await ParentsAsync<StaffMember>(db, staff, s => s.SchoolId, cancellationToken));
        return changes;
    }

    /// <summary>Raises the versions, inside the save's transaction: the schools in order of id, then the structure.</summary>
    internal static async Task RaiseAsync(LynchpinDbContext db, Changes changes, CancellationToken cancellationToken)
    {
        if (changes.Schools.Count > 0)
        {
            var ids = changes.Schools.Order().ToList();
            await db.Schools.Where(s => ids.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.DataVersion, s => s.DataVersion + 1), cancellationToken);
        }
        if (changes.Structure)
        {
            await db.DataVersions.Where(v => v.Name == Structure)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        }
    }

    /// <summary>A foreign key's value now and, if it changed, before: a record moved between schools changes both.</summary>
    private static IEnumerable<int> Values(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        if (value.CurrentValue is int current)
        {
            yield return current;
        }
        if (entry.State != EntityState.Added && value.OriginalValue is int original && !Equals(value.OriginalValue, value.CurrentValue))
        {
            yield return original;
        }
    }

    /// <summary>
    /// The parents of these rows (the cycle of each appraisal, the school of each staff record…): from the entities the
    /// context tracks first (a parent added in the same save has no row yet), then from the database.
    /// </summary>
    private static async Task<IEnumerable<int>> ParentsAsync<T>(LynchpinDbContext db, HashSet<int> ids,
        Expression<Func<T, int>> parent, CancellationToken cancellationToken) where T : class
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var found = new HashSet<int>();
        var rest = new HashSet<int>(ids);
        Func<T, int>? parentOf = null;
        foreach (var entry in db.ChangeTracker.Entries<T>())
        {
            if (entry.Property("Id").CurrentValue is int id && rest.Remove(id))
            {
                parentOf ??= parent.Compile();
                found.Add(parentOf(entry.Entity));
            }
        }
        if (rest.Count > 0)
        {
            var list = rest.ToList();
            found.UnionWith(await db.Set<T>().Where(e => list.Contains(EF.Property<int>(e, "Id"))).Select(parent).ToListAsync(cancellationToken));
        }
        return found;
    }
}
