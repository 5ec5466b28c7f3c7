using System.Xml.Linq;
using Lynchpin.Core.Observations.Rota;

/// <summary>
/// Reads an XHSTT-2014 archive instance (such as UK-SP-06, "St Paul's") into timetable rows. What is mapped:
/// each Time's Day group becomes a weekday in order (ma, di, wo, do, vr → Mon-Fri) and its place within the day the
/// period (1-5), given made-up hour-long times; each Event is a lesson, its Teacher resource the staff reference,
/// its Class resource the class, the digits leading the class name the year group, the Event name before " ("
/// the subject code. Events in the instance carry no times, so the time and room come from one published
/// solution (the first SolutionGroup unless named); events that solution leaves without a time are skipped and
/// counted. The timetable is one week, so every row is for every week.
/// </summary>
internal sealed record XhsttTimetable(string SolutionGroup, IReadOnlyList<TimetableEntry> Entries, int Events, int Untimed, int TeacherClashes)
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static XhsttTimetable Load(string path, string? solutionGroup = null)
    {
        var root = XDocument.Load(path).Root ?? throw new InvalidDataException("Empty XHSTT file.");
        var instance = root.Descendants("Instance").First();

        // Times: the day each belongs to and the order within that day.
        var dayOrder = instance.Element("Times")!.Element("TimeGroups")!.Elements("Day")
            .Select((d, i) => (Id: (string)d.Attribute("Id")!, Index: i)).ToDictionary(d => d.Id, d => d.Index);
        var times = new Dictionary<string, (DayOfWeek Day, string Period, TimeOnly Start, TimeOnly End)>();
        foreach (var day in instance.Element("Times")!.Elements("Time").GroupBy(t => (string)t.Element("Day")!.Attribute("Reference")!))
        {
            var number = 0;
            foreach (var time in day)
            {
                var start = new TimeOnly(9, 0).AddHours(number);
                number++;
                times[(string)time.Attribute("Id")!] = (Weekdays[dayOrder[day.Key]], number.ToString(System.Globalization.CultureInfo.InvariantCulture), start, start.AddHours(1));
            }
        }

        var group = root.Element("SolutionGroups")!.Elements("SolutionGroup")
            .First(g => solutionGroup is null || (string)g.Attribute("Id")! == solutionGroup);
        var solved = group.Element("Solution")!.Element("Events")!.Elements("Event")
            .GroupBy(e => (string)e.Attribute("Reference")!)
            .ToDictionary(g => g.Key, g => g.ToList());

        var entries = new List<TimetableEntry>();
        var events = 0;
        var untimed = 0;
        foreach (var ev in instance.Element("Events")!.Elements("Event"))
        {
            events++;
            var resources = ev.Element("Resources")?.Elements("Resource").ToList() ?? [];
            string? Resource(string role) => resources.Where(r => (string?)r.Element("Role") == role)
                .Select(r => (string?)r.Attribute("Reference")).FirstOrDefault(r => r is not null);
            var teacher = Resource("Teacher");
            var timed = solved.GetValueOrDefault((string)ev.Attribute("Id")!)?.Where(s => s.Element("Time") is not null).ToList() ?? [];
            if (teacher is null || timed.Count == 0)
            {
                untimed++;
                continue;
            }
            var className = Strip(Resource("Class") ?? "", "Class_");
            var name = (string?)ev.Element("Name") ?? "";
            var subject = name.Contains(" (", StringComparison.Ordinal) ? name[..name.IndexOf(" (", StringComparison.Ordinal)] : name;
            var year = new string(className.TakeWhile(char.IsDigit).ToArray());
            foreach (var s in timed)
            {
                var (day, period, start, end) = times[(string)s.Element("Time")!.Attribute("Reference")!];
                var room = s.Element("Resources")?.Elements("Resource").Select(r => (string?)r.Attribute("Reference")).FirstOrDefault() ?? "";
                entries.Add(new TimetableEntry(TimetableWeek.Every, day, period, start, end, Strip(teacher, "Teacher_"),
                    className, subject, year, Strip(room, "Room_")));
            }
        }
        var clashes = entries.GroupBy(e => (e.StaffRef, e.Day, e.Period)).Sum(g => g.Count() - 1);
        return new XhsttTimetable((string)group.Attribute("Id")!, entries, events, untimed, clashes);
    }

    private static string Strip(string value, string prefix) => value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;

    /// <summary>
    /// St Paul's has no observers in the archive: the ten teachers with the lightest timetables observe (as SLT and
    /// middle leaders, 3 visits each) and ten made-up pastoral and support staff (5 visits each, a year group each,
    /// some periods on duty) join them; a six-week half term.
    /// </summary>
    public RotaProblem Problem(RotaSettings settings, int seed = 2009)
    {
        var random = new Random(seed);
        var lightest = Entries.GroupBy(e => e.StaffRef).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(10).Select(g => g.Key).ToList();
        var observers = lightest.Select((r, i) => new Observer(r, r, i < 4 ? ObserverKind.Slt : ObserverKind.MiddleLeader, 3)).ToList();
        var duties = new List<Duty>();
        string[] years = ["7", "8", "9", "10", "11", "12", "13"];
        var slots = Entries.Select(e => (e.Day, e.Period)).Distinct().ToList();
        for (var i = 0; i < 10; i++)
        {
            var staffRef = $"PS{i + 1:00}";
            observers.Add(new Observer(staffRef, staffRef, i < 7 ? ObserverKind.Pastoral : ObserverKind.Support, 5, years[i % years.Length]));
            foreach (var (day, period) in slots.OrderBy(_ => random.Next()).Take(random.Next(4, 9)))
            {
                duties.Add(new Duty(TimetableWeek.Every, day, period, staffRef, "Student services"));
            }
        }
        var observees = Entries.Select(e => e.StaffRef).Distinct().Order(StringComparer.Ordinal).Select(r => new Observee(r, r)).ToList();
        return new RotaProblem(new SchoolCalendar(null), new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 11),
            Entries, duties, observers, observees, settings);
    }
}
