using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Demo;

/// <summary>
/// What Northfield Academy needs to try learning walks: a two-week timetable (five periods a day, 08:50-15:10), a few
/// TAs in classes, duties (reception, student services, on call), the calendar with week A starting on Monday
/// 7 September 2026 and the INSET days blocked, and twelve observers — mostly pastoral and support staff, with two
/// senior leaders and the SENCo. No rota is stored: the head makes one from the pages. Default observation settings
/// apply, so there is no settings row.
/// </summary>
/// <remarks>
/// Built from a random generator with a fixed seed per person, so the timetable is the same on every start. Nobody is
/// in two places in one week, day and period, and no class is in two lessons at once.
/// </remarks>
internal static class DemoObservations
{
    public static readonly DateOnly WeekAStarts = new(2026, 9, 7);

    public static readonly (DateOnly Date, string Reason)[] Blocked =
    [
        (new(2026, 9, 3), "INSET day"),
        (new(2026, 9, 4), "INSET day"),
        (new(2026, 11, 2), "INSET day"),
        (new(2026, 12, 18), "Last day of term: no visits"),
        (new(2027, 1, 4), "INSET day"),
    ];

    public static readonly (string Period, TimeOnly Start, TimeOnly End)[] Periods =
    [
        ("1", new(8, 50), new(9, 50)),
        ("2", new(9, 50), new(10, 50)),
        ("3", new(11, 10), new(12, 10)),
        ("4", new(12, 10), new(13, 10)),
        ("5", new(14, 10), new(15, 10)),
    ];

    public static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly TimetableWeek[] Weeks = [TimetableWeek.A, TimetableWeek.B];

    private static readonly string[] YearGroups = ["7", "8", "9", "10", "11"];

    /// <summary>The observers: staff ref, visits, focus year group.</summary>
    public static readonly (string Ref, int Visits, string? Focus)[] Observers =
    [
        ("NA003", 4, null),  // Deputy Headteacher (Pastoral)
        ("NA004", 4, null),  // Assistant Headteacher (Teaching and Learning)
        ("NA009", 3, null),  // SENCo
        ("NA063", 2, null),  // Teaching Assistant
        ("NA064", 2, null),  // Higher Level Teaching Assistant
        ("NA074", 3, "7"),   // Achievement Coordinator (Year 7)
        ("NA075", 3, "8"),
        ("NA076", 3, "9"),
        ("NA077", 3, "10"),
        ("NA078", 3, "11"),
        ("NA080", 2, null),  // Learning Mentor
        ("NA084", 2, null),  // SEND Officer
    ];

    /// <summary>Teachers whose subject or load the job title does not tell: senior leaders and the SENCo.</summary>
    private static readonly Dictionary<string, (string[] Subjects, int Periods, string Room)> Leaders = new()
    {
        ["NA001"] = (["English"], 3, "G01"),
        ["NA002"] = (["Mathematics"], 6, "G02"),
        ["NA003"] = (["Religious Studies"], 6, "G03"),
        ["NA004"] = (["Science"], 10, "G04"),
        ["NA005"] = (["PE"], 10, "G05"),
        ["NA006"] = (["Mathematics"], 10, "G06"),
        ["NA009"] = (["English"], 10, "G07"),
    };

    private static readonly Dictionary<string, string[]> HeadsOf = new()
    {
        ["English"] = ["English"],
        ["Mathematics"] = ["Mathematics"],
        ["Science"] = ["Science"],
        ["Humanities"] = ["History", "Geography"],
        ["Modern Foreign Languages"] = ["French", "Spanish"],
        ["Computing and Business"] = ["Computer Science", "Business Studies"],
        ["Art and Design Technology"] = ["Art", "Design Technology"],
        ["Physical Education"] = ["PE"],
        ["Performing Arts"] = ["Drama", "Music"],
    };

    private static readonly (string Prefix, string[] Subjects)[] Blocks =
    [
        ("E", ["English", "Media"]),
        ("M", ["Mathematics"]),
        ("S", ["Science", "Biology", "Chemistry", "Physics"]),
        ("H", ["History", "Geography", "Religious Studies", "Humanities"]),
        ("L", ["French", "Spanish"]),
        ("C", ["Computer Science", "Business Studies"]),
        ("A", ["Art", "Design Technology", "Food and Nutrition"]),
        ("P", ["Music", "Drama"]),
    ];

    private static readonly string[] PeSpaces = ["Sports hall", "Gym", "Field", "Dance studio", "Fitness suite", "MUGA"];

    /// <summary>TAs in classes: staff ref, subjects they support, lessons a week.</summary>
    private static readonly (string Ref, string[] Subjects, int Lessons)[] Support =
    [
        ("NA063", ["English", "Mathematics"], 14),
        ("NA066", ["Mathematics", "Science"], 15),
        ("NA070", ["English", "History", "Geography"], 15),
    ];

    public sealed record Seed(
        List<TimetableRow> Timetable, List<StaffDuty> Duties, SchoolCalendarSettings Calendar, List<BlockedDate> BlockedDates,
        List<RotaObserver> RotaObservers);

    public static Seed Create(IReadOnlyList<StaffMember> staff)
    {
        // Who is in post at the start of the year the timetable is for, not on the day the demo starts: the same every time.
        var today = WeekAStarts;
        var schoolId = staff[0].SchoolId;
        var inPost = staff.Where(s => (s.StartDate is null || s.StartDate <= today) && (s.LeavingDate is null || s.LeavingDate >= today))
            .OrderBy(s => s.StaffRef, StringComparer.Ordinal).ToList();
        var byRef = inPost.ToDictionary(s => s.StaffRef);
        var busy = new HashSet<(int StaffId, TimetableWeek, DayOfWeek, string)>();
        var classesInUse = new HashSet<(TimetableWeek, DayOfWeek, string, string)>();
        var rows = new List<TimetableRow>();
        var roomCount = new Dictionary<string, int>();
        var peSpace = 0;

        foreach (var teacher in inPost.Where(s => s.RoleFamily == RoleFamily.Teaching))
        {
            var (subjects, periods, room) = Plan(teacher, roomCount, ref peSpace);
            var random = new Random(int.Parse(teacher.StaffRef[2..]) * 7919);
            var years = YearsFor(teacher, random);
            // The teacher's classes: a few per year group they teach, met two or three times a fortnight.
            var classes = new List<(string Code, string Year, string Subject)>();
            var wanted = Math.Max(2, (int)Math.Ceiling(periods * 2 / 2.5));
            for (var i = 0; classes.Count < wanted && i < 200; i++)
            {
                var year = years[i % years.Length];
                var code = $"{year}{(random.Next(2) == 0 ? "X" : "Y")}{1 + random.Next(5)}";
                var subject = subjects[classes.Count % subjects.Length];
                if (!classes.Any(c => c.Code == code))
                {
                    classes.Add((code, year, subject));
                }
            }
            var next = 0;
            foreach (var week in Weeks)
            {
                var slots = (from d in Days from p in Periods select (Day: d, p.Period, p.Start, p.End)).ToList();
                var teaching = slots.OrderBy(_ => random.Next()).Take(periods).ToList();
                foreach (var slot in teaching.OrderBy(s => s.Day).ThenBy(s => s.Period, StringComparer.Ordinal))
                {
                    (string Code, string Year, string Subject)? chosen = null;
                    for (var k = 0; k < classes.Count && chosen is null; k++)
                    {
                        var candidate = classes[(next + k) % classes.Count];
                        if (!classesInUse.Contains((week, slot.Day, slot.Period, candidate.Code)))
                        {
                            chosen = candidate;
                            next = (next + k + 1) % classes.Count;
                        }
                    }
                    // Every one of this teacher's classes is elsewhere: take any free class of a year they teach.
                    chosen ??= (from y in years
                                from band in new[] { "X", "Y" }
                                from set in Enumerable.Range(1, 5)
                                let code = $"{y}{band}{set}"
                                where !classesInUse.Contains((week, slot.Day, slot.Period, code))
                                select ((string Code, string Year, string Subject)?)(code, y, subjects[0])).FirstOrDefault();
                    if (chosen is not { } lesson)
                    {
                        continue;
                    }
                    classesInUse.Add((week, slot.Day, slot.Period, lesson.Code));
                    busy.Add((teacher.Id, week, slot.Day, slot.Period));
                    rows.Add(new TimetableRow
                    {
                        SchoolId = schoolId,
                        Week = week,
                        Day = slot.Day,
                        Period = slot.Period,
                        Start = slot.Start,
                        End = slot.End,
                        StaffMemberId = teacher.Id,
                        Class = lesson.Code,
                        Subject = lesson.Subject,
                        YearGroup = lesson.Year,
                        Room = room,
                    });
                }
            }
        }

        // Teaching assistants go with a class: same lesson, same room; the lower sets of years 7-9 first.
        foreach (var (taRef, taSubjects, lessons) in Support)
        {
            var ta = byRef[taRef];
            foreach (var week in Weeks)
            {
                var candidates = rows
                    .Where(r => r.Week == week && taSubjects.Contains(r.Subject) && r.YearGroup is "7" or "8" or "9")
                    .OrderByDescending(r => r.Class[^1]).ThenBy(r => r.Day).ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Class, StringComparer.Ordinal)
                    .ToList();
                var added = 0;
                foreach (var lesson in candidates)
                {
                    if (added == lessons)
                    {
                        break;
                    }
                    if (busy.Add((ta.Id, week, lesson.Day, lesson.Period)))
                    {
                        rows.Add(new TimetableRow
                        {
                            SchoolId = schoolId,
                            Week = week,
                            Day = lesson.Day,
                            Period = lesson.Period,
                            Start = lesson.Start,
                            End = lesson.End,
                            StaffMemberId = ta.Id,
                            Class = lesson.Class,
                            Subject = lesson.Subject,
                            YearGroup = lesson.YearGroup,
                            Room = lesson.Room,
                        });
                        added++;
                    }
                }
            }
        }

        var duties = new List<StaffDuty>();
        void Duty(StaffMember person, TimetableWeek week, DayOfWeek day, string period, string name)
        {
            if (busy.Add((person.Id, week, day, period)))
            {
                duties.Add(new StaffDuty { SchoolId = schoolId, Week = week, Day = day, Period = period, StaffMemberId = person.Id, Name = name });
            }
        }

        // Student services is staffed every period by the achievement coordinators and the learning mentor, in turn.
        string[] studentServices = ["NA074", "NA075", "NA076", "NA077", "NA078", "NA080"];
        var turn = 0;
        foreach (var week in Weeks)
        {
            foreach (var day in Days)
            {
                foreach (var (period, _, _) in Periods)
                {
                    Duty(byRef[studentServices[turn++ % studentServices.Length]], week, day, period, "Student services");
                }
            }
        }
        // Reception: the receptionist all week but Friday afternoon, when the office manager covers.
        foreach (var day in Days)
        {
            foreach (var (period, _, _) in Periods)
            {
                var onDesk = day == DayOfWeek.Friday && period is "4" or "5" ? byRef["NA088"] : byRef["NA089"];
                foreach (var week in Weeks)
                {
                    Duty(onDesk, week, day, period, "Reception");
                }
            }
        }
        // On call for behaviour: the pastoral deputy and the behaviour lead, in their free periods, twice a day between them.
        foreach (var (leader, offset) in new[] { ("NA003", 0), ("NA005", 1) })
        {
            var person = byRef[leader];
            foreach (var week in Weeks)
            {
                foreach (var day in Days)
                {
                    var free = Periods.Select(p => p.Period).Where(p => !busy.Contains((person.Id, week, day, p))).ToList();
                    if (free.Count > 0)
                    {
                        Duty(person, week, day, free[((int)day + offset) % free.Count], "On call");
                    }
                }
            }
        }
        // The SEND officer runs the learning support base on Monday and Wednesday mornings.
        foreach (var week in Weeks)
        {
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Wednesday })
            {
                Duty(byRef["NA084"], week, day, "1", "Learning support base");
                Duty(byRef["NA084"], week, day, "2", "Learning support base");
            }
        }

        return new Seed(
            rows,
            duties,
            new SchoolCalendarSettings { SchoolId = schoolId, WeekAStarts = WeekAStarts },
            Blocked.Select(b => new BlockedDate { SchoolId = schoolId, Date = b.Date, Reason = b.Reason }).ToList(),
            Observers.Select(o => new RotaObserver { SchoolId = schoolId, StaffMemberId = byRef[o.Ref].Id, Visits = o.Visits, FocusYearGroup = o.Focus }).ToList());
    }

    /// <summary>A teacher's subjects, lessons a week and room, from their job title and hours.</summary>
    private static (string[] Subjects, int Periods, string Room) Plan(StaffMember teacher, Dictionary<string, int> roomCount, ref int peSpace)
    {
        if (Leaders.TryGetValue(teacher.StaffRef, out var leader))
        {
            return leader;
        }
        var title = teacher.JobTitle.Replace(" (ECT)", "", StringComparison.Ordinal);
        string[] subjects;
        var periods = 20;
        if (title.StartsWith("Head of ", StringComparison.Ordinal))
        {
            subjects = HeadsOf[title["Head of ".Length..]];
            periods = 17;
        }
        else if (title.StartsWith("Second in ", StringComparison.Ordinal))
        {
            var open = title.IndexOf('(', StringComparison.Ordinal);
            subjects = [open > 0 ? title[(open + 1)..^1] : title["Second in ".Length..]];
            periods = 18;
        }
        else
        {
            var taught = title["Teacher of ".Length..];
            subjects = taught == "Food and Nutrition" ? [taught] : taught.Split(" and ");
            if (subjects is ["Humanities"])
            {
                subjects = ["Geography", "History"];
            }
        }
        if (teacher.HoursPerWeek is { } hours)
        {
            periods = (int)Math.Round(periods * hours / 32.5m);
        }
        string room;
        if (subjects[0] is "PE" or "Dance")
        {
            room = PeSpaces[peSpace++ % PeSpaces.Length];
        }
        else
        {
            var prefix = Blocks.First(b => b.Subjects.Contains(subjects[0])).Prefix;
            roomCount[prefix] = roomCount.GetValueOrDefault(prefix) + 1;
            room = $"{prefix}{roomCount[prefix]}";
        }
        return (subjects, Math.Min(periods, 22), room);
    }

    /// <summary>Three or four year groups for most teachers; leaders teach the examination years.</summary>
    private static string[] YearsFor(StaffMember teacher, Random random)
    {
        if (teacher.Slt)
        {
            return ["10", "11"];
        }
        var start = random.Next(YearGroups.Length);
        return Enumerable.Range(0, 4).Select(i => YearGroups[(start + i) % YearGroups.Length]).ToArray();
    }
}
