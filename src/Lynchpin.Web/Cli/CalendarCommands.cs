using System.CommandLine;
using System.Globalization;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Cli;

/// <summary><c>calendar set</c>: a school's week A and blocked dates.</summary>
internal static class CalendarCommands
{
    public static Command Build(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var school = new Option<int>("--school") { Description = "The school's URN.", Required = true };
        var weekA = new Option<string>("--week-a-starts")
        {
            Description = "The date week A of a two-week timetable starts (yyyy-mm-dd), or \"none\" for a timetable that is the same every week.",
            Required = true,
        };
        var blocked = new Option<string[]>("--blocked")
        {
            Description = "Dates with no visits (INSET, exams, trips), yyyy-mm-dd separated by commas; replaces the blocked dates. Left out: they stay as they are.",
        };
        var set = new Command("set", "Set when week A starts and, with --blocked, the blocked dates.") { school, weekA, blocked };
        set.SetAction(async (parse, ct) =>
        {
            DateOnly? weekAStarts = null;
            var weekAText = parse.GetValue(weekA)!.Trim();
            if (!weekAText.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                if (!ImportValues.TryParseIsoDate(weekAText, out var date))
                {
                    error.WriteLine($"--week-a-starts \"{weekAText}\" is not a date written yyyy-mm-dd (or \"none\").");
                    return 2;
                }
                weekAStarts = date;
            }
            List<BlockedDay>? days = null;
            if (parse.GetResult(blocked) is not null)
            {
                days = [];
                foreach (var text in (parse.GetValue(blocked) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                {
                    if (!ImportValues.TryParseIsoDate(text, out var date))
                    {
                        error.WriteLine($"--blocked \"{text}\" is not a date written yyyy-mm-dd.");
                        return 2;
                    }
                    days.Add(new BlockedDay(date));
                }
            }
            return await CommandLine.WithDatabase(services, async sp =>
            {
                var db = sp.GetRequiredService<LynchpinDbContext>();
                var urn = parse.GetValue(school);
                var found = await db.Schools.SingleOrDefaultAsync(s => s.Urn == urn, ct);
                if (found is null)
                {
                    error.WriteLine($"There is no school with URN {urn}.");
                    return 1;
                }
                var calendars = sp.GetRequiredService<SchoolCalendars>();
                var errors = await calendars.SetAsync(found.Id, weekAStarts, days, ct);
                if (errors.Count > 0)
                {
                    foreach (var e in errors)
                    {
                        error.WriteLine(e.Message);
                    }
                    return 1;
                }
                var calendar = await calendars.GetAsync(found.Id, ct);
                output.WriteLine(calendar.WeekAStarts is { } start
                    ? $"{found.Name}: week A starts in the week of {TimetableValues.DateText(start)}."
                    : $"{found.Name}: the timetable is the same every week.");
                output.WriteLine(calendar.Blocked.Count == 0
                    ? "No blocked dates."
                    : $"Blocked dates: {string.Join(", ", calendar.Blocked.Select(b => b.Date.ToString(ImportValues.IsoDateFormat, CultureInfo.InvariantCulture)))}.");
                return 0;
            });
        });
        return new Command("calendar", "A school's timetable calendar.") { set };
    }
}
