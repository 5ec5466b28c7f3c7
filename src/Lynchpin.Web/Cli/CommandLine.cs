using System.CommandLine;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Schools;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Cli;

/// <summary>The app's commands: <c>dotnet run --project src/Lynchpin.Web -- import staff --school 100001 --file staff.csv</c>.</summary>
public static class CommandLine
{
    private static readonly HashSet<string> Commands = ["migrate", "import", "users", "tokens", "--help", "-h", "-?"];

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

        root.Subcommands.Add(BuildUsers(services, output, error));
        root.Subcommands.Add(BuildTokens(services, output, error));
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
