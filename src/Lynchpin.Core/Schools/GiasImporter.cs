using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Schools;

/// <summary>A GIAS import's counts: <see cref="ImportResult.Created"/> and <see cref="ImportResult.Updated"/> count schools.</summary>
public record GiasImportResult(int Created, int Updated, IReadOnlyList<RowError> Errors, int TrustsCreated, int TrustsUpdated)
    : ImportResult(Created, Updated, Errors);

/// <summary>
/// Imports schools and trusts from the DfE's "Get Information About Schools" establishment extract
/// (edubasealldata*.csv, about 50,000 rows and 130 columns), all or nothing.
/// </summary>
/// <remarks>
/// Schools are matched by URN and trusts by <c>Trusts (code)</c>: new ones are added, existing ones updated, and
/// anything not in the file is left alone. GIAS trusts are multi- and single-academy trusts, so new trusts are
/// <see cref="TrustKind.MultiAcademyTrust"/>; an existing trust keeps its kind and takes the file's name. A school with
/// no trust code has left its trust. Closed schools are kept with <see cref="School.IsOpen"/> false, because their
/// staff history still matters. The file may be Windows-1252 (as GIAS publishes it) or UTF-8.
/// </remarks>
public class GiasImporter(LynchpinDbContext db)
    // Every column is required, and a file of headings alone changes nothing (the extract is the whole country).
    : Importer<GiasImporter.Row>(db, new(Columns, [], RowsName: null))
{
    public const string UrnColumn = "URN";
    public const string NameColumn = "EstablishmentName";
    public const string PhaseColumn = "PhaseOfEducation (name)";
    public const string StatusColumn = "EstablishmentStatus (name)";
    public const string PupilsColumn = "NumberOfPupils";
    public const string LocalAuthorityColumn = "LA (name)";
    public const string TrustCodeColumn = "Trusts (code)";
    public const string TrustNameColumn = "Trusts (name)";

    /// <summary>
    /// All eight are required: a file without the trust columns would otherwise take every school out of its trust.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns =
        [UrnColumn, NameColumn, PhaseColumn, StatusColumn, PupilsColumn, LocalAuthorityColumn, TrustCodeColumn, TrustNameColumn];

    private static readonly string[] OpenStatuses = ["Open", "Open, but proposed to close", "Proposed to open"];
    private const string ClosedStatus = "Closed";

    public Task<ImportResult> ImportAsync(Stream file, CancellationToken cancellationToken = default) =>
        RunAsync(new ImportRun(school: null, by: null), () => TabularFile.OpenCsv(file), cancellationToken);

    protected override Row? Parse(TabularRow row, ImportRun run)
    {
        if (ParseRow(row, run.Errors) is not { } parsed)
        {
            return null;
        }
        if (run.EarlierLineOf(parsed.Urn, row.Line) is { } earlier)
        {
            run.Error(row.Line, $"URN {parsed.Urn} is also on line {earlier}");
            return null;
        }
        return parsed;
    }

    protected override Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken) =>
        Task.FromResult<ImportWrite>(ct => WriteAsync(rows, ct));

    private static Row? ParseRow(TabularRow row, List<RowError> errors)
    {
        var before = errors.Count;
        void Error(string message) => errors.Add(new RowError(row.Line, message));

        string? Text(string column, int maxLength)
        {
            var value = row[column];
            if (value.Length > maxLength)
            {
                Error(ImportValues.TooLong(column, value, maxLength));
            }
            return value.Length == 0 ? null : value;
        }

        var urnText = row[UrnColumn];
        if (!ImportValues.TryParseWholeNumber(urnText, out var urn) || urn <= 0)
        {
            Error(urnText.Length == 0 ? "URN is empty; every school needs its URN" : $"URN \"{urnText}\" is not a URN (a whole number such as 100000)");
        }
        var name = Text(NameColumn, School.NameMaxLength);
        if (name is null)
        {
            Error($"{NameColumn} is empty; every school needs a name");
        }

        var status = row[StatusColumn];
        var isOpen = OpenStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);
        if (!isOpen && !status.Equals(ClosedStatus, StringComparison.OrdinalIgnoreCase))
        {
            Error($"{StatusColumn} \"{status}\" is not known; expected Closed, {string.Join(", ", OpenStatuses.Select(s => $"\"{s}\""))}");
        }

        int? pupils = null;
        var pupilsText = row[PupilsColumn];
        if (pupilsText.Length > 0)
        {
            if (ImportValues.TryParseWholeNumber(pupilsText, out var count))
            {
                pupils = count;
            }
            else
            {
                Error($"{PupilsColumn} \"{pupilsText}\" is not a whole number");
            }
        }

        var trustCode = Text(TrustCodeColumn, Trust.CodeMaxLength);
        var trustName = Text(TrustNameColumn, Trust.NameMaxLength);
        if (trustCode is not null && trustName is null)
        {
            Error($"{TrustNameColumn} is empty but {TrustCodeColumn} is {trustCode}; a trust needs a name");
        }

        var phase = Text(PhaseColumn, School.PhaseMaxLength);
        var localAuthority = Text(LocalAuthorityColumn, School.LocalAuthorityMaxLength);
        if (errors.Count > before)
        {
            return null;
        }
        return new Row(row.Line, urn, name!, phase, isOpen, pupils, localAuthority, trustCode, trustName);
    }

    private async Task<ImportResult> WriteAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var trusts = await Db.Trusts.ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var schools = await Db.Schools.ToDictionaryAsync(s => s.Urn, cancellationToken);

        // Detecting changes on every property set across tens of thousands of tracked schools is the slow part of a
        // big import; one DetectChanges before saving finds the same changes.
        var autoDetect = Db.ChangeTracker.AutoDetectChangesEnabled;
        Db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            int trustsCreated = 0, trustsUpdated = 0;
            foreach (var (code, name) in rows.Where(r => r.TrustCode is not null).GroupBy(r => r.TrustCode!)
                .Select(g => (g.Key, g.Last().TrustName!)))
            {
                if (trusts.TryGetValue(code, out var trust))
                {
                    if (trust.Name != name)
                    {
                        trust.Name = name;
                        trustsUpdated++;
                    }
                }
                else
                {
                    trust = new Trust { Code = code, Name = name, Kind = TrustKind.MultiAcademyTrust };
                    Db.Trusts.Add(trust);
                    trusts[code] = trust;
                    trustsCreated++;
                }
            }

            int created = 0, updated = 0, unchanged = 0;
            foreach (var row in rows)
            {
                var trust = row.TrustCode is null ? null : trusts[row.TrustCode];
                if (schools.TryGetValue(row.Urn, out var school))
                {
                    if (row.Matches(school, trust))
                    {
                        unchanged++;
                        continue;
                    }
                    row.ApplyTo(school, trust);
                    updated++;
                }
                else
                {
                    school = new School { Urn = row.Urn, Name = row.Name };
                    row.ApplyTo(school, trust);
                    Db.Schools.Add(school);
                    created++;
                }
            }

            Db.ChangeTracker.DetectChanges();
            await Db.SaveChangesAsync(cancellationToken);
            return new GiasImportResult(created, updated, [], trustsCreated, trustsUpdated) { Unchanged = unchanged };
        }
        finally
        {
            Db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public sealed record Row(int Line, int Urn, string Name, string? Phase, bool IsOpen, int? NumberOfPupils,
        string? LocalAuthority, string? TrustCode, string? TrustName)
    {
        public bool Matches(School school, Trust? trust) =>
            school.Name == Name && school.Phase == Phase && school.IsOpen == IsOpen && school.NumberOfPupils == NumberOfPupils
            && school.LocalAuthority == LocalAuthority && school.TrustId == trust?.Id;

        public void ApplyTo(School school, Trust? trust)
        {
            school.Name = Name;
            school.Phase = Phase;
            school.IsOpen = IsOpen;
            school.NumberOfPupils = NumberOfPupils;
            school.LocalAuthority = LocalAuthority;
            // Through the navigation, so a trust added by this import is linked before it has an id.
            school.Trust = trust;
            if (trust is null)
            {
                school.TrustId = null;
            }
        }
    }
}
