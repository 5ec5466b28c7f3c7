using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Kernel;

namespace Lynchpin.Core.Cpd;

/// <summary>The codes the CPD area writes to files, URLs and the database, and the words pages show.</summary>
public static class CpdCodes
{
    public static readonly CodeList<CpdKind> Kinds = new(
        (CpdKind.Course, "course", "Course"),
        (CpdKind.Inset, "inset", "INSET day"),
        (CpdKind.Coaching, "coaching", "Coaching"),
        (CpdKind.PeerObservation, "peer-observation", "Peer observation"),
        (CpdKind.SchoolVisit, "school-visit", "School visit"),
        (CpdKind.Reading, "reading", "Reading or research"),
        (CpdKind.QualificationStudy, "qualification-study", "Qualification study"),
        (CpdKind.Conference, "conference", "Conference"));

    public static readonly CodeList<CpdRequestStatus> RequestStatuses = new(
        (CpdRequestStatus.WithLineManager, "with-line-manager", "Waiting for the line manager"),
        (CpdRequestStatus.WithBudgetHolder, "with-budget-holder", "Waiting for the budget holder"),
        (CpdRequestStatus.Approved, "approved", "Approved"),
        (CpdRequestStatus.Declined, "declined", "Declined"),
        (CpdRequestStatus.Withdrawn, "withdrawn", "Withdrawn"),
        (CpdRequestStatus.Recorded, "recorded", "Done and recorded"));

    public static readonly CodeList<ImpactRating> Impact = new(
        (ImpactRating.None, "none", "No difference yet"),
        (ImpactRating.Little, "little", "A little"),
        (ImpactRating.Some, "some", "Some"),
        (ImpactRating.Strong, "strong", "A lot"));
}
