using System.CommandLine;
using Lynchpin.Core.Coaching;

namespace Lynchpin.Web.Cli;

/// <summary>
/// <c>caseload set --coach EMAIL --year Y --schools URN,URN,…</c>: a coach's schools for a school year, as the caseloads page
/// sets them (other years are kept as history). Exit 0 with what changed, or 1 with every problem and nothing changed.
/// </summary>
internal static class CoachingCommands
{
    public static Command Caseload(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var coach = new Option<string>("--coach") { Description = "The Coach account's email.", Required = true };
        var year = new Option<int>("--year") { Description = "The school year by its start: 2026 for 2026/27.", Required = true };
        var schools = new Option<string>("--schools")
        {
            Description = "The URNs of every school in the caseload that year, separated by commas (schools left out are removed).",
            Required = true,
        };
        var set = new Command("set", "Make a coach's caseload for a school year exactly these schools; a school added gets its visits planned.")
        {
            coach, year, schools,
        };
        set.SetAction(async (parse, ct) =>
        {
            var (urns, notUrns) = Caseloads.ParseUrns(parse.GetValue(schools));
            if (notUrns.Count > 0)
            {
                foreach (var part in notUrns)
                {
                    error.WriteLine($"\"{part}\" is not a URN: give schools' URNs separated by commas.");
                }
                return 1;
            }
            return await CommandLine.WithDatabase(services, async sp =>
            {
                var email = parse.GetValue(coach)!;
                var result = await sp.GetRequiredService<Caseloads>().SetAsync(email, parse.GetValue(year), urns,
                    new Recorder(null, CommandLine.CommandLineName), cancellationToken: ct);
                if (!result.Succeeded)
                {
                    error.WriteLine("Nothing was changed:");
                    foreach (var e in result.Errors)
                    {
                        error.WriteLine($"  {e.Message}.");
                    }
                    return 1;
                }
                output.WriteLine(Caseloads.Describe(email.Trim(), parse.GetValue(year), result.Value!));
                return 0;
            });
        });
        return new Command("caseload", "Coaches' caseloads of schools.") { set };
    }
}
