using System.Globalization;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static Lynchpin.Core.Data.Models.RoleFamily;

namespace Lynchpin.Demo;

/// <param name="AuthenticatorKey">For the accounts that sign in with a code as well (trust admin, pay access); null for the rest.</param>
public record DemoSignIn(string Description, string Email, string Password, string? AuthenticatorKey = null);

/// <summary>
/// Seeds the demo trust into an empty database: three schools whose staff, teachers and support staff
/// alike, each have a line manager (but the heads) and a coach or mentor, some in another school,
/// their progression assessments (see <see cref="DemoAssessments"/>) and two years of appraisals (see <see cref="DemoAppraisals"/>).
/// </summary>
public partial class DemoData(LynchpinDbContext db, UserManager<AppUser> users, IUserStore<AppUser> userStore)
{
    public const string TrustCode = "TR04321";
    public const string TrustName = "Northfield Learning Trust";
    public const int SecondaryUrn = 147382;
    public const string SecondaryName = "Northfield Academy";
    public const int PrimaryUrn = 149105;
    public const string PrimaryName = "Brookside Primary Academy";
    public const int SpecialUrn = 150276;
    public const string SpecialName = "Willow Bank School";

    /// <summary>Every demo account's password; printed at start-up and in the README.</summary>
    public const string Password = "Northfield-Demo-2026";

    /// <summary>
    /// The authenticator key of the demo accounts that sign in with a code (the trust admin, and the head and business
    /// manager, who have pay access): published like the password, so anyone trying the demo can add it to an authenticator
    /// app (or run <c>oathtool --totp -b KEY</c>). Printed at start-up and in the README.
    /// </summary>
    public const string AuthenticatorKey = "NORTHFIELDDEMOTWOFACTORKEY234567";

    public const string TrustAdminEmail = "trust.admin@northfield-trust.example";
    /// <summary>The secondary's headteacher (SchoolLeader).</summary>
    public const string HeadEmail = "rachel.whitfield@northfield-academy.sch.example";
    /// <summary>The secondary's school business manager: SLT without QTS (SchoolLeader).</summary>
    public const string BusinessManagerEmail = "imran.hussain@northfield-academy.sch.example";
    /// <summary>The secondary's SENCo, who line-manages the teaching assistants (LineManager).</summary>
    public const string LineManagerEmail = "siobhan.gallagher@northfield-academy.sch.example";
    /// <summary>A teaching assistant at the secondary (Staff).</summary>
    public const string TeachingAssistantEmail = "kayleigh.brooks@northfield-academy.sch.example";
    /// <summary>The primary's headteacher (SchoolLeader).</summary>
    public const string PrimaryHeadEmail = "nasreen.akhtar@brookside-primary.sch.example";

    /// <summary>The achievement coach of the trust's schools and eight of the neighbouring authority's (Coach).</summary>
    public const string CoachEmail = "achievement.coach@northfield-la.example";
    /// <summary>Northfield Academy's School Champion, its deputy head (pastoral) (Staff).</summary>
    public const string ChampionEmail = "helen.marsh@northfield-academy.sch.example";
    /// <summary>Northfield Academy's designated teacher for looked-after children, an assistant head (Staff).</summary>
    public const string DesignatedTeacherEmail = "gareth.llewellyn@northfield-academy.sch.example";
    /// <summary>The virtual school head of Kirklees, which looks after most of the demo's looked-after pupils (VirtualSchool).</summary>
    public const string VirtualSchoolEmail = "virtual.school@kirklees.example";

    /// <summary>The ten new staff of the secondary (ECTs among them) started on this day, and no one else there did.</summary>
    public static readonly DateOnly NewStaffStartDate = new(2025, 9, 1);

    /// <summary>The ten experienced staff of the secondary whose posts the new staff took left on this day.</summary>
    public static readonly DateOnly LeaversLeavingDate = new(2025, 8, 31);

    /// <summary>The school year (2025/26) in which the secondary's progression profile tells the worked example.</summary>
    public const int WorkedExampleYear = 2025;

    private const string LocalAuthority = "Kirklees";

    /// <summary>Term-time only: the usual contract of teaching assistants and much of the support staff.</summary>
    private const decimal TermTime = 39;

    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken = default)
    {
        // All or nothing: start-up seeds only an empty database, so a half-seeded one would never be finished.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var trust = new Trust { Code = TrustCode, Name = TrustName, Kind = TrustKind.MultiAcademyTrust };
        var people = new Dictionary<string, (StaffMember Member, Person Row)>();
        var staffByUrn = new Dictionary<int, IReadOnlyList<StaffMember>>();
        foreach (var (urn, name, phase, pupils, domain, rows) in Schools)
        {
            var school = new School { Urn = urn, Name = name, Phase = phase, NumberOfPupils = pupils, LocalAuthority = LocalAuthority };
            trust.Schools.Add(school);
            staffByUrn[urn] = school.Staff;
            foreach (var row in rows)
            {
                var member = new StaffMember
                {
                    StaffRef = row.Ref,
                    FirstName = row.FirstName,
                    LastName = row.LastName,
                    Email = $"{EmailPart(row.FirstName)}.{EmailPart(row.LastName)}@{domain}",
                    JobTitle = row.JobTitle,
                    RoleFamily = row.Family,
                    Qts = row.Qts ?? row.Family == Teaching,
                    Slt = row.Slt,
                    StartDate = Date(row.Start),
                    LeavingDate = row.Left is null ? null : Date(row.Left),
                    HoursPerWeek = row.Hours,
                    WeeksPerYear = row.Weeks,
                };
                school.Staff.Add(member);
                // Refs carry the school's prefix (NA, BP, WB), so they are unique across the trust too.
                people.Add(row.Ref, (member, row));
            }
        }
        db.Trusts.Add(trust);
        // Coaching goes round in circles (the heads coach one another), which one insert cannot order:
        // save the people first, then link them.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (member, row) in people.Values)
        {
            member.LineManager = row.LineManager is null ? null : people[row.LineManager].Member;
            member.Coach = people[row.Coach].Member;
        }
        await db.SaveChangesAsync(cancellationToken);

        (string Description, CreateUserOptions Options)[] accounts =
        [
            ("Trust admin — all three schools", new(TrustAdminEmail, UserRole.TrustAdmin, TrustCode, null, null, Password)),
            ("Headteacher, Northfield Academy", new(HeadEmail, UserRole.SchoolLeader, null, SecondaryUrn, "NA001", Password)),
            ("School business manager (SLT, no QTS)", new(BusinessManagerEmail, UserRole.SchoolLeader, null, SecondaryUrn, "NA007", Password)),
            ("SENCo — line manages the TAs", new(LineManagerEmail, UserRole.LineManager, null, SecondaryUrn, "NA009", Password)),
            ("Teaching assistant — own record", new(TeachingAssistantEmail, UserRole.Staff, null, SecondaryUrn, "NA063", Password)),
            ("Headteacher, Brookside Primary Academy", new(PrimaryHeadEmail, UserRole.SchoolLeader, null, PrimaryUrn, "BP001", Password)),
            ("Achievement Coach, Northfield LA — eleven schools", new(CoachEmail, UserRole.Coach, null, null, null, Password)),
            ("School Champion, Northfield Academy (deputy head)", new(ChampionEmail, UserRole.Staff, null, SecondaryUrn, "NA003", Password)),
            ("Designated teacher for looked-after children, Northfield Academy", new(DesignatedTeacherEmail, UserRole.Staff, null, SecondaryUrn, "NA005", Password)),
            ("Virtual school head, Kirklees — its looked-after children", new(VirtualSchoolEmail, UserRole.VirtualSchool, null, null, null, Password, DemoCoaching.KirkleesNew)),
        ];
        var userAccounts = new UserAccounts(db, users);
        var signIns = new List<DemoSignIn>();
        foreach (var (description, options) in accounts)
        {
            var result = await userAccounts.CreateAsync(options, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo account {options.Email}: {string.Join(" ", result.Errors)}");
            }
            signIns.Add(new DemoSignIn(description, options.Email, Password));
        }

        // After the accounts, so the assessments recorded by a demo sign-in carry its user id.
        var userIdByStaffId = await db.Users.Where(u => u.StaffMemberId != null)
            .ToDictionaryAsync(u => u.StaffMemberId!.Value, u => u.Id, cancellationToken);
        db.Assessments.AddRange(DemoAssessments.Create(staffByUrn, userIdByStaffId));
        var appraisals = DemoAppraisals.Create(staffByUrn, userIdByStaffId);
        db.AppraisalCycles.AddRange(appraisals.Cycles);
        db.PayRecommendations.AddRange(appraisals.PayRecommendations);
        await db.SaveChangesAsync(cancellationToken);
        // Checked once saved, when objectives have the ids the rules compare; a broken rule rolls the whole seed back.
        DemoAppraisals.Check(appraisals.Cycles);
        // Nothing saved so far changes again: stop tracking it, so the last saves need not look through thousands of rows.
        db.ChangeTracker.Clear();
        db.AuditEvents.AddRange(DemoAppraisals.PayAudit(appraisals.PayRecommendations));
        // Northfield's timetable, duties, calendar and observers, ready for the head to make a learning-walk rota.
        var observations = DemoObservations.Create(staffByUrn[SecondaryUrn]);
        db.TimetableRows.AddRange(observations.Timetable);
        db.StaffDuties.AddRange(observations.Duties);
        db.SchoolCalendarSettings.Add(observations.Calendar);
        db.BlockedDates.AddRange(observations.BlockedDates);
        db.RotaObservers.AddRange(observations.RotaObservers);
        await db.SaveChangesAsync(cancellationToken);

        await SeedCoachingAsync(trust.Id, cancellationToken);
        await DemoConversations.SeedAsync(db, SecondaryUrn, cancellationToken);

        // Standards, qualifications, career steps, two years of CPD with evaluations, budgets and pay (see DemoCareers).
        var careers = DemoCareers.Create(staffByUrn);
        db.StandardSets.AddRange(careers.StandardSets);
        db.StandardAssessments.AddRange(careers.Assessments);
        db.PersonQualifications.AddRange(careers.Qualifications);
        db.CareerSteps.AddRange(careers.Steps);
        db.CpdActivities.AddRange(careers.Activities);
        db.CpdRequests.AddRange(careers.Requests);
        db.CpdBudgets.AddRange(careers.Budgets);
        db.PayRecords.AddRange(careers.Pay);
        db.LearningRoles.AddRange(DemoLearningCommunity.Create(staffByUrn[SecondaryUrn]));
        await db.SaveChangesAsync(cancellationToken);

        // Published outcomes beside all that: KS4, KS2, the census and attendance (see DemoOutcomes).
        var schoolIds = await db.Schools.Where(s => s.TrustId == trust.Id).ToDictionaryAsync(s => s.Urn, s => s.Id, cancellationToken);
        db.SchoolOutcomes.AddRange(DemoOutcomes.Create(schoolIds));
        db.ConditionsEntries.AddRange(DemoConditions.Create(schoolIds[SecondaryUrn]));
        await db.SaveChangesAsync(cancellationToken);

        // The head and the business manager see pay recommendations (never a role's right: granted per account).
        string[] payAccess = [HeadEmail, BusinessManagerEmail];
        await db.Users.Where(u => payAccess.Contains(u.Email)).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true), cancellationToken);
        // Trust admins and pay access sign in with a code too: these use the published demo key.
        string[] withCode = [TrustAdminEmail, .. payAccess];
        foreach (var email in withCode)
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"The demo account {email} is missing.");
            await Authenticators.UseKnownKeyAsync(users, userStore, user, AuthenticatorKey, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return signIns.Select(s => withCode.Contains(s.Email) ? s with { AuthenticatorKey = AuthenticatorKey } : s).ToList();
    }

    /// <summary>The coaching story (see <see cref="DemoCoaching"/>): the neighbouring schools first, for their ids.</summary>
    private async Task SeedCoachingAsync(int trustId, CancellationToken cancellationToken)
    {
        var neighbours = DemoCoaching.Neighbours();
        db.Schools.AddRange(neighbours);
        await db.SaveChangesAsync(cancellationToken);
        var trustSchools = await db.Schools.AsNoTracking().Include(s => s.Staff).Where(s => s.TrustId == trustId).OrderBy(s => s.Urn).ToListAsync(cancellationToken);
        var coachId = await db.Users.Where(u => u.Email == CoachEmail).Select(u => u.Id).SingleAsync(cancellationToken);
        var seed = DemoCoaching.Create(trustSchools, neighbours, coachId);
        db.LocalAuthorities.AddRange(seed.Authorities);
        db.CaseloadSchools.AddRange(seed.Caseloads);
        db.CoachingVisits.AddRange(seed.Visits);
        db.SchoolCoachingContacts.AddRange(seed.Contacts);
        db.ActionPlans.AddRange(seed.Plans);
        db.Pupils.AddRange(seed.Pupils);
        db.AttendanceRecords.AddRange(seed.Attendance);
        db.Peps.AddRange(seed.Peps);
        db.ImpactPlans.AddRange(seed.ImpactPlans);
        db.OutcomeReferences.AddRange(seed.References);
        db.FocusGroups.AddRange(seed.FocusGroups);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string EmailPart(string name) => string.Concat(name.Where(char.IsLetter)).ToLowerInvariant();

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
