using ClosedXML.Excel;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>
/// A school's appraisal year as a workbook: one row per person (objectives, statuses, review dates and ratings) and
/// one per objective. Scoped like the dashboard (a line manager gets their team). Never pay recommendations: they are
/// loaded only through PayRecommendations, which this export does not use.
/// </summary>
[Requires(nameof(Operations.ViewAppraisals))]
public class ExportModel(ProfileCalculator calculator) : AppraisalSchoolPage
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> PeopleColumns =
    [
        "staff_ref", "first_name", "last_name", "job_title", "role_family", "category", "appraiser", "reviewer",
        "objectives_status", "objectives_agreed_on", "objective_count", "pupil_progress_objective", "objectives",
        "mid_year_status", "mid_year_appraiser_signed_on", "mid_year_person_signed_on", "mid_year_on_track", "mid_year_ratings",
        "final_status", "final_appraiser_signed_on", "final_person_signed_on", "final_ratings",
    ];

    public static readonly IReadOnlyList<string> ObjectiveColumns =
    [
        "staff_ref", "first_name", "last_name", "number", "title", "type", "success_criteria", "school_priority",
        "pupil_group", "measure", "baseline", "target", "mid_year_rating", "final_rating", "support_plan_review_by",
    ];

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var asked = ParseYear(YearText);
        if (YearText is not null && asked is null)
        {
            return BadRequest();
        }
        var year = asked ?? CurrentYear;
        var cycle = await CycleAsync(year, ct);
        List<Appraisal> appraisals = [];
        if (cycle is not null)
        {
            var query = InPostAppraisals(cycle);
            if (await TeamAsync(calculator, ct) is { } team)
            {
                var people = team.ToList();
                query = query.Where(a => people.Contains(a.StaffMemberId));
            }
            appraisals = await query.AsNoTracking().WithDetails()
                .OrderBy(a => a.StaffMember.LastName).ThenBy(a => a.StaffMember.FirstName).ThenBy(a => a.Id)
                .ToListAsync(ct);
        }
        var name = $"appraisal-{School.Urn}-{SchoolYear.Name(year).Replace('/', '-')}.xlsx";
        return await ExportAsync(Xlsx(year, appraisals), XlsxContentType, name, AuditSubject.School(School), ct);
    }

    public static byte[] Xlsx(int year, IReadOnlyList<Appraisal> appraisals)
    {
        using var workbook = new XLWorkbook();
        var people = workbook.Worksheets.Add($"People {SchoolYear.Name(year).Replace('/', '-')}");
        Header(people, PeopleColumns);
        var row = 2;
        foreach (var a in appraisals)
        {
            var objectives = a.Objectives.OrderBy(o => o.SortOrder).ToList();
            var midYear = a.CurrentReview(ReviewKind.MidYear);
            var final = a.CurrentReview(ReviewKind.Final);
            Write(people, row++,
            [
                a.StaffMember.StaffRef, a.StaffMember.FirstName, a.StaffMember.LastName, a.StaffMember.JobTitle,
                a.StaffMember.RoleFamily.Code(), a.StaffMember.RoleFamily == RoleFamily.Teaching ? "teaching" : "support",
                a.Appraiser?.FullName, a.Reviewer?.FullName,
                Status(a.ObjectivesStatus), Date(a.AgreedAt), objectives.Count,
                objectives.Any(o => o.Type == ObjectiveType.PupilProgress) ? "yes" : "no",
                string.Join("\n", objectives.Select((o, i) => $"{i + 1}. {o.Title} ({o.Type.Code()})")),
                Status(midYear), Date(midYear?.AppraiserSignedAt), Date(midYear?.AppraiseeSignedAt),
                a.OnTrackStatus() is Rating status && midYear?.AppraiserSignedAt is not null ? status.Code() : null,
                Ratings(midYear, objectives),
                Status(final), Date(final?.AppraiserSignedAt), Date(final?.AppraiseeSignedAt),
                Ratings(final, objectives),
            ]);
        }
        Widths(people, PeopleColumns);

        var sheet = workbook.Worksheets.Add("Objectives");
        Header(sheet, ObjectiveColumns);
        row = 2;
        foreach (var a in appraisals)
        {
            var midYear = a.CurrentReview(ReviewKind.MidYear);
            var final = a.CurrentReview(ReviewKind.Final);
            var number = 1;
            foreach (var o in a.Objectives.OrderBy(o => o.SortOrder))
            {
                Write(sheet, row++,
                [
                    a.StaffMember.StaffRef, a.StaffMember.FirstName, a.StaffMember.LastName, number++, o.Title, o.Type.Code(),
                    o.SuccessCriteria, o.SchoolPriority, o.PupilGroup, o.Measure, o.Baseline, o.Target,
                    midYear?.Ratings.SingleOrDefault(r => r.ObjectiveId == o.Id)?.Rating.Code(),
                    final?.Ratings.SingleOrDefault(r => r.ObjectiveId == o.Id)?.Rating.Code(),
                    o.SupportPlan?.ReviewBy,
                ]);
            }
        }
        Widths(sheet, ObjectiveColumns);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Cell(1, i + 1).Value = columns[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }
        sheet.SheetView.FreezeRows(1);
    }

    private static void Write(IXLWorksheet sheet, int row, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            switch (values[i])
            {
                case null:
                    break;
                case DateOnly date:
                    cell.Value = date.ToDateTime(TimeOnly.MinValue);
                    cell.Style.DateFormat.Format = "yyyy-mm-dd";
                    break;
                case int number:
                    cell.Value = number;
                    break;
                case string text:
                    // ClosedXML 0.95 would make "=…" a live formula.
                    cell.Value = SpreadsheetText.Safe(text);
                    if (text.Contains('\n'))
                    {
                        cell.Style.Alignment.WrapText = true;
                    }
                    break;
                default:
                    throw new InvalidOperationException($"No cell format for {values[i]!.GetType().Name}.");
            }
        }
    }

    // Fixed widths: AdjustToContents measures text with System.Drawing, which needs libgdiplus on Linux.
    private static void Widths(IXLWorksheet sheet, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Column(i + 1).Width = columns[i] is "objectives" or "title" or "success_criteria" ? 48
                : columns[i] is "mid_year_ratings" or "final_ratings" or "job_title" ? 28
                : 18;
        }
    }

    private static DateOnly? Date(DateTime? utc) => utc is DateTime at ? DateOnly.FromDateTime(SchoolClock.FromUtc(at)) : null;

    private static string Status(ObjectivesStatus status) => status switch
    {
        ObjectivesStatus.Agreed => "agreed",
        ObjectivesStatus.NotAgreed => "not-agreed",
        _ => "draft",
    };

    private static string Status(AppraisalReview? review) =>
        review is null ? "not-started"
        : review.IsLocked ? "done"
        : review.AppraiserSignedAt is not null ? "appraiser-signed"
        : "in-progress";

    private static string? Ratings(AppraisalReview? review, IReadOnlyList<Objective> objectives) =>
        review is null || review.Ratings.Count == 0
            ? null
            : string.Join("\n", objectives.Select((o, i) => (Number: i + 1, Rating: review.Ratings.SingleOrDefault(r => r.ObjectiveId == o.Id)))
                .Where(x => x.Rating is not null)
                .Select(x => $"{x.Number}. {x.Rating!.Rating.DisplayName()}"));
}
