namespace Lynchpin.Core.Data.Models;

/// <summary>How a trust's accounts sign in.</summary>
public enum SignInMethod
{
    /// <summary>Email and password (with a one-time code where required). What every trust has until it chooses otherwise.</summary>
    Password,
    /// <summary>Single sign-on through the trust's own Microsoft Entra ID or Google Workspace; passwords are refused.</summary>
    SingleSignOn,
}

public enum SsoProvider
{
    Microsoft,
    Google,
}

/// <summary>
/// A trust's choice of sign-in: password, or single sign-on with one identity provider, the one tenant (Entra) or domain
/// (Google Workspace) it accepts, and the claim whose value must equal the account's email.
/// </summary>
public class TrustSignIn
{
    public const int TenantMaxLength = 255;
    public const int ClaimMaxLength = 100;

    public int TrustId { get; set; }
    public Trust Trust { get; set; } = null!;
    public SignInMethod Method { get; set; }
    public SsoProvider? Provider { get; set; }
    /// <summary>Microsoft: the Entra tenant id (a GUID). Google: the Workspace domain (the <c>hd</c> claim).</summary>
    public string? Tenant { get; set; }
    /// <summary>The claim matched to the account's email: <c>email</c>, <c>preferred_username</c> or <c>upn</c>.</summary>
    public string EmailClaim { get; set; } = "email";

    public bool UsesSingleSignOn => Method == SignInMethod.SingleSignOn && Provider is not null && !string.IsNullOrWhiteSpace(Tenant);
}
