using Lynchpin.Core.Observations.Rota;

/// <summary>
/// A made-up but realistic 11-18 secondary: about 2,000 pupils, 150 teachers, a two-week timetable of 25 periods a
/// week (50 in all), 30 observers of whom half are pastoral or support staff with a focus year group, and a six-week
/// half term with one INSET day.
/// </summary>
internal static class GeneratedSchool
{
    public static readonly (string Period, TimeOnly Start, TimeOnly End)[] Periods =
    [
        ("1", new(8, 50), new(9, 50)),
        ("2", new(9, 50), new(10, 50)),
        ("3", new(11, 10), new(12, 10)),
        ("4", new(12, 10), new(13, 10)),
        ("5", new(14, 0), new(15, 0)),
    ];

    private static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Teachers per subject (150 in all), roughly as in an English secondary's staffing.
    private static readonly (string Subject, int Teachers)[] Subjects =
    [
        ("English", 18), ("Maths", 18), ("Science", 21), ("History", 8), ("Geography", 8), ("RE", 6), ("French", 6),
        ("Spanish", 5), ("Art", 6), ("Music", 4), ("Drama", 4), ("DT", 7), ("Computing", 6), ("PE", 12),
        ("Psychology", 3), ("Economics", 3), ("Business", 4), ("Sociology", 3), ("Food", 4), ("Media", 4),
    ];

    // Pupils per year group: five years of 360 and a sixth form of 200.
    private static readonly (string Year, int Weight)[] YearGroups = [("7", 36), ("8", 36), ("9", 36), ("10", 36), ("11", 36), ("12", 10), ("13", 10)];

    public static RotaProblem Create(RotaSettings settings, int seed = 20261102)
    {
        var random = new Random(seed);
        var teachers = Subjects.SelectMany(s => Enumerable.Repeat(s.Subject, s.Teachers))
            .Select((subject, i) => (Ref: $"T{i + 1:000}", Subject: subject)).ToList();
        var timetable = new List<TimetableEntry>();
        var duties = new List<Duty>();
        var observers = new List<Observer>();

        // Five SLT with light timetables, five middle leaders and five classroom teachers observe too.
        var slt = teachers.Where((_, i) => i % 30 == 3).Select(t => t.Ref).ToHashSet();
        var middle = teachers.Where((_, i) => i % 30 == 17).Select(t => t.Ref).ToHashSet();
        var classroom = teachers.Where((_, i) => i % 30 == 24).Select(t => t.Ref).ToHashSet();

        foreach (var week in new[] { TimetableWeek.A, TimetableWeek.B })
        {
            foreach (var (teacher, subject) in teachers)
            {
                // Loads of 15-21 lessons out of 25 (about 100 lessons a period); SLT teach 6-9.
                var load = slt.Contains(teacher) ? random.Next(6, 10) : random.Next(15, 22);
                foreach (var slot in Enumerable.Range(0, 25).OrderBy(_ => random.Next()).Take(load))
                {
                    var (period, start, end) = Periods[slot % 5];
                    var year = Pick(random, YearGroups);
                    var set = (char)('A' + random.Next(year is "12" or "13" ? 3 : 8));
                    timetable.Add(new TimetableEntry(week, Days[slot / 5], period, start, end, teacher,
                        $"{year}{set}/{subject[..2]}", subject, year, $"{subject[..2].ToUpperInvariant()}{random.Next(1, 9)}"));
                }
            }
        }
        observers.AddRange(slt.Select((r, i) => new Observer(r, $"SLT {i + 1}", ObserverKind.Slt, 6)));
        observers.AddRange(middle.Select((r, i) => new Observer(r, $"Middle leader {i + 1}", ObserverKind.MiddleLeader, 4)));
        observers.AddRange(classroom.Select((r, i) => new Observer(r, $"Teacher {i + 1}", ObserverKind.Teacher, 3)));

        // Fifteen pastoral and support staff: achievement coordinators and pastoral workers with duties, TAs and a
        // cover supervisor who are timetabled in classes, a librarian; each follows a year group.
        string[] years = ["7", "8", "9", "10", "11", "12", "13"];
        for (var i = 0; i < 15; i++)
        {
            var staffRef = $"PS{i + 1:00}";
            var focus = years[i % years.Length];
            var (kind, name) = i switch
            {
                < 7 => (ObserverKind.Pastoral, $"Achievement coordinator Y{focus}"),
                < 10 => (ObserverKind.Pastoral, $"Pastoral support worker {i - 6}"),
                < 13 => (ObserverKind.Support, $"Teaching assistant {i - 9}"),
                13 => (ObserverKind.Support, "Cover supervisor"),
                _ => (ObserverKind.Support, "Librarian"),
            };
            observers.Add(new Observer(staffRef, name, kind, 6, focus));
            foreach (var week in new[] { TimetableWeek.A, TimetableWeek.B })
            {
                var busy = kind == ObserverKind.Pastoral ? random.Next(5, 9) : random.Next(12, 18);
                foreach (var slot in Enumerable.Range(0, 25).OrderBy(_ => random.Next()).Take(busy))
                {
                    var (period, start, end) = Periods[slot % 5];
                    if (kind == ObserverKind.Pastoral || i == 14)
                    {
                        duties.Add(new Duty(week, Days[slot / 5], period, staffRef, i == 14 ? "Library" : "Student services"));
                    }
                    else
                    {
                        var year = Pick(random, YearGroups);
                        timetable.Add(new TimetableEntry(week, Days[slot / 5], period, start, end, staffRef,
                            $"{year}{(char)('A' + random.Next(8))}/Su", "Support", year, "LS1"));
                    }
                }
            }
        }

        var calendar = new SchoolCalendar(new DateOnly(2026, 11, 2), [new DateOnly(2026, 11, 27)]);
        var observees = teachers.Select(t => new Observee(t.Ref, t.Ref)).ToList();
        return new RotaProblem(calendar, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 11),
            timetable, duties, observers, observees, settings);
    }

    private static string Pick(Random random, (string Value, int Weight)[] weighted)
    {
        var n = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if ((n -= weight) < 0)
            {
                return value;
            }
        }
        return weighted[^1].Value;
    }
}
