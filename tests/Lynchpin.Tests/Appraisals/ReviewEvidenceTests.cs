using System.Text;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Appraisals;

/// <summary>Evidence on reviews: files and links, locked with the review, and a file kept while any version refers to it.</summary>
public abstract class ReviewEvidenceTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    /// <summary>The tests' own evidence folder, so no run writes under the source tree.</summary>
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "lynchpin-tests", "review-evidence");

    public sealed class SqliteFactory : LynchpinAppFactory
    {
        public SqliteFactory() : base(DatabaseProvider.Sqlite) => WithSetting("Lynchpin:EvidenceFolder", Folder);
    }

    public sealed class PostgresFactory : LynchpinAppFactory
    {
        public PostgresFactory() : base(DatabaseProvider.Postgres) => WithSetting("Lynchpin:EvidenceFolder", Folder);
    }

    public sealed class Sqlite(SqliteFactory app) : ReviewEvidenceTests(app), IClassFixture<SqliteFactory>;

    public sealed class Postgres(PostgresFactory app) : ReviewEvidenceTests(app), IClassFixture<PostgresFactory>;

    private static readonly Recorder Uploader = new(null, "Sam Uploader");

    private static MemoryStream PdfFile() => new(Encoding.ASCII.GetBytes("%PDF-1.4\nreading ages, January\n"));

    private async Task<(StaffMember Person, Appraisal Appraisal, AppraisalReview Review)> DraftMidYearAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var manager = await Data.CreateStaffAsync(school);
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, manager);
        await OpenAsync(school);
        var appraisal = await AgreedAsync(ta);
        var review = await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        return (ta, appraisal, review);
    }

    private string StoredPath(string storedName)
    {
        Assert.Equal(Folder, App.Services.GetRequiredService<EvidenceStore>().Folder);
        return Path.Combine(Folder, storedName);
    }

    private Task<T> ReviewsAsync<T>(Func<AppraisalReviews, Task<T>> work) => WithAsync(work);

    [SkippableFact]
    public async Task AddFile_ForAnObjective_StoresItOutsideTheWebRootAndRecordsIt()
    {
        // Arrange
        var (_, appraisal, review) = await DraftMidYearAsync();
        var objective = appraisal.Objectives[0];

        // Act
        var result = await ReviewsAsync(r => r.AddFileAsync(review.Id, objective.Id, PdfFile(), "Reading ages.pdf", Uploader));

        // Assert
        var evidence = result.Value!;
        var stored = await Data.WithDbAsync(db => db.Evidence.SingleAsync(e => e.Id == evidence.Id));
        Assert.Equal((objective.Id, "Reading ages.pdf", "application/pdf", Uploader.Name), (stored.ObjectiveId, stored.FileName, stored.ContentType, stored.UploadedByName));
        Assert.True(File.Exists(StoredPath(stored.StoredName!)));
        Assert.DoesNotContain("wwwroot", Folder);
    }

    [SkippableFact]
    public async Task AddFile_ObjectiveOfAnotherAppraisal_IsRefusedAndNothingIsStored()
    {
        // Arrange
        var (_, _, review) = await DraftMidYearAsync();
        var (_, other, _) = await DraftMidYearAsync();
        var before = Directory.Exists(Folder) ? Directory.GetFiles(Folder).Length : 0;

        // Act
        var result = await ReviewsAsync(r => r.AddFileAsync(review.Id, other.Objectives[0].Id, PdfFile(), "log.pdf", Uploader));

        // Assert
        Assert.Equal("ObjectiveId", Assert.Single(result.Errors).Field);
        Assert.Equal(before, Directory.Exists(Folder) ? Directory.GetFiles(Folder).Length : 0);
    }

    [SkippableFact]
    public async Task AddLink_HttpsOnly()
    {
        // Arrange
        var (_, _, review) = await DraftMidYearAsync();

        // Act
        var good = await ReviewsAsync(r => r.AddLinkAsync(review.Id, null, " https://sharepoint.example/sites/site-team/log ", Uploader));
        var script = await ReviewsAsync(r => r.AddLinkAsync(review.Id, null, "javascript:alert(1)", Uploader));
        var relative = await ReviewsAsync(r => r.AddLinkAsync(review.Id, null, "/staff/1", Uploader));

        // Assert
        Assert.Equal("https://sharepoint.example/sites/site-team/log", good.Value!.Link);
        Assert.Equal("Link", Assert.Single(script.Errors).Field);
        Assert.Equal("Link", Assert.Single(relative.Errors).Field);
    }

    [SkippableFact]
    public async Task RemoveEvidence_FromADraft_DeletesTheFile()
    {
        // Arrange
        var (_, _, review) = await DraftMidYearAsync();
        var evidence = (await ReviewsAsync(r => r.AddFileAsync(review.Id, null, PdfFile(), "log.pdf", Uploader))).Value!;

        // Act
        AssertDone(await ReviewsAsync(r => r.RemoveEvidenceAsync(evidence.Id)));

        // Assert
        Assert.False(File.Exists(StoredPath(evidence.StoredName!)));
        Assert.False(await Data.WithDbAsync(db => db.Evidence.AnyAsync(e => e.Id == evidence.Id)));
    }

    [SkippableFact]
    public async Task RemoveEvidence_AfterAReopen_KeepsTheFileForTheLockedVersion()
    {
        // Arrange
        var (_, appraisal, review) = await DraftMidYearAsync();
        var evidence = (await ReviewsAsync(r => r.AddFileAsync(review.Id, null, PdfFile(), "log.pdf", Uploader))).Value!;
        var locked = await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        var lockedRemove = await ReviewsAsync(r => r.RemoveEvidenceAsync(evidence.Id));
        var reopened = (await ReviewsAsync(r => r.ReopenAsync(locked.Id, "Wrong file attached", Uploader))).Value!;
        var copy = await Data.WithDbAsync(db => db.Evidence.SingleAsync(e => e.ReviewId == reopened.Id));

        // Act
        AssertDone(await ReviewsAsync(r => r.RemoveEvidenceAsync(copy.Id)));

        // Assert
        Assert.Equal([AppraisalRules.LockedError], lockedRemove.Errors);
        Assert.Equal(evidence.StoredName, copy.StoredName);
        Assert.True(File.Exists(StoredPath(evidence.StoredName!)));
        Assert.True(await Data.WithDbAsync(db => db.Evidence.AnyAsync(e => e.Id == evidence.Id)));
        Assert.False(await Data.WithDbAsync(db => db.Evidence.AnyAsync(e => e.ReviewId == reopened.Id)));
    }

    [SkippableFact]
    public async Task DeleteAppraisal_WithRatedObjectivesAndEvidence_CascadesInTheDatabase()
    {
        // Arrange: the rating's objective key is NO ACTION; deleting the whole appraisal must still work
        var (person, appraisal, review) = await DraftMidYearAsync();
        await ReviewsAsync(r => r.AddLinkAsync(review.Id, appraisal.Objectives[0].Id, "https://example.org/a", Uploader));

        // Act
        await Data.WithDbAsync(db => db.Appraisals.Where(a => a.Id == appraisal.Id).ExecuteDeleteAsync());

        // Assert
        Assert.False(await Data.WithDbAsync(db => db.AppraisalReviews.AnyAsync(r => r.AppraisalId == appraisal.Id)));
        Assert.False(await Data.WithDbAsync(db => db.Objectives.AnyAsync(o => o.AppraisalId == appraisal.Id)));
        Assert.True(await Data.WithDbAsync(db => db.StaffMembers.AnyAsync(s => s.Id == person.Id)));
    }
}
