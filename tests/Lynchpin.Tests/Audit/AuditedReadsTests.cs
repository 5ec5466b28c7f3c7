using System.Net;
using System.Text;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Appraisals.Reviews;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Audit;

/// <summary>
/// Issue 11 (item 6): only pay reads were audited. Now every page that shows a person's appraisal, evidence or
/// observation record writes a row as it answers — who, which record, whose, in which school and trust, by which channel
/// and from which address — and every export and import writes one too; a refused request writes none.
/// </summary>
public abstract class AuditedReadsTests(LynchpinAppFactory app) : ReviewPageTest(app)
{
    public sealed class Sqlite(ReviewSqliteFactory app) : AuditedReadsTests(app), IClassFixture<ReviewSqliteFactory>;

    public sealed class Postgres(ReviewPostgresFactory app) : AuditedReadsTests(app), IClassFixture<ReviewPostgresFactory>;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\nLesson plan\n");

    /// <summary>Rows about the person, oldest first.</summary>
    private Task<List<AuditEvent>> RowsAboutAsync(StaffMember person, string action) =>
        Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.StaffMemberId == person.Id && e.Action == action).OrderBy(e => e.Id).ToListAsync());

    private Task<List<AuditEvent>> RowsOfSchoolAsync(School school, string action) =>
        Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.SchoolId == school.Id && e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [SkippableFact]
    public async Task Get_AppraisalPagePrintAndReview_EachWriteARowNamingTheReaderTheRecordAndTheChannel()
    {
        // Arrange
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        using var head = await SignInAsync(people.HeadUser);

        // Act
        using var page = await head.GetAsync($"/staff/{people.Person.Id}/appraisal?year={Year}");
        using var print = await head.GetAsync($"/staff/{people.Person.Id}/appraisal/print?year={Year}");
        using var review = await head.GetAsync(MidYearUrl(people.Person));

        // Assert
        Assert.All(new[] { page, print, review }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var rows = await RowsAboutAsync(people.Person, AuditActions.AppraisalRead);
        Assert.Equal(["Appraisal page, 2025/26", "Print view, 2025/26", "Mid-year review, 2025/26"], rows.Select(r => r.Detail));
        Assert.All(rows, r => Assert.Equal(
            (people.HeadUser.Id, people.HeadUser.Email, AuditChannel.Page, AuditRecordTypes.Appraisal, people.Appraisal.Id.ToString(), people.School.Id, people.School.TrustId),
            (r.UserId, r.UserName, r.Channel, r.RecordType, r.RecordId, r.SchoolId, r.TrustId)));
    }

    [SkippableFact]
    public async Task Get_AppraisalRefused_WritesNoRow()
    {
        // Arrange: a colleague at the same school, who may not read the person's appraisal.
        var people = await PeopleAsync();
        using var colleague = await SignInAsync(await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(people.School)));

        // Act
        using var response = await colleague.GetAsync($"/staff/{people.Person.Id}/appraisal?year={Year}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await RowsAboutAsync(people.Person, AuditActions.AppraisalRead));
    }

    [SkippableFact]
    public async Task Get_EvidenceDownload_WritesAnEvidenceRow()
    {
        // Arrange
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        var evidence = await WithAsync<AppraisalReviews, Result<Evidence>>(async r =>
        {
            var current = await r.CurrentAsync(people.Appraisal.Id, ReviewKind.MidYear);
            return await r.AddFileAsync(current!.Id, null, new MemoryStream(Pdf), "lesson-plan.pdf", Leader);
        });
        using var person = await SignInAsync(people.PersonUser);

        // Act
        using var response = await person.GetAsync($"/staff/{people.Person.Id}/appraisal/evidence/{evidence.Value!.Id}");

        // Assert
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(await RowsAboutAsync(people.Person, AuditActions.EvidenceRead));
        Assert.Equal((people.PersonUser.Id, AuditRecordTypes.Evidence, evidence.Value.Id.ToString(), AuditChannel.Page),
            (row.UserId, row.RecordType, row.RecordId, row.Channel));
        Assert.StartsWith("lesson-plan.pdf (appraisal ", row.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_PayRecommendation_ItsReadRowCarriesTheChannelSchoolAndTrust()
    {
        // Arrange
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.Final, Rating.Met, Rating.Met);
        await GrantPayAccessAsync(people.HeadUser);
        using var head = await SignInAsync(people.HeadUser);

        // Act
        using var response = await head.GetAsync(FinalUrl(people.Person));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await RowsAboutAsync(people.Person, AuditActions.PayRecommendationRead));
        Assert.Equal((AuditChannel.Page, people.School.Id, people.School.TrustId, AuditRecordTypes.Appraisal),
            (row.Channel, row.SchoolId, row.TrustId, row.RecordType));
    }

    [SkippableFact]
    public async Task Get_ObservationRecordShownAndOpenedToEdit_EachWriteARow()
    {
        // Arrange: the line manager observed the person on a drop-in.
        var people = await PeopleAsync();
        var record = await Data.WithDbAsync(async db =>
        {
            var r = new ObservationRecord
            {
                SchoolId = people.School.Id,
                Kind = ObservationKind.DropIn,
                ObserverId = people.Manager.Id,
                ObserverKind = ObserverKind.Teacher,
                ObserveeId = people.Person.Id,
                Date = new DateOnly(2025, 11, 12),
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                CreatedByName = people.Manager.FullName,
                Notes = "Clear routines",
            };
            db.ObservationRecords.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        using var manager = await SignInAsync(people.ManagerUser);

        // Act
        using var shown = await manager.GetAsync($"/observations/records/{record.Id}");
        using var edit = await manager.GetAsync($"/observations/records/{record.Id}/edit");

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (shown.StatusCode, edit.StatusCode));
        var rows = await RowsAboutAsync(people.Person, AuditActions.ObservationRecordRead);
        Assert.Equal(["Drop-in, 2025-11-12", "Drop-in, 2025-11-12, to edit"], rows.Select(r => r.Detail));
        Assert.All(rows, r => Assert.Equal((people.ManagerUser.Id, AuditRecordTypes.ObservationRecord, record.Id.ToString(), people.School.Id),
            (r.UserId, r.RecordType, r.RecordId, r.SchoolId)));
    }

    [SkippableFact]
    public async Task Get_AppraisalExport_WritesAnExportRowNamingTheFile()
    {
        // Arrange
        var people = await PeopleAsync();
        using var head = await SignInAsync(people.HeadUser);

        // Act
        using var response = await head.GetAsync($"/schools/{people.School.Urn}/appraisal/export?year={Year}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await RowsOfSchoolAsync(people.School, AuditActions.Exported));
        Assert.Equal((people.HeadUser.Id, $"appraisal-{people.School.Urn}-2025-26.xlsx", AuditRecordTypes.School, people.School.TrustId),
            (row.UserId, row.Detail, row.RecordType, row.TrustId));
    }

    [SkippableFact]
    public async Task PostImport_RefusedOnThePageAndAppliedFromTheCommandLine_EachWriteARowWithItsChannel()
    {
        // Arrange
        var people = await PeopleAsync();
        using var head = await SignInAsync(people.HeadUser);
        var (form, values, pageUri) = await PageForms.OpenAsync(head, $"/schools/{people.School.Urn}/import-staff", "Upload");
        var file = Path.Combine(Path.GetTempPath(), $"audit-observers-{TestData.Unique()}.csv");
        await File.WriteAllTextAsync(file, $"staff_ref,visits\n{people.Manager.StaffRef},2\n");

        // Act
        using var refused = await Html.SubmitWithFileAsync(head, form, values, "Upload", "staff.csv", Encoding.UTF8.GetBytes("not,a,staff,file\n"), pageUri);
        var exit = await CommandLine.RunAsync(App.Services, ["import", "observers", "--school", people.School.Urn.ToString(), "--file", file], TextWriter.Null, TextWriter.Null);

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, 0), (refused.StatusCode, exit));
        var page = Assert.Single(await RowsOfSchoolAsync(people.School, AuditActions.ImportRefused));
        Assert.Equal((people.HeadUser.Id, AuditChannel.Page), (page.UserId, page.Channel));
        Assert.StartsWith("staff from staff.csv: ", page.Detail, StringComparison.Ordinal);
        var command = Assert.Single(await RowsOfSchoolAsync(people.School, AuditActions.Imported));
        Assert.Equal(((string?)null, AuditChannel.Command, $"observers from {Path.GetFileName(file)}"), (command.UserId, command.Channel, command.Detail));
        Assert.StartsWith("Command line (", command.UserName, StringComparison.Ordinal);
    }
}
