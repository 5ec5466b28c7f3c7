using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Careers;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Privacy;

/// <summary>Whose data to gather: a staff record, an account, or both (an account linked to its staff record).</summary>
public sealed record DataSubject(StaffMember? Staff, AppUser? Account)
{
    public string Name => Staff?.FullName ?? Account?.Email ?? "Unknown";
}

/// <summary>
/// "Everything held about me": one ZIP with a JSON and a CSV file per kind of record and a readable summary.html. Only
/// rows about the subject are read — their staff record, their assessments, appraisals and observations of them, their
/// qualifications, standards ratings, career steps, CPD (activities attended, requests, evaluations), pay records, their
/// account, sessions, API tokens and calendar feeds (metadata: no token, no token hash, no password hash) and the audit
/// rows naming them. Pay (records and recommendations) is left out when the caller may not read it (an admin answering a
/// subject access request without pay access to the person), and the summary says so.
/// The download itself is audited by the caller's <see cref="AuditLog"/> (as the person's own or as a subject access request).
/// </summary>
public sealed class PersonalDataExport(LynchpinDbContext db, SchoolClock clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The subject for an account (and its staff record, if linked).</summary>
    public async Task<DataSubject> ForAccountAsync(string userId, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleOrDefaultAsync(s => s.Id == account.StaffMemberId, ct);
        return new(staff, account);
    }

    /// <summary>The subject for a staff record (and the account linked to it, if any).</summary>
    public async Task<DataSubject> ForStaffAsync(int staffMemberId, CancellationToken ct)
    {
        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleAsync(s => s.Id == staffMemberId, ct);
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.StaffMemberId == staffMemberId, ct);
        return new(staff, account);
    }

    /// <summary>The ZIP; <paramref name="includePay"/> false leaves out the pay sections and says so in the summary.</summary>
    public async Task<byte[]> ZipAsync(DataSubject subject, bool includePay, CancellationToken ct)
    {
        var sections = await GatherAsync(subject, includePay, ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var section in sections)
            {
                Write(zip, $"{section.File}.json", JsonSerializer.Serialize(section.Rows, section.RowType, Json));
                Write(zip, $"{section.File}.csv", Csv(section));
            }
            Write(zip, "summary.html", Summary(subject, sections, includePay));
        }
        return buffer.ToArray();
    }

    private sealed record Section(string File, string Title, Type RowType, System.Collections.IList Rows);

    private static Section Of<T>(string file, string title, List<T> rows) => new(file, title, typeof(List<T>), rows);

    /// <summary>The file names of the pay sections, left out without pay access.</summary>
    public static readonly IReadOnlyList<string> PayFiles = ["pay-recommendations", "pay-records"];

    private async Task<List<Section>> GatherAsync(DataSubject subject, bool includePay, CancellationToken ct)
    {
        var staffId = subject.Staff?.Id;
        var userId = subject.Account?.Id;
        var sections = new List<Section>();

        if (subject.Staff is { } s)
        {
            sections.Add(Of("staff-record", "Staff record", [new StaffRow(s.StaffRef, s.FirstName, s.LastName, s.Email, s.JobTitle,
                s.RoleFamily.ToString(), s.Qts, s.Slt, s.StartDate, s.LeavingDate, s.HoursPerWeek, s.WeeksPerYear, s.School?.Name,
                s.LineManagerId, s.CoachId)]));
            sections.Add(Of("assessments", "Progression assessments", await db.Assessments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId).OrderBy(a => a.Year).ThenBy(a => a.Checkpoint).ThenBy(a => a.Version)
                .Select(a => new AssessmentRow(a.Year, a.Checkpoint, a.Stage, a.AssessedOn, a.Assessor == null ? null : a.Assessor.FirstName + " " + a.Assessor.LastName,
                    a.CriteriaMet, a.Note, a.Reflection, a.Version, a.IsCurrent, a.RecordedAt, a.RecordedByName))
                .ToListAsync(ct)));
            sections.Add(Of("objectives", "Appraisal objectives", await db.Objectives.AsNoTracking()
                .Where(o => o.Appraisal.StaffMemberId == staffId).OrderBy(o => o.Appraisal.Cycle.Year).ThenBy(o => o.SortOrder)
                .Select(o => new ObjectiveRow(o.Appraisal.Cycle.Year, o.Title, o.SuccessCriteria, o.Type.ToString(), o.SchoolPriority, o.PupilGroup,
                    o.Measure, o.Baseline, o.Target, o.Appraisal.ObjectivesStatus.ToString(), o.SupportPlan == null ? null : o.SupportPlan.Actions))
                .ToListAsync(ct)));
            sections.Add(Of("reviews", "Appraisal reviews", await db.AppraisalReviews.AsNoTracking()
                .Where(r => r.Appraisal.StaffMemberId == staffId).OrderBy(r => r.Appraisal.Cycle.Year).ThenBy(r => r.Kind).ThenBy(r => r.Version)
                .Select(r => new ReviewRow(r.Appraisal.Cycle.Year, r.Kind.ToString(), r.Version, r.IsCurrent, r.AppraiserComments, r.AppraiseeComments,
                    r.OverallComments, r.Reflection, r.AppraiserSignedAt, r.AppraiserSignedByName, r.AppraiseeSignedAt, r.ReopenedAt, r.ReopenReason, r.RecordedAt,
                    r.Ratings.Select(x => x.Objective.Title + ": " + x.Rating.ToString()).ToList()))
                .ToListAsync(ct)));
            if (includePay)
            {
                sections.Add(Of("pay-recommendations", "Pay recommendations", await db.PayRecommendations.AsNoTracking()
                    .Where(p => p.Appraisal.StaffMemberId == staffId).OrderBy(p => p.RecordedAt)
                    .Select(p => new PayRow(p.Appraisal.Cycle.Year, p.Text, p.RecordedAt)).ToListAsync(ct)));
                sections.Add(Of("pay-records", "Pay records by school year", await db.PayRecords.AsNoTracking()
                    .Where(p => p.StaffMemberId == staffId).OrderBy(p => p.Year)
                    .Select(p => new PayRecordRow(p.Year, p.Scale, p.Point, p.FteSalary, p.HoursPerWeek, p.WeeksPerYear, p.RecordedAt, p.RecordedByName))
                    .ToListAsync(ct)));
            }
            sections.Add(Of("observations", "Observations of you", await db.ObservationRecords.AsNoTracking()
                .Where(o => o.ObserveeId == staffId).OrderBy(o => o.Date)
                .Select(o => new ObservationRow(o.Date, o.Kind.ToString(), o.Observer.FirstName + " " + o.Observer.LastName, o.Period, o.Class, o.Subject,
                    o.YearGroup, o.Questions, o.Answers, o.Notes, o.Judgement, o.SharedWithObservee, o.CreatedAt))
                .ToListAsync(ct)));
            sections.Add(Of("evidence", "Appraisal evidence (the list; files are downloaded from the appraisal)", await db.Evidence.AsNoTracking()
                .Where(e => e.Review.Appraisal.StaffMemberId == staffId).OrderBy(e => e.UploadedAt)
                .Select(e => new EvidenceRow(e.Review.Appraisal.Cycle.Year, e.Review.Kind.ToString(), e.FileName, e.ContentType, e.Length, e.Link, e.UploadedAt, e.UploadedByName))
                .ToListAsync(ct)));
            sections.AddRange(await CareerSectionsAsync(s, ct));
        }

        if (subject.Account is { } a)
        {
            sections.Add(Of("account", "Account", [new AccountRow(a.Email, a.Role.ToString(), a.PayAccess, a.TwoFactorEnabled, a.DisabledAt, a.DisabledReason,
                a.InvitedAt, a.LastSignInAt)]));
            sections.Add(Of("sessions", "Sign-in sessions", await db.UserSessions.AsNoTracking()
                .Where(x => x.UserId == userId).OrderBy(x => x.CreatedAt)
                .Select(x => new SessionRow(x.CreatedAt, x.LastSeenAt, x.EndedAt, x.IpAddress, x.UserAgent, x.Method)).ToListAsync(ct)));
            sections.Add(Of("api-tokens", "API tokens (names and dates; never the token)", await db.ApiTokens.AsNoTracking()
                .Where(x => x.UserId == userId).OrderBy(x => x.CreatedAt)
                .Select(x => new TokenRow(x.Name, x.Prefix, x.Scope.ToString(), x.CreatedAt, x.ExpiresAt, x.LastUsedAt, x.RevokedAt)).ToListAsync(ct)));
        }

        sections.Add(Of("calendar-feeds", "Calendar feeds (when each was made; never its secret address)", await db.CalendarFeedTokens.AsNoTracking()
            .Where(t => (staffId != null && t.StaffMemberId == staffId) || (userId != null && t.UserId == userId)).OrderBy(t => t.CreatedAt)
            .Select(t => new CalendarFeedRow(t.StaffMemberId != null ? "The feed of your staff record" : "The feed of your account", t.CreatedAt)).ToListAsync(ct)));

        sections.Add(Of("audit", "Audit trail: what was done to or by you", await db.AuditEvents.AsNoTracking()
            .Where(e => (staffId != null && e.StaffMemberId == staffId) || (userId != null && (e.UserId == userId
                || (e.RecordType == AuditRecordTypes.Account && e.RecordId == userId))))
            .OrderBy(e => e.Id)
            .Select(e => new AuditRow(e.At, e.UserName, e.Action, e.Channel == null ? null : e.Channel.ToString(), e.IpAddress, e.RecordType, e.RecordId, e.Detail))
            .ToListAsync(ct)));
        return sections;
    }

    /// <summary>Qualifications (named from the school's catalogue), standards ratings, career steps and CPD.</summary>
    private async Task<List<Section>> CareerSectionsAsync(StaffMember staff, CancellationToken ct)
    {
        var trustId = staff.School?.TrustId;
        var catalogue = QualificationCatalogue.With(await db.OwnQualifications.AsNoTracking()
            .Where(q => q.SchoolId == staff.SchoolId || (trustId != null && q.TrustId == trustId)).ToListAsync(ct));
        var qualifications = await db.PersonQualifications.AsNoTracking().Where(q => q.StaffMemberId == staff.Id).OrderBy(q => q.QualificationCode).ToListAsync(ct);
        return
        [
            Of("qualifications", "Qualifications", qualifications.Select(q => new QualificationRow(q.QualificationCode,
                catalogue.ByCode(q.QualificationCode)?.Name ?? q.QualificationCode, q.Held, q.GainedOn, q.InProgress, q.ExpectedOn, q.RequiredBy, q.Note,
                q.EvidenceFileName, q.UpdatedAt, q.UpdatedByName)).ToList()),
            Of("standard-ratings", "Ratings against professional standards", await db.StandardAssessments.AsNoTracking()
                .Where(a => a.StaffMemberId == staff.Id).OrderBy(a => a.AssessedOn).ThenBy(a => a.SetCode).ThenBy(a => a.StandardCode)
                .Select(a => new StandardRatingRow(a.SetCode, a.StandardCode, a.Rating.ToString(), a.By.ToString(), a.AssessedOn, a.Note,
                    a.Objective == null ? null : a.Objective.Title, a.RecordedAt, a.RecordedByName))
                .ToListAsync(ct)),
            Of("career-steps", "Career pathway steps", await db.CareerSteps.AsNoTracking()
                .Where(c => c.StaffMemberId == staff.Id).OrderBy(c => c.StartedOn)
                .Select(c => new CareerStepRow(c.PathwayCode, c.StepCode, c.StartedOn, c.EndedOn, c.AimStepCode)).ToListAsync(ct)),
            Of("cpd-activities", "CPD you attended", await db.CpdAttendances.AsNoTracking()
                .Where(a => a.StaffMemberId == staff.Id).OrderBy(a => a.Activity.StartDate).ThenBy(a => a.Id)
                .Select(a => new CpdActivityRow(a.Activity.Title, a.Activity.Kind.ToString(), a.Activity.Provider, a.Activity.StartDate, a.Activity.EndDate,
                    a.Hours, a.Cost, a.Objective == null ? null : a.Objective.Title, a.StandardSetCode, a.StandardCode, a.CriterionText, a.Activity.RecordedAt))
                .ToListAsync(ct)),
            Of("cpd-requests", "CPD you asked for", await db.CpdRequests.AsNoTracking()
                .Where(r => r.StaffMemberId == staff.Id).OrderBy(r => r.RequestedAt)
                .Select(r => new CpdRequestRow(r.Title, r.Kind.ToString(), r.Provider, r.StartDate, r.EndDate, r.Hours, r.Cost, r.Reason, r.Status.ToString(),
                    r.RequestedAt, r.LineManagerName, r.LineManagerDecidedAt, r.BudgetHolderName, r.BudgetDecidedAt, r.DeclinedReason))
                .ToListAsync(ct)),
            Of("cpd-evaluations", "Your evaluations of CPD", await db.CpdEvaluations.AsNoTracking()
                .Where(e => e.Attendance.StaffMemberId == staff.Id).OrderBy(e => e.EvaluatedOn)
                .Select(e => new CpdEvaluationRow(e.Attendance.Activity.Title, e.Reaction.ToString(), e.Learning.ToString(), e.UseInPractice.ToString(),
                    e.EffectOnPupils.ToString(), e.Comment, e.EvaluatedOn, e.LineManagerView, e.LineManagerName, e.LineManagerViewOn))
                .ToListAsync(ct)),
        ];
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(text);
    }

    private static PropertyInfo[] Columns(Type rowType) => rowType.GetGenericArguments()[0].GetProperties();

    private static string Csv(Section section)
    {
        var columns = Columns(section.RowType);
        return SpreadsheetText.Csv(columns.Select(c => c.Name).ToList(),
            section.Rows.Cast<object>().Select(row => (IReadOnlyList<string?>)columns.Select(c => Text(c.GetValue(row))).ToList()));
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join("; ", list),
        _ => value.ToString() ?? "",
    };

    private string Summary(DataSubject subject, List<Section> sections, bool includePay)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Data held about {{H(subject.Name)}}</title>
            <style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #b1b4b6;padding:4px 8px;text-align:left;vertical-align:top}</style>
            </head><body>
            <h1>Data held about {{H(subject.Name)}}</h1>
            <p>Produced by Lynchpin on {{clock.Today:d MMMM yyyy}}. Each section is also in this folder as a JSON and a CSV file.</p>

            """);
        if (!includePay && subject.Staff is not null)
        {
            html.Append("<p><strong>Pay records and pay recommendations are not included</strong>: the account that downloaded this has no pay access to this person. An administrator with pay access adds them.</p>\n");
        }
        foreach (var section in sections)
        {
            var columns = Columns(section.RowType);
            html.Append(CultureInfo.InvariantCulture, $"<h2>{H(section.Title)}</h2>\n");
            if (section.Rows.Count == 0)
            {
                html.Append("<p>None.</p>\n");
                continue;
            }
            html.Append("<table><thead><tr>");
            foreach (var c in columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th>{H(c.Name)}</th>");
            }
            html.Append("</tr></thead><tbody>\n");
            foreach (var row in section.Rows)
            {
                html.Append("<tr>");
                foreach (var c in columns)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{H(Text(c.GetValue(row)))}</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private sealed record StaffRow(string StaffRef, string FirstName, string LastName, string? Email, string JobTitle, string RoleFamily, bool Qts, bool Slt,
        DateOnly? StartDate, DateOnly? LeavingDate, decimal? HoursPerWeek, decimal? WeeksPerYear, string? School, int? LineManagerId, int? CoachId);
    private sealed record AssessmentRow(int Year, int Checkpoint, int Stage, DateOnly AssessedOn, string? Assessor, List<string> CriteriaMet, string? Note,
        string? Reflection, int Version, bool IsCurrent, DateTime RecordedAt, string? RecordedBy);
    private sealed record ObjectiveRow(int Year, string Title, string SuccessCriteria, string Type, string? SchoolPriority, string? PupilGroup,
        string? Measure, string? Baseline, string? Target, string Status, string? SupportPlan);
    private sealed record ReviewRow(int Year, string Kind, int Version, bool IsCurrent, string? AppraiserComments, string? AppraiseeComments,
        string? OverallComments, string? Reflection, DateTime? AppraiserSignedAt, string? AppraiserSignedBy, DateTime? AppraiseeSignedAt,
        DateTime? ReopenedAt, string? ReopenReason, DateTime RecordedAt, List<string> Ratings);
    private sealed record PayRow(int Year, string Recommendation, DateTime RecordedAt);
    private sealed record ObservationRow(DateOnly Date, string Kind, string Observer, string? Period, string? Class, string? Subject, string? YearGroup,
        List<string> Questions, List<string> Answers, string? Notes, string? Judgement, bool SharedWithYou, DateTime CreatedAt);
    private sealed record EvidenceRow(int Year, string Review, string? FileName, string? ContentType, long? Length, string? Link, DateTime UploadedAt, string? UploadedBy);
    private sealed record AccountRow(string? Email, string Role, bool PayAccess, bool TwoFactor, DateTime? DisabledAt, string? DisabledReason,
        DateTime? InvitedAt, DateTime? LastSignInAt);
    private sealed record SessionRow(DateTime Started, DateTime LastSeen, DateTime? Ended, string? IpAddress, string? Browser, string Method);
    private sealed record TokenRow(string Name, string Prefix, string Scope, DateTime Created, DateTime Expires, DateTime? LastUsed, DateTime? Revoked);
    private sealed record PayRecordRow(int Year, string Scale, int? Point, decimal FteSalary, decimal? HoursPerWeek, decimal? WeeksPerYear, DateTime RecordedAt, string RecordedBy);
    private sealed record QualificationRow(string Code, string Name, bool Held, DateOnly? GainedOn, bool InProgress, DateOnly? ExpectedOn, DateOnly? RequiredBy,
        string? Note, string? EvidenceFile, DateTime UpdatedAt, string UpdatedBy);
    private sealed record StandardRatingRow(string Set, string Standard, string Rating, string By, DateOnly AssessedOn, string? Note, string? Objective,
        DateTime RecordedAt, string RecordedBy);
    private sealed record CareerStepRow(string Pathway, string Step, DateOnly StartedOn, DateOnly? EndedOn, string? AimingFor);
    private sealed record CpdActivityRow(string Title, string Kind, string? Provider, DateOnly Start, DateOnly End, decimal Hours, decimal Cost, string? Objective,
        string? StandardSet, string? Standard, string? Criterion, DateTime RecordedAt);
    private sealed record CpdRequestRow(string Title, string Kind, string? Provider, DateOnly Start, DateOnly End, decimal Hours, decimal Cost, string Reason,
        string Status, DateTime RequestedAt, string? LineManager, DateTime? LineManagerDecidedAt, string? BudgetHolder, DateTime? BudgetDecidedAt, string? DeclinedReason);
    private sealed record CpdEvaluationRow(string Activity, string Reaction, string Learning, string UseInPractice, string EffectOnPupils, string Comment,
        DateOnly EvaluatedOn, string? LineManagerView, string? LineManager, DateOnly? LineManagerViewOn);
    private sealed record CalendarFeedRow(string Feed, DateTime Created);
    private sealed record AuditRow(DateTime At, string Who, string Action, string? Channel, string? IpAddress, string? RecordType, string? RecordId, string? Detail);
}
