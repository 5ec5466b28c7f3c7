using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Coaching;

/// <summary>What an outcomes reference import did: the figures, and the local authorities learnt (both codes and name).</summary>
public sealed record OutcomeReferenceImportResult(int Added, int Revised, int AuthoritiesAdded) : ImportResult(Added, Revised, [])
{
    /// <summary>What the import did, for the upload page's banner.</summary>
    public string Describe() =>
        $"Reference figures imported: {Created} added, {Updated} revised, {Unchanged} unchanged; {AuthoritiesAdded} local {(AuthoritiesAdded == 1 ? "authority" : "authorities")} added.";
}

/// <summary>
/// Imports the DfE's "Outcomes for children in need, including children looked after" absence file as Explore Education
/// Statistics publishes it (<c>import outcomes-reference --file F</c>), all or nothing. England's and local authorities'
/// rows are kept (regions are skipped), one figure per measure column; a figure already stored for the same year, area,
/// social care group, phase and measure is replaced, so a revised file corrects the last. Suppressed values keep their
/// symbol. The authorities' two codes and names are learnt, so a pupil's three-digit <c>la_code</c> finds its figures.
/// Public statistics: not for one school, and no pupil is named.
/// </summary>
public class OutcomeReferenceImporter(LynchpinDbContext db, SchoolClock clock)
    : Importer<OutcomeReferenceRow>(db, new(OutcomeReferenceRow.Required, OutcomeReferenceRow.Optional, "figures"))
{
    public Task<ImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(new ImportRun(school: null, by: null), () => TabularFile.Open(file, fileName), cancellationToken);

    protected override OutcomeReferenceRow? Parse(TabularRow row, ImportRun run) => OutcomeReferenceRow.Parse(row, run.Columns, run.Errors);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<OutcomeReferenceRow> rows, CancellationToken cancellationToken)
    {
        if (!OutcomeReferenceRow.Measures.Any(run.Columns.Contains))
        {
            run.Error(1, $"The file has none of the measures Lynchpin compares with: {string.Join(", ", OutcomeReferenceRow.Measures)}");
        }
        foreach (var row in rows)
        {
            if (run.EarlierLineOf((row.Year, row.Level, row.AreaCode, row.SocialCareGroup, row.Phase), row.Line) is { } earlier)
            {
                run.Error(row.Line, $"line {earlier} has the figures for the same year, area, social_care_group and phase_type_grouping; give each once");
            }
        }

        // An authority is known by both codes: a file giving one of them with a different other is wrong, not a new authority.
        var authorities = await Db.LocalAuthorities.ToListAsync(cancellationToken);
        var learnt = new Dictionary<string, (string NewCode, string Name, int Line)>();
        foreach (var row in rows.Where(r => r is { Level: ReferenceLevel.LocalAuthority, OldLaCode: not null }))
        {
            var old = row.OldLaCode!;
            if (learnt.TryGetValue(old, out var seen))
            {
                if (seen.NewCode != row.AreaCode)
                {
                    run.Error(row.Line, $"old_la_code {old} is {seen.NewCode} on line {seen.Line}, not {row.AreaCode}");
                }
                continue;
            }
            var clash = authorities.FirstOrDefault(a => (a.OldCode == old) != (a.NewCode == row.AreaCode));
            if (clash is not null)
            {
                run.Error(row.Line, $"old_la_code {old} with new_la_code {row.AreaCode} does not match the stored {clash.Name} ({clash.OldCode}, {clash.NewCode})");
                continue;
            }
            learnt[old] = (row.AreaCode, row.AreaName!, row.Line);
        }

        var years = rows.Select(r => r.Year).Distinct().ToList();
        var stored = (await Db.OutcomeReferences.Where(r => years.Contains(r.Year)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Year, r.Level, r.AreaCode, r.SocialCareGroup, r.Phase, r.Measure));
        return async ct =>
        {
            int created = 0, updated = 0, unchanged = 0;
            var now = clock.UtcNow;
            foreach (var row in rows)
            {
                foreach (var (measure, value) in row.Values)
                {
                    if (!stored.TryGetValue((row.Year, row.Level, row.AreaCode, row.SocialCareGroup, row.Phase, measure), out var figure))
                    {
                        Db.OutcomeReferences.Add(new OutcomeReference
                        {
                            Year = row.Year,
                            Level = row.Level,
                            AreaCode = row.AreaCode,
                            OldLaCode = row.OldLaCode,
                            AreaName = row.AreaName,
                            SocialCareGroup = row.SocialCareGroup,
                            Phase = row.Phase,
                            Measure = measure,
                            Value = value.Value,
                            Symbol = value.Symbol,
                            ImportedAt = now,
                        });
                        created++;
                    }
                    else if (figure.Value == value.Value && figure.Symbol == value.Symbol && figure.AreaName == row.AreaName && figure.OldLaCode == row.OldLaCode)
                    {
                        unchanged++;
                    }
                    else
                    {
                        (figure.Value, figure.Symbol, figure.AreaName, figure.OldLaCode, figure.ImportedAt) = (value.Value, value.Symbol, row.AreaName, row.OldLaCode, now);
                        updated++;
                    }
                }
            }
            var added = 0;
            foreach (var (old, (newCode, name, _)) in learnt)
            {
                if (authorities.FirstOrDefault(a => a.OldCode == old) is { } known)
                {
                    known.Name = name;
                }
                else
                {
                    Db.LocalAuthorities.Add(new LocalAuthority { OldCode = old, NewCode = newCode, Name = name });
                    added++;
                }
            }
            await Db.SaveChangesAsync(ct);
            return new OutcomeReferenceImportResult(created, updated, added) { Unchanged = unchanged };
        };
    }
}
