using System.CommandLine;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Appraisals.Reminders;
using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lynchpin.Web.Cli;

/// <summary><c>appraisal open</c> and <c>appraisal remind</c>.</summary>
internal static class AppraisalCommands
{
    public static Command Build(IServiceProvider services, TextWriter output, TextWriter error)
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

            return await CommandLine.WithDatabase(services, async sp =>
            {
                var urn = parse.GetValue(school);
                var found = await sp.GetRequiredService<LynchpinDbContext>().Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
                if (found is null)
                {
                    error.WriteLine($"There is no school with URN {urn}.");
                    return 1;
                }
                var today = CommandLine.Today(sp);
                if (schoolYear > SchoolYear.Of(today) + 1)
                {
                    // Most likely a typing slip (2062 for 2026): a cycle opens at most a year ahead.
                    error.WriteLine($"{SchoolYear.Name(schoolYear)} is more than a year ahead; open the current year ({SchoolYear.Name(SchoolYear.Of(today))}) or the next.");
                    return 1;
                }
                var result = await sp.GetRequiredService<AppraisalCycles>().OpenAsync(
                    found.Id, schoolYear, datesGiven ? dates : null, new Recorder(null, CommandLine.CommandLineName), today, ct);
                var cycle = result.Cycle;
                var name = SchoolYear.Name(schoolYear);
                output.WriteLine(result.CycleCreated
                    ? $"Opened the {name} appraisal cycle at {found.Name}."
                    : $"The {name} appraisal cycle at {found.Name} was already open.");
                output.WriteLine($"Due: objectives {CommandLine.LongDate(cycle.ObjectivesDue)}, mid-year review {CommandLine.LongDate(cycle.MidYearDue)}, final review {CommandLine.LongDate(cycle.FinalDue)}.");
                if (!result.CycleCreated && datesGiven
                    && (cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue) != (dates.ObjectivesDue, dates.MidYearDue, dates.FinalDue))
                {
                    output.WriteLine("The due dates given were not applied: an open cycle keeps its own, which are changed on the school's appraisal page.");
                }
                output.WriteLine($"For everyone in post on {CommandLine.LongDate(result.InPostOn)}:");
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
            if (AppraisalReminders.BaseUrlFrom(services.GetRequiredService<IConfiguration>()["Lynchpin:BaseUrl"]) is not { } baseUrl)
            {
                error.WriteLine("Lynchpin:BaseUrl is not set to the address people open Lynchpin at (such as https://lynchpin.example.org/), so reminders could not link to their tasks.");
                return 1;
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

            return await CommandLine.WithDatabase(services, async sp =>
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
                var run = await sp.GetRequiredService<AppraisalReminders>().SendAsync(schoolId, dayGiven ?? CommandLine.Today(sp), baseUrl, ct);
                output.WriteLine($"Sent {run.EmailsSent} reminder {(run.EmailsSent == 1 ? "email" : "emails")} about {run.TasksReminded} appraisal {(run.TasksReminded == 1 ? "task" : "tasks")}.");
                foreach (var closed in run.Closed)
                {
                    output.WriteLine($"Nothing sent for {closed}: the school is closed that day by its calendar.");
                }
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
}
