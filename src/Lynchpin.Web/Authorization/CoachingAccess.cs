using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Authorization;

/// <summary>
/// What the signed-in account may see and do in achievement coaching and of vulnerable pupils, loaded once per request on
/// top of its <see cref="AccessScope"/>: the schools of a coach's caseload this school year, the schools whose designated
/// teacher or School Champion the account's staff record is, the pupils it is named as working with, and a virtual
/// school's authority. Pupil records are special category data: see <see cref="PupilAccess"/> for who reads them.
/// </summary>
public sealed class CoachingAccess(AccessScope access, LynchpinDbContext db, SchoolClock clock)
{
    private View? _view;

    public sealed record View(
        AccessScope.Scope Scope,
        int Year,
        IReadOnlySet<int> CoachedSchoolIds,
        IReadOnlySet<int> PastCoachedSchoolIds,
        IReadOnlySet<int> DesignatedTeacherOf,
        IReadOnlySet<int> ChampionOf,
        IReadOnlySet<int> WorkerOfPupils,
        string? VirtualSchoolLaCode,
        LaCodes Codes)
    {
        /// <summary>A school leader account of the school: the head and the SLT. A trust admin is not one for pupils.</summary>
        public bool IsLeaderOf(int schoolId) => Scope.IsSchoolLeaderOf(schoolId);

        public bool CoachesSchool(int schoolId) => CoachedSchoolIds.Contains(schoolId);

        /// <summary>The school's coaching page, plan and visits: its leaders (and trust admins), designated teacher, champion, and its coach (this year's, or a past year's for their history).</summary>
        public bool MayReadCoaching(int schoolId) => Scope.LeadsSchool(schoolId) || DesignatedTeacherOf.Contains(schoolId)
            || ChampionOf.Contains(schoolId) || CoachesSchool(schoolId) || PastCoachedSchoolIds.Contains(schoolId);

        /// <summary>The action plan: the School Champion and the head (the school's leaders) with the coach.</summary>
        public bool MayEditPlan(int schoolId) => IsLeaderOf(schoolId) || ChampionOf.Contains(schoolId) || CoachesSchool(schoolId);

        /// <summary>Recording and planning visits: the school's coach this year.</summary>
        public bool MayRecordVisit(int schoolId) => CoachesSchool(schoolId);

        /// <summary>Naming the designated teacher and champion, and the pre-registered impact measure: the school's leaders and trust admins.</summary>
        public bool MayManageContacts(int schoolId) => Scope.LeadsSchool(schoolId);

        /// <summary>Recording PEPs, conversations, focus groups and attainment: leaders, the designated teacher, the champion and the coach.</summary>
        public bool MayRecordForPupils(int schoolId) => IsLeaderOf(schoolId) || DesignatedTeacherOf.Contains(schoolId)
            || ChampionOf.Contains(schoolId) || CoachesSchool(schoolId);

        /// <summary>Importing pupils, attendance and exclusions: the school's leaders and its designated teacher.</summary>
        public bool MayImportPupils(int schoolId) => IsLeaderOf(schoolId) || DesignatedTeacherOf.Contains(schoolId);

        /// <summary>Setting caseloads: trust admins (their trust's schools) and virtual schools (any school).</summary>
        public bool MayManageCaseloads => Scope.Role is UserRole.TrustAdmin or UserRole.VirtualSchool;

        /// <summary>Uploading the published reference figures (public statistics every impact page compares with): the same accounts.</summary>
        public bool MayImportReference => MayManageCaseloads;

        /// <summary>The reader the pupil rules take.</summary>
        public PupilReader Reader => new(
            Scope.Role == UserRole.SchoolLeader ? Scope.LedSchoolIds : new HashSet<int>(),
            Scope.OwnStaffId, CoachedSchoolIds, VirtualSchoolLaCode);

        /// <summary>Why the account may read a pupil, or null.</summary>
        public PupilReadReason? WhyMayRead(Pupil pupil) => PupilAccess.WhyMayRead(Reader,
            new PupilScope(pupil.SchoolId, pupil.LaCode,
                DesignatedTeacherOf.Contains(pupil.SchoolId) ? Scope.OwnStaffId : null,
                ChampionOf.Contains(pupil.SchoolId) ? Scope.OwnStaffId : null,
                WorkerOfPupils.Contains(pupil.Id) && Scope.OwnStaffId is int own ? [own] : []),
            Codes);

        /// <summary>Records PEPs and the like for the pupil: leaders, designated teacher, champion, coach; never a virtual school or named worker.</summary>
        public bool MayRecordFor(Pupil pupil) => WhyMayRead(pupil) is not null && MayRecordForPupils(pupil.SchoolId);
    }

    public async Task<View> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_view is not null)
        {
            return _view;
        }
        var scope = await access.GetAsync(cancellationToken);
        var year = SchoolYear.Of(clock.Today);
        var user = scope.User;
        var coached = new HashSet<int>();
        var pastCoached = new HashSet<int>();
        if (user?.Role == UserRole.Coach)
        {
            var caseload = await db.CaseloadSchools.Where(c => c.CoachUserId == user.Id).Select(c => new { c.SchoolId, c.Year }).ToListAsync(cancellationToken);
            coached.UnionWith(caseload.Where(c => c.Year == year).Select(c => c.SchoolId));
            pastCoached.UnionWith(caseload.Where(c => c.Year < year).Select(c => c.SchoolId));
        }
        var designated = new HashSet<int>();
        var champion = new HashSet<int>();
        var workerOf = new HashSet<int>();
        if (scope.OwnStaffId is int own)
        {
            // One statement (UNION ALL) for the roles a staff member can hold: every page's navigation asks.
            var links = await db.SchoolCoachingContacts.Where(c => c.DesignatedTeacherId == own || c.ChampionId == own)
                .Select(c => new { Id = c.SchoolId, Designated = c.DesignatedTeacherId == own, Champion = c.ChampionId == own, Worker = false })
                .Concat(db.PupilWorkers.Where(w => w.StaffMemberId == own)
                    .Select(w => new { Id = w.PupilId, Designated = false, Champion = false, Worker = true }))
                .ToListAsync(cancellationToken);
            designated.UnionWith(links.Where(l => l.Designated).Select(l => l.Id));
            champion.UnionWith(links.Where(l => l.Champion).Select(l => l.Id));
            workerOf.UnionWith(links.Where(l => l.Worker).Select(l => l.Id));
        }
        var laCode = user?.Role == UserRole.VirtualSchool ? user.LaCode : null;
        var codes = laCode is null ? LaCodes.None : await LocalAuthorities.CodesAsync(db, cancellationToken);
        _view = new View(scope, year, coached, pastCoached, designated, champion, workerOf, laCode, codes);
        return _view;
    }

    /// <summary>The pupils this account may read, as a query to filter further: never a row <see cref="View.WhyMayRead"/> would refuse.</summary>
    public async Task<IQueryable<Pupil>> VisiblePupilsAsync(CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(cancellationToken);
        var schools = view.Reader.LedSchools.Concat(view.DesignatedTeacherOf).Concat(view.ChampionOf).Concat(view.CoachedSchoolIds).Distinct().ToList();
        var workerOf = view.WorkerOfPupils.ToList();
        var authority = view.VirtualSchoolLaCode is { } la ? view.Codes.Aliases(la).ToList() : [];
        return db.Pupils.Where(p => schools.Contains(p.SchoolId) || workerOf.Contains(p.Id) || (p.LaCode != null && authority.Contains(p.LaCode)));
    }
}
