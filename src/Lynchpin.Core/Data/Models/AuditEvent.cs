namespace Lynchpin.Core.Data.Models;

/// <summary>Where an audited action came from.</summary>
public enum AuditChannel
{
    /// <summary>A page in the browser.</summary>
    Page,
    /// <summary>A call to <c>/api</c>, with a token or the sign-in cookie.</summary>
    Api,
    /// <summary>The command line on the server.</summary>
    Command,
    /// <summary>A scheduled job inside the app (the daily leavers' run, say).</summary>
    Job,
}

/// <summary>
/// One line of the audit trail: who did what, to which record, when and from where. Only ever added to: the app has no
/// way to change or remove a row (see <see cref="Audit.AuditLog"/> and docs/decisions/0007-accounts-sessions-audit.md).
/// </summary>
public class AuditEvent
{
    public const int ActionMaxLength = 100;
    public const int DetailMaxLength = 1000;
    public const int UserNameMaxLength = 256;
    public const int IpAddressMaxLength = 45;
    public const int RecordTypeMaxLength = 50;
    public const int RecordIdMaxLength = 100;

    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The account that acted, or null for the command line, a job, or someone not signed in.</summary>
    public string? UserId { get; set; }
    /// <summary>Who acted as people know them: an account's email, "Command line (user)", or the email tried at a failed sign-in.</summary>
    public required string UserName { get; set; }
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }
    /// <summary>Page, API, command or job; null on rows written before it was recorded.</summary>
    public AuditChannel? Channel { get; set; }
    /// <summary>The client's address, for pages and the API.</summary>
    public string? IpAddress { get; set; }
    /// <summary>The trust the record belongs to, so a trust's admins see their trust's trail.</summary>
    public int? TrustId { get; set; }
    public int? SchoolId { get; set; }
    /// <summary>Whose record it was about.</summary>
    public int? StaffMemberId { get; set; }
    /// <summary>Which record: its kind (<see cref="AuditRecordTypes"/>) and id.</summary>
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The kinds of record an audit row names in <see cref="AuditEvent.RecordType"/>.</summary>
public static class AuditRecordTypes
{
    public const string Account = "account";
    public const string ApiToken = "api-token";
    public const string Trust = "trust";
    public const string School = "school";
    public const string Appraisal = "appraisal";
    public const string Evidence = "evidence";
    public const string ObservationRecord = "observation-record";
    public const string Conversations = "professional-conversations";
    public const string Staff = "staff";
    /// <summary>A person's pay records (the id is their staff record's).</summary>
    public const string Pay = "pay";
    public const string SubjectAccessRequest = "subject-access-request";
}

public static class AuditActions
{
    // Reads of a person's records, one row per page or file shown (dashboards and profiles, which are counts, are not audited).
    public const string AppraisalRead = "appraisal-read";
    public const string EvidenceRead = "evidence-read";
    public const string ObservationRecordRead = "observation-record-read";
    public const string ConversationsRead = "professional-conversations-read";
    public const string PayRecommendationRead = "pay-recommendation-read";
    public const string PayRecommendationRecorded = "pay-recommendation-recorded";
    /// <summary>A person's pay records shown (their pay page); recorded, and imported for a school, below.</summary>
    public const string PayRecordsRead = "pay-records-read";
    public const string PayRecorded = "pay-recorded";
    public const string PayImported = "pay-imported";
    /// <summary>A parity report with its pay figures (group means, small groups suppressed), for a school or a trust.</summary>
    public const string ParityPayRead = "parity-pay-read";

    // Files out and in (Detail names what, and for an import the file and its outcome).
    public const string Exported = "exported";
    public const string Imported = "imported";
    public const string ImportRefused = "import-refused";

    // Signing in and out (Detail says how: password, two-factor, single sign-on).
    public const string SignedIn = "signed-in";
    /// <summary>A sign-in refused: wrong password or code, unknown email (the email tried is the row's user name), disabled account.</summary>
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string SignedOutEverywhere = "signed-out-everywhere";

    // The person's own security.
    public const string PasswordChanged = "password-changed";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorReset = "two-factor-reset";

    // Account administration.
    public const string AccountCreated = "account-created";
    public const string AccountInvited = "account-invited";
    public const string InvitationAccepted = "invitation-accepted";
    public const string AccountChanged = "account-changed";
    public const string PayAccessGranted = "pay-access-granted";
    public const string PayAccessRemoved = "pay-access-removed";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string SignInSettingsChanged = "sign-in-settings-changed";

    // Personal API tokens and calendar feeds.
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string CalendarFeedRevoked = "calendar-feed-revoked";

    // The person's own data and subject access requests.
    public const string OwnDataDownloaded = "own-data-downloaded";
    public const string SubjectAccessLogged = "subject-access-logged";
    public const string SubjectAccessAnswered = "subject-access-answered";

    // Retention (the daily job): a record deleted or anonymised because its period had passed.
    public const string RetentionDeleted = "retention-deleted";
    public const string RetentionAnonymised = "retention-anonymised";
    public const string RetentionSettingsChanged = "retention-settings-changed";
    public const string LegalHoldPlaced = "legal-hold-placed";
    public const string LegalHoldLifted = "legal-hold-lifted";
}
