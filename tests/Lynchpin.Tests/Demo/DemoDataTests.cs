using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Demo;

/// <summary>The app on an empty database that the tests seed once through <see cref="DemoData.SeedAsync"/>, keeping the sign-ins it returns.</summary>
public abstract class DemoSeedFactory(DatabaseProvider provider) : LynchpinAppFactory(provider)
{
    private Task<IReadOnlyList<DemoSignIn>>? _seeding;

    /// <summary>Seeds on the first call; xunit runs a class's tests one at a time, so no lock is needed.</summary>
    public Task<IReadOnlyList<DemoSignIn>> SignInsAsync() => _seeding ??= SeedAsync();

    private async Task<IReadOnlyList<DemoSignIn>> SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }
}

public sealed class SqliteDemoSeedFactory() : DemoSeedFactory(DatabaseProvider.Sqlite);

public sealed class PostgresDemoSeedFactory() : DemoSeedFactory(DatabaseProvider.Postgres);

/// <summary>The demo trust: sizes, role families, SLTs, learning triads (line manager and coach) and the sign-ins.</summary>
public abstract class DemoDataTests(DemoSeedFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoSeedFactory app) : DemoDataTests(app), IClassFixture<SqliteDemoSeedFactory>;

    public sealed class Postgres(PostgresDemoSeedFactory app) : DemoDataTests(app), IClassFixture<PostgresDemoSeedFactory>;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private readonly DemoSeedFactory _factory = app;
    private IReadOnlyList<DemoSignIn> _signIns = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _signIns = await _factory.SignInsAsync();
    }

    [SkippableFact]
    public async Task Get_SeededTrust_IsAMultiAcademyTrustOfTheThreeSchools()
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var trust = await db.Trusts.Include(t => t.Schools).SingleAsync(t => t.Code == DemoData.TrustCode);

        // Assert
        Assert.Equal(DemoData.TrustName, trust.Name);
        Assert.Equal(TrustKind.MultiAcademyTrust, trust.Kind);
        Assert.Equal([DemoData.SecondaryUrn, DemoData.PrimaryUrn, DemoData.SpecialUrn], trust.Schools.Select(s => s.Urn).Order());
        Assert.Equal([DemoData.SecondaryName, DemoData.PrimaryName, DemoData.SpecialName],
            trust.Schools.OrderBy(s => s.Urn).Select(s => s.Name));
        Assert.All(trust.Schools, s => Assert.True(s.IsOpen && s.NumberOfPupils > 0 && s.LocalAuthority is not null && s.Phase is not null));
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn, 95, 115)]
    [InlineData(DemoData.PrimaryUrn, 30, 40)]
    [InlineData(DemoData.SpecialUrn, 35, 45)]
    public async Task Get_SeededSchool_HasStaffInPostCountInRange(int urn, int fewest, int most)
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var count = await db.StaffMembers.CountAsync(s => s.School.Urn == urn && (s.LeavingDate == null || s.LeavingDate >= Today));

        // Assert
        Assert.InRange(count, fewest, most);
    }

    [SkippableFact]
    public async Task Get_SecondaryStaff_CoverEveryRoleFamily()
    {
        // Arrange
        var staff = await StaffAsync();

        // Act
        var families = staff.Where(s => s.School.Urn == DemoData.SecondaryUrn).Select(s => s.RoleFamily).Distinct().Order();

        // Assert
        Assert.Equal(RoleFamilies.All.Order(), families);
    }

    [SkippableTheory]
    [InlineData(DemoData.SecondaryUrn)]
    [InlineData(DemoData.PrimaryUrn)]
    [InlineData(DemoData.SpecialUrn)]
    public async Task Get_SeniorLeadershipTeam_IncludesSupportStaffWithoutQts(int urn)
    {
        // Arrange
        var staff = await StaffAsync();

        // Act
        var slt = staff.Where(s => s.School.Urn == urn && s.Slt).ToList();

        // Assert
        Assert.Contains(slt, s => !s.Qts && s.Category == StaffCategory.Support);
        Assert.Contains(slt, s => s.Qts && s.JobTitle == "Headteacher");
    }

    [SkippableFact]
    public async Task Get_SecondarySlt_HasTheBusinessManagerAndACommunityOrInclusionLead()
    {
        // Arrange
        var staff = await StaffAsync();

        // Act
        var slt = staff.Where(s => s.School.Urn == DemoData.SecondaryUrn && s.Slt).ToList();

        // Assert
        var businessManager = Assert.Single(slt, s => s.Email == DemoData.BusinessManagerEmail);
        Assert.Equal(RoleFamily.Business, businessManager.RoleFamily);
        Assert.False(businessManager.Qts);
        Assert.Contains(slt, s => !s.Qts && s.RoleFamily is RoleFamily.Community or RoleFamily.Inclusion);
        Assert.Single(slt, s => s.Email == DemoData.HeadEmail);
    }

    [SkippableFact]
    public async Task Get_EveryPerson_HasACoachInTheTrustOtherThanThemselvesAndTheirLineManager()
    {
        // Arrange
        var staff = await StaffAsync();
        var byId = staff.ToDictionary(s => s.Id);

        // Act
        var withoutProperCoach = staff
            .Where(s => s.CoachId is not int coachId
                || coachId == s.Id
                || coachId == s.LineManagerId
                || !byId.TryGetValue(coachId, out var coach)
                || coach.School.TrustId != s.School.TrustId
                || !coach.InPostOn(Today))
            .Select(s => s.StaffRef);

        // Assert
        Assert.Empty(withoutProperCoach);
    }

    [SkippableFact]
    public async Task Get_Coaching_CrossesSchoolsAtLeastFiveTimes()
    {
        // Arrange
        var staff = await StaffAsync();
        var byId = staff.ToDictionary(s => s.Id);

        // Act
        var crossSchool = staff.Where(s => s.CoachId is int coachId && byId[coachId].SchoolId != s.SchoolId).ToList();

        // Assert
        Assert.True(crossSchool.Count >= 5, $"Only {crossSchool.Count} people have a coach in another school.");
        Assert.Equal(3, crossSchool.Select(s => s.SchoolId).Distinct().Count());
    }

    [SkippableFact]
    public async Task Get_EveryoneButTheHeads_HasALineManagerInPostInTheirSchool()
    {
        // Arrange
        var staff = await StaffAsync();
        var byId = staff.ToDictionary(s => s.Id);

        // Act
        var withoutLineManager = staff.Where(s => s.LineManagerId is null).Select(s => s.Email).Order();
        var managedFromElsewhere = staff
            .Where(s => s.LineManagerId is int id && (byId[id].SchoolId != s.SchoolId || !byId[id].InPostOn(Today)))
            .Select(s => s.StaffRef);

        // Assert
        Assert.Equal(
            new[] { DemoData.PrimaryHeadEmail, DemoData.HeadEmail, "jonathan.ashby@willow-bank.sch.example" }.Order(),
            withoutLineManager);
        Assert.Empty(managedFromElsewhere);
    }

    [SkippableFact]
    public async Task Get_LineManagement_HasNoCycles()
    {
        // Arrange
        var staff = await StaffAsync();
        var byId = staff.ToDictionary(s => s.Id);

        // Act: walk up from each person; meeting someone twice is a cycle.
        var inCycles = new List<string>();
        foreach (var person in staff)
        {
            var seen = new HashSet<int> { person.Id };
            for (var manager = person.LineManagerId; manager is int id; manager = byId[id].LineManagerId)
            {
                if (!seen.Add(id))
                {
                    inCycles.Add(person.StaffRef);
                    break;
                }
            }
        }

        // Assert
        Assert.Empty(inCycles);
    }

    [SkippableFact]
    public async Task Get_StaffRefsAndEmails_AreUniqueAndFollowTheSchoolsPattern()
    {
        // Arrange
        var staff = await StaffAsync();
        var patterns = new Dictionary<int, (string Prefix, string Domain)>
        {
            [DemoData.SecondaryUrn] = ("NA", "@northfield-academy.sch.example"),
            [DemoData.PrimaryUrn] = ("BP", "@brookside-primary.sch.example"),
            [DemoData.SpecialUrn] = ("WB", "@willow-bank.sch.example"),
        };

        // Act
        var duplicateRefs = staff.GroupBy(s => (s.SchoolId, s.StaffRef)).Where(g => g.Count() > 1).Select(g => g.Key.StaffRef);
        var duplicateEmails = staff.GroupBy(s => s.Email).Where(g => g.Count() > 1).Select(g => g.Key);
        var offPattern = staff
            .Where(s => !s.StaffRef.StartsWith(patterns[s.School.Urn].Prefix, StringComparison.Ordinal)
                || s.Email != $"{s.FirstName}.{s.LastName}".Replace("'", "").ToLowerInvariant() + patterns[s.School.Urn].Domain)
            .Select(s => $"{s.StaffRef} {s.Email}");

        // Assert
        Assert.Empty(duplicateRefs);
        Assert.Empty(duplicateEmails);
        Assert.Empty(offPattern);
    }

    [SkippableFact]
    public async Task Get_TeachingAssistants_AreLineManagedByTheSenco()
    {
        // Arrange
        var staff = await StaffAsync();
        var senco = staff.Single(s => s.Email == DemoData.LineManagerEmail);

        // Act
        var teachingAssistant = staff.Single(s => s.Email == DemoData.TeachingAssistantEmail);
        var secondaryTeachingAssistants = staff
            .Where(s => s.School.Urn == DemoData.SecondaryUrn && s.JobTitle.Contains("Teaching Assistant", StringComparison.Ordinal))
            .ToList();

        // Assert
        Assert.Equal("SENCo", senco.JobTitle);
        Assert.True(senco.Qts);
        Assert.Equal(RoleFamily.LearningSupport, teachingAssistant.RoleFamily);
        Assert.Equal(senco.Id, teachingAssistant.LineManagerId);
        Assert.True(secondaryTeachingAssistants.Count >= 5);
        Assert.All(secondaryTeachingAssistants, ta => Assert.Equal(senco.Id, ta.LineManagerId));
    }

    [SkippableFact]
    public async Task Get_SecondaryNewStaff_AreTenStartingOnTheNewStaffDate()
    {
        // Arrange
        var staff = await StaffAsync();

        // Act
        var newStaff = staff.Where(s => s.School.Urn == DemoData.SecondaryUrn && s.StartDate == DemoData.NewStaffStartDate).ToList();

        // Assert
        Assert.Equal(10, newStaff.Count);
        Assert.Contains(newStaff, s => s.Category == StaffCategory.Teaching);
        Assert.Contains(newStaff, s => s.Category == StaffCategory.Support);
    }

    [SkippableFact]
    public async Task Get_SecondaryLeavers_TenExperiencedStaffLeftTheSummerBeforeTheNewStaffStarted()
    {
        // Arrange
        var staff = await StaffAsync();

        // Act
        var leavers = staff.Where(s => s.School.Urn == DemoData.SecondaryUrn && s.LeavingDate == DemoData.LeaversLeavingDate).ToList();

        // Assert: ten, each in post five years or more, the day before the new staff started
        Assert.Equal(10, leavers.Count);
        Assert.Equal(DemoData.NewStaffStartDate, DemoData.LeaversLeavingDate.AddDays(1));
        Assert.All(leavers, s => Assert.True(s.StartDate <= DemoData.LeaversLeavingDate.AddYears(-5), $"{s.StaffRef} started {s.StartDate}."));
        Assert.Contains(leavers, s => s.Category == StaffCategory.Teaching);
        Assert.Contains(leavers, s => s.Category == StaffCategory.Support);
    }

    [SkippableFact]
    public async Task Get_Contracts_IncludeLeaversPartTimeAndTermTimeStaff()
    {
        // Arrange
        var staff = await StaffAsync();

        // Act
        var leavers = staff.Where(s => s.LeavingDate is not null).ToList();
        var leaverIds = leavers.Select(s => s.Id).ToHashSet();

        // Assert
        Assert.InRange(leavers.Count, 11, 14);
        Assert.All(leavers, s => Assert.True(s.LeavingDate < Today && s.StartDate < s.LeavingDate, $"{s.StaffRef} left on {s.LeavingDate}."));
        Assert.DoesNotContain(staff, s => s.LineManagerId is int id && leaverIds.Contains(id));
        Assert.Contains(staff, s => s.Category == StaffCategory.Teaching && s.HoursPerWeek is not null);
        Assert.Contains(staff, s => s.RoleFamily == RoleFamily.LearningSupport && s.WeeksPerYear == 39);
        Assert.All(staff, s => Assert.True(s.StartDate is not null && s.StartDate <= Today, $"{s.StaffRef} starts {s.StartDate}."));
        Assert.All(staff.Where(s => s.RoleFamily == RoleFamily.Teaching), s => Assert.True(s.Qts, $"{s.StaffRef} is a teacher without QTS."));
    }

    [SkippableFact]
    public async Task Post_EverySignIn_SignsInWithItsRoleAndScope()
    {
        // Arrange: what each account should be, by email (school URN, and the email of its staff record).
        var expected = new Dictionary<string, (UserRole Role, int? Urn, string? StaffEmail)>
        {
            [DemoData.TrustAdminEmail] = (UserRole.TrustAdmin, null, null),
            [DemoData.HeadEmail] = (UserRole.SchoolLeader, DemoData.SecondaryUrn, DemoData.HeadEmail),
            [DemoData.BusinessManagerEmail] = (UserRole.SchoolLeader, DemoData.SecondaryUrn, DemoData.BusinessManagerEmail),
            [DemoData.LineManagerEmail] = (UserRole.LineManager, DemoData.SecondaryUrn, DemoData.LineManagerEmail),
            [DemoData.TeachingAssistantEmail] = (UserRole.Staff, DemoData.SecondaryUrn, DemoData.TeachingAssistantEmail),
            [DemoData.PrimaryHeadEmail] = (UserRole.SchoolLeader, DemoData.PrimaryUrn, DemoData.PrimaryHeadEmail),
            [DemoData.CoachEmail] = (UserRole.Coach, null, null),
            [DemoData.ChampionEmail] = (UserRole.Staff, DemoData.SecondaryUrn, DemoData.ChampionEmail),
            [DemoData.DesignatedTeacherEmail] = (UserRole.Staff, DemoData.SecondaryUrn, DemoData.DesignatedTeacherEmail),
            [DemoData.VirtualSchoolEmail] = (UserRole.VirtualSchool, null, null),
        };
        await using var db = App.Database.CreateContext();
        var trust = await db.Trusts.SingleAsync(t => t.Code == DemoData.TrustCode);

        // Act
        foreach (var signIn in _signIns)
        {
            using var client = App.CreateClient();
            await LynchpinAppFactory.SignInAsync(client, signIn.Email, signIn.Password, signIn.AuthenticatorKey);
        }

        // Assert
        Assert.Equal(expected.Keys.Order(), _signIns.Select(s => s.Email).Order());
        Assert.All(_signIns, s => Assert.Equal(DemoData.Password, s.Password));
        Assert.Equal(_signIns.Count, _signIns.Select(s => s.Description).Distinct().Count());
        foreach (var signIn in _signIns)
        {
            var user = await db.Users.Include(u => u.School).Include(u => u.StaffMember).SingleAsync(u => u.Email == signIn.Email);
            var (role, urn, staffEmail) = expected[signIn.Email];
            Assert.Equal(role, user.Role);
            // A coach and a virtual school work across trusts and belong to none.
            Assert.Equal(role is UserRole.Coach or UserRole.VirtualSchool ? null : trust.Id, user.TrustId);
            Assert.Equal(urn, user.School?.Urn);
            Assert.Equal(staffEmail, user.StaffMember?.Email);
        }
    }

    private async Task<List<StaffMember>> StaffAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.StaffMembers.Include(s => s.School).Where(s => s.School.Trust!.Code == DemoData.TrustCode).ToListAsync();
    }
}
