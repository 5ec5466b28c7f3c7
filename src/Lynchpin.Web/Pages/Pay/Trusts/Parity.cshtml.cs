using Lynchpin.Core.Pay;

namespace Lynchpin.Web.Pages.Pay.Trusts;

/// <summary>The parity report across a trust's schools (its admins); pay figures for admins with pay access, audited.</summary>
public class ParityModel(ParityReports reports) : TrustPageModel
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
        CanReadPay = await MayAsync(Trust, Operations.ReadPay);
        Report = await reports.ForTrustAsync(Trust, chosen, baseYear, CanReadPay ? await RecorderAsync(ct) : null, ct);
        return PageOrInvalid();
    }
}
