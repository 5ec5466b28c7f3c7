using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Authorization;

namespace Lynchpin.Web.Authorization;

/// <summary>The named policies pages and endpoints use; what a person may see of a resource is decided by <see cref="AccessScope"/>.</summary>
public static class Policies
{
    /// <summary>Any signed-in account: the fallback for every page and endpoint.</summary>
    public static readonly AuthorizationPolicy SignedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

    /// <summary>Leaders who may add, edit and import staff and accounts for their schools.</summary>
    public const string ManageStaff = nameof(ManageStaff);

    public static void AddTo(AuthorizationOptions options)
    {
        options.AddPolicy(ManageStaff, p => p.RequireAuthenticatedUser()
            .RequireRole(nameof(UserRole.TrustAdmin), nameof(UserRole.SchoolLeader)));
    }
}
