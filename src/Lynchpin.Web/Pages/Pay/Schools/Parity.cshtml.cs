using Lynchpin.Core.Pay;

namespace Lynchpin.Web.Pages.Pay.Schools;

/// <summary>
/// The parity report for a school and year: do support staff get the same development and reward as teachers? Pay
/// figures only for accounts with pay access, and that read is audited.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class ParityModel(ParityReports reports) : SchoolPageModel
{
    public ParityResult Report { get; private set; } = null!;
    public bool CanReadPay { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, int? since, CancellationToken ct)
    {
        var (chosen, baseYear, error) = ParityPage.Years(year, since, Today);
        if (error is not null)
        {
            ModelState.AddModelError("year", error);
        }
        CanReadPay = await MayAsync(School, Operations.ReadPay);
        Report = await reports.ForSchoolAsync(School, chosen, baseYear, CanReadPay ? await RecorderAsync(ct) : null, ct);
        return PageOrInvalid();
    }
}
