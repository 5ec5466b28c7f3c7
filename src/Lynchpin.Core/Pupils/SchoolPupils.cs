using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Pupils;

/// <summary>
/// The pupils of one school by UPN, for imports whose rows name a pupil (attendance, exclusions): the UPN read from its
/// cell, and an error for one that names no pupil of the school.
/// </summary>
public sealed class SchoolPupils
{
    public const string UpnColumn = "upn";

    private readonly Dictionary<string, int> ids;

    private SchoolPupils(Dictionary<string, int> ids) => this.ids = ids;

    public static async Task<SchoolPupils> LoadAsync(LynchpinDbContext db, int schoolId, CancellationToken cancellationToken) =>
        new(await db.Pupils.Where(p => p.SchoolId == schoolId).ToDictionaryAsync(p => p.Upn, p => p.Id, cancellationToken));

    /// <summary>The row's UPN, upper-cased; an error (and an empty string) when it is not a UPN.</summary>
    public static string Upn(TabularRow row, List<RowError> errors)
    {
        var upn = Pupils.Upn.Normalise(row[UpnColumn]);
        if (Pupils.Upn.Problem(upn) is { } problem)
        {
            errors.Add(new(row.Line, $"upn \"{row[UpnColumn]}\": {problem}"));
            return "";
        }
        return upn;
    }

    /// <summary>The pupil's id, or null with an error on the line when no pupil of the school has the UPN.</summary>
    public int? IdOf(string upn, int line, ImportRun run)
    {
        if (ids.TryGetValue(upn, out var id))
        {
            return id;
        }
        run.Error(line, $"upn {upn} is not a pupil of {run.School.Name}; import the school's pupils first");
        return null;
    }
}

/// <summary>Cells the pupil imports read the same way: a required date and a count of sessions.</summary>
internal static class ImportCells
{
    /// <summary>A date written yyyy-mm-dd; an empty cell is null, and an error unless <paramref name="required"/> is false.</summary>
    public static DateOnly? Date(TabularRow row, string column, List<RowError> errors, bool required = true)
    {
        var text = row[column].Trim();
        if (ImportValues.TryParseIsoDate(text, out var date))
        {
            return date;
        }
        if (text.Length > 0 || required)
        {
            errors.Add(new(row.Line, text.Length == 0 ? $"{column} is empty; write the date like 2025-09-01" : $"{column} \"{text}\" is not a date written like 2025-09-01"));
        }
        return null;
    }

    public static int? Count(TabularRow row, string column, List<RowError> errors)
    {
        var text = row[column].Trim();
        if (ImportValues.TryParseWholeNumber(text, out var number) && number <= 1000)
        {
            return number;
        }
        errors.Add(new(row.Line, $"{column} \"{text}\" is not a number of sessions from 0 to 1000"));
        return null;
    }
}
