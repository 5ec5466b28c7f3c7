using System.Security.Claims;
using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Authorization;

/// <summary>
/// Who an appraisal concerns, as the access rules need them: the person, their school and the two who review them;
/// whether the person is their school's head, and whether they are above the reader in line management.
/// </summary>
public sealed record AppraisalParties(int StaffMemberId, int SchoolId, int? AppraiserId, int? ReviewerId, bool IsHead = false, bool AboveReader = false);

/// <summary>
/// The one place that decides what the signed-in account may see and change:
/// a trust admin every school of their trust, a school leader their school,
/// a line manager their own record and everyone below them, anyone else their own record.
/// Checked once per request against the database, so a changed account takes effect at once: the account's row and
/// the structure version are read in one statement, and what was built from them (the schools it leads, the staff it
/// sees) is reused from the cache while its security stamp, role, links and the structure are unchanged.
/// </summary>
public sealed class AccessScope(LynchpinDbContext db, IHttpContextAccessor httpContextAccessor, Seniority seniority, VersionedCache cache, DataVersions versions)
{
    private Scope? _scope;
    private HashSet<int>? _managersAbove;
    private HashSet<int>? _teamBelow;
    private readonly Dictionary<int, bool> _heads = [];

    /// <summary>What a cached scope was built from: a change to any of these builds it again.</summary>
    private sealed record Basis(string? SecurityStamp, UserRole Role, int? TrustId, int? SchoolId, int? StaffMemberId, long Structure)
    {
        public static Basis Of(AppUser user, long structure) =>
            new(user.SecurityStamp, user.Role, user.TrustId, user.SchoolId, user.StaffMemberId, structure);
    }

    private sealed record Cached(Basis Basis, Scope Scope);

    private sealed record CacheKey(string UserId);

    public sealed record Scope(
        AppUser? User,
        UserRole? Role,
        IReadOnlySet<int> LedSchoolIds,
        IReadOnlySet<int> VisibleStaffIds,
        int? HomeSchoolId,
        IReadOnlySet<int> CoacheeIds)
    {
        public static readonly Scope Nobody = new(null, null, new HashSet<int>(), new HashSet<int>(), null, new HashSet<int>());

        /// <summary>The URN of the account's own school (its staff record's, else the account's), for links to it.</summary>
        public int? HomeSchoolUrn => User?.StaffMember?.School?.Urn ?? User?.School?.Urn;

        /// <summary>The code of the account's trust, for a trust admin's links to it.</summary>
        public string? TrustCode => User?.Trust?.Code;

        /// <summary>The account's own staff record, if it has one.</summary>
        public int? OwnStaffId => User?.StaffMemberId;

        /// <summary>Schools whose whole staff this account may see and manage.</summary>
        public bool LeadsSchool(int schoolId) => LedSchoolIds.Contains(schoolId);

        /// <summary>An account that sees no one's staff record but its own (a teaching assistant, say): no lists to filter.</summary>
        public bool SeesOnlyThemselves => LedSchoolIds.Count == 0 && VisibleStaffIds.All(id => id == OwnStaffId);

        /// <summary>Schools this account may open at all: the schools it leads, and its own school.</summary>
        public bool CanSeeSchool(int schoolId) => LeadsSchool(schoolId) || HomeSchoolId == schoolId;

        public bool CanSeeStaff(StaffMember staff) => LeadsSchool(staff.SchoolId) || VisibleStaffIds.Contains(staff.Id);

        public bool CanSeeStaff(int staffId, int schoolId) => LeadsSchool(schoolId) || VisibleStaffIds.Contains(staffId);

        /// <summary>A person's progression record: whoever sees their staff record, and their coach or mentor.</summary>
        public bool CanSeeProgression(StaffMember staff) => CanSeeStaff(staff) || CoacheeIds.Contains(staff.Id);

        /// <summary>Recording a stage: the school's leaders, or a line manager for anyone below them (never oneself).</summary>
        public bool CanAssess(StaffMember staff) =>
            LeadsSchool(staff.SchoolId) || (staff.Id != OwnStaffId && VisibleStaffIds.Contains(staff.Id));

        /// <summary>A school's profile: its leaders see everyone; a line manager of the school sees their own team's.</summary>
        public bool CanSeeProfile(int schoolId) =>
            LeadsSchool(schoolId) || (Role == UserRole.LineManager && HomeSchoolId == schoolId);

        /// <summary>A school leader account of this school (not a trust admin): the "SLT" of appraisal.</summary>
        public bool IsSchoolLeaderOf(int schoolId) => Role == UserRole.SchoolLeader && LeadsSchool(schoolId);

        /// <summary>
        /// An appraisal: the person, their appraiser and reviewer, the line-management chain above them, the school's
        /// leaders and the trust's admins — but never someone below the person, and a head's appraisal is the trust's:
        /// not their school's leaders'. A coach or mentor does not see it for being one.
        /// </summary>
        public bool CanReadAppraisal(AppraisalParties a) =>
            a.StaffMemberId == OwnStaffId || IsAppraiserOrReviewer(a)
            || (!a.AboveReader && (OwnsAppraisalsAt(a) || VisibleStaffIds.Contains(a.StaffMemberId)));

        /// <summary>
        /// Writing objectives and the appraiser's side of reviews: the appraiser, the reviewer and the school's leaders (for a
        /// head, the trust's admins); never one's own, never someone above oneself.
        /// </summary>
        public bool CanManageAppraisal(AppraisalParties a) =>
            a.StaffMemberId != OwnStaffId && !a.AboveReader
            && (IsAppraiserOrReviewer(a) || (a.IsHead ? IsTrustAdminLeading(a.SchoolId) : IsSchoolLeaderOf(a.SchoolId)));

        /// <summary>Agreeing objectives, the person's comments and signature: the person alone.</summary>
        public bool CanSignAsAppraisee(AppraisalParties a) => OwnStaffId is int own && a.StaffMemberId == own;

        /// <summary>Reopening agreed objectives or a signed review: the appraiser or a school leader (a head's: the trust's admins), with a reason.</summary>
        public bool CanReopenAppraisal(AppraisalParties a) =>
            a.StaffMemberId != OwnStaffId && !a.AboveReader
            && ((OwnStaffId is int own && a.AppraiserId == own) || (a.IsHead ? IsTrustAdminLeading(a.SchoolId) : IsSchoolLeaderOf(a.SchoolId)));

        /// <summary>
        /// A pay recommendation: an account with pay access in the school (<see cref="CanReadPay(int)"/>), never for itself nor
        /// for anyone above it in line management; a head's only for the trust's admins.
        /// </summary>
        public bool CanReadPay(AppraisalParties a) =>
            CanReadPay(a.SchoolId) && a.StaffMemberId != OwnStaffId && !a.AboveReader && (!a.IsHead || IsTrustAdminLeading(a.SchoolId));

        /// <summary>Those who hold every appraisal of a school: its leaders, and for its head the trust's admins alone.</summary>
        private bool OwnsAppraisalsAt(AppraisalParties a) => a.IsHead ? IsTrustAdminLeading(a.SchoolId) : LeadsSchool(a.SchoolId);

        private bool IsTrustAdminLeading(int schoolId) => Role == UserRole.TrustAdmin && LeadsSchool(schoolId);

        /// <summary>
        /// Pay recommendations: accounts granted pay access (the head, the business manager, trust HR), within the schools
        /// they lead or their own school. Being someone's line manager or appraiser never lets anyone in.
        /// </summary>
        public bool CanReadPay(int schoolId) => User?.PayAccess == true && (LeadsSchool(schoolId) || HomeSchoolId == schoolId);

        /// <summary>Opening a cycle, its due dates and bulk changes: the school's leaders and its trust's admins.</summary>
        public bool CanManageCycle(int schoolId) => LeadsSchool(schoolId);

        /// <summary>The appraisal dashboard: its leaders see everyone; a line manager of the school sees their own team's.</summary>
        public bool CanSeeAppraisals(int schoolId) => CanSeeProfile(schoolId);

        /// <summary>A trust's roll-up: the trust's admins.</summary>
        public bool IsTrustAdminOf(int trustId) => Role == UserRole.TrustAdmin && User?.TrustId == trustId;

        private bool IsAppraiserOrReviewer(AppraisalParties a) =>
            OwnStaffId is int own && (a.AppraiserId == own || a.ReviewerId == own);
    }

    public async Task<Scope> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }
        var context = httpContextAccessor.HttpContext;
        var userId = context?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            _scope = Scope.Nobody;
        }
        else if (context!.Items.TryGetValue(AccountKey, out var loaded) && loaded is AppUser account && account.Id == userId)
        {
            // Read with its staff record, school and trust by the token's authentication.
            _scope = await CachedAsync(account, await versions.StructureAsync(cancellationToken), withLinks: true, cancellationToken);
        }
        else
        {
            var structure = DataVersions.StructureQuery(db);
            var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { User = u, Structure = structure.FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                _scope = Scope.Nobody;
            }
            else
            {
                versions.KnowStructure(row.Structure);
                _scope = await CachedAsync(row.User, row.Structure, withLinks: false, cancellationToken);
            }
        }
        return _scope;
    }

    /// <summary>
    /// The scope built for this account at this structure version, from the cache when nothing it depends on has changed;
    /// the account itself is always this request's row (its pay access, lockout and names as they are now).
    /// </summary>
    private async Task<Scope> CachedAsync(AppUser user, long structure, bool withLinks, CancellationToken cancellationToken)
    {
        var basis = Basis.Of(user, structure);
        var key = new CacheKey(user.Id);
        if (cache.TryGet(key, out Cached cached) && cached.Basis == basis)
        {
            if (!withLinks)
            {
                // Unchanged since the cached scope was built: the same staff record, school and trust.
                (user.StaffMember, user.School, user.Trust) = (cached.Scope.User!.StaffMember, cached.Scope.User.School, cached.Scope.User.Trust);
            }
            return cached.Scope with { User = user };
        }
        var scope = withLinks ? await BuildAsync(user, cancellationToken) : await LoadAsync(user.Id, cancellationToken);
        if (scope.User is not null && versions.Settled)
        {
            cache.Set(key, new Cached(Basis.Of(scope.User, structure), scope));
        }
        return scope;
    }

    private static readonly object AccountKey = new();

    /// <summary>
    /// An authentication handler that has just read the account fresh from the database (with its staff record)
    /// hands it on, so the scope does not read it again in the same request.
    /// </summary>
    public static void RememberAccount(HttpContext context, AppUser account) => context.Items[AccountKey] = account;

    internal async Task<Scope> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        // With the school and trust the navigation links to, so no page asks for them again.
        var user = await db.Users.AsNoTracking().Include(u => u.StaffMember!.School).Include(u => u.School).Include(u => u.Trust)
            .SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? Scope.Nobody : await BuildAsync(user, cancellationToken);
    }

    /// <summary>Who is making a change, as records name them: the account's staff record, else its email.</summary>
    public async Task<Recorder> RecorderAsync(CancellationToken cancellationToken = default)
    {
        var user = (await GetAsync(cancellationToken)).User;
        return new Recorder(user?.Id, user?.StaffMember?.FullName ?? user?.Email ?? user?.UserName
            ?? httpContextAccessor.HttpContext?.User.Identity?.Name ?? "Unknown");
    }

    private async Task<Scope> BuildAsync(AppUser user, CancellationToken cancellationToken)
    {
        var homeSchoolId = user.StaffMember?.SchoolId ?? user.SchoolId;
        var ledSchools = new HashSet<int>();
        switch (user.Role)
        {
            case UserRole.TrustAdmin when user.TrustId is not null:
                ledSchools.UnionWith(await db.Schools.Where(s => s.TrustId == user.TrustId).Select(s => s.Id).ToListAsync(cancellationToken));
                break;
            case UserRole.SchoolLeader when user.SchoolId is not null:
                ledSchools.Add(user.SchoolId.Value);
                break;
        }

        var visibleStaff = new HashSet<int>();
        // People of other schools who work some hours at a school this account leads: each school sees them as its own.
        visibleStaff.UnionWith(await db.StaffSchoolHours.Where(h => ledSchools.Contains(h.SchoolId)).Select(h => h.StaffMemberId).ToListAsync(cancellationToken));
        var coachees = new HashSet<int>();
        if (user.StaffMemberId is int ownId)
        {
            coachees.UnionWith(await db.StaffMembers.Where(s => s.CoachId == ownId).Select(s => s.Id).ToListAsync(cancellationToken));
            visibleStaff.Add(ownId);
            if (user.Role == UserRole.LineManager)
            {
                visibleStaff.UnionWith(await seniority.TeamBelowAsync(ownId, cancellationToken));
            }
        }
        return new Scope(user, user.Role, ledSchools, visibleStaff, homeSchoolId, coachees);
    }

    /// <summary>The line managers above the account's own staff record (empty without one): whose appraisal and pay it may not touch.</summary>
    public async Task<IReadOnlySet<int>> ManagersAboveMeAsync(CancellationToken cancellationToken = default)
    {
        if (_managersAbove is null)
        {
            var own = (await GetAsync(cancellationToken)).OwnStaffId;
            _managersAbove = own is int id ? [.. await seniority.ManagersAboveAsync(id, cancellationToken)] : [];
        }
        return _managersAbove;
    }

    /// <summary>Everyone below the account's own staff record in line management (empty without one).</summary>
    public async Task<IReadOnlySet<int>> TeamBelowMeAsync(CancellationToken cancellationToken = default)
    {
        if (_teamBelow is null)
        {
            var own = (await GetAsync(cancellationToken)).OwnStaffId;
            _teamBelow = own is int id ? await seniority.TeamBelowAsync(id, cancellationToken) : [];
        }
        return _teamBelow;
    }

    /// <summary>Whether the staff member is their school's head (<see cref="Seniority.IsHeadExpression"/>), asked once per request.</summary>
    public async Task<bool> IsHeadAsync(int staffId, CancellationToken cancellationToken = default)
    {
        if (!_heads.TryGetValue(staffId, out var isHead))
        {
            isHead = await seniority.IsHeadAsync(staffId, cancellationToken);
            _heads[staffId] = isHead;
        }
        return isHead;
    }

    /// <summary>The appraisal's parties as the rules need them, with the seniority questions answered for this reader.</summary>
    public async Task<AppraisalParties> PartiesAsync(Appraisal appraisal, int schoolId, CancellationToken cancellationToken = default) =>
        new(appraisal.StaffMemberId, schoolId, appraisal.AppraiserId, appraisal.ReviewerId,
            await IsHeadAsync(appraisal.StaffMemberId, cancellationToken),
            (await ManagersAboveMeAsync(cancellationToken)).Contains(appraisal.StaffMemberId));

    /// <summary>
    /// Whether this account administers <paramref name="target"/> (role, staff record, disable, reset, tokens): a trust admin
    /// every account of the trust; a school leader the accounts of their school below them in line management (the head:
    /// all but trust admins). Never its own account, never one above it; a leader without a staff record administers none.
    /// </summary>
    public async Task<bool> CanAdministerAsync(AppUser target, CancellationToken cancellationToken = default)
    {
        var scope = await GetAsync(cancellationToken);
        if (scope.User is not { } me || target.Id == me.Id)
        {
            return false;
        }
        if (scope.Role == UserRole.TrustAdmin)
        {
            return me.TrustId is not null && target.TrustId == me.TrustId;
        }
        if (scope.Role != UserRole.SchoolLeader || target.Role == UserRole.TrustAdmin || target.SchoolId != me.SchoolId || scope.OwnStaffId is not int own)
        {
            return false;
        }
        if (target.StaffMemberId is int staffId)
        {
            return (await TeamBelowMeAsync(cancellationToken)).Contains(staffId);
        }
        return await IsHeadAsync(own, cancellationToken);
    }

    /// <summary>Pay access is granted by a trust admin, or by the head for their own school — never by another leader.</summary>
    public async Task<bool> CanGrantPayAccessAsync(AppUser target, CancellationToken cancellationToken = default)
    {
        var scope = await GetAsync(cancellationToken);
        return await CanAdministerAsync(target, cancellationToken)
            && (scope.Role == UserRole.TrustAdmin || (scope.OwnStaffId is int own && await IsHeadAsync(own, cancellationToken)));
    }

    /// <summary>The roles this account may give: a trust admin any; a school leader those of their school.</summary>
    public async Task<IReadOnlyList<UserRole>> RolesIMayGiveAsync(CancellationToken cancellationToken = default)
    {
        var scope = await GetAsync(cancellationToken);
        return scope.Role switch
        {
            UserRole.TrustAdmin => [UserRole.TrustAdmin, UserRole.SchoolLeader, UserRole.LineManager, UserRole.Staff],
            UserRole.SchoolLeader when scope.OwnStaffId is not null => [UserRole.SchoolLeader, UserRole.LineManager, UserRole.Staff],
            _ => [],
        };
    }

    /// <summary>The staff records this account may link a new or changed account to: not linked yet, in its scope, below it.</summary>
    public async Task<IQueryable<StaffMember>> LinkableStaffAsync(string? exceptUserId, CancellationToken cancellationToken = default)
    {
        var scope = await GetAsync(cancellationToken);
        var linked = db.Users.Where(u => u.StaffMemberId != null && u.Id != exceptUserId).Select(u => u.StaffMemberId!.Value);
        var staff = db.StaffMembers.Where(s => !linked.Contains(s.Id));
        if (scope.Role == UserRole.TrustAdmin)
        {
            var trustId = scope.User!.TrustId;
            return staff.Where(s => s.School.TrustId == trustId);
        }
        if (scope.Role == UserRole.SchoolLeader && scope.OwnStaffId is int own)
        {
            var schoolId = scope.User!.SchoolId;
            if (await IsHeadAsync(own, cancellationToken))
            {
                return staff.Where(s => s.SchoolId == schoolId && s.Id != own);
            }
            var team = (await TeamBelowMeAsync(cancellationToken)).ToList();
            return staff.Where(s => s.SchoolId == schoolId && team.Contains(s.Id));
        }
        return staff.Where(_ => false);
    }

    /// <summary>The staff this account may see, as a query to filter further and page.</summary>
    public async Task<IQueryable<StaffMember>> VisibleStaffAsync(CancellationToken cancellationToken = default)
    {
        var scope = await GetAsync(cancellationToken);
        var led = scope.LedSchoolIds.ToList();
        var people = scope.VisibleStaffIds.ToList();
        return db.StaffMembers.Where(s => led.Contains(s.SchoolId) || people.Contains(s.Id));
    }

    /// <summary>The schools this account may open.</summary>
    public async Task<IQueryable<School>> VisibleSchoolsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await GetAsync(cancellationToken);
        var led = scope.LedSchoolIds.ToList();
        var home = scope.HomeSchoolId;
        return db.Schools.Where(s => led.Contains(s.Id) || s.Id == home);
    }
}
