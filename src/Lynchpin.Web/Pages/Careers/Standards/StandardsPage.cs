using System.Globalization;
using Lynchpin.Core.Careers;

namespace Lynchpin.Web.Pages.Careers.Standards;

/// <summary>
/// What the standards pages share: the owner from the URL (<c>/schools/{urn}/standards…</c> or
/// <c>/trusts/{code}/standards…</c>, one page for both, as the framework pages do), the sets it follows and the one the
/// URL names. Everyone at a school reads them; its leaders (a trust's admins for the trust) edit them.
/// </summary>
public abstract class StandardsPage(CareerStandards standards) : ScopedPageModel
{
    public const string Schools = "schools";
    public const string Trusts = "trusts";

    public StandardsOwner Owner { get; private set; } = null!;
    public string OwnerName { get; private set; } = "";
    public bool IsSchool => Owner.SchoolId is not null;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<ResolvedStandardSet> Sets { get; private set; } = [];

    /// <summary>The set the URL names (<c>…/standards/{set}…</c>), on the pages that have one.</summary>
    public ResolvedStandardSet Set { get; private set; } = null!;

    private string Kind => IsSchool ? Schools : Trusts;
    private string Key { get; set; } = "";

    public string Home => Url.To<IndexModel>(new { kind = Kind, key = Key });
    public string SetUrl(string set) => Url.To<SetModel>(new { kind = Kind, key = Key, set });
    public string EditUrl(string set, string? code) => Url.To<EditModel>(new { kind = Kind, key = Key, set, code });
    public string NewSetUrl => Url.To<NewSetModel>(new { kind = Kind, key = Key });
    protected RedirectToPageResult RedirectToSet(string set) => RedirectTo<SetModel>(new { kind = Kind, key = Key, set });

    /// <summary>"The school's own", "The trust's" or "Published": where the wording of a set comes from.</summary>
    public string SourceText(ResolvedStandardSet set) => set.Source switch
    {
        StandardsSource.School => "The school's own",
        StandardsSource.Trust => "The trust's",
        _ => BuiltInCareers.IsStarter(set.Set.Code) ? "Lynchpin's starting point" : "Published, in short",
    };

    public bool IsOwnCopy(ResolvedStandardSet set) =>
        (IsSchool && set.Source == StandardsSource.School) || (!IsSchool && set.Source == StandardsSource.Trust);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Key = RouteString("key") ?? "";
        object owner;
        if (RouteString("kind") == Schools)
        {
            if (!int.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var urn)
                || await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct) is not { } school)
            {
                return NotFound();
            }
            owner = school;
            Owner = StandardsOwner.Of(school);
            OwnerName = school.Name;
            Sets = await standards.ForSchoolAsync(school, ct);
        }
        else
        {
            if (await Db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == Key, ct) is not { } trust)
            {
                return NotFound();
            }
            owner = trust;
            Owner = StandardsOwner.Of(trust);
            OwnerName = trust.Name;
            Sets = await standards.ForTrustAsync(trust, ct);
        }
        if (!await MayAsync(owner, Requirement))
        {
            return Forbid();
        }
        CanEdit = await MayAsync(owner, Operations.Manage);
        // RouteString gives "" for a value the route lacks: the index and new-set pages name no set.
        if (RouteString("set") is { Length: > 0 } code)
        {
            if (Sets.FirstOrDefault(s => string.Equals(s.Set.Code, code, StringComparison.OrdinalIgnoreCase)) is not { } set)
            {
                return NotFound();
            }
            Set = set;
        }
        return null;
    }
}
