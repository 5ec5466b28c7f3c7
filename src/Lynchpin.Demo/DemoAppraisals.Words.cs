using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

// The words of the reviews: rating comments, the appraiser's and the person's comments, reflections.
internal static partial class DemoAppraisals
{
    private static string RatingComment(Objective objective, Rating rating, Story story)
    {
        if (objective.Type != ObjectiveType.PupilProgress && story.Random.NextDouble() < 0.5)
        {
            return rating is Rating.OnTrack or Rating.Met ? story.Pick(RatingComments[rating]) : RatingComments[rating][0];
        }
        return story.Pick(RatingComments[rating]);
    }

    private static readonly IReadOnlyDictionary<Rating, string[]> RatingComments = new Dictionary<Rating, string[]>
    {
        [Rating.OnTrack] = ["On course at the February check.", "The half-way figures show steady improvement.", "The evidence so far puts this on track.", "Ahead of the planned steps."],
        [Rating.AtRisk] = ["Behind the planned progress at the February check; see the support plan."],
        [Rating.OffTrack] = ["Well short of where it should be at the half-way point; see the support plan."],
        [Rating.Met] = ["Met: the final figures reached the target.", "Met, with the evidence in the review folder.", "Met, and in places exceeded.", "Met."],
        [Rating.PartlyMet] = ["Partly met: real progress, but short of the target.", "Partly met; carried into next year's objectives."],
        [Rating.NotMet] = ["Not met this year, for reasons we both understand; carried into next year with more support."],
    };

    private static string Fill(string text, StaffMember person) => text.Replace("{first}", person.FirstName, StringComparison.Ordinal);

    private static readonly string[] MidYearOnTrack =
    [
        "{first} is on course with every objective. We agreed to keep the same focus for the spring and summer terms.",
        "Good progress at the half-way point; the figures so far put the targets within reach.",
        "A strong first half of the year. The next step is to keep the evidence up to date for the final review.",
        "On track across the board. We talked about what would stretch {first} further next year.",
    ];

    private static readonly string[] MidYearReplies =
    [
        "I agree with the ratings.",
        "Happy with how it's going. The spring term is busier, so I've planned the next steps now.",
        "Thanks. I'd like some time with my coach before the final review.",
        "Agreed.",
    ];

    private static readonly string[] FinalOverall =
    [
        "A successful year. {first}'s work on the pupil-progress objective made a real difference to the pupils involved.",
        "{first} met what we set out to do in September and has grown in confidence in the role.",
        "A good year, with the objectives met or close to it. We have talked about next year's focus.",
        "Thank you, {first}, for a year of steady, reliable work that pupils have gained from.",
    ];

    private static readonly string[] FinalComments =
    [
        "The evidence for each objective is in the review folder and we went through it together.",
        "We talked about next year's objectives and the training that would help.",
        "The figures for the pupil-progress objective were checked against the school's data before the meeting.",
    ];

    private static readonly string[] FinalReplies =
    [
        "I agree with the ratings.",
        "Thank you for the support this year.",
        "A fair summary of the year.",
        "Agreed. I'd like to keep the same pupil group next year if I can.",
    ];

    private static readonly IReadOnlyDictionary<Kind, string[]> Reflections = new Dictionary<Kind, string[]>
    {
        [Kind.Teaching] =
        [
            "Looking at the data every half term kept me honest about which pupils were slipping. Next year I want to act on it sooner.",
            "The coaching sessions were the most useful CPD I've had. I'd like to coach someone myself next year.",
            "A tough year with Year 11, but the results showed the revision plan worked. I'd like to share it with the department.",
            "I've changed how I start lessons because of the reading work, and it has helped the weaker readers most.",
        ],
        [Kind.PupilSupport] =
        [
            "Seeing the group's progress in numbers made me proud of the work. I'd like to run two groups next year.",
            "It helped to have a target about pupils rather than only about tasks. I'd like more training in the summer term.",
            "The morning calls took time, but the attendance figures show they were worth it.",
            "I'd like to share what worked with the other schools in the trust.",
        ],
        [Kind.Operations] =
        [
            "I hadn't thought of my job as being about pupils' learning before, but the lost-lessons figure showed me it is.",
            "Keeping the log every week was a chore at first; it made the final review easy.",
            "Good year. I'd like to do the next level of the course.",
            "It was good to be appraised the same way as everyone else, with a target about pupils.",
        ],
    };
}
