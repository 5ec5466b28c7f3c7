using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>The appraiser's part of a review: a rating per objective (with a comment), their comments and, at the end, an overall view.</summary>
public record AppraiserReviewInput(IReadOnlyList<RatingInput> Ratings, string? AppraiserComments, string? OverallComments = null);

/// <summary>The person's part of a review: their comments and their own reflection.</summary>
public record AppraiseeReviewInput(string? AppraiseeComments, string? Reflection = null);

/// <summary>
/// Mid-year and final reviews. Each side saves drafts and signs; signed by both, a review is locked. A reopen (with a
/// reason) starts a new current version copying the locked one, which stays as history. Saving the appraiser's part
/// after anyone signed takes both signatures off, since they signed something else; the person's own words take off
/// only theirs. Callers check who may do what (the web app's appraisal operations) first.
/// </summary>
public class AppraisalReviews(LynchpinDbContext db, SchoolClock clock, EvidenceStore files)
{
    /// <summary>
    /// The current review of a kind, started (empty) if there is none yet. Of two starts at once one stores it; the other
    /// is told who started it (the unique "current" index decides).
    /// </summary>
    public async Task<Result<AppraisalReview>> StartAsync(int appraisalId, ReviewKind kind, Recorder? starter = null, CancellationToken cancellationToken = default)
    {
        var current = await CurrentQuery(appraisalId, kind).SingleOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            return Result<AppraisalReview>.Done(current);
        }
        var appraisal = await db.Appraisals.SingleAsync(a => a.Id == appraisalId, cancellationToken);
        if (AppraisalRules.StartReviewError(appraisal) is { } error)
        {
            return Result<AppraisalReview>.Fail(error);
        }
        var review = new AppraisalReview { AppraisalId = appraisalId, Kind = kind, RecordedAt = Now, RevisedAt = Now, RevisedByName = starter?.Name };
        db.AppraisalReviews.Add(review);
        if (await Revisions.SaveAsync(db, review, cancellationToken) is { } lost)
        {
            var winner = await CurrentQuery(appraisalId, kind).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            return Result<AppraisalReview>.Fail(winner is null ? lost : new Conflict(
                $"{winner.RevisedByName ?? "Someone"} started this review at {SchoolClock.Format(winner.RecordedAt, "HH:mm 'on' d MMMM")}, just before you. It is shown below",
                winner.Revision));
        }
        return Result<AppraisalReview>.Done(review);
    }

    /// <summary>The current version of a kind, with its ratings and evidence, or null before it is started.</summary>
    public Task<AppraisalReview?> CurrentAsync(int appraisalId, ReviewKind kind, CancellationToken cancellationToken = default) =>
        CurrentQuery(appraisalId, kind).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Saves the appraiser's part as typed on a page showing <paramref name="revision"/> (none: over whatever is stored).</summary>
    public async Task<Result<AppraisalReview>> SaveAsAppraiserAsync(
        int reviewId, AppraiserReviewInput input, int? revision = null, Recorder? by = null, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        if (EditError(review) is { } refused)
        {
            return Result<AppraisalReview>.Fail(refused);
        }
        var objectiveIds = await db.Objectives.Where(o => o.AppraisalId == review.AppraisalId).Select(o => o.Id).ToListAsync(cancellationToken);
        var errors = AppraisalRules.ValidateRatings(review.Kind, input.Ratings, objectiveIds).ToList();
        errors.AddRange(CommentErrors(("AppraiserComments", input.AppraiserComments), ("OverallComments", input.OverallComments)));
        if (errors.Count > 0)
        {
            return Result<AppraisalReview>.Fail(errors);
        }

        var changed = false;
        foreach (var typed in input.Ratings)
        {
            var existing = review.Ratings.FirstOrDefault(r => r.ObjectiveId == typed.ObjectiveId);
            var comment = Clean(typed.Comment);
            if (typed.Rating is not Rating value)
            {
                if (existing is not null)
                {
                    review.Ratings.Remove(existing);
                    changed = true;
                }
                continue;
            }
            if (existing is null)
            {
                review.Ratings.Add(new ObjectiveRating { ObjectiveId = typed.ObjectiveId, Rating = value, Comment = comment });
                changed = true;
            }
            else if (existing.Rating != value || existing.Comment != comment)
            {
                (existing.Rating, existing.Comment) = (value, comment);
                changed = true;
            }
        }
        changed |= Set(review.AppraiserComments, input.AppraiserComments, v => review.AppraiserComments = v);
        changed |= Set(review.OverallComments, input.OverallComments, v => review.OverallComments = v);
        if (changed)
        {
            review.AppraiserSignedAt = null;
            review.AppraiserSignedByName = null;
            review.AppraiserSignedRevision = null;
            review.AppraiseeSignedAt = null;
            review.AppraiseeSignedRevision = null;
        }
        return await SaveAsync(review, revision, by, cancellationToken);
    }

    public async Task<Result<AppraisalReview>> SaveAsAppraiseeAsync(
        int reviewId, AppraiseeReviewInput input, int? revision = null, Recorder? by = null, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        if (EditError(review) is { } refused)
        {
            return Result<AppraisalReview>.Fail(refused);
        }
        var errors = CommentErrors(("AppraiseeComments", input.AppraiseeComments), ("Reflection", input.Reflection));
        if (errors.Count > 0)
        {
            return Result<AppraisalReview>.Fail(errors);
        }
        var changed = Set(review.AppraiseeComments, input.AppraiseeComments, v => review.AppraiseeComments = v);
        changed |= Set(review.Reflection, input.Reflection, v => review.Reflection = v);
        if (changed)
        {
            review.AppraiseeSignedAt = null;
            review.AppraiseeSignedRevision = null;
        }
        return await SaveAsync(review, revision, by, cancellationToken);
    }

    /// <summary>
    /// Saves a change to the review made on a page showing <paramref name="revision"/>: a conflict if it changed since, or
    /// if another save of it won the race.
    /// </summary>
    private async Task<Result<AppraisalReview>> SaveAsync(AppraisalReview review, int? revision, Recorder? by, CancellationToken cancellationToken)
    {
        if (Revisions.Check(db, review, revision, by, Now) is { } stale)
        {
            db.ChangeTracker.Clear();
            return Result<AppraisalReview>.Fail(stale);
        }
        return await Revisions.SaveAsync(db, review, cancellationToken) is { } lost
            ? Result<AppraisalReview>.Fail(lost)
            : Result<AppraisalReview>.Done(review);
    }

    /// <summary>
    /// The appraiser (or a leader in their place, named in <paramref name="signer"/>) signs once every objective is rated:
    /// the text at <paramref name="revision"/>, the one their page showed, which must still be the review's.
    /// </summary>
    public async Task<Result> SignAsAppraiserAsync(int reviewId, Recorder signer, int? revision = null, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        if (!review.IsCurrent)
        {
            return Result.Fail(NotCurrentError);
        }
        var objectives = await db.Objectives.Where(o => o.AppraisalId == review.AppraisalId).ToListAsync(cancellationToken);
        var errors = AppraisalRules.AppraiserSignErrors(review, objectives);
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        review.AppraiserSignedRevision = review.Revision;
        review.AppraiserSignedAt = Now;
        review.AppraiserSignedByName = signer.Name;
        return await SaveAsync(review, revision, signer, cancellationToken);
    }

    /// <summary>The person signs their own review, as their page showed it at <paramref name="revision"/>.</summary>
    public async Task<Result> SignAsAppraiseeAsync(int reviewId, int? revision = null, Recorder? signer = null, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        if (!review.IsCurrent)
        {
            return Result.Fail(NotCurrentError);
        }
        var errors = AppraisalRules.AppraiseeSignErrors(review);
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        review.AppraiseeSignedRevision = review.Revision;
        review.AppraiseeSignedAt = Now;
        return await SaveAsync(review, revision, signer, cancellationToken);
    }

    /// <summary>
    /// Reopens a locked review (appraiser or school leader) with a reason: a new current version copies its content and
    /// evidence, unsigned; the locked version stays as it was.
    /// </summary>
    public async Task<Result<AppraisalReview>> ReopenAsync(int reviewId, string? reason, Recorder recorder, int? revision = null, CancellationToken cancellationToken = default)
    {
        var locked = await LoadAsync(reviewId, cancellationToken);
        if (AppraisalRules.ReasonError(reason) is { } reasonError)
        {
            return Result<AppraisalReview>.Fail(reasonError);
        }
        if (!locked.IsCurrent)
        {
            return Result<AppraisalReview>.Fail(NotCurrentError);
        }
        if (!locked.IsLocked)
        {
            return Result<AppraisalReview>.Fail(new FieldError("Review", "Only a review signed by both is reopened; this one can be changed already"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latestVersion = await db.AppraisalReviews.Where(r => r.AppraisalId == locked.AppraisalId && r.Kind == locked.Kind)
            .MaxAsync(r => r.Version, cancellationToken);
        // Saved first so the locked version leaves the unique "current" index before the new one joins it; of two
        // reopens at once, the second finds it changed.
        locked.IsCurrent = false;
        if (await SaveAsync(locked, revision, recorder, cancellationToken) is { Succeeded: false } refused)
        {
            return refused;
        }

        var now = Now;
        var reopened = new AppraisalReview
        {
            AppraisalId = locked.AppraisalId,
            Kind = locked.Kind,
            Version = latestVersion + 1,
            IsCurrent = true,
            AppraiserComments = locked.AppraiserComments,
            AppraiseeComments = locked.AppraiseeComments,
            OverallComments = locked.OverallComments,
            Reflection = locked.Reflection,
            ReopenedAt = now,
            ReopenedByName = recorder.Name,
            ReopenReason = reason!.Trim(),
            RecordedAt = now,
            Ratings = locked.Ratings.Select(r => new ObjectiveRating { ObjectiveId = r.ObjectiveId, Rating = r.Rating, Comment = r.Comment }).ToList(),
            // The copies share the stored files; a file is deleted only when no version refers to it.
            Evidence = locked.Evidence.Select(e => new Evidence
            {
                ObjectiveId = e.ObjectiveId,
                FileName = e.FileName,
                StoredName = e.StoredName,
                ContentType = e.ContentType,
                Length = e.Length,
                Link = e.Link,
                UploadedAt = e.UploadedAt,
                UploadedByName = e.UploadedByName,
            }).ToList(),
        };
        db.AppraisalReviews.Add(reopened);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<AppraisalReview>.Done(reopened);
    }

    /// <summary>Stores an uploaded file (checked by <see cref="EvidenceStore"/>) as evidence for the review, and optionally one objective.</summary>
    public async Task<Result<Evidence>> AddFileAsync(
        int reviewId, int? objectiveId, Stream content, string fileName, Recorder uploader, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        if (await EvidenceErrorAsync(review, objectiveId, cancellationToken) is { } refused)
        {
            return Result<Evidence>.Fail(refused);
        }
        var stored = await files.SaveAsync(content, fileName, cancellationToken);
        if (stored.Value is not { } file)
        {
            return Result<Evidence>.Fail(stored.Errors);
        }
        var evidence = new Evidence
        {
            ObjectiveId = objectiveId,
            FileName = file.FileName,
            StoredName = file.StoredName,
            ContentType = file.ContentType,
            Length = file.Length,
            UploadedAt = Now,
            UploadedByName = uploader.Name,
        };
        review.Evidence.Add(evidence);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(file.StoredName, CancellationToken.None);
            throw;
        }
        return Result<Evidence>.Done(evidence);
    }

    /// <summary>A link (http or https) as evidence, for documents kept elsewhere.</summary>
    public async Task<Result<Evidence>> AddLinkAsync(
        int reviewId, int? objectiveId, string? link, Recorder uploader, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        if (await EvidenceErrorAsync(review, objectiveId, cancellationToken) is { } refused)
        {
            return Result<Evidence>.Fail(refused);
        }
        var trimmed = link?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Evidence.LinkMaxLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Result<Evidence>.Fail(new FieldError("Link", "Enter a link that starts with https://"));
        }
        var evidence = new Evidence { ObjectiveId = objectiveId, Link = uri.ToString(), UploadedAt = Now, UploadedByName = uploader.Name };
        review.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Evidence>.Done(evidence);
    }

    /// <summary>Removes evidence from an unlocked review; its file goes too unless an earlier version still refers to it.</summary>
    public async Task<Result> RemoveEvidenceAsync(int evidenceId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Evidence.Include(e => e.Review).SingleAsync(e => e.Id == evidenceId, cancellationToken);
        if (EditError(evidence.Review) is { } refused)
        {
            return Result.Fail(refused);
        }
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(cancellationToken);
        if (evidence.StoredName is { } stored && !await db.Evidence.AnyAsync(e => e.StoredName == stored, cancellationToken))
        {
            await files.DeleteAsync(stored, cancellationToken);
        }
        return Result.Ok;
    }

    private static readonly FieldError NotCurrentError = new("Review", "This is an earlier version of the review, kept as history");

    private static FieldError? EditError(AppraisalReview review) =>
        !review.IsCurrent ? NotCurrentError : review.IsLocked ? AppraisalRules.LockedError : null;

    private async Task<FieldError?> EvidenceErrorAsync(AppraisalReview review, int? objectiveId, CancellationToken cancellationToken)
    {
        if (EditError(review) is { } error)
        {
            return error;
        }
        return objectiveId is int id && !await db.Objectives.AnyAsync(o => o.Id == id && o.AppraisalId == review.AppraisalId, cancellationToken)
            ? new("ObjectiveId", "Choose one of the appraisal's objectives")
            : null;
    }

    private static List<FieldError> CommentErrors(params (string Field, string? Text)[] comments) =>
        comments.Where(c => c.Text?.Trim().Length > AppraisalReview.CommentsMaxLength)
            .Select(c => new FieldError(c.Field, $"This must be {AppraisalReview.CommentsMaxLength} characters or fewer"))
            .ToList();

    private static bool Set(string? current, string? typed, Action<string?> set)
    {
        var value = Clean(typed);
        if (value == current)
        {
            return false;
        }
        set(value);
        return true;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private DateTime Now => clock.UtcNow;

    private IQueryable<AppraisalReview> CurrentQuery(int appraisalId, ReviewKind kind) =>
        db.AppraisalReviews.Include(r => r.Ratings).Include(r => r.Evidence)
            .Where(r => r.AppraisalId == appraisalId && r.Kind == kind && r.IsCurrent);

    private Task<AppraisalReview> LoadAsync(int reviewId, CancellationToken cancellationToken) =>
        db.AppraisalReviews.Include(r => r.Ratings).Include(r => r.Evidence).SingleAsync(r => r.Id == reviewId, cancellationToken);
}
