using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Appraisals;

/// <summary>Integration tests of the appraisal services: each call runs in its own scope, as a page request would.</summary>
public abstract class AppraisalTest(LynchpinAppFactory app) : IntegrationTest(app)
{
    protected const int Year = 2025;

    /// <summary>A day in the autumn term of <see cref="Year"/>, after the cycle would open.</summary>
    protected static readonly DateOnly Autumn = new(2025, 9, 15);

    protected static readonly Recorder Leader = new(null, "Test leader");

    protected static readonly ObjectiveInput PupilProgress = new(
        "Reading age of the Year 7 intervention group", "Average reading age rises by 9 months by July", ObjectiveType.PupilProgress,
        PupilGroup: "Year 7 reading group", Measure: "reading age", Baseline: "9y 2m", Target: "9y 11m");

    protected static readonly ObjectiveInput RoleSpecific = new(
        "Fewer lessons lost", "Lessons lost to room faults fall from 12 to 4 a term", ObjectiveType.RoleSpecific);

    protected async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<OpenCycleResult> OpenAsync(School school, DateOnly? today = null, int year = Year) =>
        WithAsync<AppraisalCycles, OpenCycleResult>(c => c.OpenAsync(school.Id, year, null, Leader, today ?? Autumn));

    protected Task<Appraisal> AppraisalOfAsync(StaffMember person, int year = Year) =>
        Data.WithDbAsync(db => db.Appraisals.WithDetails().SingleAsync(a => a.StaffMemberId == person.Id && a.Cycle.Year == year));

    /// <summary>A pupil-progress and a role-specific objective, agreed by the person.</summary>
    protected async Task<Appraisal> AgreedAsync(StaffMember person, int year = Year)
    {
        var appraisal = await AppraisalOfAsync(person, year);
        AssertDone(await AddObjectiveAsync(appraisal, PupilProgress));
        AssertDone(await AddObjectiveAsync(appraisal, RoleSpecific));
        AssertDone(await WithAsync<AppraisalObjectives, Result>(o => o.AgreeAsync(appraisal.Id)));
        return await AppraisalOfAsync(person, year);
    }

    protected Task<Result<Objective>> AddObjectiveAsync(Appraisal appraisal, ObjectiveInput input) =>
        WithAsync<AppraisalObjectives, Result<Objective>>(o => o.AddAsync(appraisal.Id, input));

    /// <summary>A review of the kind rated (one rating per objective, in order), signed by both.</summary>
    protected async Task<AppraisalReview> SignedReviewAsync(Appraisal appraisal, ReviewKind kind, params Rating[] ratings)
    {
        var review = await DraftReviewAsync(appraisal, kind, ratings);
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiserAsync(review.Id, Leader)));
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiseeAsync(review.Id)));
        return await Data.WithDbAsync(db => db.AppraisalReviews.Include(r => r.Ratings).SingleAsync(r => r.Id == review.Id));
    }

    protected async Task<AppraisalReview> DraftReviewAsync(Appraisal appraisal, ReviewKind kind, params Rating[] ratings)
    {
        var started = await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.StartAsync(appraisal.Id, kind));
        AssertDone(started);
        var objectives = appraisal.Objectives.OrderBy(o => o.SortOrder).ToList();
        var input = new AppraiserReviewInput(ratings.Select((r, i) => new RatingInput(objectives[i].Id, r)).ToList(), "Good progress");
        var saved = await WithAsync<AppraisalReviews, Result<AppraisalReview>>(r => r.SaveAsAppraiserAsync(started.Value!.Id, input));
        AssertDone(saved);
        return saved.Value!;
    }

    protected static void AssertDone(Result result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
