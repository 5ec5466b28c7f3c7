using System.Globalization;
using System.Text;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Audit;

/// <summary>A kind of audit row the trail can be filtered by: a group of <see cref="AuditActions"/>.</summary>
public sealed record AuditKind(string Key, string Name, IReadOnlyList<string> Actions);

/// <summary>What the audit page and <c>GET /api/audit</c> ask for; every part optional. Dates are the schools' (UK) days, inclusive.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? Actor = null, string? Kind = null)
{
    public bool IsEmpty => From is null && To is null && string.IsNullOrWhiteSpace(Actor) && string.IsNullOrWhiteSpace(Kind);
}

/// <summary>Rows newest first, and whether more matched than were returned.</summary>
public sealed record AuditRows(IReadOnlyList<AuditEvent> Rows, bool More);

/// <summary>
/// Reads a trust's audit trail for its admins: the rows about the trust, its schools and their people and accounts (a
/// failed sign-in for one of its accounts included; one for an email no account has belongs to no trust). Only reads: nothing in the app
/// changes or removes a row (<see cref="LynchpinDbContext"/> refuses to save such a change).
/// </summary>
public sealed class AuditTrail(LynchpinDbContext db)
{
    /// <summary>How many rows a page or an API answer holds at most; the CSV holds up to <see cref="CsvLimit"/>.</summary>
    public const int PageLimit = 200;
    public const int CsvLimit = 50_000;
    public const int ActorMaxLength = AuditEvent.UserNameMaxLength;

    public static readonly IReadOnlyList<AuditKind> Kinds =
    [
        new("reads", "Reads of a person's records",
            [AuditActions.AppraisalRead, AuditActions.EvidenceRead, AuditActions.ObservationRecordRead, AuditActions.PayRecommendationRead,
                AuditActions.PayRecordsRead]),
        new("pay", "Pay read, recorded or imported",
        [
            AuditActions.PayRecommendationRead, AuditActions.PayRecommendationRecorded, AuditActions.PayRecordsRead, AuditActions.PayRecorded,
            AuditActions.PayImported, AuditActions.ParityPayRead,
        ]),
        new("files", "Exports and imports", [AuditActions.Exported, AuditActions.Imported, AuditActions.ImportRefused]),
        new("sign-ins", "Signing in and out",
            [AuditActions.SignedIn, AuditActions.SignInFailed, AuditActions.LockedOut, AuditActions.SignedOut, AuditActions.SignedOutEverywhere]),
        new("failures", "Failed sign-ins and lockouts", [AuditActions.SignInFailed, AuditActions.LockedOut]),
        new("accounts", "Accounts, roles and passwords",
        [
            AuditActions.AccountCreated, AuditActions.AccountInvited, AuditActions.InvitationAccepted, AuditActions.AccountChanged,
            AuditActions.PayAccessGranted, AuditActions.PayAccessRemoved, AuditActions.AccountDisabled, AuditActions.AccountEnabled,
            AuditActions.SignInSettingsChanged, AuditActions.PasswordChanged, AuditActions.PasswordResetRequested, AuditActions.PasswordReset,
            AuditActions.TwoFactorEnabled, AuditActions.TwoFactorReset,
        ]),
        new("tokens", "API tokens and calendar feeds", [AuditActions.TokenCreated, AuditActions.TokenRevoked, AuditActions.CalendarFeedRevoked]),
    ];

    /// <summary>
    /// The filter as typed in a query string (dates yyyy-mm-dd), and its problems by the name of the field (<c>From</c>,
    /// <c>To</c>, <c>Actor</c>, <c>Kind</c>): the page and the API read it the same way.
    /// </summary>
    public static (AuditFilter Filter, IReadOnlyList<FieldError> Errors) Read(string? from, string? to, string? actor, string? kind)
    {
        var errors = new List<FieldError>();
        DateOnly? Date(string? text, string field, string which)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (ImportValues.TryParseIsoDate(text.Trim(), out var date))
            {
                if (Dates.InRange(date))
                {
                    return date;
                }
                errors.Add(new FieldError(field, $"The {which} date must be between {Dates.Long(Dates.Earliest)} and {Dates.Long(Dates.Latest)}"));
                return null;
            }
            errors.Add(new FieldError(field, $"The {which} date must be a real date written as yyyy-mm-dd, such as 2026-09-01"));
            return null;
        }
        var filter = new AuditFilter(Date(from, nameof(AuditFilter.From), "start"), Date(to, nameof(AuditFilter.To), "end"),
            string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(), string.IsNullOrWhiteSpace(kind) ? null : kind.Trim());
        errors.AddRange(Check(filter));
        return (filter, errors);
    }

    private static List<FieldError> Check(AuditFilter filter)
    {
        var errors = new List<FieldError>();
        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            errors.Add(new FieldError(nameof(AuditFilter.To), "The end date must be the same as or after the start date"));
        }
        if (filter.Actor?.Trim().Length > ActorMaxLength)
        {
            errors.Add(new FieldError(nameof(AuditFilter.Actor), $"Who must be {ActorMaxLength} characters or fewer"));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind) && ActionsOf(filter.Kind) is null)
        {
            errors.Add(new FieldError(nameof(AuditFilter.Kind),
                $"Choose a kind: {string.Join(", ", Kinds.Select(k => k.Key))}, or one action such as {AuditActions.SignInFailed}"));
        }
        return errors;
    }

    /// <summary>The trust's rows that match, newest first, at most <paramref name="limit"/>. <see cref="Read"/> the filter first.</summary>
    public async Task<AuditRows> FindAsync(int trustId, AuditFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var schools = db.Schools.Where(s => s.TrustId == trustId).Select(s => s.Id);
        // A row about an account carries the account's trust and school (AuditSubject.Account), so this finds its sign-ins too.
        var rows = db.AuditEvents.AsNoTracking().Where(e => e.TrustId == trustId || (e.SchoolId != null && schools.Contains(e.SchoolId.Value)));
        if (filter.From is { } from)
        {
            var start = SchoolClock.UtcStartOf(from);
            rows = rows.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = SchoolClock.UtcStartOf(to.AddDays(1));
            rows = rows.Where(e => e.At < end);
        }
        if (filter.Actor?.Trim().ToLowerInvariant() is { Length: > 0 } actor)
        {
            rows = rows.Where(e => e.UserName.ToLower().Contains(actor) || e.UserId == actor);
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind) && ActionsOf(filter.Kind) is { } actions)
        {
            rows = rows.Where(e => actions.Contains(e.Action));
        }
        var found = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return new AuditRows(found.Take(limit).ToList(), found.Count > limit);
    }

    /// <summary>A kind's actions, or the one action named; null when it is neither.</summary>
    public static IReadOnlyList<string>? ActionsOf(string kind)
    {
        var key = kind.Trim().ToLowerInvariant();
        return Kinds.FirstOrDefault(k => k.Key == key)?.Actions
            ?? (AllActions.Contains(key) ? [key] : null);
    }

    private static readonly HashSet<string> AllActions =
        typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> CsvColumns =
        ["at_utc", "actor", "actor_account", "channel", "ip_address", "action", "record_type", "record_id", "staff_member_id", "school_id", "detail"];

    /// <summary>The rows as CSV, every cell <see cref="SpreadsheetText">neutralised</see> so a spreadsheet runs none as a formula.</summary>
    public static byte[] Csv(IEnumerable<AuditEvent> rows) =>
        Encoding.UTF8.GetBytes(SpreadsheetText.Csv(CsvColumns, rows.Select(e => (IReadOnlyList<string?>)
        [
            e.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.UserName, e.UserId, e.Channel?.ToString(), e.IpAddress,
            e.Action, e.RecordType, e.RecordId, e.StaffMemberId?.ToString(CultureInfo.InvariantCulture),
            e.SchoolId?.ToString(CultureInfo.InvariantCulture), e.Detail,
        ])));
}
