using Microsoft.Extensions.Caching.Memory;

namespace Lynchpin.Core.Data;

/// <summary>
/// The app's one in-process cache (a singleton). Whatever it keeps is keyed by the data versions it was computed at
/// (<see cref="DataVersions"/>), so a change makes its entries unreachable at once, on every server; they are left to
/// expire. The size limit bounds the memory: each entry counts one, and the least used go first when it is reached.
/// </summary>
public sealed class VersionedCache : IDisposable
{
    public const int MaxEntries = 20_000;

    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };

    private readonly MemoryCache memory = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    public bool TryGet<T>(object key, out T value)
    {
        if (memory.TryGetValue(key, out var found) && found is T typed)
        {
            value = typed;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set<T>(object key, T value) where T : notnull => memory.Set(key, value, EntryOptions);

    /// <summary>Entries kept now (for tests and the load run's notes).</summary>
    public long Count => memory.Count;

    public void Dispose() => memory.Dispose();
}

/// <summary>
/// Aggregates of a school's data (profile distributions, appraisal dashboards) cached per school at its data version,
/// so they are computed once per change rather than once per request, and never served stale: the version is read
/// from the database in the request (see <see cref="DataVersions"/>). Nothing computed inside a transaction is kept.
/// </summary>
/// <remarks>
/// <paramref name="key"/> names what is computed and from what (a tuple or record with value equality: the kind, year,
/// filters…); the school and its version are added here. What the delegate returns must not be changed afterwards.
/// </remarks>
public sealed class AggregateCache(VersionedCache cache, DataVersions versions)
{
    private sealed record SchoolKey(int SchoolId, long Version, object Key);

    /// <summary>The request's versions: tell them the schools already read, to save reading their versions again.</summary>
    public DataVersions Versions => versions;

    public async Task<T> SchoolAsync<T>(int schoolId, object key, Func<Task<T>> compute, CancellationToken cancellationToken = default)
        where T : notnull
    {
        var entry = new SchoolKey(schoolId, await versions.SchoolAsync(schoolId, cancellationToken), key);
        if (cache.TryGet(entry, out T value))
        {
            return value;
        }
        value = await compute();
        if (versions.Settled)
        {
            cache.Set(entry, value);
        }
        return value;
    }

    /// <summary>
    /// The same aggregate for many schools (a trust's): those cached are taken from the cache, and the rest computed
    /// together by <paramref name="compute"/>, which must answer for every school it is given.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, T>> SchoolsAsync<T>(IReadOnlyCollection<int> schoolIds, object key,
        Func<IReadOnlyList<int>, Task<IReadOnlyDictionary<int, T>>> compute, CancellationToken cancellationToken = default)
        where T : notnull
    {
        var known = await versions.SchoolsAsync(schoolIds, cancellationToken);
        var result = new Dictionary<int, T>();
        var missing = new List<int>();
        foreach (var (schoolId, version) in known)
        {
            if (cache.TryGet(new SchoolKey(schoolId, version, key), out T value))
            {
                result[schoolId] = value;
            }
            else
            {
                missing.Add(schoolId);
            }
        }
        if (missing.Count == 0)
        {
            return result;
        }
        var computed = await compute(missing);
        var settled = versions.Settled;
        foreach (var schoolId in missing)
        {
            var value = computed[schoolId];
            result[schoolId] = value;
            if (settled)
            {
                cache.Set(new SchoolKey(schoolId, known[schoolId], key), value);
            }
        }
        return result;
    }
}
