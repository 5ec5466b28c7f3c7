using Lynchpin.Core.Cpd;

namespace Lynchpin.Web.Pages.Cpd;

/// <summary>Words, tags and number formats the CPD pages share.</summary>
public static class CpdText
{
    private static readonly System.Globalization.CultureInfo British = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal value) => value.ToString("£#,##0.00", British);

    public static string Hours(decimal value) => value.ToString("0.##", British);

    public static (string Text, string Tag) Request(CpdRequestStatus status) => status switch
    {
        CpdRequestStatus.WithLineManager => ("With line manager", "govuk-tag--yellow"),
        CpdRequestStatus.WithBudgetHolder => ("With budget holder", "govuk-tag--yellow"),
        CpdRequestStatus.Approved => ("Approved", "govuk-tag--green"),
        CpdRequestStatus.Declined => ("Declined", "govuk-tag--red"),
        CpdRequestStatus.Withdrawn => ("Withdrawn", "govuk-tag--grey"),
        _ => ("Done", "govuk-tag--blue"),
    };

    public static (string Text, string Tag) Evaluation(EvaluationState state) => state switch
    {
        EvaluationState.NotYetDue => ("Not yet due", "govuk-tag--grey"),
        EvaluationState.Due => ("Evaluation due", "govuk-tag--yellow"),
        EvaluationState.Overdue => ("Evaluation overdue", "govuk-tag--red"),
        EvaluationState.WithLineManager => ("With line manager", "govuk-tag--blue"),
        _ => ("Evaluated", "govuk-tag--green"),
    };

    public static IReadOnlyList<SelectListItem> KindOptions() =>
        [new SelectListItem("Choose the kind", ""), .. CpdCodes.Kinds.All.Select(k => new SelectListItem(CpdCodes.Kinds.Name(k), CpdCodes.Kinds.Code(k)))];

    public static IReadOnlyList<SelectListItem> ImpactOptions() =>
        CpdCodes.Impact.All.Select(i => new SelectListItem(CpdCodes.Impact.Name(i), CpdCodes.Impact.Code(i))).ToList();

    /// <summary>The school years a year picker offers: two back, this one, and the next.</summary>
    public static IReadOnlyList<int> Years(DateOnly today)
    {
        var year = Core.Progression.SchoolYear.Of(today);
        return [year - 2, year - 1, year, year + 1];
    }
}
