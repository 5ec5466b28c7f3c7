using Lynchpin.Core.Learning;

namespace Lynchpin.Web.Pages.Learning;

/// <summary>
/// A colleague suggested to a learner (the partial <c>_HelperSuggestion</c>): the coach link is for leaders of the
/// school, the peer-visit link for the learner, who records the observation themselves.
/// </summary>
public record HelperSuggestion(Helper Helper, int LearnerId, string LearnerName, bool IsSelf, bool CanChangeCoach);
