using System.Globalization;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Framework;

/// <summary>
/// What the framework pages share: the owner from the URL (<c>/schools/{urn}/…</c> or <c>/trusts/{code}/…</c>,
/// one page for both so the school and trust journeys cannot drift apart), who may read and edit it, and the
/// framework it works to.
/// </summary>
public abstract class FrameworkPage(LynchpinDbContext db, IAuthorizationService authorization, AccessScope access) : PageModel
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
    public string Home => Owner.School is { } school
        ? $"/schools/{school.Urn}/framework"
        : $"/trusts/{Uri.EscapeDataString(Owner.Trust!.Code)}/framework";
    public string TrustHome(Trust trust) => $"/trusts/{Uri.EscapeDataString(trust.Code)}/framework";

    /// <summary>"Your school's own", "Your trust's" or "Lynchpin's default".</summary>
    public string SourceText => Describe(Framework.Source);

    /// <summary>"the trust's framework" or "Lynchpin's default": what going back leads to.</summary>
    public string InheritedName => InheritsFrom == FrameworkSource.Trust ? "the trust's framework" : "Lynchpin's default";

    /// <summary>"school's" or "trust's", for sentences about the owner's own copy.</summary>
    public string OwnersWord => IsSchool ? "school's" : "trust's";

    protected FrameworkEditor Editor { get; } = new(db);

    public static string Describe(FrameworkSource source) => source switch
    {
        FrameworkSource.School => "Your school's own",
        FrameworkSource.Trust => "Your trust's",
        _ => "Lynchpin's default",
    };

    /// <summary>Loads the owner and its framework; a 404 if it does not exist, a 403 if the account may not read it (or edit, when <paramref name="edit"/>).</summary>
    protected async Task<IActionResult?> LoadAsync(string kind, string key, bool edit, CancellationToken ct)
    {
        bool canRead;
        if (kind == Schools)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var urn))
            {
                return NotFound();
            }
            var school = await db.Schools.AsNoTracking().Include(s => s.Trust).SingleOrDefaultAsync(s => s.Urn == urn, ct);
            if (school is null)
            {
                return NotFound();
            }
            // Everyone in the school may read the expectations they are assessed against; its leaders change them.
            canRead = (await authorization.AuthorizeAsync(User, school, Operations.Read)).Succeeded;
            CanEdit = (await authorization.AuthorizeAsync(User, school, Operations.Manage)).Succeeded;
            Owner = FrameworkOwner.Of(school);
            LeadsOwnersTrust = school.TrustId is int trustId && await IsTrustAdminAsync(trustId, ct);
        }
        else
        {
            var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == key, ct);
            if (trust is null)
            {
                return NotFound();
            }
            // No resource handler for trusts exists yet; the trust's own admins read and edit its framework.
            canRead = CanEdit = await IsTrustAdminAsync(trust.Id, ct);
            Owner = FrameworkOwner.Of(trust);
        }
        if (!(edit ? CanEdit : canRead))
        {
            return Forbid();
        }
        Framework = await Editor.ResolveAsync(Owner, ct);
        InheritsFrom = await Editor.InheritsFromAsync(Owner, ct);
        return null;
    }

    /// <summary>The stage numbered in the URL, or null when there is no such stage.</summary>
    protected ProgressionStage? FindStage(int number) =>
        number is >= ProgressionStage.Lowest and <= ProgressionStage.Highest
            ? Framework.Framework.Stages.SingleOrDefault(s => s.Number == number)
            : null;

    /// <summary>The stage's criterion numbered in the URL (1-based, in the order the framework page lists them), or null.</summary>
    protected static StageCriterion? FindCriterion(ProgressionStage stage, int number)
    {
        var criteria = FrameworkEditor.InOrder(stage);
        return number >= 1 && number <= criteria.Count ? criteria[number - 1] : null;
    }

    /// <summary>The success banner after an edit, saying so when it made the owner's own copy.</summary>
    protected void Saved(string message, bool copyCreated)
    {
        TempData["Success"] = copyCreated ? $"{message} Your {OwnersWord} own copy of the framework has been created." : message;
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> IsTrustAdminAsync(int trustId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        return scope.Role == UserRole.TrustAdmin && scope.User?.TrustId == trustId;
    }
}
