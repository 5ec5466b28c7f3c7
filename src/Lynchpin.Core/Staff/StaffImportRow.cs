using System.Text.RegularExpressions;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using C = Lynchpin.Core.Staff.StaffImportColumns;

namespace Lynchpin.Core.Staff;

/// <summary>
/// A person named in line_manager_ref or coach_ref: a staff_ref of the school being imported, or
/// <c>URN:REF</c> for someone at another school of the same trust.
/// </summary>
public readonly partial record struct StaffReference(int? Urn, string StaffRef)
{
    public static StaffReference Parse(string text)
    {
        var match = UrnPrefix().Match(text);
        return match.Success
            ? new StaffReference(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value.Trim())
            : new StaffReference(null, text);
    }

    public override string ToString() => Urn is null ? StaffRef : $"{Urn}:{StaffRef}";

    // URNs are six digits today; allow a few more so a seven-digit URN doesn't turn into a local ref.
    [GeneratedRegex(@"^(\d{1,9})\s*:\s*(.+)$")]
    private static partial Regex UrnPrefix();
}

/// <summary>One row of a staff file, its values read and checked on their own (references are checked later).</summary>
public sealed class StaffImportRow
{
    // A staff_ref, optionally after a URN and a colon.
    private const int ReferenceMaxLength = StaffMember.StaffRefMaxLength + 10;

    private static readonly string RoleFamilyCodes = string.Join(", ", RoleFamilies.All.Select(f => f.Code()));

    public int Line { get; private init; }
    public string StaffRef { get; private init; } = "";
    public string FirstName { get; private init; } = "";
    public string LastName { get; private init; } = "";
    public string? Email { get; private init; }
    public string JobTitle { get; private init; } = "";
    public RoleFamily RoleFamily { get; private init; }
    public bool Qts { get; private init; }
    public bool Slt { get; private init; }
    public StaffReference? LineManager { get; private init; }
    public StaffReference? Coach { get; private init; }
    public DateOnly? StartDate { get; private init; }
    public DateOnly? LeavingDate { get; private init; }
    public decimal? HoursPerWeek { get; private init; }
    public decimal? WeeksPerYear { get; private init; }

    /// <summary>Reads a row, adding one error per problem; the row is returned either way so its staff_ref still counts.</summary>
    internal static StaffImportRow Parse(TabularRow row, List<RowError> errors)
    {
        var line = row.Line;
        void Error(string message) => errors.Add(new RowError(line, message));

        string Required(string column, int maxLength, string what)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                Error($"{column} is empty; every person needs {what}");
            }
            else if (value.Length > maxLength)
            {
                Error(ImportValues.TooLong(column, value, maxLength));
            }
            return value;
        }

        string? Optional(string column, int maxLength)
        {
            var value = row[column];
            if (value.Length > maxLength)
            {
                Error(ImportValues.TooLong(column, value, maxLength));
            }
            return value.Length == 0 ? null : value;
        }

        bool YesNo(string column)
        {
            var value = row[column];
            if (!ImportValues.TryParseYesNo(value, out var flag))
            {
                Error($"{column} \"{value}\" is not yes or no; use {ImportValues.YesNoSpellings} (empty means no)");
            }
            return flag;
        }

        DateOnly? Date(string column)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                return null;
            }
            if (ImportValues.TryParseDate(value, out var date))
            {
                return date;
            }
            Error($"{column} \"{value}\" is not a date written as 2024-09-01 or 01/09/2024");
            return null;
        }

        decimal? Number(string column, decimal min, decimal max)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                return null;
            }
            if (!ImportValues.TryParseDecimal(value, out var number))
            {
                Error($"{column} \"{value}\" is not a number; write it like 37.5");
                return null;
            }
            if (number < min || number > max)
            {
                Error(FormattableString.Invariant($"{column} {value} is outside the range {min} to {max}"));
                return null;
            }
            // Stored to two decimal places; 32.5 hours over 5 days is fine, 32.333 becomes 32.33.
            return Math.Round(number, 2, MidpointRounding.AwayFromZero);
        }

        StaffReference? Reference(string column)
        {
            var value = Optional(column, ReferenceMaxLength);
            return value is null ? null : StaffReference.Parse(value);
        }

        var staffRef = Required(C.StaffRef, StaffMember.StaffRefMaxLength, "a staff_ref");
        var firstName = Required(C.FirstName, StaffMember.NameMaxLength, "a first name");
        var lastName = Required(C.LastName, StaffMember.NameMaxLength, "a last name");
        var jobTitle = Required(C.JobTitle, StaffMember.JobTitleMaxLength, "a job title");

        var roleFamilyText = row[C.RoleFamily];
        var roleFamily = default(RoleFamily);
        if (roleFamilyText.Length == 0)
        {
            Error($"{C.RoleFamily} is empty; use one of {RoleFamilyCodes}");
        }
        else if (!RoleFamilies.TryParse(roleFamilyText, out roleFamily))
        {
            Error($"{C.RoleFamily} \"{roleFamilyText}\" is not known; use one of {RoleFamilyCodes}");
        }

        var email = Optional(C.Email, StaffMember.EmailMaxLength);
        if (email is not null && email.Length <= StaffMember.EmailMaxLength && !ImportValues.IsValidEmail(email))
        {
            Error($"{C.Email} \"{email}\" is not a valid email address");
        }

        var parsed = new StaffImportRow
        {
            Line = line,
            StaffRef = staffRef,
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            JobTitle = jobTitle,
            RoleFamily = roleFamily,
            Qts = YesNo(C.Qts),
            Slt = YesNo(C.Slt),
            LineManager = Reference(C.LineManagerRef),
            Coach = Reference(C.CoachRef),
            StartDate = Date(C.StartDate),
            LeavingDate = Date(C.LeavingDate),
            HoursPerWeek = Number(C.HoursPerWeek, C.MinHoursPerWeek, C.MaxHoursPerWeek),
            WeeksPerYear = Number(C.WeeksPerYear, C.MinWeeksPerYear, C.MaxWeeksPerYear),
        };
        if (parsed.StartDate is { } start && parsed.LeavingDate is { } leaving && leaving < start)
        {
            Error($"{C.LeavingDate} {Dates.Long(leaving)} is before {C.StartDate} {Dates.Long(start)}");
        }
        return parsed;
    }
}
