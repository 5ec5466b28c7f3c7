using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Pupils;

/// <summary>One PEP meeting as recorded, with its quality check shown as reasons.</summary>
public class PepModel(Peps peps) : PupilPageModel
{
    public Pep Pep { get; private set; } = null!;
    public PepQualityResult Quality { get; private set; } = null!;
    public IReadOnlyList<PepTarget> Evaluated { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int pepId, CancellationToken ct)
    {
        var pep = await Db.Peps.AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == pepId && p.PupilId == Pupil.Id, ct);
        if (pep is null)
        {
            return NotFound();
        }
        Pep = pep;
        Quality = await peps.QualityAsync(pep, ct);
        Evaluated = await Db.PepTargets.AsNoTracking().Where(t => t.EvaluatedAtPepId == pep.Id).OrderBy(t => t.Id).ToListAsync(ct);
        return Page();
    }
}
