using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Accounts;

/// <summary>A trust's sign-in choice as typed on its settings page or the command line.</summary>
public sealed record TrustSignInInput(SignInMethod? Method, SsoProvider? Provider, string? Tenant, string? EmailClaim);

/// <summary>Reads and saves how a trust's accounts sign in (password or single sign-on); a change is audited.</summary>
public sealed class TrustSignIns(LynchpinDbContext db, AuditLog audit)
{
    /// <summary>The claims an identity provider's token may be matched on; <c>email</c> suits Google, <c>preferred_username</c> or <c>upn</c> Entra.</summary>
    public static readonly IReadOnlyList<string> EmailClaims = ["email", "preferred_username", "upn"];

    /// <summary>The trust's settings, or password sign-in when it has none.</summary>
    public async Task<TrustSignIn> ForTrustAsync(int trustId, CancellationToken cancellationToken = default) =>
        await db.TrustSignIns.AsNoTracking().SingleOrDefaultAsync(s => s.TrustId == trustId, cancellationToken)
        ?? new TrustSignIn { TrustId = trustId, Method = SignInMethod.Password };

    /// <summary>The settings of the trust an account belongs to; password sign-in for an account outside any trust.</summary>
    public async Task<TrustSignIn?> ForAccountAsync(AppUser user, CancellationToken cancellationToken = default) =>
        user.TrustId is int trustId ? await ForTrustAsync(trustId, cancellationToken) : null;

    public async Task<Result> SaveAsync(int trustId, TrustSignInInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (input.Method is not SignInMethod method)
        {
            return Result.Fail("Method", "Choose how the trust's accounts sign in");
        }
        var tenant = input.Tenant?.Trim();
        var claim = string.IsNullOrWhiteSpace(input.EmailClaim) ? "email" : input.EmailClaim.Trim();
        if (method == SignInMethod.SingleSignOn)
        {
            if (input.Provider is not SsoProvider provider)
            {
                errors.Add(new FieldError("Provider", "Choose the trust's identity provider"));
            }
            else if (string.IsNullOrEmpty(tenant))
            {
                errors.Add(new FieldError("Tenant", provider == SsoProvider.Microsoft
                    ? "Enter the trust's Entra tenant ID"
                    : "Enter the trust's Google Workspace domain"));
            }
            else if (provider == SsoProvider.Microsoft && !Guid.TryParse(tenant, out _))
            {
                errors.Add(new FieldError("Tenant", "Enter the tenant ID as Entra shows it, like 72f988bf-86f1-41af-91ab-2d7cd011db47"));
            }
            else if (provider == SsoProvider.Google && (tenant.Contains('@') || !tenant.Contains('.') || tenant.Length > TrustSignIn.TenantMaxLength))
            {
                errors.Add(new FieldError("Tenant", "Enter the domain alone, like northfield-trust.org.uk"));
            }
        }
        if (!EmailClaims.Contains(claim))
        {
            errors.Add(new FieldError("EmailClaim", $"Choose one of {string.Join(", ", EmailClaims)}"));
        }
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        var stored = await db.TrustSignIns.SingleOrDefaultAsync(s => s.TrustId == trustId, cancellationToken);
        if (stored is null)
        {
            stored = new TrustSignIn { TrustId = trustId };
            db.TrustSignIns.Add(stored);
        }
        stored.Method = method;
        stored.Provider = method == SignInMethod.SingleSignOn ? input.Provider : null;
        stored.Tenant = method == SignInMethod.SingleSignOn ? (input.Provider == SsoProvider.Google ? tenant!.ToLowerInvariant() : tenant) : null;
        stored.EmailClaim = claim;
        audit.Add(AuditActions.SignInSettingsChanged, new AuditSubject(trustId, RecordType: AuditRecordTypes.Trust, RecordId: trustId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Describe(stored));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    public static string Describe(TrustSignIn settings) => settings.UsesSingleSignOn
        ? $"Single sign-on with {(settings.Provider == SsoProvider.Microsoft ? "Microsoft Entra ID, tenant" : "Google Workspace, domain")} {settings.Tenant}; "
            + $"the {settings.EmailClaim} claim is matched to the account's email"
        : "Email and password";
}
