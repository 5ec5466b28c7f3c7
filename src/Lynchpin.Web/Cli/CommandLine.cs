using System.CommandLine;
using System.Globalization;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Appraisals.Reminders;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Schools;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lynchpin.Web.Cli;

/// <summary>The app's commands: <c>dotnet run --project src/Lynchpin.Web -- import staff --school 100001 --file staff.csv</c>.</summary>
public static class CommandLine
{
    private static readonly HashSet<string> Commands = ["migrate", "import", "calendar", "rota", "users", "tokens", "appraisal", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Build(services, output, error);
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static RootCommand Build(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Lynchpin: every adult in a school counts. Without a command, serves the web app.");

        var migrate = new Command("migrate", "Apply database migrations and exit.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            await db.Database.MigrateAsync(ct);
            output.WriteLine($"Migrations applied ({db.Database.ProviderName}).");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var import = new Command("import", "Import schools, trusts, staff and assessments from files.");
        root.Subcommands.Add(import);

        var gias = new Option<FileInfo>("--gias") { Description = "A GIAS establishment extract (edubasealldata CSV).", Required = true };
        var importSchools = new Command("schools", "Import schools and trusts from a GIAS extract.") { gias };
        importSchools.SetAction(async (parse, ct) =>
        {
            var file = InputFile(parse.GetValue(gias)!, ShellFolder);
            if (!file.Exists)
            {
                error.WriteLine($"File not found: {file.FullName}");
                return 2;
            }
            return await WithDatabase(services, async sp =>
            {
                await using var stream = file.OpenRead();
                var result = await sp.GetRequiredService<GiasImporter>().ImportAsync(stream, ct);
                return Report(result, "schools", output, error);
            });
        });
        import.Subcommands.Add(importSchools);

        var schoolOption = new Option<int>("--school") { Description = "The school's URN.", Required = true };
        var fileOption = new Option<FileInfo>("--file") { Description = "A CSV or XLSX file.", Required = true };
        var importStaff = new Command("staff", "Import (or update by staff_ref) a school's staff, all or nothing.") { schoolOption, fileOption };
        importStaff.SetAction(async (parse, ct) =>
        {
            var file = InputFile(parse.GetValue(fileOption)!, ShellFolder);
            if (!file.Exists)
            {
                error.WriteLine($"File not found: {file.FullName}");
                return 2;
            }
            return await WithDatabase(services, async sp =>
            {
                await using var stream = file.OpenRead();
                var result = await sp.GetRequiredService<StaffImporter>().ImportAsync(parse.GetValue(schoolOption), stream, file.Name, ct);
                return Report(result, "staff", output, error);
            });
        });
        import.Subcommands.Add(importStaff);

        var importAssessments = new Command("assessments",
            "Import a school's assessments (staff_ref, year, checkpoint, stage, assessed_on, assessor_ref, note), all or nothing.")
            { schoolOption, fileOption };
        importAssessments.SetAction(async (parse, ct) =>
        {
            var file = InputFile(parse.GetValue(fileOption)!, ShellFolder);
            if (!file.Exists)
            {
                error.WriteLine($"File not found: {file.FullName}");
                return 2;
            }
            return await WithDatabase(services, async sp =>
            {
                await using var stream = file.OpenRead();
                var result = await sp.GetRequiredService<AssessmentImporter>().ImportAsync(parse.GetValue(schoolOption), stream, file.Name,
                    new Recorder(null, AssessmentImporter.CommandLineRecorderName), ct);
                if (result.Succeeded)
                {
                    output.WriteLine($"Imported assessments: {result.Created} added, {result.Updated} corrected (a new version each), {result.Unchanged} unchanged.");
                    return 0;
                }
                return Report(result, "assessments", output, error);
            });
        });
        import.Subcommands.Add(importAssessments);

        AddListImport(import, "timetable", "timetable",
            "Import (replacing) a school's timetable (week, day, period, start, end, staff_ref, class, subject, year_group, room), all or nothing.",
            (sp, urn, stream, name, ct) => sp.GetRequiredService<TimetableImporter>().ImportAsync(urn, stream, name, ct),
            schoolOption, fileOption, services, output, error);
        AddListImport(import, "duties", "duties",
            "Import (replacing) a school's duties and other unavailability (week, day, period, staff_ref, duty), all or nothing.",
            (sp, urn, stream, name, ct) => sp.GetRequiredService<DutyImporter>().ImportAsync(urn, stream, name, ct),
            schoolOption, fileOption, services, output, error);
        AddListImport(import, "observers", "observers",
            "Import (replacing) a school's observers (staff_ref, visits, year_group), all or nothing.",
            (sp, urn, stream, name, ct) => sp.GetRequiredService<ObserverImporter>().ImportAsync(urn, stream, name, ct),
            schoolOption, fileOption, services, output, error);

        root.Subcommands.Add(BuildCalendar(services, output, error));
        root.Subcommands.Add(BuildRota(services, output, error));
        var importObjectives = new Command("objectives",
            "Add objectives to a school's appraisals (staff_ref, year, title, type, success_criteria, school_priority), all or nothing.")
            { schoolOption, fileOption };
        importObjectives.SetAction(async (parse, ct) =>
        {
            var file = InputFile(parse.GetValue(fileOption)!, ShellFolder);
            if (!file.Exists)
            {
                error.WriteLine($"File not found: {file.FullName}");
                return 2;
            }
            return await WithDatabase(services, async sp =>
            {
                await using var stream = file.OpenRead();
                var result = await sp.GetRequiredService<ObjectiveImporter>().ImportAsync(parse.GetValue(schoolOption), stream, file.Name, ct);
                if (result.Succeeded)
                {
                    output.WriteLine($"Imported objectives: {result.Created} added, {result.Unchanged} already there.");
                    return 0;
                }
                return Report(result, "objectives", output, error);
            });
        });
        import.Subcommands.Add(importObjectives);

        root.Subcommands.Add(BuildUsers(services, output, error));
        root.Subcommands.Add(BuildTokens(services, output, error));
        root.Subcommands.Add(BuildAppraisal(services, output, error));
        return root;
    }

    /// <summary>The shell's folder: `dotnet run --project src/Lynchpin.Web` runs the program in the project's folder but passes PWD on.</summary>
    private static string? ShellFolder => Environment.GetEnvironmentVariable("PWD");

    /// <summary>A file as the user typed it: relative to the working folder, or failing that to the shell's folder.</summary>
    internal static FileInfo InputFile(FileInfo file, string? shellFolder)
    {
        var typed = file.ToString();
        if (file.Exists || Path.IsPathRooted(typed) || string.IsNullOrEmpty(shellFolder))
        {
            return file;
        }
        var fromShell = new FileInfo(Path.Combine(shellFolder, typed));
        return fromShell.Exists ? fromShell : file;
    }

    /// <summary>A file the command writes, as the user typed it: relative to the shell's folder (see <see cref="ShellFolder"/>).</summary>
    internal static FileInfo OutputFile(FileInfo file, string? shellFolder)
    {
        var typed = file.ToString();
        return Path.IsPathRooted(typed) || string.IsNullOrEmpty(shellFolder) ? file : new FileInfo(Path.Combine(shellFolder, typed));
    }

    /// <summary>An import that replaces a school's whole list (timetable, duties, observers).</summary>
    private static void AddListImport(Command import, string name, string what, string description,
        Func<IServiceProvider, int, Stream, string, CancellationToken, Task<ImportResult>> run,
        Option<int> schoolOption, Option<FileInfo> fileOption, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var command = new Command(name, description) { schoolOption, fileOption };
        command.SetAction(async (parse, ct) =>
        {
            var file = InputFile(parse.GetValue(fileOption)!, ShellFolder);
            if (!file.Exists)
            {
                error.WriteLine($"File not found: {file.FullName}");
                return 2;
            }
            return await WithDatabase(services, async sp =>
            {
                await using var stream = file.OpenRead();
                var result = await run(sp, parse.GetValue(schoolOption), stream, file.Name, ct);
                if (result is ListImportResult imported)
                {
                    output.WriteLine($"Imported {what}: {imported.Imported} row(s), replacing {imported.Replaced}.");
                    return 0;
                }
                return Report(result, what, output, error);
            });
        });
        import.Subcommands.Add(command);
    }

    private static Command BuildCalendar(IServiceProvider services, TextWriter output, TextWriter error)
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
            return await WithDatabase(services, async sp =>
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

    private static Command BuildRota(IServiceProvider services, TextWriter output, TextWriter error)
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
        var generate = new Command("generate", "Make a rota of visits from the timetable, store it and write it as CSV.")
            { school, from, to, kind, maxPerObservee, outFile, timeLimit, workers };
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
            var target = parse.GetValue(outFile) is { } typed ? OutputFile(typed, ShellFolder) : null;
            // With the CSV on standard output, the report goes to standard error so the CSV can be piped.
            var report = target is null ? error : output;
            return await WithDatabase(services, async sp =>
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
                var generated = await rotas.GenerateAsync(found.Id, new RotaRequest(fromDate, toDate, observationKind, overrides),
                    new Recorder(null, CommandLineName), ct);
                if (generated.Value is not { } made)
                {
                    error.WriteLine("No rota was made:");
                    foreach (var e in generated.Errors)
                    {
                        error.WriteLine($"  {e.Message}.");
                    }
                    return 1;
                }
                WriteRotaReport(made, report);
                var visits = await rotas.VisitsAsync(made.Rota.Id, ct);
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

    /// <summary>Who the command line records as making a rota (it has no account).</summary>
    public const string CommandLineName = "Command line";

    private static void WriteRotaReport(RotaGeneration made, TextWriter report)
    {
        var rota = made.Rota;
        var result = made.Result;
        var problem = made.Problem.Problem;
        string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        report.WriteLine($"Rota {rota.Id} for {made.Problem.School.Name} ({made.Problem.School.Urn}): {rota.Kind.DisplayName().ToLowerInvariant()}, " +
            $"{TimetableValues.DateText(rota.From)} to {TimetableValues.DateText(rota.To)}; {problem.Observers.Count} observer(s), {problem.Observees.Count} observee(s).");
        report.WriteLine($"Status: {result.Status}. Objective {result.Objective}, bound {result.BestBound}, gap {Number(result.Gap * 100, "0.###")} %, " +
            $"time {Number(result.WallTime.TotalSeconds, "0.00")} s.");
        report.WriteLine("Goals, in order:");
        foreach (var goal in result.Goals)
        {
            report.WriteLine($"  {goal.Name}: {goal.Value} (at most {goal.UpperBound}{(goal.Proven ? ", proven best" : "")})");
        }
        var m = result.Measures;
        report.WriteLine($"Visits: {m.VisitsMade} of {m.VisitsRequested} asked for; {m.DistinctObservees} of {m.Observees} observee(s) seen; " +
            $"{m.FocusVisits} in a focus year group; pastoral and support staff make {Number(m.PastoralAndSupportShare * 100, "0")} %.");
        if (result.Messages.Count > 0)
        {
            report.WriteLine("Messages:");
            foreach (var message in result.Messages)
            {
                report.WriteLine($"  {message.Text}");
            }
        }
    }

    private static Command BuildUsers(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The account's email (its sign-in name).", Required = true };
        var role = new Option<UserRole>("--role") { Description = "TrustAdmin, SchoolLeader, LineManager or Staff.", Required = true };
        var trust = new Option<string?>("--trust") { Description = "The trust's code (for TrustAdmin)." };
        var school = new Option<int?>("--school") { Description = "The school's URN (for SchoolLeader, and for --staff-ref)." };
        var staffRef = new Option<string?>("--staff-ref") { Description = "Link the account to this staff record of --school." };
        var password = new Option<string?>("--password") { Description = "The password; a random one is made and printed if left out." };
        var payAccess = new Option<bool>("--pay-access")
        {
            Description = "Let the account read and record appraisal pay recommendations in its school or trust (the head, the business manager, trust HR).",
        };
        var create = new Command("create", "Create an account.") { email, role, trust, school, staffRef, password, payAccess };
        create.SetAction(async (parse, ct) => await WithDatabase(services, async sp =>
        {
            var options = new CreateUserOptions(parse.GetValue(email)!, parse.GetValue(role), parse.GetValue(trust),
                parse.GetValue(school), parse.GetValue(staffRef), parse.GetValue(password));
            var result = await sp.GetRequiredService<UserAccounts>().CreateAsync(options, ct);
            if (!result.Succeeded)
            {
                foreach (var message in result.Errors)
                {
                    error.WriteLine(message);
                }
                return 1;
            }
            if (parse.GetValue(payAccess))
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var user = await users.FindByEmailAsync(options.Email)
                    ?? throw new InvalidOperationException($"The account {options.Email} was created but cannot be found.");
                user.PayAccess = true;
                var updated = await users.UpdateAsync(user);
                if (!updated.Succeeded)
                {
                    error.WriteLine($"Created {options.Email}, but pay access was not granted: {string.Join(" ", updated.Errors.Select(e => e.Description))}");
                    return 1;
                }
            }
            output.WriteLine($"Created {options.Role} account {options.Email}{(parse.GetValue(payAccess) ? ", with pay access" : "")}.");
            if (options.Password is null)
            {
                output.WriteLine($"Password: {result.Password}");
            }
            return 0;
        }));
        return new Command("users", "Manage accounts.") { create };
    }

    private static Command BuildTokens(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "Command line" };
        var create = new Command("create", "Create a personal API token and print it once.") { email, name };
        create.SetAction(async (parse, ct) => await WithDatabase(services, async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(parse.GetValue(email)!);
            if (user is null)
            {
                error.WriteLine($"There is no account with the email {parse.GetValue(email)}.");
                return 1;
            }
            var created = await sp.GetRequiredService<ApiTokenService>()
                .CreateAsync(new CreateApiTokenOptions(user.Id, parse.GetValue(name)!), ct);
            output.WriteLine(created.Secret);
            return 0;
        }));
        return new Command("tokens", "Manage personal API tokens.") { create };
    }

    /// <summary><c>appraisal open</c> and <c>appraisal remind</c>.</summary>
    private static Command BuildAppraisal(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var school = new Option<int>("--school") { Description = "The school's URN.", Required = true };
        var year = new Option<string>("--year") { Description = "The school year, such as 2026 for 2026/27.", Required = true };
        var objectivesDue = new Option<string?>("--objectives-due") { Description = "When objectives are to be agreed (yyyy-mm-dd); 31 October by default." };
        var midYearDue = new Option<string?>("--mid-year-due") { Description = "When the mid-year review is due (yyyy-mm-dd); 28 February by default." };
        var finalDue = new Option<string?>("--final-due") { Description = "When the final review is due (yyyy-mm-dd); 15 July by default." };
        var open = new Command("open",
            "Open a school's appraisal cycle: an appraisal, with their line manager as appraiser, for everyone in post today or on 1 September of the year, " +
            "whichever is later. Run it again to add people who joined since.")
            { school, year, objectivesDue, midYearDue, finalDue };
        open.SetAction(async (parse, ct) =>
        {
            var yearText = parse.GetValue(year)!;
            if (!AssessmentImporter.TryParseYear(yearText.Trim(), out var schoolYear))
            {
                error.WriteLine($"--year \"{yearText}\" is not a school year; write it as 2026 or 2026/27.");
                return 1;
            }
            var problems = new List<string>();
            var defaults = CycleDueDates.Default(schoolYear);
            DateOnly DateOf(Option<string?> option, DateOnly fallback)
            {
                var text = parse.GetValue(option);
                if (text is null)
                {
                    return fallback;
                }
                if (ImportValues.TryParseIsoDate(text.Trim(), out var date))
                {
                    return date;
                }
                problems.Add($"{option.Name} \"{text}\" is not a date written as yyyy-mm-dd, such as {fallback:yyyy-MM-dd}.");
                return fallback;
            }
            var dates = new CycleDueDates(DateOf(objectivesDue, defaults.ObjectivesDue), DateOf(midYearDue, defaults.MidYearDue), DateOf(finalDue, defaults.FinalDue));
            if (problems.Count == 0)
            {
                problems.AddRange(AppraisalCycles.Validate(schoolYear, dates).Select(e => e.Message + "."));
            }
            if (problems.Count > 0)
            {
                problems.ForEach(error.WriteLine);
                return 1;
            }
            var datesGiven = dates != defaults;

            return await WithDatabase(services, async sp =>
            {
                var urn = parse.GetValue(school);
                var found = await sp.GetRequiredService<LynchpinDbContext>().Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
                if (found is null)
                {
                    error.WriteLine($"There is no school with URN {urn}.");
                    return 1;
                }
                var today = Today(sp);
                if (schoolYear > SchoolYear.Of(today) + 1)
                {
                    // Most likely a typing slip (2062 for 2026): a cycle opens at most a year ahead.
                    error.WriteLine($"{SchoolYear.Name(schoolYear)} is more than a year ahead; open the current year ({SchoolYear.Name(SchoolYear.Of(today))}) or the next.");
                    return 1;
                }
                var result = await sp.GetRequiredService<AppraisalCycles>().OpenAsync(
                    found.Id, schoolYear, datesGiven ? dates : null, new Recorder(null, CommandLineName), today, ct);
                var cycle = result.Cycle;
                var name = SchoolYear.Name(schoolYear);
                output.WriteLine(result.CycleCreated
                    ? $"Opened the {name} appraisal cycle at {found.Name}."
                    : $"The {name} appraisal cycle at {found.Name} was already open.");
                output.WriteLine($"Due: objectives {LongDate(cycle.ObjectivesDue)}, mid-year review {LongDate(cycle.MidYearDue)}, final review {LongDate(cycle.FinalDue)}.");
                if (!result.CycleCreated && datesGiven
                    && (cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue) != (dates.ObjectivesDue, dates.MidYearDue, dates.FinalDue))
                {
                    output.WriteLine("The due dates given were not applied: an open cycle keeps its own, which are changed on the school's appraisal page.");
                }
                output.WriteLine($"For everyone in post on {LongDate(result.InPostOn)}:");
                output.WriteLine($"  {result.Created} created");
                output.WriteLine($"  {result.AlreadyHad} already had one");
                output.WriteLine($"  {result.CreatedWithoutAppraiser} created without an appraiser" +
                    (result.CreatedWithoutAppraiser > 0 ? " (no line manager in post): assign one on the school's appraisal page" : ""));
                return 0;
            });
        });

        var remindSchool = new Option<int?>("--school") { Description = "Only this school's appraisals (its URN); every school's without it." };
        var remindToday = new Option<string?>("--today") { Description = "The day to remind as of (yyyy-mm-dd); today by default." };
        var remind = new Command("remind",
            $"Email each person one reminder of their appraisal tasks that are overdue or due within {AppraisalReminders.DueSoonDays} days, " +
            "through the SMTP server in Lynchpin:Smtp. Nobody is reminded of the same task twice on one day.")
            { remindSchool, remindToday };
        remind.SetAction(async (parse, ct) =>
        {
            var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            if (!smtp.IsConfigured)
            {
                error.WriteLine("Email is not set up, so no reminders were sent: set Lynchpin:Smtp:Host and Lynchpin:Smtp:From (see the README's configuration section).");
                return 1;
            }
            if (!MailboxAddress.TryParse(smtp.From, out _))
            {
                error.WriteLine($"Lynchpin:Smtp:From \"{smtp.From}\" is not an email address.");
                return 1;
            }
            var configured = services.GetRequiredService<IConfiguration>()["Lynchpin:BaseUrl"];
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            {
                error.WriteLine("Lynchpin:BaseUrl is not set to the address people open Lynchpin at (such as https://lynchpin.example.org/), so reminders could not link to their tasks.");
                return 1;
            }
            if (!baseUrl.AbsolutePath.EndsWith('/'))
            {
                baseUrl = new Uri(baseUrl + "/");
            }
            DateOnly? dayGiven = null;
            if (parse.GetValue(remindToday) is { } todayText)
            {
                if (!ImportValues.TryParseIsoDate(todayText.Trim(), out var parsed))
                {
                    error.WriteLine($"--today \"{todayText}\" is not a date written as yyyy-mm-dd.");
                    return 1;
                }
                dayGiven = parsed;
            }

            return await WithDatabase(services, async sp =>
            {
                int? schoolId = null;
                if (parse.GetValue(remindSchool) is int urn)
                {
                    schoolId = await sp.GetRequiredService<LynchpinDbContext>().Schools.Where(s => s.Urn == urn).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
                    if (schoolId is null)
                    {
                        error.WriteLine($"There is no school with URN {urn}.");
                        return 1;
                    }
                }
                var run = await sp.GetRequiredService<AppraisalReminders>().SendAsync(schoolId, dayGiven ?? Today(sp), baseUrl, ct);
                output.WriteLine($"Sent {run.EmailsSent} reminder {(run.EmailsSent == 1 ? "email" : "emails")} about {run.TasksReminded} appraisal {(run.TasksReminded == 1 ? "task" : "tasks")}.");
                if (run.AlreadyReminded > 0)
                {
                    output.WriteLine($"Left out {run.AlreadyReminded} {(run.AlreadyReminded == 1 ? "task" : "tasks")} already reminded of today.");
                }
                if (run.WithoutEmail.Count > 0)
                {
                    output.WriteLine($"No email address for {string.Join(", ", run.WithoutEmail)}: their tasks show on their home page.");
                }
                foreach (var refused in run.Refused)
                {
                    error.WriteLine($"Not sent: {refused}");
                }
                return run.Refused.Count == 0 ? 0 : 1;
            });
        });

        return new Command("appraisal", "Open appraisal cycles and send reminders.") { open, remind };
    }

    /// <summary>Today in the schools' own time (UK).</summary>
    private static DateOnly Today(IServiceProvider services) =>
        services.GetRequiredService<SchoolClock>().Today;

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static async Task<int> WithDatabase(IServiceProvider services, Func<IServiceProvider, Task<int>> action)
    {
        await using var scope = services.CreateAsyncScope();
        // Commands work on a database that the web app has not started yet.
        await scope.ServiceProvider.GetRequiredService<LynchpinDbContext>().Database.MigrateAsync();
        return await action(scope.ServiceProvider);
    }

    private static int Report(ImportResult result, string what, TextWriter output, TextWriter error)
    {
        if (result.Succeeded)
        {
            output.WriteLine($"Imported {what}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged.");
            if (result is GiasImportResult gias)
            {
                output.WriteLine($"Trusts: {gias.TrustsCreated} created, {gias.TrustsUpdated} updated.");
            }
            return 0;
        }
        error.WriteLine($"Nothing was imported: {result.Errors.Count} error(s).");
        foreach (var e in result.Errors)
        {
            error.WriteLine(e.Line > 0 ? $"  line {e.Line}: {e.Message}" : $"  {e.Message}");
        }
        return 1;
    }
}
