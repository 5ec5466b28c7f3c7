using System.CommandLine;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Schools;
using Lynchpin.Web.Imports;

namespace Lynchpin.Web.Cli;

/// <summary>
/// <c>import schools --gias FILE</c>, and <c>import &lt;key&gt; --school URN --file FILE</c> for each import of
/// <see cref="ImportTable"/>: a summary and exit 0, or every problem with its line and exit 1 (2: no such file).
/// </summary>
internal static class ImportCommands
{
    /// <summary>Who an import from the command line is recorded as (it has no account).</summary>
    private static readonly Recorder CommandLineRecorder = new(null, AssessmentImporter.CommandLineRecorderName);

    public static Command Build(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var import = new Command("import", "Import schools, trusts, staff and assessments from files.");

        var gias = new Option<FileInfo>("--gias") { Description = "A GIAS establishment extract (edubasealldata CSV).", Required = true };
        var schools = new Command("schools", "Import schools and trusts from a GIAS extract.") { gias };
        schools.SetAction((parse, ct) => RunAsync("schools", null, parse.GetValue(gias)!,
            (sp, file, _) => sp.GetRequiredService<GiasImporter>().ImportAsync(file, ct), SchoolsSummary, services, output, error, ct));
        import.Subcommands.Add(schools);

        var outcomes = new Option<FileInfo>("--file")
        {
            Description = "The DfE's \"Outcomes for children in need, including children looked after\" absence file from Explore Education Statistics (CSV or XLSX).",
            Required = true,
        };
        var outcomesReference = new Command("outcomes-reference", "Import the published attendance figures for looked-after children, nationally and by local authority.") { outcomes };
        outcomesReference.SetAction((parse, ct) => RunAsync("outcomes-reference", null, parse.GetValue(outcomes)!,
            (sp, file, fileName) => sp.GetRequiredService<OutcomeReferenceImporter>().ImportAsync(file, fileName, ct), OutcomesSummary, services, output, error, ct));
        import.Subcommands.Add(outcomesReference);

        var outcomeFiles = new Command("outcomes", "Import a year's published outcomes by URN for the schools Lynchpin holds: KS4 or KS2 performance tables, or school attendance.");
        foreach (var kind in new[] { OutcomeFile.Ks4, OutcomeFile.Ks2, OutcomeFile.Attendance })
        {
            outcomeFiles.Subcommands.Add(ForOutcomes(kind, kind.Key(), services, output, error));
        }
        import.Subcommands.Add(outcomeFiles);
        import.Subcommands.Add(ForOutcomes(OutcomeFile.Workforce, "workforce", services, output, error));

        foreach (var row in ImportTable.All)
        {
            import.Subcommands.Add(ForSchool(row, row.Key, services, output, error));
        }
        return import;
    }

    /// <summary>
    /// <c>&lt;name&gt; --school URN --file FILE</c> running the table's import: under <c>import</c> by its key, and where
    /// a command group has its own (<c>calendar import</c>).
    /// </summary>
    public static Command ForSchool(SchoolImport row, string name, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var school = new Option<int>("--school") { Description = "The school's URN.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "A CSV or XLSX file.", Required = true };
        var command = new Command(name, row.CommandHelp) { school, file };
        command.SetAction((parse, ct) => RunAsync(row.Key, parse.GetValue(school), parse.GetValue(file)!,
            (sp, stream, fileName) => row.ImporterFrom(sp).ImportAsync(new ImportRequest(parse.GetValue(school), stream, fileName, CommandLineRecorder), ct),
            row.CommandSummary, services, output, error, ct));
        return command;
    }

    /// <summary><c>&lt;name&gt; --year Y --file FILE</c>: one public file of a school year, for every school Lynchpin holds.</summary>
    private static Command ForOutcomes(OutcomeFile kind, string name, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var year = new Option<string>("--year") { Description = "The school year by its start: 2022 or 2022/23 for September 2022 to August 2023.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = $"The {kind.Title()} file as published (CSV or XLSX).", Required = true };
        var command = new Command(name, $"Import the {kind.Title()} for a school year, by URN, all or nothing; schools Lynchpin does not hold are skipped.") { year, file };
        command.SetAction(async (parse, ct) =>
        {
            if (!SchoolYear.TryParse(parse.GetValue(year), out var start))
            {
                error.WriteLine($"--year \"{parse.GetValue(year)}\" is not a school year: write 2022 or 2022/23");
                return 1;
            }
            return await RunAsync($"outcomes-{kind.Key()}", null, parse.GetValue(file)!,
                (sp, stream, fileName) => sp.GetRequiredService<OutcomeImports>().ImportAsync(new OutcomeImportRequest(kind, start, stream, fileName), ct),
                r => OutcomesImported(kind, start, (OutcomeImportResult)r), services, output, error, ct);
        });
        return command;
    }

    /// <summary>The summary of an outcomes import, on the command line and the import page.</summary>
    public static string OutcomesImported(OutcomeFile kind, int year, OutcomeImportResult result) =>
        $"Imported the {kind.Title()} for {SchoolYear.Name(year)}: {result.Created} {(result.Created == 1 ? "school" : "schools")} added, " +
        $"{result.Updated} replaced; {result.Skipped} {(result.Skipped == 1 ? "row" : "rows")} for schools Lynchpin does not hold skipped.";

    private static string SchoolsSummary(ImportResult result)
    {
        var gias = (GiasImportResult)result;
        return $"Imported schools: {gias.Created} created, {gias.Updated} updated, {gias.Unchanged} unchanged.{Environment.NewLine}" +
            $"Trusts: {gias.TrustsCreated} created, {gias.TrustsUpdated} updated.";
    }

    private static string OutcomesSummary(ImportResult result)
    {
        var outcomes = (OutcomeReferenceImportResult)result;
        return $"Imported reference figures: {outcomes.Created} added, {outcomes.Updated} revised, {outcomes.Unchanged} unchanged.{Environment.NewLine}" +
            $"Local authorities: {outcomes.AuthoritiesAdded} added.";
    }

    /// <summary>Runs an import and audits it (<paramref name="key"/> into the school of <paramref name="urn"/>, if any), applied or refused.</summary>
    private static async Task<int> RunAsync(string key, int? urn, FileInfo typed, Func<IServiceProvider, Stream, string, Task<ImportResult>> import,
        Func<ImportResult, string> summary, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var file = CommandLine.InputFile(typed, CommandLine.ShellFolder);
        if (!file.Exists)
        {
            error.WriteLine($"File not found: {file.FullName}");
            return 2;
        }
        return await CommandLine.WithDatabase(services, async sp =>
        {
            await using var stream = file.OpenRead();
            var result = await import(sp, stream, file.Name);
            var school = urn is null ? null : await sp.GetRequiredService<LynchpinDbContext>().Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
            await sp.GetRequiredService<AuditLog>().ImportedAsync(key, file.Name, result, school is null ? AuditSubject.None : AuditSubject.School(school), ct);
            if (result.Succeeded)
            {
                output.WriteLine(summary(result));
                return 0;
            }
            error.WriteLine($"Nothing was imported: {result.ErrorCount} error(s).");
            foreach (var e in result.Errors)
            {
                error.WriteLine(e.Line > 0 ? $"  line {e.Line}: {e.Message}" : $"  {e.Message}");
            }
            if (result.MoreErrors > 0)
            {
                error.WriteLine($"  and {result.MoreErrors} more after these.");
            }
            return 1;
        });
    }
}
