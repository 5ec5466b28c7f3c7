using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

public enum StandardsSource
{
    School,
    Trust,
    BuiltIn,
}

/// <summary>A set of standards as a school follows it, and whose copy that is.</summary>
public sealed record ResolvedStandardSet(StandardSet Set, StandardsSource Source);

/// <summary>
/// The standards a school works to: for each set code, the school's own copy, else its trust's, else the built-in set;
/// and sets only the school or trust has (its own for site staff, say). The same rule as the progression framework.
/// </summary>
public class CareerStandards(LynchpinDbContext db)
{
    public async Task<IReadOnlyList<ResolvedStandardSet>> ForSchoolAsync(School school, CancellationToken cancellationToken = default)
    {
        var stored = await db.StandardSets.AsNoTracking()
            .Where(s => s.SchoolId == school.Id || (school.TrustId != null && s.TrustId == school.TrustId))
            .Include(s => s.Standards.OrderBy(x => x.SortOrder))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return Resolve(stored.Where(s => s.SchoolId == school.Id), stored.Where(s => s.TrustId is not null));
    }

    public async Task<IReadOnlyList<ResolvedStandardSet>> ForTrustAsync(Trust trust, CancellationToken cancellationToken = default)
    {
        var stored = await db.StandardSets.AsNoTracking().Where(s => s.TrustId == trust.Id)
            .Include(s => s.Standards.OrderBy(x => x.SortOrder)).AsSplitQuery().ToListAsync(cancellationToken);
        return Resolve([], stored);
    }

    /// <summary>The sets for a person's role family, in the order they are listed.</summary>
    public static IReadOnlyList<ResolvedStandardSet> ForFamily(IReadOnlyList<ResolvedStandardSet> sets, RoleFamily family) =>
        sets.Where(s => s.Set.RoleFamilies.Contains(family)).ToList();

    internal static IReadOnlyList<ResolvedStandardSet> Resolve(IEnumerable<StandardSet> schools, IEnumerable<StandardSet> trusts)
    {
        var result = new List<ResolvedStandardSet>();
        var school = schools.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var trust = trusts.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var builtIn in BuiltInCareers.StandardSets())
        {
            var hasOwn = school.Remove(builtIn.Code, out var own);
            var hasTrusts = trust.Remove(builtIn.Code, out var trustCopy);
            result.Add(hasOwn ? new(own!, StandardsSource.School)
                : hasTrusts ? new(trustCopy!, StandardsSource.Trust)
                : new(builtIn, StandardsSource.BuiltIn));
        }
        foreach (var own in school.Values.OrderBy(s => s.Name))
        {
            trust.Remove(own.Code);
            result.Add(new(own, StandardsSource.School));
        }
        result.AddRange(trust.Values.OrderBy(s => s.Name).Select(s => new ResolvedStandardSet(s, StandardsSource.Trust)));
        return result;
    }
}
