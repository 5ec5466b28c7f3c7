using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Person;

/// <summary>
/// A person's career page: where they stand on their pathway and what they lack for each next step, their standards
/// (their own rating and their line manager's), their qualifications and deadlines. Whoever sees their record reads it.
/// </summary>
public class IndexModel(CareerProfiles profiles) : PersonPageModel
{
    public CareerProfile Profile { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanRateAsManager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = await profiles.ForPersonAsync(Member, Today, ct);
        CanManage = await MayAsync(Member, Operations.ManageDevelopment);
        CanRateAsManager = !IsOwn && await MayAsync(Member, Operations.Assess);
    }
}
