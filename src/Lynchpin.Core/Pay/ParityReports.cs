using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Pay;

/// <summary>A parity report: its rows, the sentences on where groups differ most, and whether pay figures are in it.</summary>
public sealed record ParityResult(int Year, int BaseYear, IReadOnlyList<ParityRow> Rows, IReadOnlyList<string> Sentences, bool WithPay);

/// <summary>
/// The parity report for a school or a trust and a year. Pay figures only when the caller passes a pay reader (an account
/// with pay access, checked by the caller); that read is audited, once per report, in the school's or trust's trail. The
/// figures are group means with small groups suppressed (<see cref="PaySuppression"/>), so no row is one person's pay.
/// Without a pay reader, the rows carry no pay at all.
/// </summary>
public class ParityReports(LynchpinDbContext db, ParityData data, AuditLog audit)
{
    public async Task<ParityResult> ForSchoolAsync(School school, int year, int baseYear, Recorder? payReader, CancellationToken ct = default)
    {
        var people = await data.ForSchoolAsync(school.Id, year, payReader is null ? null : new PayRequest(baseYear), ct);
        return await BuildAsync(people, year, baseYear, payReader, $"{school.Name} (URN {school.Urn})", AuditSubject.School(school), ct);
    }

    public async Task<ParityResult> ForTrustAsync(Trust trust, int year, int baseYear, Recorder? payReader, CancellationToken ct = default)
    {
        var people = await data.ForTrustAsync(trust.Id, year, payReader is null ? null : new PayRequest(baseYear), ct);
        return await BuildAsync(people, year, baseYear, payReader, $"{trust.Name} ({trust.Code})",
            new AuditSubject(trust.Id, null, null, AuditRecordTypes.Trust, trust.Code), ct);
    }

    private async Task<ParityResult> BuildAsync(IReadOnlyList<ParityPerson> people, int year, int baseYear, Recorder? payReader, string what, AuditSubject subject, CancellationToken ct)
    {
        var rows = ParityReport.Calculate(people, withPay: payReader is not null);
        if (payReader is not null)
        {
            audit.Add(AuditActions.ParityPayRead, subject,
                $"Parity report with pay, {what}, {SchoolYear.Name(year)} (awards since {SchoolYear.Name(baseYear)})", audit.As(payReader));
            await db.SaveChangesAsync(ct);
        }
        return new ParityResult(year, baseYear, rows, ParitySentences.For(rows), payReader is not null);
    }
}
