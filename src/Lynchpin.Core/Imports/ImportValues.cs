using System.Globalization;
using System.Net.Mail;

namespace Lynchpin.Core.Imports;

/// <summary>
/// Reads the kinds of value every import file has (yes/no, ISO dates, decimals, emails) from trimmed cell text,
/// so that every import accepts the same spellings and explains problems the same way.
/// </summary>
public static class ImportValues
{
    public const string IsoDateFormat = "yyyy-MM-dd";

    /// <summary>The spellings accepted for yes/no columns, as listed in messages.</summary>
    public const string YesNoSpellings = "yes, no, true, false, y, n, 1 or 0";

    /// <summary>yes/no/true/false/y/n/1/0 in any case; empty is no.</summary>
    public static bool TryParseYesNo(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "" or "no" or "n" or "false" or "0":
                value = false;
                return true;
            case "yes" or "y" or "true" or "1":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>A date written yyyy-MM-dd (the only unambiguous form: 03/04/2024 is March in the US and April here).</summary>
    public static bool TryParseIsoDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, IsoDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>How the dates an import reads may be written, for messages and help.</summary>
    public const string DateSpellings = "2027-01-10 or 10/01/2027";

    private static readonly string[] UkDateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>
    /// A date written yyyy-mm-dd or, as British schools write it, dd/mm/yyyy (10/01/2027 is 10 January, never October):
    /// both are read the same way in every import that uses this.
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        TryParseIsoDate(text, out date)
        || DateOnly.TryParseExact(text, UkDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A plain decimal number with a point, optionally signed: no thousands separators, no exponent.</summary>
    public static bool TryParseDecimal(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    /// <summary>A positive whole number, such as a URN or a pupil count.</summary>
    public static bool TryParseWholeNumber(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    /// <summary>
    /// A single bare address that <see cref="MailAddress"/> accepts, and that also looks deliverable: one @, a dotted
    /// domain, no spaces or display name (MailAddress alone accepts "Jo &lt;jo@x&gt;" and "jo@localhost").
    /// </summary>
    public static bool IsValidEmail(string text)
    {
        if (text.Length == 0 || text.Any(char.IsWhiteSpace) || text.Count(c => c == '@') != 1)
        {
            return false;
        }
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || address.DisplayName.Length > 0)
        {
            return false;
        }
        var local = address.User;
        var domain = address.Host;
        return local.Length is > 0 and <= 64
            && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..")
            && domain.Contains('.') && !domain.Contains("..")
            && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.StartsWith('-') && !domain.EndsWith('-')
            && domain.All(c => char.IsLetterOrDigit(c) || c is '.' or '-');
    }

    /// <summary>The message for a value longer than its column allows.</summary>
    public static string TooLong(string column, string value, int maxLength) =>
        $"{column} is {value.Length} characters long; it can be at most {maxLength}";

    /// <summary>A text cell that must not be longer than its database column; an error on the row's line when it is.</summary>
    public static string Text(TabularRow row, string column, int maxLength, List<RowError> errors)
    {
        var text = row[column];
        if (text.Length > maxLength)
        {
            errors.Add(new RowError(row.Line, TooLong(column, text, maxLength)));
        }
        return text;
    }
}
