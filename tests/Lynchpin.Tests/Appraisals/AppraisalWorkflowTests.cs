using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals;

/// <summary>
/// One appraisal through the year on both providers: objectives agreed (or not), a review drafted, signed by both,
/// locked and reopened with its history kept; support plans for objectives at risk.
/// </summary>
public abstract class AppraisalWorkflowTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AppraisalWorkflowTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : AppraisalWorkflowTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly Recorder Appraiser = new(null, "Pat Appraiser");

    /// <summary>A site manager appraised by their line manager, with the cycle open.</summary>
    private async Task<(StaffMember Manager, StaffMember Person, Appraisal Appraisal)> SiteManagerAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var manager = await Data.CreateStaffAsync(school, RoleFamily.Business, jobTitle: "Business manager");
        var person = await Data.CreateStaffAsync(school, RoleFamily.Site, manager, jobTitle: "Site manager");
        await OpenAsync(school);
        return (manager, person, await AppraisalOfAsync(person));
    }

    private Task<T> ObjectivesAsync<T>(Func<AppraisalObjectives, Task<T>> work) => WithAsync(work);

    private Task<T> ReviewsAsync<T>(Func<AppraisalReviews, Task<T>> work) => WithAsync(work);

    [SkippableFact]
    public async Task Agree_PupilProgressAndRoleSpecificObjectives_AreAgreedWithTheTime()
    {
        // Arrange
        var (_, person, appraisal) = await SiteManagerAsync();
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));

        // Act
        var result = await ObjectivesAsync(o => o.AgreeAsync(appraisal.Id));

        // Assert
        AssertDone(result);
        var after = await AppraisalOfAsync(person);
        Assert.Equal(ObjectivesStatus.Agreed, after.ObjectivesStatus);
        Assert.NotNull(after.AgreedAt);
        Assert.Equal([1, 2], after.Objectives.Select(o => o.SortOrder));
    }

    [SkippableFact]
    public async Task Agree_WithoutAPupilProgressObjective_IsRefusedAndStaysDraft()
    {
        // Arrange
        var (_, person, appraisal) = await SiteManagerAsync();
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific with { Title = "Second" }));

        // Act
        var result = await ObjectivesAsync(o => o.AgreeAsync(appraisal.Id));

        // Assert
        Assert.Contains(result.Errors, e => e.Message.Contains("pupil-progress"));
        Assert.Equal(ObjectivesStatus.Draft, (await AppraisalOfAsync(person)).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Edit_AgreedObjectives_IsRefusedUntilReopenedWithAReason()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var objective = appraisal.Objectives[0];

        // Act
        var refused = await ObjectivesAsync(o => o.UpdateAsync(objective.Id, PupilProgress with { Title = "Changed" }));
        var added = await AddObjectiveAsync(appraisal, RoleSpecific);
        var noReason = await ObjectivesAsync(o => o.ReopenAsync(appraisal.Id, " ", Appraiser));
        var reopened = await ObjectivesAsync(o => o.ReopenAsync(appraisal.Id, "New intervention group from January", Appraiser));
        var changed = await ObjectivesAsync(o => o.UpdateAsync(objective.Id, PupilProgress with { Title = "Changed" }));

        // Assert
        Assert.Contains("Reopen them", Assert.Single(refused.Errors).Message);
        Assert.False(added.Succeeded);
        Assert.Equal("Reason", Assert.Single(noReason.Errors).Field);
        AssertDone(reopened);
        AssertDone(changed);
        var after = await AppraisalOfAsync(person);
        Assert.Equal(ObjectivesStatus.Draft, after.ObjectivesStatus);
        Assert.Null(after.AgreedAt);
        Assert.Equal(("New intervention group from January", Appraiser.Name), (after.ObjectivesReopenReason, after.ObjectivesReopenedByName));
        Assert.Equal("Changed", after.Objectives.Single(o => o.Id == objective.Id).Title);
    }

    [SkippableFact]
    public async Task NotAgreed_WithAReason_IsRecordedAndTheNextChangeAsksThePersonAgain()
    {
        // Arrange
        var (_, person, appraisal) = await SiteManagerAsync();
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));

        // Act
        var blank = await ObjectivesAsync(o => o.RecordNotAgreedAsync(appraisal.Id, ""));
        var recorded = await ObjectivesAsync(o => o.RecordNotAgreedAsync(appraisal.Id, "The target ignores the boiler replacement"));
        var afterDisagreement = await AppraisalOfAsync(person);
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));

        // Assert
        Assert.False(blank.Succeeded);
        AssertDone(recorded);
        Assert.Equal(ObjectivesStatus.NotAgreed, afterDisagreement.ObjectivesStatus);
        Assert.Equal("The target ignores the boiler replacement", afterDisagreement.NotAgreedReason);
        Assert.Equal(ObjectivesStatus.Draft, (await AppraisalOfAsync(person)).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Review_BeforeObjectivesAreSettled_CannotStart()
    {
        // Arrange
        var (_, _, appraisal) = await SiteManagerAsync();

        // Act
        var result = await ReviewsAsync(r => r.StartAsync(appraisal.Id, ReviewKind.MidYear));

        // Assert
        Assert.Null(result.Value);
        Assert.Equal(0, await Data.WithDbAsync(db => db.AppraisalReviews.CountAsync(r => r.AppraisalId == appraisal.Id)));
    }

    [SkippableFact]
    public async Task SignAsAppraiser_MidYearWithAnObjectiveUnrated_IsRefused()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var review = await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack);

        // Act
        var result = await ReviewsAsync(r => r.SignAsAppraiserAsync(review.Id, Appraiser));

        // Assert
        Assert.Equal($"Ratings[{appraisal.Objectives[1].Id}]", Assert.Single(result.Errors).Field);
    }

    [SkippableFact]
    public async Task Sign_ByBoth_LocksTheReview()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var review = await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        AssertDone(await ReviewsAsync(r => r.SaveAsAppraiseeAsync(review.Id, new AppraiseeReviewInput("Boiler work slowed me down"))));

        // Act
        AssertDone(await ReviewsAsync(r => r.SignAsAppraiserAsync(review.Id, Appraiser)));
        AssertDone(await ReviewsAsync(r => r.SignAsAppraiseeAsync(review.Id)));
        var edit = await ReviewsAsync(r => r.SaveAsAppraiseeAsync(review.Id, new AppraiseeReviewInput("Changed my mind")));
        var again = await ReviewsAsync(r => r.SignAsAppraiseeAsync(review.Id));

        // Assert
        var signed = await Data.WithDbAsync(db => db.AppraisalReviews.SingleAsync(r => r.Id == review.Id));
        Assert.True(signed.IsLocked);
        Assert.Equal(Appraiser.Name, signed.AppraiserSignedByName);
        Assert.Equal("Boiler work slowed me down", signed.AppraiseeComments);
        Assert.Equal([AppraisalRules.LockedError], edit.Errors);
        Assert.Equal([AppraisalRules.LockedError], again.Errors);
        Assert.Equal(Rating.AtRisk, (await AppraisalOfAsync(person)).OnTrackStatus());
    }

    [SkippableFact]
    public async Task SaveAsAppraiser_AfterBothHaveSigned_IsRefused()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var review = await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);

        // Act
        var result = await ReviewsAsync(r => r.SaveAsAppraiserAsync(review.Id,
            new AppraiserReviewInput([new RatingInput(appraisal.Objectives[0].Id, Rating.OffTrack)], "Changed")));

        // Assert
        Assert.Equal([AppraisalRules.LockedError], result.Errors);
        var after = await Data.WithDbAsync(db => db.ObjectiveRatings.SingleAsync(r => r.ReviewId == review.Id && r.ObjectiveId == appraisal.Objectives[0].Id));
        Assert.Equal(Rating.OnTrack, after.Rating);
    }

    [SkippableFact]
    public async Task SaveAsAppraiser_AfterThePersonSigned_TakesOffTheirSignature()
    {
        // Arrange: the person signs first, then the appraiser changes a rating
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var review = await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        AssertDone(await ReviewsAsync(r => r.SignAsAppraiseeAsync(review.Id)));

        // Act
        var unchanged = await ReviewsAsync(r => r.SaveAsAppraiserAsync(review.Id,
            new AppraiserReviewInput([new RatingInput(appraisal.Objectives[0].Id, Rating.OnTrack)], "Good progress")));
        var stillSigned = await Data.WithDbAsync(db => db.AppraisalReviews.SingleAsync(r => r.Id == review.Id));
        var changed = await ReviewsAsync(r => r.SaveAsAppraiserAsync(review.Id,
            new AppraiserReviewInput([new RatingInput(appraisal.Objectives[0].Id, Rating.AtRisk)], "Good progress")));

        // Assert
        AssertDone(unchanged);
        AssertDone(changed);
        Assert.NotNull(stillSigned.AppraiseeSignedAt);
        Assert.Null(changed.Value!.AppraiseeSignedAt);
    }

    [SkippableFact]
    public async Task Reopen_ALockedReview_AddsAnUnsignedCopyAndKeepsTheLockedVersion()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var locked = await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OffTrack);

        // Act
        var evidenceWhileLocked = await ReviewsAsync(r => r.AddLinkAsync(locked.Id, null, "https://example.org/log", Appraiser));
        var reopened = await ReviewsAsync(r => r.ReopenAsync(locked.Id, "Off track was typed in error", Appraiser));
        AssertDone(reopened);
        AssertDone(await ReviewsAsync(r => r.SaveAsAppraiserAsync(reopened.Value!.Id,
            new AppraiserReviewInput([new RatingInput(appraisal.Objectives[1].Id, Rating.OnTrack)], "Good progress"))));

        // Assert
        Assert.Equal([AppraisalRules.LockedError], evidenceWhileLocked.Errors);
        var versions = await Data.WithDbAsync(db => db.AppraisalReviews.Include(r => r.Ratings)
            .Where(r => r.AppraisalId == appraisal.Id).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal([(1, false, true), (2, true, false)], versions.Select(v => (v.Version, v.IsCurrent, v.IsLocked)));
        Assert.Equal(Rating.OffTrack, versions[0].Ratings.Single(r => r.ObjectiveId == appraisal.Objectives[1].Id).Rating);
        Assert.Equal(Rating.OnTrack, versions[1].Ratings.Single(r => r.ObjectiveId == appraisal.Objectives[1].Id).Rating);
        Assert.Equal(2, versions[1].Ratings.Count);
        Assert.Equal(("Off track was typed in error", Appraiser.Name), (versions[1].ReopenReason, versions[1].ReopenedByName));
        Assert.Equal("Good progress", versions[1].AppraiserComments);
        Assert.Null(versions[1].AppraiserSignedAt);
        Assert.Null(versions[1].AppraiseeSignedAt);
        Assert.Equal(Rating.OnTrack, (await AppraisalOfAsync(person)).OnTrackStatus());
    }

    [SkippableFact]
    public async Task Reopen_AnUnlockedReviewOrAnOldVersionOrWithoutAReason_IsRefused()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var locked = await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);

        // Act
        var noReason = await ReviewsAsync(r => r.ReopenAsync(locked.Id, "", Appraiser));
        var reopened = await ReviewsAsync(r => r.ReopenAsync(locked.Id, "A correction", Appraiser));
        var oldVersion = await ReviewsAsync(r => r.ReopenAsync(locked.Id, "Again", Appraiser));
        var unlocked = await ReviewsAsync(r => r.ReopenAsync(reopened.Value!.Id, "Again", Appraiser));

        // Assert
        Assert.Equal("Reason", Assert.Single(noReason.Errors).Field);
        AssertDone(reopened);
        Assert.False(oldVersion.Succeeded);
        Assert.False(unlocked.Succeeded);
        Assert.Equal(2, await Data.WithDbAsync(db => db.AppraisalReviews.CountAsync(r => r.AppraisalId == appraisal.Id)));
    }

    [SkippableFact]
    public async Task Final_SignedWithMetPartlyAndNotMet_LocksWithTheReflection()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        var draft = await DraftReviewAsync(appraisal, ReviewKind.Final, Rating.Met, Rating.PartlyMet);
        AssertDone(await ReviewsAsync(r => r.SaveAsAppraiseeAsync(draft.Id, new AppraiseeReviewInput(null, "I learned to plan the summer works early"))));

        // Act
        var wrongKind = await ReviewsAsync(r => r.SaveAsAppraiserAsync(draft.Id,
            new AppraiserReviewInput([new RatingInput(appraisal.Objectives[0].Id, Rating.OnTrack)], null)));
        var signed = await SignedReviewAsync(appraisal, ReviewKind.Final, Rating.Met, Rating.NotMet);

        // Assert
        Assert.False(wrongKind.Succeeded);
        Assert.True(signed.IsLocked);
        Assert.Equal([Rating.Met, Rating.NotMet], signed.Ratings.OrderBy(r => r.ObjectiveId).Select(r => r.Rating));
        Assert.Equal("I learned to plan the summer works early", signed.Reflection);
    }

    [SkippableFact]
    public async Task RemoveObjective_RatedInAReview_IsRefusedEvenWhenReopened()
    {
        // Arrange
        var (_, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        await SignedReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        AssertDone(await ObjectivesAsync(o => o.ReopenAsync(appraisal.Id, "New priorities", Appraiser)));

        // Act
        var result = await ObjectivesAsync(o => o.RemoveAsync(appraisal.Objectives[0].Id));

        // Assert
        Assert.Contains("rated in a review", Assert.Single(result.Errors).Message);
        Assert.Equal(2, (await AppraisalOfAsync(person)).Objectives.Count);
    }

    [SkippableFact]
    public async Task SupportPlan_ForAnObjectiveAtRisk_IsSavedAndRefusedForOneOnTrack()
    {
        // Arrange
        var (manager, person, _) = await SiteManagerAsync();
        var appraisal = await AgreedAsync(person);
        await DraftReviewAsync(appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        var plan = new SupportPlanInput("Fortnightly check-in; visit to a partner school's site team", manager.Id, new DateOnly(2026, 3, 20));

        // Act
        var onTrack = await ObjectivesAsync(o => o.SaveSupportPlanAsync(appraisal.Objectives[0].Id, plan, Appraiser, new DateOnly(2026, 2, 10)));
        var atRisk = await ObjectivesAsync(o => o.SaveSupportPlanAsync(appraisal.Objectives[1].Id, plan, Appraiser, new DateOnly(2026, 2, 10)));
        var selfCoach = await ObjectivesAsync(o => o.SaveSupportPlanAsync(appraisal.Objectives[1].Id, plan with { CoachId = person.Id }, Appraiser, new DateOnly(2026, 2, 10)));

        // Assert
        Assert.Equal("SupportPlan", Assert.Single(onTrack.Errors).Field);
        AssertDone(atRisk);
        Assert.Equal("CoachId", Assert.Single(selfCoach.Errors).Field);
        var saved = (await AppraisalOfAsync(person)).Objectives[1].SupportPlan!;
        Assert.Equal((plan.Actions, manager.Id, new DateOnly(2026, 3, 20), Appraiser.Name), (saved.Actions, saved.CoachId, saved.ReviewBy, saved.CreatedByName));
    }
}
