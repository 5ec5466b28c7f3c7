using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Demo;

// The reviews: 2025/26 told from start to end, 2026/27 under way.
internal static partial class DemoAppraisals
{
    // ---------------------------------------------------------------- 2025/26: the whole year

    private static void Complete(Appraisal appraisal, Story story, Recorder payRecorder, List<PayRecommendation> pay)
    {
        var person = story.Person;
        var objectives = Objectives(story, shared: true);
        appraisal.Objectives.AddRange(objectives);
        appraisal.ObjectivesStatus = ObjectivesStatus.Agreed;
        appraisal.AgreedAt = At(Day(new DateOnly(story.Year, 9, 29), story.Random.Next(24)), 15, 40 + story.Random.Next(120));
        if (story.Is(ReopenedObjectives))
        {
            appraisal.ObjectivesReopenedAt = At(new DateOnly(story.Year + 1, 1, 12), 16, 5);
            appraisal.ObjectivesReopenedByName = story.AppraiserName;
            appraisal.ObjectivesReopenReason =
                "The move to the new management information system was put back from February to the Easter holiday, so the dates in the data objective change.";
            appraisal.AgreedAt = At(new DateOnly(story.Year + 1, 1, 19), 15, 50);
            var data = objectives.Single(o => o.Type == ObjectiveType.RoleSpecific);
            data.SuccessCriteria = $"Every pupil's record, timetable and assessment history moves to the new system over the Easter holiday {story.Year + 1}, "
                + "checked against the old system for 20 pupils in each year group before the summer term starts.";
        }

        // Left before the mid-year review: objectives only.
        var midYearDate = Day(new DateOnly(story.Year + 1, 1, 26), story.Random.Next(24));
        if (!person.InPostOn(midYearDate))
        {
            return;
        }
        story.Has(Concerns, out var concern);
        var concernObjective = concern is null ? null
            : concern.OnDevelopment ? objectives.First(o => o.Type == ObjectiveType.ProfessionalDevelopment)
            : objectives.First(o => o.Type == ObjectiveType.PupilProgress);
        var midYear = Review(ReviewKind.MidYear, midYearDate, story);
        foreach (var objective in objectives)
        {
            var rating = objective == concernObjective ? concern!.MidYear : Rating.OnTrack;
            midYear.Ratings.Add(new ObjectiveRating { Objective = objective, Rating = rating, Comment = RatingComment(objective, rating, story) });
        }
        midYear.AppraiserComments = concern is null ? Fill(story.Pick(MidYearOnTrack), person) : concern.AppraiserComment;
        midYear.AppraiseeComments = concern is null ? story.Pick(MidYearReplies) : concern.Reply;
        Sign(midYear, midYearDate, story, story.Has(MidYearUnsigned, out var midYearUnsigned) ? midYearUnsigned : null);
        if (concern is not null)
        {
            concernObjective!.SupportPlan = new SupportPlan
            {
                Actions = concern.Actions,
                CoachId = person.CoachId,
                ReviewBy = Day(midYearDate.AddDays(42), 0),
                CreatedAt = At(midYearDate.AddDays(1), 16, 20),
                CreatedByName = story.AppraiserName,
            };
        }
        if (EvidenceLinks.TryGetValue(story.Ref, out var link))
        {
            midYear.Evidence.Add(new Evidence
            {
                Objective = objectives.First(o => o.Type == ObjectiveType.PupilProgress),
                Link = link,
                UploadedAt = At(midYearDate.AddDays(-2), 16, 0),
                UploadedByName = person.FullName,
            });
        }
        appraisal.Reviews.Add(midYear);
        if (story.Is(ReopenedMidYear))
        {
            appraisal.Reviews.Add(Reopen(midYear, midYearDate.AddDays(14), story,
                $"{person.FirstName} asked to add the log of the work-experience placements, which came in after we signed.",
                review => review.Evidence.Add(new Evidence
                {
                    Objective = objectives.First(o => o.Type == ObjectiveType.PupilProgress),
                    Link = "https://willow-bank.sharepoint.example/post-16/work-experience-log",
                    UploadedAt = At(midYearDate.AddDays(15), 15, 45),
                    UploadedByName = person.FullName,
                })));
        }

        // Left before the final review (the music teacher left at the end of July, after it).
        var finalDate = Day(new DateOnly(story.Year + 1, 6, 22), story.Random.Next(16));
        if (!person.InPostOn(finalDate))
        {
            return;
        }
        var final = Review(ReviewKind.Final, finalDate, story);
        foreach (var objective in objectives)
        {
            var rating = objective == concernObjective ? concern!.Final
                : story.Ref == DemoTeachingAssistantRef ? Rating.Met
                : story.Random.NextDouble() < (person.Category == StaffCategory.Teaching ? 0.12 : 0.06) ? Rating.PartlyMet
                : Rating.Met;
            final.Ratings.Add(new ObjectiveRating { Objective = objective, Rating = rating, Comment = RatingComment(objective, rating, story) });
        }
        final.OverallComments = Fill(story.Pick(FinalOverall), person);
        final.AppraiserComments = concern is null ? story.Pick(FinalComments) : "The support plan helped: we reviewed it twice and it is now closed.";
        final.AppraiseeComments = story.Pick(FinalReplies);
        final.Reflection = story.Pick(Reflections[Group(person.RoleFamily)]);
        if (story.Ref == DemoTeachingAssistantRef)
        {
            final.Reflection = "Leading the reading group has been the best part of the year. Five of the six pupils gained a year or more. "
                + "Next year I'd like to train in precision teaching and use it with a new group.";
        }
        Sign(final, finalDate, story, story.Has(FinalUnsigned, out var finalUnsigned) ? finalUnsigned : null);
        appraisal.Reviews.Add(final);
        if (story.Is(ReopenedFinal))
        {
            // Signed in July on the provisional results; the August results show the pupil-progress target was met.
            var progress = final.Ratings.Single(r => r.Objective.Type == ObjectiveType.PupilProgress);
            progress.Rating = Rating.PartlyMet;
            progress.Comment = "Partly met on the provisional results: 64% on or above target grade.";
            appraisal.Reviews.Add(Reopen(final, new DateOnly(story.Year + 1, 9, 7), story,
                "The Year 11 results published in August show 71% of the class on or above their target grade: the pupil-progress objective was met, not partly met.",
                review =>
                {
                    var reopened = review.Ratings.Single(r => r.Objective.Type == ObjectiveType.PupilProgress);
                    reopened.Rating = Rating.Met;
                    reopened.Comment = "Met on the published results: 71% on or above target grade.";
                }));
        }
        if (story.Has(PayTexts, out var payText))
        {
            pay.Add(new PayRecommendation
            {
                Appraisal = appraisal,
                Text = payText,
                // After the published results for the reopened review; otherwise in the week after the final review.
                RecordedAt = story.Ref == ReopenedFinal ? At(new DateOnly(story.Year + 1, 9, 10), 17, 10) : At(Day(finalDate.AddDays(5), 0), 17, 10),
                RecordedByUserId = payRecorder.UserId,
                RecordedByName = payRecorder.Name,
            });
        }
    }

    /// <summary>A new review version copying a locked one, as a reopen makes it, signed again a few days later.</summary>
    private static AppraisalReview Reopen(AppraisalReview locked, DateOnly on, Story story, string reason, Action<AppraisalReview> change)
    {
        locked.IsCurrent = false;
        var reopened = new AppraisalReview
        {
            Kind = locked.Kind,
            Version = locked.Version + 1,
            IsCurrent = true,
            AppraiserComments = locked.AppraiserComments,
            AppraiseeComments = locked.AppraiseeComments,
            OverallComments = locked.OverallComments,
            Reflection = locked.Reflection,
            ReopenedAt = At(on, 16, 0),
            ReopenedByName = story.AppraiserName,
            ReopenReason = reason,
            RecordedAt = At(on, 16, 0),
            Ratings = locked.Ratings.Select(r => new ObjectiveRating { Objective = r.Objective, Rating = r.Rating, Comment = r.Comment }).ToList(),
            Evidence = locked.Evidence.Select(e => new Evidence
            {
                Objective = e.Objective,
                Link = e.Link,
                UploadedAt = e.UploadedAt,
                UploadedByName = e.UploadedByName,
            }).ToList(),
        };
        change(reopened);
        Sign(reopened, Day(on, 1), story, null);
        return reopened;
    }

    private static AppraisalReview Review(ReviewKind kind, DateOnly date, Story story) => new()
    {
        Kind = kind,
        RecordedAt = At(date.AddDays(-3), 15, 30 + story.Random.Next(60)),
    };

    /// <summary>The appraiser signs on the day; the person a few days later, unless the story leaves it unsigned.</summary>
    private static void Sign(AppraisalReview review, DateOnly date, Story story, Unsigned? unsigned)
    {
        if (unsigned == Unsigned.Both)
        {
            return;
        }
        review.AppraiserSignedAt = At(date, 16, story.Random.Next(90));
        review.AppraiserSignedByName = story.AppraiserName;
        if (unsigned == Unsigned.ByThePerson)
        {
            return;
        }
        review.AppraiseeSignedAt = At(Day(date.AddDays(1 + story.Random.Next(4)), 0), 15, 30 + story.Random.Next(150));
    }

    // ---------------------------------------------------------------- 2026/27: under way

    private static void UnderWay(Appraisal appraisal, Story story)
    {
        var teaching = story.Person.Category == StaffCategory.Teaching;
        if (!story.Has(CurrentYearUnagreed, out var state))
        {
            appraisal.Objectives.AddRange(Objectives(story, shared: teaching));
            appraisal.ObjectivesStatus = ObjectivesStatus.Agreed;
            appraisal.AgreedAt = At(Day(new DateOnly(story.Year, 9, 21), story.Random.Next(38)), 15, 40 + story.Random.Next(120));
            return;
        }
        // The whole-school priority went to every teacher in one step when the cycle opened, whatever else is written.
        var objectives = Objectives(story, shared: teaching);
        appraisal.Objectives.AddRange(state switch
        {
            Unagreed.NoneWritten => objectives.Where(o => o.Type == ObjectiveType.SchoolPriority),
            Unagreed.HalfWritten => objectives.Where(o => o.Type is ObjectiveType.SchoolPriority or ObjectiveType.PupilProgress),
            _ => objectives,
        });
        // Sort orders as written: no gaps after leaving some out.
        for (var i = 0; i < appraisal.Objectives.Count; i++)
        {
            appraisal.Objectives[i].SortOrder = i + 1;
        }
        switch (state)
        {
            case Unagreed.NotAgreed:
                appraisal.ObjectivesStatus = ObjectivesStatus.NotAgreed;
                appraisal.NotAgreedReason = "The pupil-progress target was set on last year's Year 10 history group, but eight pupils have joined the class "
                    + "from other schools since, most without any history GCSE teaching. I'd like the target to be set on the pupils I actually teach.";
                break;
            case Unagreed.Reopened:
                appraisal.ObjectivesStatus = ObjectivesStatus.Draft;
                appraisal.ObjectivesReopenedAt = At(new DateOnly(story.Year, 11, 16), 16, 30);
                appraisal.ObjectivesReopenedByName = story.AppraiserName;
                appraisal.ObjectivesReopenReason =
                    "The boiler replacement has moved from the October to the February half term, so the target for lessons lost to heating faults needs to change.";
                break;
        }
    }
}
