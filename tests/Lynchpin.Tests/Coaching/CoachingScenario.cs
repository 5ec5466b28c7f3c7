using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Kernel;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Coaching;

/// <summary>
/// Who may read which pupil, built fresh (unique values) per call:
/// <code>
/// Trust A ── School A1: Head (SLT, leader account), Champion (SLT), Designated teacher, Key adult (named for P1), TA
///          │            pupils P1 (looked after by 999 = E99999999, with a PEP) and P2 (child in need, authority 341)
///          └─ its coach this year: Coach; last year: PastCoach
/// Trust B ── School B1: Outsider (leader account); pupil P3 (looked after by 999); its coach this year: OtherCoach
/// Virtual schools: E99999999 (P1's and P3's), and E08000012 (nobody's here)
/// </code>
/// </summary>
public sealed record CoachingScenario(
    Trust TrustA, School SchoolA1, Trust TrustB, School SchoolB1,
    StaffMember Head, StaffMember Champion, StaffMember DesignatedTeacher, StaffMember KeyAdult, StaffMember Assistant,
    Pupil P1, Pupil P2, Pupil P3, int Pep1, int KeyAdultWorker, int CoachPlannedVisit, int Year, DateOnly Today,
    TestUser TrustAdmin, TestUser Leader, TestUser ChampionUser, TestUser TeacherUser, TestUser KeyAdultUser, TestUser AssistantUser,
    TestUser Coach, TestUser PastCoach, TestUser OtherCoach, TestUser VirtualSchool, TestUser OtherVirtualSchool, TestUser Outsider)
{
    public const string ExampleshireOld = "999";
    public const string ExampleshireNew = "E99999999";

    public static async Task<CoachingScenario> CreateAsync(TestData data)
    {
        var today = await data.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<SchoolClock>().Today));
        var year = SchoolYear.Of(today);
        await EnsureExampleshireAsync(data);
        var trustA = await data.CreateTrustAsync();
        var a1 = await data.CreateSchoolAsync(trustA);
        var trustB = await data.CreateTrustAsync();
        var b1 = await data.CreateSchoolAsync(trustB);

        var head = await data.CreateStaffAsync(a1, slt: true, jobTitle: "Headteacher");
        var champion = await data.CreateStaffAsync(a1, slt: true, lineManager: head, jobTitle: "Deputy head");
        var teacher = await data.CreateStaffAsync(a1, lineManager: head, jobTitle: "Designated teacher");
        var keyAdult = await data.CreateStaffAsync(a1, RoleFamily.Pastoral, head, jobTitle: "Learning mentor");
        var assistant = await data.CreateStaffAsync(a1, RoleFamily.LearningSupport, head, jobTitle: "Teaching assistant");
        var outsiderStaff = await data.CreateStaffAsync(b1, slt: true, jobTitle: "Headteacher");

        await data.WithServicesAsync(sp => sp.GetRequiredService<CoachingContacts>().SetAsync(a1.Id, teacher.Id, champion.Id));
        var p1 = await CreatePupilAsync(data, a1, [PupilFlag.LookedAfter, PupilFlag.PupilPremium], ExampleshireOld, new DateOnly(year - 1, 10, 6));
        var p2 = await CreatePupilAsync(data, a1, [PupilFlag.ChildInNeed], "341", null);
        var p3 = await CreatePupilAsync(data, b1, [PupilFlag.LookedAfter], ExampleshireOld, new DateOnly(year - 1, 9, 1));
        var keyAdultWorker = await data.WithDbAsync(async db =>
        {
            var worker = db.PupilWorkers.Add(new PupilWorker { PupilId = p1.Id, StaffMemberId = keyAdult.Id, Role = "key adult" }).Entity;
            await db.SaveChangesAsync();
            return worker.Id;
        });
        var pep = await data.WithServicesAsync(sp => sp.GetRequiredService<Peps>().RecordAsync(p1.Id, new PepInput
        {
            MeetingOn = new DateOnly(year - 1, 10, 10),
            SocialWorker = "Jo Social",
            DesignatedTeacher = teacher.FullName,
            Carer = "Pat Carer",
            ChildViews = "I like art.",
            NextPepOn = new DateOnly(year - 1, 12, 1),
            Targets = [new PepTargetInput { Outcome = "Read daily", ByWhen = new DateOnly(year - 1, 12, 1) }],
        }, new Recorder(null, "Test")));

        var coach = await data.CreateUserAsync(UserRole.Coach);
        var pastCoach = await data.CreateUserAsync(UserRole.Coach);
        var otherCoach = await data.CreateUserAsync(UserRole.Coach);
        await SetCaseloadAsync(data, coach, year, a1);
        await SetCaseloadAsync(data, pastCoach, year - 1, a1);
        await SetCaseloadAsync(data, otherCoach, year, b1);
        var plannedVisit = await data.WithDbAsync(async db =>
        {
            var visit = db.CoachingVisits.Add(new CoachingVisit
            {
                CoachUserId = coach.Id,
                SchoolId = a1.Id,
                Date = today,
                Year = year,
                Status = VisitStatus.Planned,
            }).Entity;
            await db.SaveChangesAsync();
            return visit.Id;
        });

        return new CoachingScenario(trustA, a1, trustB, b1, head, champion, teacher, keyAdult, assistant, p1, p2, p3, pep.Value!.Id, keyAdultWorker, plannedVisit, year, today,
            await data.CreateUserAsync(UserRole.TrustAdmin, trust: trustA),
            await data.CreateUserAsync(UserRole.SchoolLeader, school: a1, staff: head),
            await data.CreateUserAsync(UserRole.Staff, staff: champion),
            await data.CreateUserAsync(UserRole.Staff, staff: teacher),
            await data.CreateUserAsync(UserRole.Staff, staff: keyAdult),
            await data.CreateUserAsync(UserRole.Staff, staff: assistant),
            coach, pastCoach, otherCoach,
            await data.CreateUserAsync(UserRole.VirtualSchool, laCode: ExampleshireNew),
            await data.CreateUserAsync(UserRole.VirtualSchool, laCode: "E08000012"),
            await data.CreateUserAsync(UserRole.SchoolLeader, school: b1, staff: outsiderStaff));
    }

    /// <summary>A pupil with a valid UPN (unique in the run) and flags from <paramref name="since"/> (or a year ago).</summary>
    public static async Task<Pupil> CreatePupilAsync(TestData data, School school, IReadOnlyList<PupilFlag> flags, string? laCode, DateOnly? enteredCare,
        string? firstName = null)
    {
        var n = TestData.Unique();
        var digits = $"{ExampleshireOld}{n % 10000:0000}25{n / 10000 % 1000:000}";
        var pupil = new Pupil
        {
            SchoolId = school.Id,
            Upn = Upn.CheckLetterFor(digits) + digits,
            FirstName = firstName ?? "Alex",
            LastName = $"Pupil{n}",
            DateOfBirth = new DateOnly(2012, 5, 1),
            YearGroup = "8",
            LaCode = laCode,
            EnteredCareOn = enteredCare,
            Flags = flags.Select(f => new PupilFlagPeriod { Flag = f, From = enteredCare ?? new DateOnly(2020, 9, 1) }).ToList(),
        };
        await data.WithDbAsync(async db =>
        {
            db.Pupils.Add(pupil);
            return await db.SaveChangesAsync();
        });
        return pupil;
    }

    /// <summary>A valid UPN, unique in the run (from <paramref name="n"/>, or a new unique number).</summary>
    public static string NewUpn(int? n = null)
    {
        var u = n ?? TestData.Unique();
        var digits = $"{ExampleshireOld}{u % 10000:0000}25{u / 10000 % 1000:000}";
        return Upn.CheckLetterFor(digits) + digits;
    }

    public static async Task SetCaseloadAsync(TestData data, TestUser coach, int year, params School[] schools)
    {
        var result = await data.WithServicesAsync(sp => sp.GetRequiredService<Caseloads>().SetAsync(coach.Email, year, schools.Select(s => s.Urn).ToList(), new Recorder(null, "Test")));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>The authority of the DfE layout file, known by both codes, as an imported reference file would leave it.</summary>
    public static Task EnsureExampleshireAsync(TestData data) => data.WithDbAsync(async db =>
    {
        if (!db.LocalAuthorities.Any(a => a.OldCode == ExampleshireOld))
        {
            db.LocalAuthorities.Add(new LocalAuthority { OldCode = ExampleshireOld, NewCode = ExampleshireNew, Name = "Exampleshire" });
        }
        return await db.SaveChangesAsync();
    });

    public static async Task AddAttendanceAsync(TestData data, Pupil pupil, DateOnly start, DateOnly end, int possible, int attended)
    {
        await data.WithDbAsync(async db =>
        {
            db.AttendanceRecords.Add(new AttendanceRecord
            {
                PupilId = pupil.Id,
                PeriodStart = start,
                PeriodEnd = end,
                SessionsPossible = possible,
                SessionsAttended = attended,
                Authorised = possible - attended,
                Unauthorised = 0,
            });
            return await db.SaveChangesAsync();
        });
    }
}
