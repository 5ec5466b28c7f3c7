using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Kernel;

namespace Lynchpin.Core.Careers;

/// <summary>The codes the careers area writes to files, URLs and the database, and the words pages show.</summary>
public static class CareerCodes
{
    public static readonly CodeList<StandardRating> Ratings = new(
        (StandardRating.NotMet, "not-met", "Not met"),
        (StandardRating.Developing, "developing", "Developing"),
        (StandardRating.Secure, "secure", "Secure"),
        (StandardRating.Strength, "strength", "Strength"));

    public static readonly CodeList<AssessedBy> Assessors = new(
        (AssessedBy.Self, "self", "Self-assessment"),
        (AssessedBy.LineManager, "line-manager", "Line manager"));

    public static readonly CodeList<QualificationKind> QualificationKinds = new(
        (QualificationKind.Qualification, "qualification", "Qualification"),
        (QualificationKind.Apprenticeship, "apprenticeship", "Apprenticeship"),
        (QualificationKind.Status, "status", "Status"),
        (QualificationKind.Npq, "npq", "National professional qualification"),
        (QualificationKind.Degree, "degree", "Degree"),
        (QualificationKind.Licence, "licence", "Licence or certificate"));
}
