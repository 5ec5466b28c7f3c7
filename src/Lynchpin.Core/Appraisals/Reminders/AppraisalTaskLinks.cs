using System.Globalization;

namespace Lynchpin.Core.Appraisals.Reminders;

/// <summary>Where each appraisal task is done, for the home page and for the links in reminder emails.</summary>
public static class AppraisalTaskLinks
{
    /// <summary>Objectives are agreed on the person's appraisal page; reviews on the review's own page.</summary>
    public static string PathOf(AppraisalTask task) => task.Review is ReviewKind kind
        ? string.Create(CultureInfo.InvariantCulture, $"/staff/{task.StaffMemberId}/appraisal/reviews/{kind.Code()}?year={task.Year}")
        : string.Create(CultureInfo.InvariantCulture, $"/staff/{task.StaffMemberId}/appraisal?year={task.Year}");
}
