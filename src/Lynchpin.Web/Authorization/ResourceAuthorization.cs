using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Authorization;

/// <summary>Operations checked against a resource: <c>await authorization.AuthorizeAsync(User, school, Operations.Manage)</c>.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };

    /// <summary>A school's Professional Progression Profile (a line manager's is limited to their team).</summary>
    public static readonly OperationAuthorizationRequirement ViewProfile = new() { Name = nameof(ViewProfile) };

    /// <summary>A person's stages and assessments.</summary>
    public static readonly OperationAuthorizationRequirement ReadProgression = new() { Name = nameof(ReadProgression) };

    /// <summary>Recording a person's stage at a checkpoint.</summary>
    public static readonly OperationAuthorizationRequirement Assess = new() { Name = nameof(Assess) };

    /// <summary>Adding one's own reflection to an assessment.</summary>
    public static readonly OperationAuthorizationRequirement Reflect = new() { Name = nameof(Reflect) };
}

public sealed class SchoolAuthorizationHandler(AccessScope access)
    : AuthorizationHandler<OperationAuthorizationRequirement, School>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, School school)
    {
        var scope = await access.GetAsync();
        var allowed = requirement.Name switch
        {
            nameof(Operations.Manage) => scope.LeadsSchool(school.Id),
            nameof(Operations.ViewProfile) => scope.CanSeeProfile(school.Id),
            _ => scope.CanSeeSchool(school.Id),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class StaffAuthorizationHandler(AccessScope access)
    : AuthorizationHandler<OperationAuthorizationRequirement, StaffMember>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, StaffMember staff)
    {
        var scope = await access.GetAsync();
        var allowed = requirement.Name switch
        {
            nameof(Operations.Manage) => scope.LeadsSchool(staff.SchoolId),
            nameof(Operations.ReadProgression) => scope.CanSeeProgression(staff),
            nameof(Operations.Assess) => scope.CanAssess(staff),
            nameof(Operations.Reflect) => scope.OwnStaffId == staff.Id,
            _ => scope.CanSeeStaff(staff),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
