using System.CommandLine;
using System.Globalization;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Cli;

/// <summary><c>calendar set</c> (a school's week A and blocked dates) and <c>rota generate</c> (a rota of visits, stored and written as CSV).</summary>
internal static class ObservationCommands
{
    public static Command BuildCalendar(IServiceProvider services, TextWriter output, TextWriter error)
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
        return new Command("calendar", "A school's calendar: its term dates, when week A starts and its blocked dates.")
        {
            set, ImportCommands.ForSchool(Imports.ImportTable.Calendar, "import", services, output, error),
        };
    }

    public static Command BuildRota(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var school = new Option<int>("--school") { Description = "The school's URN.", Required = true };
        var from = new Option<string>("--from") { Description = "The first date of the rota (yyyy-mm-dd).", Required = true };
        var to = new Option<string>("--to") { Description = "The last date of the rota (yyyy-mm-dd).", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = "learning-walk, lesson-observation or drop-in.",
            DefaultValueFactory = _ => ObservationKind.LearningWalk.Code(),
        };
        var maxPerObservee = new Option<int?>("--max-per-observee") { Description = "Most visits to one person in the range (default: the school's setting)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the rota as CSV here; without it the CSV goes to standard output and the report to standard error." };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Seconds the solver may take (default 5)." };
        var workers = new Option<int?>("--workers") { Description = "Solver threads (default: every core; 1 gives the same rota every run)." };
        var overlap = new Option<string>("--overlap")
        {
            Description = "When the dates overlap a rota the school has: refuse (make nothing and name it), replace (delete it) or keep (keep both; the new rota plans around its visits).",
            DefaultValueFactory = _ => "refuse",
        };
        var generate = new Command("generate", "Make a rota of visits from the timetable, store it and write it as CSV.")
            { school, from, to, kind, maxPerObservee, outFile, timeLimit, workers, overlap };
        generate.SetAction(async (parse, ct) =>
        {
            DateOnly? Date(Option<string> option)
            {
                var text = parse.GetValue(option)!.Trim();
                if (ImportValues.TryParseIsoDate(text, out var date))
                {
                    return date;
                }
                error.WriteLine($"{option.Name} \"{text}\" is not a date written yyyy-mm-dd.");
                return null;
            }
            if (Date(from) is not { } fromDate || Date(to) is not { } toDate)
            {
                return 2;
            }
            if (!ObservationCodes.TryParseKind(parse.GetValue(kind), out var observationKind))
            {
                error.WriteLine($"--kind \"{parse.GetValue(kind)}\" is not known: use {string.Join(", ", ObservationCodes.Kinds.Select(k => k.Code()))}.");
                return 2;
            }
            RotaOverlap? onOverlap = parse.GetValue(overlap)?.Trim().ToLowerInvariant() switch
            {
                "refuse" => RotaOverlap.Refuse,
                "replace" => RotaOverlap.Replace,
                "keep" => RotaOverlap.Keep,
                _ => null,
            };
            if (onOverlap is null)
            {
                error.WriteLine($"--overlap \"{parse.GetValue(overlap)}\" is not known: use refuse, replace or keep.");
                return 2;
            }
            if (parse.GetValue(timeLimit) is { } seconds && seconds is <= 0 or > 600)
            {
                error.WriteLine("--time-limit must be more than 0 and at most 600 seconds.");
                return 2;
            }
            var overrides = new RotaOverrides
            {
                MaxVisitsPerObservee = parse.GetValue(maxPerObservee),
                TimeLimit = parse.GetValue(timeLimit) is { } limit ? TimeSpan.FromSeconds(limit) : null,
                Workers = parse.GetValue(workers),
            };
            var target = parse.GetValue(outFile) is { } typed ? CommandLine.OutputFile(typed, CommandLine.ShellFolder) : null;
            // With the CSV on standard output, the report goes to standard error so the CSV can be piped.
            var report = target is null ? error : output;
            return await CommandLine.WithDatabase(services, async sp =>
            {
                var db = sp.GetRequiredService<LynchpinDbContext>();
                var urn = parse.GetValue(school);
                var found = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
                if (found is null)
                {
                    error.WriteLine($"There is no school with URN {urn}.");
                    return 1;
                }
                var rotas = sp.GetRequiredService<RotaService>();
                var generated = await rotas.GenerateAsync(found.Id, new RotaRequest(fromDate, toDate, observationKind, overrides, onOverlap.Value),
                    new Recorder(null, CommandLine.CommandLineName), ct);
                if (generated.Value is not { } made)
                {
                    error.WriteLine("No rota was made:");
                    foreach (var e in generated.Errors)
                    {
                        error.WriteLine($"  {e.Message}.");
                    }
                    if (generated.Errors.Any(e => e.Field == "Overlap"))
                    {
                        error.WriteLine("  Run again with --overlap replace or --overlap keep.");
                    }
                    return 1;
                }
                foreach (var replaced in made.Replaced)
                {
                    report.WriteLine($"Replaced {replaced.Description} ({replaced.Visits} visit(s)): it is deleted.");
                }
                WriteRotaReport(made, report);
                var visits = await rotas.VisitsAsync(made.Rota.Id, ct);
                await sp.GetRequiredService<AuditLog>().WriteAsync(AuditActions.Exported, AuditSubject.School(found),
                    $"Rota {made.Rota.Id} as CSV to {target?.FullName ?? "standard output"}", cancellationToken: ct);
                if (target is null)
                {
                    RotaCsv.Write(output, visits);
                }
                else
                {
                    await using (var writer = new StreamWriter(target.FullName, append: false, new System.Text.UTF8Encoding(false)))
                    {
                        RotaCsv.Write(writer, visits);
                    }
                    report.WriteLine($"Wrote {visits.Count} visit(s) to {target.FullName}.");
                }
                return 0;
            });
        });
        return new Command("rota", "Rotas of learning walks, lesson observations and drop-ins.") { generate };
    }


    private static void WriteRotaReport(RotaGeneration made, TextWriter report)
    {
        var rota = made.Rota;
        var result = made.Result;
        var problem = made.Problem.Problem;
        string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        report.WriteLine($"Rota {rota.Id} for {made.Problem.School.Name} ({made.Problem.School.Urn}): {rota.Kind.DisplayName().ToLowerInvariant()}, " +
            $"{TimetableValues.DateText(rota.From)} to {TimetableValues.DateText(rota.To)}; {problem.Observers.Count} observer(s), {problem.Observees.Count} observee(s).");
        foreach (var line in RotaWords.Summary(result.Measures))
        {
            report.WriteLine(line);
        }
        report.WriteLine($"The solver's figures: status {result.Status}, objective {result.Objective}, bound {result.BestBound}, " +
            $"gap {Number(result.Gap * 100, "0.###")} %, time {Number(result.WallTime.TotalSeconds, "0.00")} s. Goals, in order:");
        foreach (var goal in result.Goals)
        {
            report.WriteLine($"  {goal.Name}: {goal.Value} (at most {goal.UpperBound}{(goal.Proven ? ", proven best" : "")})");
        }
        if (result.Messages.Count > 0)
        {
            report.WriteLine("Messages:");
            foreach (var message in result.Messages)
            {
                report.WriteLine($"  {message.Text}");
            }
        }
    }
}
