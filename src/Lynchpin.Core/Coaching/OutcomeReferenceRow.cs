using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Coaching;

/// <summary>
/// One row of the DfE's "Outcomes for children in need, including children looked after" absence file (CSV as Explore
/// Education Statistics publishes it), kept if it is England's or a local authority's: the year, the area, the social
/// care group and phase, and the measures Lynchpin compares with.
/// </summary>
public sealed record OutcomeReferenceRow(
    int Line, int Year, ReferenceLevel Level, string AreaCode, string? OldLaCode, string? AreaName, string SocialCareGroup,
    string Phase, IReadOnlyList<(string Measure, ReferenceValue Value)> Values)
{
    public const string EnglandCode = "E92000001";
    public const string TotalPhase = "Total";
    /// <summary>The group the DfE's headline figures for looked-after children are given for.</summary>
    public const string LookedAfterGroup = "CLA 12 months at 31 March";

    /// <summary>Overall absence rate, % of possible sessions: attendance is 100 minus it.</summary>
    public const string OverallAbsence = "pt_overall";
    /// <summary>Persistent absence: % of pupils missing 10 % or more of their sessions.</summary>
    public const string PersistentAbsence = "pt_pupils_pa_10_exact";

    public static IReadOnlyList<string> Required { get; } = ["time_period", "geographic_level", "la_name", "new_la_code", "social_care_group"];

    /// <summary>The measures kept (others in the file are ignored), and the optional dimensions read.</summary>
    public static IReadOnlyList<string> Measures { get; } =
        ["t_pupils", OverallAbsence, "pt_sess_authorised", "pt_sess_unauthorised", PersistentAbsence, "pt_pupils_pa_50_exact"];

    public static IReadOnlyList<string> Optional { get; } = [.. Measures, "old_la_code", "country_code", "phase_type_grouping"];

    /// <summary>
    /// Reads one row; null (and no error) for a level Lynchpin does not compare with (regions); null with errors added
    /// for a row that cannot be read.
    /// </summary>
    public static OutcomeReferenceRow? Parse(TabularRow row, IReadOnlySet<string> columns, List<RowError> errors)
    {
        var level = row["geographic_level"].Trim();
        ReferenceLevel kind;
        if (level.Equals("National", StringComparison.OrdinalIgnoreCase))
        {
            kind = ReferenceLevel.National;
        }
        else if (level.Equals("Local authority", StringComparison.OrdinalIgnoreCase))
        {
            kind = ReferenceLevel.LocalAuthority;
        }
        else
        {
            return null;
        }

        var before = errors.Count;
        if (!ReferenceValues.TryParseTimePeriod(row["time_period"], out var year))
        {
            errors.Add(new(row.Line, $"time_period \"{row["time_period"]}\" is not a school year as the DfE writes it, such as 202324 for 2023/24"));
        }

        string areaCode = EnglandCode;
        string? oldCode = null;
        string? name = kind == ReferenceLevel.National ? "England" : Blank(row["la_name"]);
        if (kind == ReferenceLevel.LocalAuthority)
        {
            if (LaCode.TryParse(row["new_la_code"], out var code) && code.Kind == LaCodeKind.New)
            {
                areaCode = code.Value;
            }
            else
            {
                errors.Add(new(row.Line, $"new_la_code \"{row["new_la_code"]}\" is not a local authority's nine-character code, such as E08000012"));
            }
            var old = row["old_la_code"];
            if (old.Length > 0)
            {
                if (LaCode.TryParse(old, out var oldParsed) && oldParsed.Kind == LaCodeKind.Old)
                {
                    oldCode = oldParsed.Value;
                }
                else
                {
                    errors.Add(new(row.Line, $"old_la_code \"{old}\" is not a local authority's three-digit code"));
                }
            }
            if (name is null)
            {
                errors.Add(new(row.Line, "la_name is empty on a local authority row"));
            }
        }
        else if (row["country_code"] is { Length: 9 } country)
        {
            areaCode = country.ToUpperInvariant();
        }

        var group = row["social_care_group"];
        if (group.Length == 0)
        {
            errors.Add(new(row.Line, "social_care_group is empty"));
        }
        else if (group.Length > OutcomeReference.GroupMaxLength)
        {
            errors.Add(new(row.Line, ImportValues.TooLong("social_care_group", group, OutcomeReference.GroupMaxLength)));
        }
        var phase = Blank(row["phase_type_grouping"]) ?? TotalPhase;

        var values = new List<(string, ReferenceValue)>();
        foreach (var measure in Measures.Where(columns.Contains))
        {
            var cell = row[measure];
            if (cell.Length == 0)
            {
                // An empty cell is not a published figure; EES writes a symbol when it withholds one.
                errors.Add(new(row.Line, $"{measure} is empty; the DfE's files give a number or a symbol ({ReferenceValues.SymbolList})"));
            }
            else if (ReferenceValues.TryParse(cell, out var value))
            {
                values.Add((measure, value));
            }
            else
            {
                errors.Add(new(row.Line, $"{measure} \"{cell}\" is not a number or one of the DfE's symbols ({ReferenceValues.SymbolList})"));
            }
        }
        return errors.Count > before
            ? null
            : new OutcomeReferenceRow(row.Line, year, kind, areaCode, oldCode, name, group, phase, values);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
