using System.Text.RegularExpressions;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>An objective as typed on a form or read from an import row.</summary>
public record ObjectiveInput(
    string? Title,
    string? SuccessCriteria,
    ObjectiveType? Type,
    string? SchoolPriority = null,
    string? PupilGroup = null,
    string? Measure = null,
    string? Baseline = null,
    string? Target = null);

/// <summary>A rating typed for one objective in a review; a null rating is not yet given.</summary>
public record RatingInput(int ObjectiveId, Rating? Rating, string? Comment = null);

/// <summary>
/// The workflow rules of an appraisal, free of the database so they are tested on small cases.
/// The services apply them before every change; pages may call them to explain why a button is not offered.
/// </summary>
public static partial class AppraisalRules
{
    public const int MinObjectives = 2;
    public const int MaxObjectives = 5;

    /// <summary>Shown on every appraisal page.</summary>
    public const string CapabilityStatement =
        "Appraisal in Lynchpin is developmental. It is not part of any capability procedure and nothing recorded here starts one. " +
        "Each person can see everything recorded about them.";

    /// <summary>What a single objective needs before it is saved, even as a draft.</summary>
    public static IReadOnlyList<FieldError> ValidateObjective(ObjectiveInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new("Title", "Enter a title for the objective"));
        }
        else if (input.Title.Trim().Length > Objective.TitleMaxLength)
        {
            errors.Add(new("Title", $"The title must be {Objective.TitleMaxLength} characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(input.SuccessCriteria))
        {
            errors.Add(new("SuccessCriteria", "Enter the success criteria: how you will both know the objective is met"));
        }
        else if (input.SuccessCriteria.Trim().Length > Objective.SuccessCriteriaMaxLength)
        {
            errors.Add(new("SuccessCriteria", $"The success criteria must be {Objective.SuccessCriteriaMaxLength} characters or fewer"));
        }
        if (input.Type is null)
        {
            errors.Add(new("Type", "Select the type of objective"));
        }
        foreach (var (field, value) in new[]
        {
            ("SchoolPriority", input.SchoolPriority), ("PupilGroup", input.PupilGroup), ("Measure", input.Measure),
            ("Baseline", input.Baseline), ("Target", input.Target),
        })
        {
            if (value?.Trim().Length > Objective.ShortTextMaxLength)
            {
                errors.Add(new(field, $"This must be {Objective.ShortTextMaxLength} characters or fewer"));
            }
        }
        return errors;
    }

    /// <summary>
    /// Success criteria are measurable when there is text and something to measure it by: a number (which covers
    /// percentages, counts and dates such as 15/07/2026), a month, a number written as a word, or a measure with a target.
    /// "May" is left out of the months: it is far more often the verb.
    /// </summary>
    public static bool IsMeasurable(string? successCriteria, string? measure = null, string? target = null)
    {
        if (string.IsNullOrWhiteSpace(successCriteria))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(measure) && !string.IsNullOrWhiteSpace(target))
        {
            return true;
        }
        return successCriteria.Any(char.IsDigit) || MeasureWords().IsMatch(successCriteria);
    }

    public static bool IsMeasurable(Objective objective) => IsMeasurable(objective.SuccessCriteria, objective.Measure, objective.Target);

    [GeneratedRegex(
        @"\b(january|february|march|april|june|july|august|september|october|november|december|" +
        @"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|double|twice)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeasureWords();

    /// <summary>Why a set of objectives cannot be agreed yet; empty when it can.</summary>
    public static IReadOnlyList<FieldError> AgreementErrors(IReadOnlyCollection<Objective> objectives)
    {
        var errors = new List<FieldError>();
        if (objectives.Count < MinObjectives)
        {
            errors.Add(new("Objectives", $"Set at least {MinObjectives} objectives before they are agreed"));
        }
        else if (objectives.Count > MaxObjectives)
        {
            errors.Add(new("Objectives", $"Set no more than {MaxObjectives} objectives"));
        }
        if (!objectives.Any(o => o.Type == ObjectiveType.PupilProgress))
        {
            errors.Add(new("Objectives", "Include a pupil-progress objective: everyone, in every role, has one"));
        }
        foreach (var objective in objectives.OrderBy(o => o.SortOrder).Where(o => !IsMeasurable(o)))
        {
            errors.Add(new("Objectives",
                $"Make the success criteria of ‘{objective.Title}’ measurable: include a number, a date, or a measure and a target"));
        }
        return errors;
    }

    /// <summary>Objectives may change while in draft or after the person disagreed; agreed ones need a reopen first.</summary>
    public static FieldError? EditObjectivesError(Appraisal appraisal) => appraisal.ObjectivesStatus == ObjectivesStatus.Agreed
        ? new("Objectives", "These objectives have been agreed. Reopen them, with a reason, before changing them")
        : null;

    /// <summary>A rated objective is part of a review's record: it may be reworded but not removed.</summary>
    public static FieldError? RemoveObjectiveError(Appraisal appraisal, bool hasRatings) =>
        EditObjectivesError(appraisal)
        ?? (hasRatings ? new("Objectives", "This objective has been rated in a review, so it cannot be removed") : null);

    public static FieldError? AddObjectiveError(Appraisal appraisal, int existing) =>
        EditObjectivesError(appraisal)
        ?? (existing >= MaxObjectives ? new("Objectives", $"An appraisal has at most {MaxObjectives} objectives") : null);

    /// <summary>A review starts once objectives are settled: agreed, or with the person's disagreement recorded.</summary>
    public static FieldError? StartReviewError(Appraisal appraisal) => appraisal.ObjectivesStatus == ObjectivesStatus.Draft
        ? new("Review", "Objectives must be agreed, or the person's reasons for not agreeing recorded, before a review")
        : null;

    /// <summary>Ratings typed for a review: each must be of the review's kind and for one of the appraisal's objectives.</summary>
    public static IReadOnlyList<FieldError> ValidateRatings(ReviewKind kind, IEnumerable<RatingInput> ratings, IReadOnlyCollection<int> objectiveIds)
    {
        var errors = new List<FieldError>();
        foreach (var rating in ratings)
        {
            var field = RatingField(rating.ObjectiveId);
            if (!objectiveIds.Contains(rating.ObjectiveId))
            {
                errors.Add(new(field, "This objective is not part of the appraisal"));
            }
            else if (rating.Rating is Rating value && value.Kind() != kind)
            {
                errors.Add(new(field, kind == ReviewKind.MidYear
                    ? "Select on track, at risk or off track"
                    : "Select met, partly met or not met"));
            }
            if (rating.Comment?.Trim().Length > ObjectiveRating.CommentMaxLength)
            {
                errors.Add(new(field, $"The comment must be {ObjectiveRating.CommentMaxLength} characters or fewer"));
            }
        }
        return errors;
    }

    /// <summary>The field name of an objective's rating, matching a page's <c>Ratings[objectiveId]</c> input.</summary>
    public static string RatingField(int objectiveId) => $"Ratings[{objectiveId}]";

    /// <summary>The appraiser signs once every objective has a rating of the review's kind.</summary>
    public static IReadOnlyList<FieldError> AppraiserSignErrors(AppraisalReview review, IReadOnlyCollection<Objective> objectives)
    {
        var errors = new List<FieldError>();
        if (review.IsLocked)
        {
            errors.Add(LockedError);
            return errors;
        }
        if (review.AppraiserSignedAt is not null)
        {
            errors.Add(new("Review", "The appraiser has already signed this review"));
        }
        if (objectives.Count == 0)
        {
            errors.Add(new("Review", "There are no objectives to review"));
        }
        foreach (var objective in objectives.OrderBy(o => o.SortOrder))
        {
            var rating = review.Ratings.FirstOrDefault(r => r.ObjectiveId == objective.Id);
            if (rating is null || rating.Rating.Kind() != review.Kind)
            {
                errors.Add(new(RatingField(objective.Id), review.Kind == ReviewKind.MidYear
                    ? $"Select on track, at risk or off track for ‘{objective.Title}’"
                    : $"Select met, partly met or not met for ‘{objective.Title}’"));
            }
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> AppraiseeSignErrors(AppraisalReview review) =>
        review.IsLocked ? [LockedError]
        : review.AppraiseeSignedAt is not null ? [new("Review", "You have already signed this review")]
        : [];

    public static readonly FieldError LockedError =
        new("Review", "This review has been signed by both of you and is locked. Reopen it, with a reason, to change it");

    public static FieldError? ReasonError(string? reason, string field = "Reason") =>
        string.IsNullOrWhiteSpace(reason) ? new(field, "Enter a reason")
        : reason.Trim().Length > Appraisal.ReasonMaxLength ? new(field, $"The reason must be {Appraisal.ReasonMaxLength} characters or fewer")
        : null;

    /// <summary>How serious a mid-year rating is: off track over at risk over on track.</summary>
    public static int Severity(Rating rating) => rating switch
    {
        Rating.OffTrack => 3,
        Rating.AtRisk => 2,
        Rating.OnTrack => 1,
        _ => 0,
    };

    /// <summary>A person's on-track status: the worst of their mid-year ratings, or null when none is given.</summary>
    public static Rating? OnTrackStatus(IEnumerable<Rating> midYearRatings)
    {
        Rating? worst = null;
        foreach (var rating in midYearRatings.Where(r => r.Kind() == ReviewKind.MidYear))
        {
            if (worst is null || Severity(rating) > Severity(worst.Value))
            {
                worst = rating;
            }
        }
        return worst;
    }

    /// <summary>A support plan is for an objective whose latest rating is at risk or off track.</summary>
    public static bool MayHaveSupportPlan(Rating? latestRating) => latestRating is Rating.AtRisk or Rating.OffTrack;
}
