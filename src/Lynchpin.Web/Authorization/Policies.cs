namespace Lynchpin.Web.Authorization;

/// <summary>The named policies pages and endpoints use; what a person may see of a resource is decided by <see cref="AccessScope"/>.</summary>
public static class Policies
{
    /// <summary>Any signed-in account, by cookie or API token: the fallback and default for every page and endpoint.</summary>
    // The scheme is named because AddIdentity makes its cookie the default authenticate scheme,
    // so a policy without one never looks at a bearer token.
    public static readonly AuthorizationPolicy SignedIn = new AuthorizationPolicyBuilder(ApiTokenAuthentication.SelectorScheme)
        .RequireAuthenticatedUser().Build();

    /// <summary>Leaders who may add, edit and import staff and accounts for their schools.</summary>
    public const string ManageStaff = nameof(ManageStaff);

    public static void AddTo(AuthorizationOptions options)
    {
        options.DefaultPolicy = SignedIn;
        options.AddPolicy(ManageStaff, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SelectorScheme)
            .RequireAuthenticatedUser()
            .RequireRole(nameof(UserRole.TrustAdmin), nameof(UserRole.SchoolLeader)));
    }
}
