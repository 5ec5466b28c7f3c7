using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Appraisals;

/// <summary>The workflow rules on small cases, without a database.</summary>
public class AppraisalRulesTests
{
    private static int _ids;

    private static Objective Objective(ObjectiveType type, string criteria = "Reading age up 6 months by July", string? measure = null, string? target = null) => new()
    {
        Id = Interlocked.Increment(ref _ids),
        Title = $"{type} objective",
        SuccessCriteria = criteria,
        Type = type,
        Measure = measure,
        Target = target,
        SortOrder = _ids,
    };

    private static readonly ObjectiveInput GoodInput = new("Reading", "Reading age up 6 months", ObjectiveType.PupilProgress);

    [Theory]
    [InlineData("Reading age of the group rises by 6 months", true)]
    [InlineData("Attendance of the group at 95% or above", true)]
    [InlineData("Lessons lost to room faults fall from twelve a term", true)]
    [InlineData("Coaching log complete by the end of March", true)]
    [InlineData("Reviewed on 15/07/2026", true)]
    [InlineData("Pupils improve their reading", false)]
    [InlineData("Pupils may read more widely", false)]
    [InlineData("   ", false)]
    [InlineData("", false)]
    public void IsMeasurable_SuccessCriteriaAlone_NeedANumberADateOrANumberWord(string criteria, bool expected)
    {
        Assert.Equal(expected, AppraisalRules.IsMeasurable(criteria));
    }

    [Fact]
    public void IsMeasurable_WordsWithAMeasureAndATarget_AreMeasurable()
    {
        Assert.True(AppraisalRules.IsMeasurable("Pupils improve their reading", "reading age", "chronological age"));
        Assert.False(AppraisalRules.IsMeasurable("Pupils improve their reading", "reading age", null));
        Assert.False(AppraisalRules.IsMeasurable("", "reading age", "9y 6m"));
    }

    [Fact]
    public void AgreementErrors_TwoMeasurableWithPupilProgress_NoErrors()
    {
        var objectives = new[] { Objective(ObjectiveType.PupilProgress), Objective(ObjectiveType.RoleSpecific) };

        Assert.Empty(AppraisalRules.AgreementErrors(objectives));
    }

    [Fact]
    public void AgreementErrors_FiveObjectives_NoErrorsButSixAreTooMany()
    {
        var five = Enumerable.Range(0, 5).Select(i => Objective(i == 0 ? ObjectiveType.PupilProgress : ObjectiveType.SchoolPriority)).ToList();
        var six = five.Append(Objective(ObjectiveType.ProfessionalDevelopment)).ToList();

        Assert.Empty(AppraisalRules.AgreementErrors(five));
        Assert.Equal(["Set no more than 5 objectives"], AppraisalRules.AgreementErrors(six).Select(e => e.Message));
    }

    [Fact]
    public void AgreementErrors_OneObjective_TooFew()
    {
        var errors = AppraisalRules.AgreementErrors([Objective(ObjectiveType.PupilProgress)]);

        Assert.Equal(["Set at least 2 objectives before they are agreed"], errors.Select(e => e.Message));
    }

    [Fact]
    public void AgreementErrors_NoPupilProgressObjective_Refused()
    {
        var errors = AppraisalRules.AgreementErrors([Objective(ObjectiveType.RoleSpecific), Objective(ObjectiveType.ProfessionalDevelopment)]);

        var error = Assert.Single(errors);
        Assert.Equal("Objectives", error.Field);
        Assert.Contains("pupil-progress", error.Message);
    }

    [Fact]
    public void AgreementErrors_UnmeasurableCriteria_NamesTheObjective()
    {
        var vague = Objective(ObjectiveType.RoleSpecific, "Keep the site tidy");

        var errors = AppraisalRules.AgreementErrors([Objective(ObjectiveType.PupilProgress), vague]);

        var error = Assert.Single(errors);
        Assert.Contains($"‘{vague.Title}’", error.Message);
    }

    [Fact]
    public void EditObjectivesError_OnlyWhenAgreed()
    {
        Assert.Null(AppraisalRules.EditObjectivesError(new Appraisal { ObjectivesStatus = ObjectivesStatus.Draft }));
        Assert.Null(AppraisalRules.EditObjectivesError(new Appraisal { ObjectivesStatus = ObjectivesStatus.NotAgreed }));
        Assert.NotNull(AppraisalRules.EditObjectivesError(new Appraisal { ObjectivesStatus = ObjectivesStatus.Agreed }));
    }

    [Fact]
    public void AddObjectiveError_FifthAllowedSixthRefused()
    {
        var draft = new Appraisal();

        Assert.Null(AppraisalRules.AddObjectiveError(draft, 4));
        Assert.Equal("An appraisal has at most 5 objectives", AppraisalRules.AddObjectiveError(draft, 5)?.Message);
    }

    [Fact]
    public void RemoveObjectiveError_RatedObjective_Refused()
    {
        Assert.Null(AppraisalRules.RemoveObjectiveError(new Appraisal(), hasRatings: false));
        Assert.NotNull(AppraisalRules.RemoveObjectiveError(new Appraisal(), hasRatings: true));
    }

    [Fact]
    public void StartReviewError_DraftObjectives_RefusedButADisagreementLetsTheYearGoOn()
    {
        Assert.NotNull(AppraisalRules.StartReviewError(new Appraisal { ObjectivesStatus = ObjectivesStatus.Draft }));
        Assert.Null(AppraisalRules.StartReviewError(new Appraisal { ObjectivesStatus = ObjectivesStatus.NotAgreed }));
        Assert.Null(AppraisalRules.StartReviewError(new Appraisal { ObjectivesStatus = ObjectivesStatus.Agreed }));
    }

    [Fact]
    public void ValidateObjective_MissingFields_OneErrorEach()
    {
        var errors = AppraisalRules.ValidateObjective(new ObjectiveInput(" ", null, null, Measure: new string('x', 201)));

        Assert.Equal(["Title", "SuccessCriteria", "Type", "Measure"], errors.Select(e => e.Field));
        Assert.Empty(AppraisalRules.ValidateObjective(GoodInput));
    }

    [Fact]
    public void ValidateRatings_FinalRatingInAMidYearReview_Refused()
    {
        var errors = AppraisalRules.ValidateRatings(ReviewKind.MidYear,
            [new RatingInput(1, Rating.OnTrack), new RatingInput(2, Rating.Met), new RatingInput(99, Rating.AtRisk), new RatingInput(3, null)],
            [1, 2, 3]);

        Assert.Equal(["Ratings[2]", "Ratings[99]"], errors.Select(e => e.Field));
        Assert.Equal("Select on track, at risk or off track", errors[0].Message);
    }

    [Fact]
    public void AppraiserSignErrors_MidYearWithoutARatingForEveryObjective_NamesTheMissingOne()
    {
        var first = Objective(ObjectiveType.PupilProgress);
        var second = Objective(ObjectiveType.RoleSpecific);
        var review = new AppraisalReview { Kind = ReviewKind.MidYear, Ratings = [new ObjectiveRating { ObjectiveId = first.Id, Rating = Rating.OnTrack }] };

        var errors = AppraisalRules.AppraiserSignErrors(review, [first, second]);

        var error = Assert.Single(errors);
        Assert.Equal($"Ratings[{second.Id}]", error.Field);
    }

    [Fact]
    public void AppraiserSignErrors_FinalReviewWithMidYearRatings_Refused()
    {
        var objective = Objective(ObjectiveType.PupilProgress);
        var review = new AppraisalReview { Kind = ReviewKind.Final, Ratings = [new ObjectiveRating { ObjectiveId = objective.Id, Rating = Rating.OnTrack }] };

        var errors = AppraisalRules.AppraiserSignErrors(review, [objective]);

        Assert.Contains("met, partly met or not met", Assert.Single(errors).Message);
        review.Ratings[0].Rating = Rating.PartlyMet;
        Assert.Empty(AppraisalRules.AppraiserSignErrors(review, [objective]));
    }

    [Fact]
    public void SignErrors_LockedReview_RefusedForBoth()
    {
        var objective = Objective(ObjectiveType.PupilProgress);
        var review = new AppraisalReview
        {
            Kind = ReviewKind.MidYear,
            AppraiserSignedAt = DateTime.UtcNow,
            AppraiseeSignedAt = DateTime.UtcNow,
            Ratings = [new ObjectiveRating { ObjectiveId = objective.Id, Rating = Rating.OnTrack }],
        };

        Assert.True(review.IsLocked);
        Assert.Equal([AppraisalRules.LockedError], AppraisalRules.AppraiserSignErrors(review, [objective]));
        Assert.Equal([AppraisalRules.LockedError], AppraisalRules.AppraiseeSignErrors(review));
    }

    [Fact]
    public void AppraiseeSignErrors_SignedOnce_CannotSignAgain()
    {
        Assert.Empty(AppraisalRules.AppraiseeSignErrors(new AppraisalReview()));
        Assert.NotEmpty(AppraisalRules.AppraiseeSignErrors(new AppraisalReview { AppraiseeSignedAt = DateTime.UtcNow }));
    }

    [Theory]
    [InlineData(new[] { Rating.OnTrack, Rating.OnTrack }, Rating.OnTrack)]
    [InlineData(new[] { Rating.OnTrack, Rating.AtRisk, Rating.OnTrack }, Rating.AtRisk)]
    [InlineData(new[] { Rating.AtRisk, Rating.OffTrack, Rating.OnTrack }, Rating.OffTrack)]
    [InlineData(new[] { Rating.OffTrack, Rating.AtRisk }, Rating.OffTrack)]
    public void OnTrackStatus_IsTheWorstMidYearRating(Rating[] ratings, Rating expected)
    {
        Assert.Equal(expected, AppraisalRules.OnTrackStatus(ratings));
    }

    [Fact]
    public void OnTrackStatus_NoMidYearRatings_IsNull()
    {
        Assert.Null(AppraisalRules.OnTrackStatus([]));
        Assert.Null(AppraisalRules.OnTrackStatus([Rating.NotMet]));
    }

    [Fact]
    public void ReasonError_BlankOrTooLong_Refused()
    {
        Assert.NotNull(AppraisalRules.ReasonError(" "));
        Assert.NotNull(AppraisalRules.ReasonError(new string('x', Appraisal.ReasonMaxLength + 1)));
        Assert.Null(AppraisalRules.ReasonError("Rating typed in error"));
    }

    [Theory]
    [InlineData("pupil-progress", ObjectiveType.PupilProgress)]
    [InlineData("Professional development", ObjectiveType.ProfessionalDevelopment)]
    [InlineData("SCHOOL_PRIORITY", ObjectiveType.SchoolPriority)]
    [InlineData(" role-specific ", ObjectiveType.RoleSpecific)]
    public void TryParseObjectiveType_CodesAndLooseSpellings_Parse(string code, ObjectiveType expected)
    {
        Assert.True(AppraisalCodes.TryParseObjectiveType(code, out var type));
        Assert.Equal(expected, type);
        Assert.False(AppraisalCodes.TryParseObjectiveType("capability", out _));
    }

    [Fact]
    public void RatingCodes_RoundTripAndBelongToTheirKind()
    {
        foreach (var rating in Enum.GetValues<Rating>())
        {
            Assert.True(AppraisalCodes.TryParseRating(rating.Code(), out var parsed));
            Assert.Equal(rating, parsed);
        }
        Assert.All(AppraisalCodes.MidYearRatings, r => Assert.Equal(ReviewKind.MidYear, r.Kind()));
        Assert.All(AppraisalCodes.FinalRatings, r => Assert.Equal(ReviewKind.Final, r.Kind()));
    }

    [Fact]
    public void DefaultDueDates_AreTheEndsOfOctoberFebruaryAndMidJuly()
    {
        Assert.Equal(new CycleDueDates(new(2025, 10, 31), new(2026, 2, 28), new(2026, 7, 15)), CycleDueDates.Default(2025));
        Assert.Empty(AppraisalCycles.Validate(2025, CycleDueDates.Default(2025)));
    }

    [Fact]
    public void ValidateDueDates_OutOfOrderOrOutsideTheYear_Refused()
    {
        var errors = AppraisalCycles.Validate(2025, new CycleDueDates(new(2025, 8, 31), new(2026, 3, 1), new(2026, 2, 1)));

        Assert.Equal(["ObjectivesDue", "FinalDue"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("2025-06-10", "2025-09-01")]
    [InlineData("2025-11-20", "2025-11-20")]
    [InlineData("2026-11-20", "2026-08-31")]
    public void InPostDate_IsTodayOrTheFirstOfSeptemberWhicheverIsLaterWithinTheYear(string today, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), AppraisalCycles.InPostDate(2025, DateOnly.Parse(today)));
    }
}
