using Lynchpin.Bench.Profile;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Bench.Load;

/// <summary>
/// A year of CPD, the qualifications people hold and everyone's pay, from its own seed: what the parity report reads
/// beside the profile, appraisals and coaching. Each school has an INSET day for everyone in post and eight courses of
/// three to ten people; teachers hold QTS (a quarter a degree or a master's on record too), most teaching assistants a
/// level 2 or 3 certificate and one in ten HLTA status, a third of office and business staff a level 3-5 diploma, a
/// fifth of site staff first aid; everyone in post in the year has a pay record (teachers on MPS/UPS, leaders on LPS,
/// support staff on the NJC spine, term-time only at 39 weeks and 32.5 hours).
/// </summary>
public sealed class CareersYear
{
    public const int Seed = 20261208;

    private static readonly string[] Courses =
    [
        "Adaptive teaching in practice", "Phonics refresher", "Safeguarding update", "Supporting pupils with autism",
        "Team Teach positive handling", "Makaton level 1", "Finance for school business staff", "Leading a team",
    ];

    private readonly Random random = new(Seed);

    public CareersYear(ProfileGenerator people, int year)
    {
        var start = SchoolYear.Start(year);
        var end = SchoolYear.End(year);
        foreach (var school in people.Schools)
        {
            var inPost = people.StaffIdsOf(school.Id).Select(id => people.Staff[id - 1])
                .Where(s => (s.Start is null || s.Start <= end) && (s.Leaving is null || s.Leaving >= start)).ToList();
            if (inPost.Count == 0)
            {
                continue;
            }
            Activity(school.Id, "INSET: the school's priorities", CpdKind.Inset, new DateOnly(year, 9, 1), 6m, 0m,
                inPost.Where(s => s.InPostOn(new DateOnly(year, 9, 1))));
            for (var i = 0; i < Courses.Length; i++)
            {
                var day = start.AddDays(14 + random.Next(280));
                var group = inPost.OrderBy(_ => random.Next()).Take(3 + random.Next(8)).ToList();
                Activity(school.Id, Courses[i], CpdKind.Course, day, 3m + random.Next(10), 50m * (1 + random.Next(8)), group);
            }
            foreach (var person in inPost)
            {
                Qualify(person, year);
                PayFor(person, year);
            }
        }
    }

    public List<CpdActivity> Activities { get; } = [];
    public List<CpdAttendance> Attendances { get; } = [];
    public List<PersonQualification> Qualifications { get; } = [];
    public List<PayRecord> Pay { get; } = [];

    private void Activity(int schoolId, string title, CpdKind kind, DateOnly on, decimal hours, decimal cost, IEnumerable<StaffRow> who)
    {
        var activity = new CpdActivity
        {
            Id = Activities.Count + 1,
            SchoolId = schoolId,
            Title = title,
            Kind = kind,
            Provider = kind == CpdKind.Inset ? null : "Teaching school hub",
            StartDate = on,
            EndDate = on,
            RecordedAt = on.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            RecordedByName = "Bench",
        };
        Activities.Add(activity);
        foreach (var person in who)
        {
            Attendances.Add(new CpdAttendance { Id = Attendances.Count + 1, ActivityId = activity.Id, StaffMemberId = person.Id, Hours = hours, Cost = cost });
        }
    }

    private void Qualify(StaffRow person, int year)
    {
        var codes = new List<string>();
        var roll = random.NextDouble();
        switch (person.Family)
        {
            case RoleFamily.Teaching:
                codes.Add("QTS");
                if (roll < 0.25)
                {
                    codes.Add(roll < 0.05 ? "MASTERS" : "DEGREE");
                }
                break;
            case RoleFamily.LearningSupport:
                codes.Add(roll < 0.1 ? "HLTA" : roll < 0.6 ? "TA-L3" : roll < 0.85 ? "TA-L2" : "L2-EM");
                break;
            case RoleFamily.Business or RoleFamily.Administration when roll < 0.33:
                codes.Add(roll < 0.1 ? "DSBM" : roll < 0.2 ? "ISBL-L4" : "BUS-ADMIN-L3");
                break;
            case RoleFamily.Site when roll < 0.2:
                codes.Add("FAW");
                break;
        }
        foreach (var code in codes)
        {
            Qualifications.Add(new PersonQualification
            {
                Id = Qualifications.Count + 1,
                StaffMemberId = person.Id,
                QualificationCode = code,
                Held = true,
                GainedOn = new DateOnly(year - 1 - random.Next(10), 7, 1),
                UpdatedAt = new DateTime(year, 9, 1, 8, 0, 0, DateTimeKind.Utc),
                UpdatedByName = "Bench",
            });
        }
    }

    private void PayFor(StaffRow person, int year)
    {
        var teaching = person.Family == RoleFamily.Teaching;
        var (scale, point, salary) = person.Slt
            ? ("LPS", 8 + random.Next(20), 55_000m + 1_000m * random.Next(40))
            : teaching
                ? random.NextDouble() < 0.6 ? ("MPS", 1 + random.Next(6), 32_916m + 1_800m * random.Next(6)) : ("UPS", 1 + random.Next(3), 45_646m + 1_500m * random.Next(3))
                : ("NJC", 3 + random.Next(20), 23_500m + 600m * random.Next(20));
        var termTime = !teaching && !person.Slt && person.Family is not (RoleFamily.Business or RoleFamily.Site);
        Pay.Add(new PayRecord
        {
            Id = Pay.Count + 1,
            StaffMemberId = person.Id,
            Year = year,
            Scale = scale,
            Point = point,
            FteSalary = salary,
            HoursPerWeek = teaching ? null : termTime ? 32.5m : 37m,
            WeeksPerYear = teaching ? null : termTime ? 39m : 52.143m,
            RecordedAt = new DateTime(year, 9, 1, 8, 0, 0, DateTimeKind.Utc),
            RecordedByName = "Bench",
        });
    }
}
