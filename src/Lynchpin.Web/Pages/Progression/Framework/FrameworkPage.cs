using System.Globalization;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Framework;

/// <summary>
/// What the framework pages share: the owner from the URL (<c>/schools/{urn}/…</c> or <c>/trusts/{code}/…</c>,
/// one page for both so the school and trust journeys cannot drift apart), who may read and edit it, the framework it
/// works to, and the stage and criterion the URL names. Loaded before any handler runs: 404 for no such owner, 403
/// for a viewer without the right the page requires (reading, or Manage for the pages that edit), then 404 for no
/// such stage or criterion.
/// </summary>
public abstract class FrameworkPage : ScopedPageModel
{
    /// <summary>The <c>{kind}</c> segment of the URL: every page's route allows only these two.</summary>
    public const string Schools = "schools";
    public const string Trusts = "trusts";

    public FrameworkOwner Owner { get; private set; } = null!;
    public ResolvedFramework Framework { get; private set; } = null!;
    /// <summary>What the owner follows when it has no framework of its own.</summary>
    public FrameworkSource InheritsFrom { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>A trust admin of the trust a school inherits from, who may follow a link to edit it.</summary>
    public bool LeadsOwnersTrust { get; private set; }

    public bool IsOwn => Framework.Source == Owner.OwnSource;
    public bool IsSchool => Owner.School is not null;
    public string OwnerName => Owner.School?.Name ?? Owner.Trust!.Name;

    /// <summary>The owner in a framework URL: <c>schools/{urn}</c> or <c>trusts/{code}</c>.</summary>
    private (string Kind, string Key) OwnerKey => Owner.School is { } school
        ? (Schools, school.Urn.ToString(CultureInfo.InvariantCulture))
        : (Trusts, Owner.Trust!.Code);

    /// <summary>The owner's framework page.</summary>
    public string Home => Url.To<IndexModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key });

    /// <summary>The owner's framework page at one stage.</summary>
    public string StageHome(int stage) => Url.To<IndexModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key }, fragment: $"stage-{stage}");

    public string TrustHome(Trust trust) => Url.To<IndexModel>(new { kind = Trusts, key = trust.Code });

    public string RevertUrl => Url.To<RevertModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key });

    public string EditStageUrl(int stage) => Url.To<EditStageModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key, stage });

    public string AddCriterionUrl(int stage, RoleFamily? family) =>
        Url.To<AddCriterionModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key, stage, family = family?.Code() });

    public string EditCriterionUrl(int stage, int number) => Url.To<EditCriterionModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key, stage, number });

    public string RemoveCriterionUrl(int stage, int number) => Url.To<RemoveCriterionModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key, stage, number });

    /// <summary>Back to the owner's framework page, at one stage after a change to it.</summary>
    protected RedirectToPageResult RedirectToFramework(int? stage = null) =>
        RedirectTo<IndexModel>(new { kind = OwnerKey.Kind, key = OwnerKey.Key }, stage is int n ? $"stage-{n}" : null);

    /// <summary>"Your school's own", "Your trust's" or "Lynchpin's default".</summary>
    public string SourceText => Describe(Framework.Source);

    /// <summary>"the trust's framework" or "Lynchpin's default": what going back leads to.</summary>
    public string InheritedName => InheritsFrom == FrameworkSource.Trust ? "the trust's framework" : "Lynchpin's default";

    /// <summary>"school's" or "trust's", for sentences about the owner's own copy.</summary>
    public string OwnersWord => IsSchool ? "school's" : "trust's";

    /// <summary>The stage the URL names (<c>…/stages/{stage}/…</c>), on the pages that have one.</summary>
    public ProgressionStage Stage { get; private set; } = null!;

    /// <summary>The stage's criterion the URL names (<c>…/criteria/{number}/…</c>), on the pages that have one.</summary>
    public StageCriterion Criterion { get; private set; } = null!;

    private FrameworkEditor? _editor;

    protected FrameworkEditor Editor => _editor ??= new(Db, Clock);

    /// <summary>The revision the edit forms carry (0 while the owner inherits): an edit of a stale form is a conflict.</summary>
    public int Revision => FrameworkEditor.RevisionOf(Framework, Owner);

    /// <summary>An edit by the viewer of the framework as a form showed it at <paramref name="revision"/>.</summary>
    protected async Task<FrameworkEditor.Edit> EditAsync(int revision, CancellationToken ct) => new(revision, await RecorderAsync(ct));

    /// <summary>
    /// After a conflict: the framework as it is now, with the stage and (by its id, which the form carried) the criterion,
    /// if it is still there, so the page shows what is saved.
    /// </summary>
    protected async Task ReloadAsync(int? criterionId, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        Framework = await Editor.ResolveAsync(Owner, ct);
        if (Stage is not null)
        {
            Stage = Framework.Stage(Stage.Number);
        }
        if (criterionId is int id)
        {
            Criterion = Stage!.Criteria.SingleOrDefault(c => c.Id == id)!;
        }
    }

    public static string Describe(FrameworkSource source) => source switch
    {
        FrameworkSource.School => "Your school's own",
        FrameworkSource.Trust => "Your trust's",
        _ => "Lynchpin's default",
    };

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var key = RouteString("key");
        object owner;
        if (RouteString("kind") == Schools)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var urn)
                || await Db.Schools.AsNoTracking().Include(s => s.Trust).SingleOrDefaultAsync(s => s.Urn == urn, ct) is not { } school)
            {
                return NotFound();
            }
            // Everyone in the school may read the expectations they are assessed against; its leaders change them.
            owner = school;
            Owner = FrameworkOwner.Of(school);
            LeadsOwnersTrust = school.TrustId is int trustId && (await Access.GetAsync(ct)).IsTrustAdminOf(trustId);
        }
        else
        {
            // A trust's own admins read and edit its framework.
            if (await Db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == key, ct) is not { } trust)
            {
                return NotFound();
            }
            owner = trust;
            Owner = FrameworkOwner.Of(trust);
        }
        CanEdit = await MayAsync(owner, Operations.Manage);
        if (!await MayAsync(owner, Requirement))
        {
            return Forbid();
        }
        Framework = await Editor.ResolveAsync(Owner, ct);
        InheritsFrom = await Editor.InheritsFromAsync(Owner, ct);
        return FindStageAndCriterion() ? null : NotFound();
    }

    /// <summary>The stage and criterion the URL numbers, if it numbers them (criteria 1-based, in the order the framework page lists them).</summary>
    private bool FindStageAndCriterion()
    {
        if (RouteData.Values.ContainsKey("stage"))
        {
            var number = RouteInt("stage");
            if (number is < ProgressionStage.Lowest or > ProgressionStage.Highest
                || Framework.Framework.Stages.SingleOrDefault(s => s.Number == number) is not { } stage)
            {
                return false;
            }
            Stage = stage;
        }
        if (RouteData.Values.ContainsKey("number"))
        {
            var criteria = FrameworkEditor.InOrder(Stage);
            var number = RouteInt("number");
            if (number < 1 || number > criteria.Count)
            {
                return false;
            }
            Criterion = criteria[number - 1];
        }
        return true;
    }

    /// <summary>The success banner after an edit, saying so when it made the owner's own copy.</summary>
    protected void Saved(string message, bool copyCreated)
    {
        TempData["Success"] = copyCreated ? $"{message} Your {OwnersWord} own copy of the framework has been created." : message;
    }

}
