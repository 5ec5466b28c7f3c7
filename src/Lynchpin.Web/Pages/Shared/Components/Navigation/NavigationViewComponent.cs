namespace Lynchpin.Web.Pages.Shared.Components.Navigation;

/// <summary>
/// One item of the service navigation; <see cref="Current"/> is "page" on its own page, "true" anywhere inside it.
/// A <see cref="Secondary"/> item (one's own pages, account administration) goes under "More" when the menu is long.
/// </summary>
public sealed record NavigationItem(string Text, string Href, string? Current, bool Secondary = false);

/// <summary>The menu: the items in its row, and those under "More" (none when all fit).</summary>
public sealed record NavigationMenu(IReadOnlyList<NavigationItem> Items, IReadOnlyList<NavigationItem> More)
{
    /// <summary>
    /// The most items one row holds at 1280 px beside the signed-in email; a longer menu puts its secondary items under
    /// "More", so a head's menu stays one row.
    /// </summary>
    public const int OneRow = 8;

    public static NavigationMenu Of(IReadOnlyList<NavigationItem> items) =>
        items.Count <= OneRow ? new(items, []) : new(items.Where(i => !i.Secondary).ToList(), items.Where(i => i.Secondary).ToList());

    /// <summary>Whether the page is under one of the items in "More", which then shows as the current item.</summary>
    public bool MoreIsCurrent => More.Any(i => i.Current is not null);
}

/// <summary>
/// The service navigation for the signed-in account, from the access scope the request has already loaded (its role,
/// staff record, school and trust): each area's link only for those it is for, and no query of its own.
/// </summary>
public sealed class NavigationViewComponent(AccessScope access, CoachingAccess coaching) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var scope = await access.GetAsync(HttpContext.RequestAborted);
        var items = Items(scope, Url).ToList();
        // Coaching and pupils before "API tokens", which stays last.
        items.InsertRange(items.Count - 1, CoachingItems(await coaching.GetAsync(HttpContext.RequestAborted), Url));
        // The most specific item the path is in is the active one, so a school's profile marks "Profile", not "Schools".
        var path = HttpContext.Request.Path;
        var active = items.Where(n => n.Href != "/" && path.StartsWithSegments(n.Href, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Href.Length).Select(n => n.Href).FirstOrDefault();
        return View(NavigationMenu.Of(items.Select(n => n with
        {
            Current = path.Equals(n.Href, StringComparison.OrdinalIgnoreCase) ? "page" : n.Href == active ? "true" : null,
        }).ToList()));
    }

    private static IEnumerable<NavigationItem> Items(AccessScope.Scope scope, IUrlHelper url)
    {
        yield return Item("Home", url.To<IndexModel>());
        yield return Item("Staff", url.To<Staff.IndexModel>());
        yield return Item("Schools", url.To<Schools.IndexModel>());
        // A trust admin's trust view; else the home school's, for those who may see it (leaders, and line managers their team's).
        var trustAdmin = scope.Role == UserRole.TrustAdmin && scope.User?.TrustId is int trustId && scope.IsTrustAdminOf(trustId);
        var home = scope.HomeSchoolId is int schoolId ? (Id: schoolId, Urn: scope.HomeSchoolUrn) : default;
        if (trustAdmin && scope.TrustCode is { } code)
        {
            yield return Item("Profile", url.To<Progression.Profile.TrustModel>(new { code }));
            yield return Item("Appraisal", url.To<Appraisals.Trusts.DashboardModel>(new { code }));
            yield return Item("Parity", url.To<Pay.Trusts.ParityModel>(new { code }));
            yield return Item("Outcomes", url.To<Outcomes.TrustModel>(new { code }));
        }
        else if (!trustAdmin && home.Urn is int urn)
        {
            if (scope.CanSeeProfile(home.Id))
            {
                yield return Item("Profile", url.To<Progression.Profile.SchoolModel>(new { urn }));
            }
            if (scope.CanSeeAppraisals(home.Id))
            {
                yield return Item("Appraisal", url.To<Appraisals.Schools.DashboardModel>(new { urn }));
            }
        }
        // Everyone with a staff record has their own appraisal and visits.
        if (scope.OwnStaffId is int own)
        {
            yield return Secondary("My appraisal", url.To<Appraisals.Person.IndexModel>(new { id = own }));
            yield return Secondary("My career", url.To<Careers.Person.IndexModel>(new { id = own }));
        }
        // A school leader's own school's observations; a trust admin reaches each school's from its page.
        if (scope.Role == UserRole.SchoolLeader && home.Urn is int ledUrn && scope.LeadsSchool(home.Id))
        {
            yield return Item("Observations", url.To<Observations.Schools.IndexModel>(new { urn = ledUrn }));
            yield return Item("CPD", url.To<Cpd.Schools.IndexModel>(new { urn = ledUrn }));
        }
        if (scope.OwnStaffId is int)
        {
            yield return Secondary("My visits", url.To<Observations.Visits.IndexModel>());
        }
        // Account administration for those who may give access: trust admins, and school leaders with a staff record.
        if (scope.Role == UserRole.TrustAdmin || (scope.Role == UserRole.SchoolLeader && scope.OwnStaffId is not null))
        {
            yield return Secondary("Accounts", url.To<Accounts.Manage.IndexModel>());
        }
        if (trustAdmin && scope.TrustCode is { } trustCode)
        {
            yield return Secondary("Audit", url.To<Audit.TrailModel>(new { code = trustCode }));
        }
        yield return Secondary("Your account", url.To<Accounts.Mine.IndexModel>());
    }

    /// <summary>Coaching and pupils: a coach's schools, a school's coaching for those who work on it, pupils for those who may read them.</summary>
    private static IEnumerable<NavigationItem> CoachingItems(CoachingAccess.View view, IUrlHelper url)
    {
        var scope = view.Scope;
        if (scope.Role == UserRole.Coach)
        {
            yield return Item("Coaching", url.To<Coaching.IndexModel>());
        }
        else if (scope.HomeSchoolId is int home && scope.HomeSchoolUrn is int urn && scope.Role != UserRole.TrustAdmin && view.MayReadCoaching(home))
        {
            yield return Item("Coaching", url.To<Coaching.Schools.IndexModel>(new { urn }));
        }
        if (Pupils.IndexModel.HasPupilRole(view))
        {
            yield return Item("Pupils", url.To<Pupils.IndexModel>());
        }
        if (view.MayManageCaseloads)
        {
            yield return Secondary("Caseloads", url.To<Coaching.CaseloadsModel>());
        }
    }

    private static NavigationItem Item(string text, string href) => new(text, href, null);

    private static NavigationItem Secondary(string text, string href) => new(text, href, null, Secondary: true);
}
