using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Standards;

/// <summary>The sets of professional standards a school or trust follows, and the role families each is for.</summary>
public class IndexModel(CareerStandards standards) : StandardsPage(standards)
{
    public void OnGet()
    {
    }
}
