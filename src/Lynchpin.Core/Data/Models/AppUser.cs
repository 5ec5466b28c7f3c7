using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Data.Models;

/// <summary>What an account may see: a trust, a school, a team or one person's own record.</summary>
public enum UserRole
{
    TrustAdmin,
    SchoolLeader,
    LineManager,
    Staff,
    /// <summary>An achievement coach: no school of their own; the schools of their caseload for the current year.</summary>
    Coach,
    /// <summary>A local authority's virtual school head or adviser: the pupils that authority looks after, in any school.</summary>
    VirtualSchool,
}

public class AppUser : IdentityUser
{
    public const int DisabledReasonMaxLength = 200;

    public UserRole Role { get; set; } = UserRole.Staff;

    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }

    public int? SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>The staff record this account belongs to; no two accounts share one.</summary>
    public int? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    /// <summary>
    /// May read and record appraisal pay recommendations within the account's school or trust: granted to the head,
    /// the business manager and trust HR, never implied by a role.
    /// </summary>
    public bool PayAccess { get; set; }

    /// <summary>When the account was disabled (by an admin, or the day after its staff record's leaving date); null while it may sign in.</summary>
    public DateTime? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }

    /// <summary>When an invitation was last sent; the account has no password until it is accepted.</summary>
    public DateTime? InvitedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>Trust admins and pay access sign in to pages with a one-time code as well as their password.</summary>
    public bool RequiresTwoFactor => Role == UserRole.TrustAdmin || PayAccess;

    /// <summary>A virtual school's local authority (three-digit or nine-character code); null for every other role.</summary>
    public string? LaCode { get; set; }
}
