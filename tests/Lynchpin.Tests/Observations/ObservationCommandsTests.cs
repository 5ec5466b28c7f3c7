using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Tests.Observations.Recording;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations;

/// <summary>
/// <c>import timetable|duties|observers</c>, <c>calendar set</c> and <c>rota generate</c> end to end, on both providers:
/// summaries and exit 0, or the reason and a failing exit code.
/// </summary>
public abstract class ObservationCommandsTests(LynchpinAppFactory app) : IntegrationTest(app), IDisposable
{
    public sealed class Sqlite(SqlitePlanningAppFactory app) : ObservationCommandsTests(app), IClassFixture<SqlitePlanningAppFactory>;

    public sealed class Postgres(PostgresPlanningAppFactory app) : ObservationCommandsTests(app), IClassFixture<PostgresPlanningAppFactory>;

    private readonly string folder = Directory.CreateTempSubdirectory("lynchpin-rota-").FullName;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(App.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task ImportAllAsync(ObservationSchool s)
    {
        var urn = s.School.Urn.ToString();
        foreach (var (what, lines) in new[] { ("timetable", s.TimetableLines), ("duties", s.DutyLines), ("observers", s.ObserverLines()) })
        {
            var (exit, _, error) = await RunAsync("import", what, "--school", urn, "--file", Write($"{what}.csv", lines));
            Assert.True(exit == 0, error);
        }
        var calendar = await RunAsync("calendar", "set", "--school", urn, "--week-a-starts", "2026-11-02", "--blocked", "2026-11-04");
        Assert.True(calendar.Exit == 0, calendar.Error);
    }

    [SkippableFact]
    public async Task ImportCommands_GoodFiles_SayWhatWasImportedAndReplaced()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);
        var urn = s.School.Urn.ToString();
        var timetable = Write("timetable.csv", s.TimetableLines);

        // Act
        var first = await RunAsync("import", "timetable", "--school", urn, "--file", timetable);
        var again = await RunAsync("import", "timetable", "--school", urn, "--file", timetable);
        var duties = await RunAsync("import", "duties", "--school", urn, "--file", Write("duties.csv", s.DutyLines));
        var observers = await RunAsync("import", "observers", "--school", urn, "--file", Write("observers.csv", s.ObserverLines()));

        // Assert
        Assert.Equal((0, "Imported timetable: 6 row(s), replacing 0."), (first.Exit, first.Output.Trim()));
        Assert.Equal((0, "Imported timetable: 6 row(s), replacing 6."), (again.Exit, again.Output.Trim()));
        Assert.Equal((0, "Imported duties: 1 row(s), replacing 0."), (duties.Exit, duties.Output.Trim()));
        Assert.Equal((0, "Imported observers: 3 row(s), replacing 0."), (observers.Exit, observers.Output.Trim()));
        Assert.Equal(6, await Data.WithDbAsync(db => db.TimetableRows.CountAsync(r => r.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task ImportTimetable_BadRow_ExitsNonZeroListingTheLineAndStoresNothing()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);

        // Act
        var (exit, _, error) = await RunAsync("import", "timetable", "--school", s.School.Urn.ToString(), "--file",
            Write("timetable.csv", [TimetableHeader, $",Mon,1,09:00,10:00,{s.Tom.StaffRef},9A,Maths,9,R1", ",Mon,1,09:00,10:00,NOBODY,9B,Maths,9,R2"]));

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("Nothing was imported: 1 error(s).", error);
        Assert.Contains("line 3: staff_ref \"NOBODY\" is not a member of staff", error);
        Assert.Equal(0, await Data.WithDbAsync(db => db.TimetableRows.CountAsync(r => r.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task CalendarSet_DatesGiven_StoresWeekAAndReplacesBlockedDatesKeepingReasons()
    {
        // Arrange: 4 Nov is INSET (set on a page, with its reason); 20 Nov is a trip
        var s = await CreateStaffAsync(Data);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchoolCalendars>().SetAsync(s.School.Id, null,
                [new BlockedDay(Wed4, "INSET"), new BlockedDay(new DateOnly(2026, 11, 20), "Trip")]);
        }

        // Act
        var (exit, output, error) = await RunAsync("calendar", "set", "--school", s.School.Urn.ToString(),
            "--week-a-starts", "2026-11-02", "--blocked", "2026-11-04, 2026-12-01");
        var keep = await RunAsync("calendar", "set", "--school", s.School.Urn.ToString(), "--week-a-starts", "none");
        var bad = await RunAsync("calendar", "set", "--school", s.School.Urn.ToString(), "--week-a-starts", "02/11/2026");

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("week A starts in the week of Mon 2 Nov 2026", output);
        Assert.Contains("Blocked dates: 2026-11-04, 2026-12-01.", output);
        Assert.Contains("the timetable is the same every week", keep.Output);
        Assert.Contains("Blocked dates: 2026-11-04, 2026-12-01.", keep.Output);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var calendar = await scope.ServiceProvider.GetRequiredService<SchoolCalendars>().GetAsync(s.School.Id);
            Assert.Null(calendar.WeekAStarts);
            Assert.Equal([new BlockedDay(Wed4, "INSET"), new BlockedDay(new DateOnly(2026, 12, 1))], calendar.Blocked);
        }
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--week-a-starts \"02/11/2026\" is not a date written yyyy-mm-dd", bad.Error);
    }

    [SkippableFact]
    public async Task RotaGenerate_ImportedSchool_StoresTheRotaReportsTheSolverAndWritesTheCsv()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);
        await ImportAllAsync(s);
        var csv = Path.Combine(folder, "rota.csv");

        // Act
        var (exit, output, error) = await RunAsync("rota", "generate", "--school", s.School.Urn.ToString(),
            "--from", "2026-11-02", "--to", "2026-11-10", "--kind", "learning-walk", "--out", csv, "--workers", "1", "--time-limit", "3");

        // Assert: the report
        Assert.True(exit == 0, error);
        Assert.Contains($"for {s.School.Name} ({s.School.Urn}): learning walk, Mon 2 Nov 2026 to Tue 10 Nov 2026; 3 observer(s), 3 observee(s).", output);
        Assert.Contains("Every observer gets the visits they asked for: 4 visits in all.", output);
        Assert.Contains("3 of 3 people who lead lessons are seen.", output);
        Assert.Contains("2 of the 2 visits by observers with a focus year group are in it.", output);
        Assert.Contains("Visits cover 3 subjects; pastoral and support staff make 75 % of them.", output);
        Assert.Contains("The solver's figures: status Optimal, objective ", output);
        Assert.Contains($"  {RotaSolver.VisitsGoal}: 4 (at most 4, proven best)", output);
        Assert.Contains($"Wrote 4 visit(s) to {csv}.", output);

        // The CSV, and the stored rota it came from, which keeps every rule
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(RotaCsv.Header, lines[0]);
        Assert.Equal(4, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2026-11-", l));
        var rota = await Data.WithDbAsync(db => db.ObservationRotas.Include(r => r.Visits).SingleAsync(r => r.SchoolId == s.School.Id));
        Assert.Equal((ObservationKind.LearningWalk, RotaStatus.Optimal, 4, CommandLine.CommandLineName),
            (rota.Kind, rota.Status, rota.Visits.Count, rota.CreatedByName));
        await using var scope = App.Services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<RotaService>().CheckAsync(rota.Id);
        Assert.Empty(check.Value!);
        Assert.Equal(RotaCsv.ToCsv(await scope.ServiceProvider.GetRequiredService<RotaService>().VisitsAsync(rota.Id)),
            await File.ReadAllTextAsync(csv));
    }

    [SkippableFact]
    public async Task CalendarImport_TermDatesFile_StoresThemAndTheRotaKeepsToTermAfterwards()
    {
        // Arrange: the school closes on Monday 9 November
        var s = await CreateStaffAsync(Data);
        await ImportAllAsync(s);
        var urn = s.School.Urn.ToString();
        var file = Write("calendar.csv", ["start,end,kind,name", "02/09/2026,18/12/2026,term,Autumn term", "2026-11-09,,closure,Polling day"]);

        // Act
        var imported = await RunAsync("calendar", "import", "--school", urn, "--file", file);
        var bad = await RunAsync("calendar", "import", "--school", urn, "--file", Write("bad.csv", ["start,end,kind", "2026-09-02,2026-12-18,summer"]));
        var rota = await RunAsync("rota", "generate", "--school", urn, "--from", "2026-11-02", "--to", "2026-11-10", "--workers", "1", "--time-limit", "3");

        // Assert
        Assert.Equal((0, "Imported term dates: 2 row(s), replacing 0."), (imported.Exit, imported.Output.Trim()));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("line 2: kind \"summer\" is not known; write term, holiday, inset or closure", bad.Error);
        Assert.Equal(2, await Data.WithDbAsync(db => db.SchoolTermDates.CountAsync(t => t.SchoolId == s.School.Id)));
        Assert.True(rota.Exit == 0, rota.Error);
        Assert.DoesNotContain("2026-11-09", rota.Output);
        Assert.DoesNotContain("no term dates", rota.Error);
    }

    [SkippableFact]
    public async Task RotaGenerate_OverlappingARota_RefusesByDefaultNamingItAndReplacesWhenAsked()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);
        await ImportAllAsync(s);
        string[] Generate(params string[] more) =>
            ["rota", "generate", "--school", s.School.Urn.ToString(), "--from", "2026-11-02", "--to", "2026-11-10", "--workers", "1", "--time-limit", "3", .. more];
        var first = await RunAsync(Generate());
        Assert.True(first.Exit == 0, first.Error);

        // Act
        var refused = await RunAsync(Generate());
        var unknown = await RunAsync(Generate("--overlap", "merge"));
        var replaced = await RunAsync(Generate("--overlap", "replace"));

        // Assert
        Assert.Equal(1, refused.Exit);
        Assert.Contains("These dates overlap the learning walk rota from 2 November 2026 to 10 November 2026 (4 visits): choose whether to replace it or keep both.", refused.Error);
        Assert.Contains("Run again with --overlap replace or --overlap keep.", refused.Error);
        Assert.Equal(2, unknown.Exit);
        Assert.True(replaced.Exit == 0, replaced.Error);
        Assert.Contains("Replaced the learning walk rota from 2 November 2026 to 10 November 2026 (4 visit(s)): it is deleted.", replaced.Error);
        Assert.Equal(1, await Data.WithDbAsync(db => db.ObservationRotas.CountAsync(r => r.SchoolId == s.School.Id)));
    }

    [SkippableFact]
    public async Task RotaGenerate_WithoutOut_WritesTheCsvToOutputAndTheReportToError()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);
        await ImportAllAsync(s);

        // Act: drop-ins, at most one visit per teacher
        var (exit, output, error) = await RunAsync("rota", "generate", "--school", s.School.Urn.ToString(),
            "--from", "2026-11-02", "--to", "2026-11-10", "--kind", "drop-in", "--max-per-observee", "1", "--workers", "1", "--time-limit", "3");

        // Assert: three teachers once each leave one observer a visit short, and the report says who
        Assert.True(exit == 0, error);
        var lines = output.TrimEnd().Split("\r\n");
        Assert.Equal(RotaCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length - 1);
        Assert.Contains("drop-in", error);
        Assert.Contains("1 of 3 observers get fewer visits than they asked for: 3 of 4 visits are planned.", error);
        Assert.Contains("Messages:", error);
        Assert.DoesNotContain("The solver's figures", output);
        var rota = await Data.WithDbAsync(db => db.ObservationRotas.SingleAsync(r => r.SchoolId == s.School.Id));
        Assert.Equal((ObservationKind.DropIn, 1), (rota.Kind, rota.MaxVisitsPerObservee));
        Assert.NotEmpty(rota.Messages);
    }

    [SkippableFact]
    public async Task RotaGenerate_NoTimetableOrBadArguments_ExitsNonZeroWithTheReason()
    {
        // Arrange
        var s = await CreateStaffAsync(Data);
        var urn = s.School.Urn.ToString();

        // Act
        var nothing = await RunAsync("rota", "generate", "--school", urn, "--from", "2026-11-02", "--to", "2026-11-10");
        var backwards = await RunAsync("rota", "generate", "--school", urn, "--from", "2026-11-10", "--to", "2026-11-02");
        var badDate = await RunAsync("rota", "generate", "--school", urn, "--from", "2 Nov", "--to", "2026-11-10");
        var badKind = await RunAsync("rota", "generate", "--school", urn, "--from", "2026-11-02", "--to", "2026-11-10", "--kind", "walkabout");
        var noSchool = await RunAsync("rota", "generate", "--school", "1", "--from", "2026-11-02", "--to", "2026-11-10");

        // Assert
        Assert.Equal(1, nothing.Exit);
        Assert.Contains($"{s.School.Name} has no timetable yet: import it first.", nothing.Error);
        Assert.Contains($"{s.School.Name} has no observers yet", nothing.Error);
        Assert.Equal(1, backwards.Exit);
        Assert.Contains("The rota ends on 2 November 2026, before it starts on 10 November 2026.", backwards.Error);
        Assert.Equal((2, true), (badDate.Exit, badDate.Error.Contains("--from \"2 Nov\" is not a date written yyyy-mm-dd.")));
        Assert.Equal((2, true), (badKind.Exit, badKind.Error.Contains("--kind \"walkabout\" is not known: use learning-walk, lesson-observation, drop-in.")));
        Assert.Equal((1, "There is no school with URN 1."), (noSchool.Exit, noSchool.Error.Trim()));
        Assert.Equal(0, await Data.WithDbAsync(db => db.ObservationRotas.CountAsync(r => r.SchoolId == s.School.Id)));
    }
}

/// <summary>Where <c>rota generate --out</c> writes: relative to the shell's folder, as the user typed it.</summary>
public sealed class RotaOutputFileTests
{
    [Fact]
    public void OutputFile_RelativePath_IsInTheShellFolder() =>
        Assert.Equal(Path.Combine("/home/head/rotas", "autumn.csv"), CommandLine.OutputFile(new FileInfo("autumn.csv"), "/home/head/rotas").FullName);

    [Fact]
    public void OutputFile_RootedPathOrNoShellFolder_IsAsTyped()
    {
        Assert.Equal("/tmp/autumn.csv", CommandLine.OutputFile(new FileInfo("/tmp/autumn.csv"), "/home/head").FullName);
        Assert.Equal(Path.GetFullPath("autumn.csv"), CommandLine.OutputFile(new FileInfo("autumn.csv"), null).FullName);
    }
}
