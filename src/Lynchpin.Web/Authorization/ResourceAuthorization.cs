using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Authorization;

/// <summary>Operations checked against a resource: <c>await authorization.AuthorizeAsync(User, school, Operations.Manage)</c>.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

public sealed class SchoolAuthorizationHandler(AccessScope access)
    : AuthorizationHandler<OperationAuthorizationRequirement, School>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, School school)
    {
        var scope = await access.GetAsync();
        var allowed = requirement.Name == Operations.Manage.Name ? scope.LeadsSchool(school.Id) : scope.CanSeeSchool(school.Id);
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
        var allowed = requirement.Name == Operations.Manage.Name ? scope.LeadsSchool(staff.SchoolId) : scope.CanSeeStaff(staff);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
