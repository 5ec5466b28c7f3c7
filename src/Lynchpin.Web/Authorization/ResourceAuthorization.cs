using System.Reflection;
using Lynchpin.Core.Community;
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

    /// <summary>A school's appraisal dashboard (a line manager's is limited to their team), or a trust's roll-up (its admins).</summary>
    public static readonly OperationAuthorizationRequirement ViewAppraisals = new() { Name = nameof(ViewAppraisals) };

    /// <summary>Opening a school's cycle, its due dates and bulk changes (against a School or an AppraisalCycle).</summary>
    public static readonly OperationAuthorizationRequirement ManageCycle = new() { Name = nameof(ManageCycle) };

    /// <summary>Seeing an appraisal: objectives, reviews and evidence (not pay).</summary>
    public static readonly OperationAuthorizationRequirement ReadAppraisal = new() { Name = nameof(ReadAppraisal) };

    /// <summary>Writing objectives, the appraiser's side of reviews, support plans, and signing as appraiser.</summary>
    public static readonly OperationAuthorizationRequirement ManageAppraisal = new() { Name = nameof(ManageAppraisal) };

    /// <summary>The person's own part: agreeing objectives (or saying why not), their comments and reflection, signing.</summary>
    public static readonly OperationAuthorizationRequirement SignAsAppraisee = new() { Name = nameof(SignAsAppraisee) };

    /// <summary>Reopening agreed objectives or a locked review, with a reason.</summary>
    public static readonly OperationAuthorizationRequirement Reopen = new() { Name = nameof(Reopen) };

    /// <summary>Reading (and so also recording) the pay recommendation; every read goes through PayRecommendations, which audits it.</summary>
    public static readonly OperationAuthorizationRequirement ReadPay = new() { Name = nameof(ReadPay) };

    /// <summary>Writing an observation record: for a visit, its observer; a drop-in, anyone on the school's observer list or a leader.</summary>
    public static readonly OperationAuthorizationRequirement RecordObservation = new() { Name = nameof(RecordObservation) };

    /// <summary>Administering an account (role, staff record, disable, reset, its tokens): see <see cref="AccessScope.CanAdministerAsync"/>.</summary>
    public static readonly OperationAuthorizationRequirement Administer = new() { Name = nameof(Administer) };

    /// <summary>Granting or removing an account's pay access: a trust admin, or the head for their school.</summary>
    public static readonly OperationAuthorizationRequirement GrantPayAccess = new() { Name = nameof(GrantPayAccess) };

    /// <summary>A trust's audit trail (against a Trust): its trust admins alone.</summary>
    public static readonly OperationAuthorizationRequirement ReadAudit = new() { Name = nameof(ReadAudit) };

    /// <summary>A school's achievement coaching: its plan, visits, focus groups and impact (no pupil's record).</summary>
    public static readonly OperationAuthorizationRequirement ReadCoaching = new() { Name = nameof(ReadCoaching) };

    /// <summary>Writing a school's action plan: its champion and leaders with the coach.</summary>
    public static readonly OperationAuthorizationRequirement EditActionPlan = new() { Name = nameof(EditActionPlan) };

    /// <summary>Planning and recording a coach's visits: the school's coach this year.</summary>
    public static readonly OperationAuthorizationRequirement RecordVisit = new() { Name = nameof(RecordVisit) };

    /// <summary>Naming a school's designated teacher and champion, and its impact measure: its leaders and trust admins.</summary>
    public static readonly OperationAuthorizationRequirement ManageCoaching = new() { Name = nameof(ManageCoaching) };

    /// <summary>Recording PEPs, conversations, focus groups for a school's pupils (against a School or a Pupil).</summary>
    public static readonly OperationAuthorizationRequirement RecordForPupils = new() { Name = nameof(RecordForPupils) };

    /// <summary>Importing a school's pupils, attendance and exclusions: its leaders and designated teacher.</summary>
    public static readonly OperationAuthorizationRequirement ImportPupils = new() { Name = nameof(ImportPupils) };

    /// <summary>A person's qualifications and career step, and rating their standards as their line manager: the person (not the step), the line-management chain above them, the school's leaders.</summary>
    public static readonly OperationAuthorizationRequirement ManageDevelopment = new() { Name = nameof(ManageDevelopment) };

    /// <summary>Asking for CPD, rating one's own standards: the person alone.</summary>
    public static readonly OperationAuthorizationRequirement ActForSelf = new() { Name = nameof(ActForSelf) };

    /// <summary>A person's professional conversations: their triad and those who took part (the content), their school's leaders (dates only).</summary>
    public static readonly OperationAuthorizationRequirement ReadConversations = new() { Name = nameof(ReadConversations) };

    /// <summary>Recording or changing a person's professional conversation: their triad now (the person, their line manager, their coach).</summary>
    public static readonly OperationAuthorizationRequirement RecordConversation = new() { Name = nameof(RecordConversation) };

    // Declared last: static fields are set in order, so every operation above exists by now.
    private static readonly Dictionary<string, OperationAuthorizationRequirement> ByName =
        typeof(Operations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OperationAuthorizationRequirement)f.GetValue(null)!).ToDictionary(o => o.Name);

    /// <summary>The operation of that name: <c>Named(nameof(Operations.Manage))</c>, as attributes must name it.</summary>
    public static OperationAuthorizationRequirement Named(string name) => ByName[name];
}

/// <summary>
/// A resource handler that decides from the request's <see cref="AccessScope"/>: each says, per operation, whether the
/// account may do it to the resource; an operation it does not know is refused.
/// </summary>
public abstract class ScopeAuthorizationHandler<TResource>(AccessScope access)
    : AuthorizationHandler<OperationAuthorizationRequirement, TResource>
{
    protected abstract Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, TResource resource);

    /// <summary>The request's access scope, for a rule that needs more than <see cref="AccessScope.Scope"/> (seniority, say).</summary>
    protected AccessScope Access => access;

    protected sealed override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TResource resource)
    {
        if (await AllowedAsync(await access.GetAsync(), requirement.Name, resource))
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class SchoolAuthorizationHandler(AccessScope access, LynchpinDbContext db, CoachingAccess coaching) : ScopeAuthorizationHandler<School>(access)
{
    protected override async Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, School school) => operation switch
    {
        nameof(Operations.ReadCoaching) => (await coaching.GetAsync()).MayReadCoaching(school.Id),
        nameof(Operations.EditActionPlan) => (await coaching.GetAsync()).MayEditPlan(school.Id),
        nameof(Operations.RecordVisit) => (await coaching.GetAsync()).MayRecordVisit(school.Id),
        nameof(Operations.ManageCoaching) => (await coaching.GetAsync()).MayManageContacts(school.Id),
        nameof(Operations.RecordForPupils) => (await coaching.GetAsync()).MayRecordForPupils(school.Id),
        nameof(Operations.ImportPupils) => (await coaching.GetAsync()).MayImportPupils(school.Id),
        // An unscheduled drop-in: the school's leaders, or a member of its staff on its observer list.
        nameof(Operations.RecordObservation) => scope.LeadsSchool(school.Id)
            || (scope.OwnStaffId is int own && await db.RotaObservers.AnyAsync(o => o.SchoolId == school.Id && o.StaffMemberId == own)),
        nameof(Operations.Manage) => scope.LeadsSchool(school.Id),
        nameof(Operations.ViewProfile) => scope.CanSeeProfile(school.Id),
        nameof(Operations.ViewAppraisals) => scope.CanSeeAppraisals(school.Id),
        nameof(Operations.ManageCycle) => scope.CanManageCycle(school.Id),
        // The parity report's pay figures: pay-access accounts of the school (its leaders), never a role's right alone.
        nameof(Operations.ReadPay) => scope.LeadsSchool(school.Id) && scope.CanReadPay(school.Id),
        _ => scope.CanSeeSchool(school.Id),
    };
}

public sealed class StaffAuthorizationHandler(AccessScope access, LynchpinDbContext db) : ScopeAuthorizationHandler<StaffMember>(access)
{
    protected override async Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, StaffMember staff) => operation switch
    {
        nameof(Operations.Manage) => scope.LeadsSchool(staff.SchoolId),
        nameof(Operations.ReadProgression) => scope.CanSeeProgression(staff),
        nameof(Operations.Assess) => scope.CanAssess(staff),
        nameof(Operations.Reflect) or nameof(Operations.ActForSelf) => scope.OwnStaffId == staff.Id,
        nameof(Operations.ManageDevelopment) => scope.CanAssess(staff) || scope.OwnStaffId == staff.Id,
        // Leaders see that conversations happened; the triad what was said, and so do those who took part before a change of coach or line manager.
        nameof(Operations.ReadConversations) => scope.LeadsSchool(staff.SchoolId) || ProfessionalConversations.IsInTriad(staff, scope.OwnStaffId)
            || (scope.OwnStaffId is int own && await db.ProfessionalConversations.AnyAsync(c => c.StaffMemberId == staff.Id && (c.LineManagerId == own || c.CoachId == own))),
        nameof(Operations.RecordConversation) => ProfessionalConversations.IsInTriad(staff, scope.OwnStaffId),
        // A person's pay records: a leader of their school with pay access, by the pay recommendation's rule — never one's
        // own, nor anyone above one in line management, and the head's only a trust admin's.
        // (Pay access first, so the seniority queries run only for those who have it.)
        nameof(Operations.ReadPay) => scope.CanReadPay(staff.SchoolId) && scope.LeadsSchool(staff.SchoolId) && scope.CanReadPay(new AppraisalParties(staff.Id, staff.SchoolId, null, null,
            await Access.IsHeadAsync(staff.Id), (await Access.ManagersAboveMeAsync()).Contains(staff.Id))),
        _ => scope.CanSeeStaff(staff),
    };
}

/// <summary>A trust's own pages (its appraisal roll-up, its profile, its framework): its admins, who alone see every school of it.</summary>
public sealed class TrustAuthorizationHandler(AccessScope access) : ScopeAuthorizationHandler<Trust>(access)
{
    protected override Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, Trust trust) => Task.FromResult(operation switch
    {
        nameof(Operations.Read) or nameof(Operations.Manage) or nameof(Operations.ViewProfile) or nameof(Operations.ViewAppraisals)
            or nameof(Operations.ReadAudit)
            => scope.IsTrustAdminOf(trust.Id),
        nameof(Operations.ReadPay) => scope.IsTrustAdminOf(trust.Id) && scope.User?.PayAccess == true,
        _ => false,
    });
}

public sealed class AppraisalCycleAuthorizationHandler(AccessScope access) : ScopeAuthorizationHandler<AppraisalCycle>(access)
{
    protected override Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, AppraisalCycle cycle) => Task.FromResult(operation switch
    {
        nameof(Operations.ManageCycle) => scope.CanManageCycle(cycle.SchoolId),
        nameof(Operations.ViewAppraisals) => scope.CanSeeAppraisals(cycle.SchoolId),
        _ => false,
    });
}

/// <summary>Decides on one person's appraisal; the school is its cycle's, read from the database when the cycle is not loaded.</summary>
public sealed class AppraisalAuthorizationHandler(AccessScope access, LynchpinDbContext db) : ScopeAuthorizationHandler<Appraisal>(access)
{
    protected override async Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, Appraisal appraisal)
    {
        var schoolId = appraisal.Cycle?.SchoolId
            ?? await db.AppraisalCycles.Where(c => c.Id == appraisal.CycleId).Select(c => c.SchoolId).SingleAsync();
        var parties = await Access.PartiesAsync(appraisal, schoolId);
        return operation switch
        {
            nameof(Operations.Read) or nameof(Operations.ReadAppraisal) => scope.CanReadAppraisal(parties),
            nameof(Operations.Manage) or nameof(Operations.ManageAppraisal) => scope.CanManageAppraisal(parties),
            nameof(Operations.SignAsAppraisee) => scope.CanSignAsAppraisee(parties),
            nameof(Operations.Reopen) => scope.CanReopenAppraisal(parties),
            // Nobody reads their own pay recommendation here, however senior, nor that of anyone above them.
            nameof(Operations.ReadPay) => scope.CanReadPay(parties),
            _ => false,
        };
    }
}

/// <summary>
/// A learning walk, observation or drop-in record: read by its observer, the school's leaders and trust admins, and, only
/// when it was shared with them, the observed person and the line-management chain above them. Only its observer edits it.
/// </summary>
public sealed class ObservationRecordAuthorizationHandler(AccessScope access) : ScopeAuthorizationHandler<ObservationRecord>(access)
{
    protected override Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, ObservationRecord record)
    {
        var isObserver = scope.OwnStaffId is int own && record.ObserverId == own;
        return Task.FromResult(operation switch
        {
            // VisibleStaffIds holds the account's own record, for a line manager everyone below them, and for a leader those of other schools working at theirs.
            nameof(Operations.Read) => isObserver || scope.LeadsSchool(record.SchoolId)
                || (record.SharedWithObservee && scope.VisibleStaffIds.Contains(record.ObserveeId)),
            nameof(Operations.Manage) => isObserver,
            _ => false,
        });
    }
}

/// <summary>A visit on a rota is recorded by its observer alone (the service refuses anyone else too).</summary>
public sealed class RotaVisitAuthorizationHandler(AccessScope access) : ScopeAuthorizationHandler<RotaVisit>(access)
{
    protected override Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, RotaVisit visit) =>
        Task.FromResult(operation == nameof(Operations.RecordObservation) && scope.OwnStaffId is int own && visit.ObserverId == own);
}

/// <summary>Another account, administered from the accounts pages: <see cref="AccessScope.CanAdministerAsync"/>.</summary>
public sealed class AccountAuthorizationHandler(AccessScope access) : ScopeAuthorizationHandler<AppUser>(access)
{
    protected override async Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, AppUser account) => operation switch
    {
        nameof(Operations.Administer) => await Access.CanAdministerAsync(account),
        nameof(Operations.GrantPayAccess) => await Access.CanGrantPayAccessAsync(account),
        _ => false,
    };
}

/// <summary>
/// A vulnerable pupil's record: read by those <see cref="Core.Pupils.PupilAccess"/> names (every read audited by the
/// page or endpoint that shows it); PEPs and conversations recorded by the school's leaders, designated teacher,
/// champion and coach.
/// </summary>
public sealed class PupilAuthorizationHandler(AccessScope access, CoachingAccess coaching) : ScopeAuthorizationHandler<Pupil>(access)
{
    protected override async Task<bool> AllowedAsync(AccessScope.Scope scope, string operation, Pupil pupil)
    {
        var view = await coaching.GetAsync();
        return operation switch
        {
            nameof(Operations.Read) => view.WhyMayRead(pupil) is not null,
            nameof(Operations.RecordForPupils) or nameof(Operations.Manage) => view.MayRecordFor(pupil),
            _ => false,
        };
    }
}
