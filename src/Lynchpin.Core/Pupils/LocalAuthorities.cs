namespace Lynchpin.Core.Pupils;

/// <summary>The local authorities known by both codes (learnt from the published reference files), as <see cref="LaCodes"/>.</summary>
public static class LocalAuthorities
{
    public static async Task<LaCodes> CodesAsync(LynchpinDbContext db, CancellationToken cancellationToken = default) =>
        new((await db.LocalAuthorities.AsNoTracking().Select(a => new { a.OldCode, a.NewCode }).ToListAsync(cancellationToken))
            .Select(a => (a.OldCode, a.NewCode)));

    /// <summary>The authority's name, for either code, or null when it is not known.</summary>
    public static Task<string?> NameAsync(LynchpinDbContext db, string? code, CancellationToken cancellationToken = default) =>
        code is null ? Task.FromResult<string?>(null)
            : db.LocalAuthorities.Where(a => a.OldCode == code || a.NewCode == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
}
