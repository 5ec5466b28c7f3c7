using System.Text;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Careers;

/// <summary>A qualification in the catalogue, built in or the school's (or trust's) own.</summary>
public sealed record Qualification(
    string Code,
    string Name,
    string? AwardingBody,
    int? Level,
    QualificationKind Kind,
    bool QtsNeeded,
    bool Funded,
    bool Historic,
    int? ValidForMonths,
    IReadOnlyList<string> Aliases,
    bool IsOwn)
{
    /// <summary>
    /// Counts towards "holds a level-3+ qualification": an RQF level of 3 or more, licences aside (a first-aid
    /// certificate at level 3 says nothing about a person's education).
    /// </summary>
    public bool IsLevel3Plus => Level >= 3 && Kind != QualificationKind.Licence;

    public static Qualification FromOwn(OwnQualification own) => new(
        own.Code, own.Name, own.AwardingBody, own.Level, own.Kind, own.QtsNeeded, own.Funded, own.Historic, own.ValidForMonths, [], IsOwn: true);
}

/// <summary>
/// The qualifications a school can name: the built-in catalogue, then its trust's and its own entries. Names and
/// codes are matched case-insensitively, ignoring spacing and a trailing "(CODE)", so a file's "HLTA status",
/// "hlta" and "Diploma of School Business Management" all find their entry.
/// </summary>
public sealed class QualificationCatalogue
{
    public const string OwnCodePrefix = "OWN-";

    private readonly Dictionary<string, Qualification> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Qualification> _byCode = new(StringComparer.OrdinalIgnoreCase);

    public QualificationCatalogue(IEnumerable<Qualification> entries)
    {
        All = entries.ToList();
        foreach (var entry in All)
        {
            _byCode.TryAdd(entry.Code, entry);
            foreach (var key in Keys(entry))
            {
                _byKey.TryAdd(key, entry);
            }
        }
    }

    public static QualificationCatalogue BuiltIn { get; } = new(BuiltInCareers.Qualifications);

    /// <summary>The built-in catalogue with a school's and its trust's own entries.</summary>
    public static QualificationCatalogue With(IEnumerable<OwnQualification> own) =>
        new(BuiltInCareers.Qualifications.Concat(own.Select(Qualification.FromOwn)));

    public IReadOnlyList<Qualification> All { get; }

    public Qualification? ByCode(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var q) ? q : null;

    /// <summary>The entry a name or short code means, or null if none.</summary>
    public Qualification? Find(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode))
        {
            return null;
        }
        return ByCode(nameOrCode) ?? (_byKey.TryGetValue(Normalise(nameOrCode), out var q) ? q : null);
    }

    /// <summary>
    /// A code for a new own entry made from its name (<c>OWN-FORKLIFT-LICENCE</c>), not yet used in this catalogue.
    /// </summary>
    public string NewOwnCode(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var stem = OwnCodePrefix + slug.ToString().Trim('-');
        stem = stem[..Math.Min(stem.Length, OwnQualification.CodeMaxLength - 4)].TrimEnd('-');
        var code = stem;
        for (var n = 2; _byCode.ContainsKey(code); n++)
        {
            code = $"{stem}-{n}";
        }
        return code;
    }

    private static IEnumerable<string> Keys(Qualification q)
    {
        yield return Normalise(q.Code);
        yield return Normalise(q.Name);
        var bracket = q.Name.LastIndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0 && q.Name.EndsWith(')'))
        {
            yield return Normalise(q.Name[..bracket]);
        }
        foreach (var alias in q.Aliases)
        {
            yield return Normalise(alias);
        }
    }

    /// <summary>Lower case, one space between words, no punctuation but what joins words.</summary>
    internal static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/' or '_')
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
        }
        return result.ToString().TrimEnd();
    }
}
