using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Data.Models;

/// <summary>What an account may see: a trust, a school, a team or one person's own record.</summary>
public enum UserRole
{
    TrustAdmin,
    SchoolLeader,
    LineManager,
    Staff,
}

public class AppUser : IdentityUser
{
    public UserRole Role { get; set; } = UserRole.Staff;

    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }

    public int? SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>The staff record this account belongs to.</summary>
    public int? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    /// <summary>
    /// May read and record appraisal pay recommendations within the account's school or trust: granted to the head,
    /// the business manager and trust HR, never implied by a role.
    /// </summary>
    public bool PayAccess { get; set; }
}
