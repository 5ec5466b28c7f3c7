using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// What a set of objectives needs before the person can agree it, item by item, from the same rules that refuse the agreement.
/// </summary>
public sealed record AgreementChecklist(int Count, bool HasPupilProgress, IReadOnlyList<string> NotMeasurable)
{
    public bool CountOk => Count is >= AppraisalRules.MinObjectives and <= AppraisalRules.MaxObjectives;

    public bool AllMeasurable => Count > 0 && NotMeasurable.Count == 0;

    public bool Ready => CountOk && HasPupilProgress && AllMeasurable;

    public static AgreementChecklist For(IReadOnlyCollection<Objective> objectives) => new(
        objectives.Count,
        objectives.Any(o => o.Type == ObjectiveType.PupilProgress),
        objectives.OrderBy(o => o.SortOrder).Where(o => !AppraisalRules.IsMeasurable(o)).Select(o => o.Title).ToList());
}
