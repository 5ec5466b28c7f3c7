using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Imports;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Observations;

/// <summary>
/// The small school of <c>Rota/RotaExample</c>, stored and imported through the app's services. Week A starts Mon 2 Nov
/// 2026; Wed 4 Nov is blocked (INSET); rotas run Mon 2 to Tue 10 Nov.
/// <code>
///                  Mon P1 (9-10)      Mon P2 (10-11)          Tue P1 (9-10)
/// Tom (teacher)    9A Maths (Y9)      –                       10B Maths (Y10)
/// Sara (teacher)   7C English (Y7)    9B English (Y9), wk A   –
/// Ravi (Head of    –                  8A Science (Y8)         –
///   Science)
/// Jo (TA)          in 9A              –                       –
/// Amira (pastoral) –                  –                       on duty: Reception
/// Sam (SLT)        –                  –                       –
/// </code>
/// Observers: Amira 2 visits (focus Y9), Ravi 1, Jo 1. Observees (who lead lessons): Tom, Sara, Ravi — not Jo, who is
/// beside Tom. Sam is a senior leader with no timetable and not an observer.
/// </summary>
public sealed record ObservationSchool(
    School School, StaffMember Tom, StaffMember Sara, StaffMember Ravi, StaffMember Jo, StaffMember Amira, StaffMember Sam)
{
    public static readonly DateOnly Mon2 = new(2026, 11, 2);
    public static readonly DateOnly Tue3 = new(2026, 11, 3);
    public static readonly DateOnly Wed4 = new(2026, 11, 4);
    public static readonly DateOnly Mon9 = new(2026, 11, 9);
    public static readonly DateOnly Tue10 = new(2026, 11, 10);

    /// <summary>Today, for services that refuse future dates: the tests never depend on the machine's clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Today when a rota is made: Friday 30 October 2026, before the rota's dates (a rota plans from today on).</summary>
    public static readonly DateTimeOffset PlanningNow = new(2026, 10, 30, 10, 0, 0, TimeSpan.Zero);

    public const string TimetableHeader = "week,day,period,start,end,staff_ref,class,subject,year_group,room";

    public string[] TimetableLines =>
    [
        TimetableHeader,
        $",Mon,1,09:00,10:00,{Tom.StaffRef},9A,Maths,9,R1",
        $",Tue,1,09:00,10:00,{Tom.StaffRef},10B,Maths,10,R1",
        $",Mon,1,09:00,10:00,{Sara.StaffRef},7C,English,7,R2",
        $"A,Mon,2,10:00,11:00,{Sara.StaffRef},9B,English,9,R2",
        $",Mon,2,10:00,11:00,{Ravi.StaffRef},8A,Science,8,R3",
        $",Mon,1,09:00,10:00,{Jo.StaffRef},9A,Maths,9,R1",
    ];

    public string[] DutyLines => ["week,day,period,staff_ref,duty", $",Tue,1,{Amira.StaffRef},Reception"];

    public string[] ObserverLines(int amiraVisits = 2) =>
        ["staff_ref,visits,year_group", $"{Amira.StaffRef},{amiraVisits},Year 9", $"{Ravi.StaffRef},1,", $"{Jo.StaffRef},1,"];

    /// <summary>The staff only: nothing imported.</summary>
    public static async Task<ObservationSchool> CreateStaffAsync(TestData data)
    {
        var school = await data.CreateSchoolAsync();
        return new ObservationSchool(
            school,
            await data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Tom", lastName: "Reed", jobTitle: "Teacher of Maths"),
            await data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Sara", lastName: "Cole", jobTitle: "Teacher of English"),
            await data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Ravi", lastName: "Shah", jobTitle: "Head of Science"),
            await data.CreateStaffAsync(school, RoleFamily.LearningSupport, firstName: "Jo", lastName: "Ward", jobTitle: "Teaching Assistant"),
            await data.CreateStaffAsync(school, RoleFamily.Pastoral, firstName: "Amira", lastName: "Khan", jobTitle: "Achievement Coordinator (Year 9)"),
            await data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Sam", lastName: "Bell", jobTitle: "Deputy Headteacher", slt: true));
    }

    /// <summary>The staff, with the timetable, duties, observers and calendar imported.</summary>
    public static async Task<ObservationSchool> CreateAsync(LynchpinAppFactory app)
    {
        var school = await CreateStaffAsync(app.Data);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        Check(await services.GetRequiredService<TimetableImporter>().ImportAsync(school.School.Urn, ImportFiles.Csv(school.TimetableLines), "t.csv"));
        Check(await services.GetRequiredService<DutyImporter>().ImportAsync(school.School.Urn, ImportFiles.Csv(school.DutyLines), "d.csv"));
        await school.ImportObserversAsync(app);
        var errors = await services.GetRequiredService<SchoolCalendars>().SetAsync(school.School.Id, Mon2, [new BlockedDay(Wed4, "INSET")]);
        Assert.Empty(errors);
        return school;
    }

    public async Task ImportObserversAsync(LynchpinAppFactory app, int amiraVisits = 2)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Check(await scope.ServiceProvider.GetRequiredService<ObserverImporter>()
            .ImportAsync(School.Urn, ImportFiles.Csv(ObserverLines(amiraVisits)), "o.csv"));
    }

    /// <summary>
    /// A learning-walk rota stored as a leader would have it, keeping every rule: Amira sees Tom (Mon 2 P1, 9A) and Sara
    /// (Mon 2 P2, 9B), Ravi sees Tom (Tue 3 P1, 10B), Jo sees Ravi (Mon 2 P2, 8A). Visits in that order.
    /// </summary>
    public async Task<ObservationRota> StoreValidRotaAsync(LynchpinAppFactory app)
    {
        RotaVisit Visit(DateOnly date, string period, int hour, StaffMember observer, ObserverKind kind, StaffMember observee,
            string @class, string subject, string year, string room) => new()
            {
                Date = date,
                Week = TimetableWeek.A,
                Period = period,
                Start = new TimeOnly(hour, 0),
                End = new TimeOnly(hour + 1, 0),
                ObserverId = observer.Id,
                ObserverKind = kind,
                ObserveeId = observee.Id,
                Class = @class,
                Subject = subject,
                YearGroup = year,
                Room = room,
            };
        var rota = new ObservationRota
        {
            SchoolId = School.Id,
            Kind = ObservationKind.LearningWalk,
            From = Mon2,
            To = Tue10,
            MaxVisitsPerObservee = 2,
            MaxObserversPerLesson = 1,
            Status = RotaStatus.Feasible,
            CreatedAt = PlanningNow.UtcDateTime,
            CreatedByName = "Test",
            Visits =
            [
                Visit(Mon2, "1", 9, Amira, ObserverKind.Pastoral, Tom, "9A", "Maths", "9", "R1"),
                Visit(Mon2, "2", 10, Amira, ObserverKind.Pastoral, Sara, "9B", "English", "9", "R2"),
                Visit(Tue3, "1", 9, Ravi, ObserverKind.MiddleLeader, Tom, "10B", "Maths", "10", "R1"),
                Visit(Mon2, "2", 10, Jo, ObserverKind.Support, Ravi, "8A", "Science", "8", "R3"),
            ],
        };
        return await app.Data.WithDbAsync(async db =>
        {
            db.ObservationRotas.Add(rota);
            await db.SaveChangesAsync();
            return rota;
        });
    }

    public static Recorder Leader => new(null, "Helen Marsh");

    private static void Check(ImportResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors));
}

/// <summary>A clock stopped at one moment.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
