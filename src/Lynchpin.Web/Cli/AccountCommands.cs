using System.CommandLine;
using System.Globalization;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Cli;

/// <summary>
/// <c>users create</c>, <c>users disable-leavers</c>, <c>tokens create</c> and <c>trusts sign-in</c>: what the server's
/// operator does from the command line (the first account of a trust, a break-glass switch back to passwords). Every
/// change is audited as the command line.
/// </summary>
public static class AccountCommands
{
    /// <summary><c>retention run</c>: the daily retention job by hand (issue 11, item 7).</summary>
    public static Command Retention(IServiceProvider services, TextWriter output)
    {
        var today = new Option<DateOnly?>("--today") { Description = "Run as if on this date (yyyy-mm-dd); today in UK time if left out." };
        var run = new Command("run",
            "Anonymise or delete what each trust's retention periods say is due (people under a legal hold excepted), with an audit row for each. "
            + "The web app does this daily; run this from cron if it is turned off (Lynchpin:Retention:Daily=false).") { today };
        run.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
        {
            var on = parse.GetValue(today) ?? sp.GetRequiredService<SchoolClock>().Today;
            var done = await sp.GetRequiredService<Core.Retention.RetentionRunner>().RunAsync(on, ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Retention on {Dates.Long(on)}: {done.StaffRecordsAnonymised} staff record(s) anonymised, {done.AppraisalsDeleted} appraisal(s) deleted, {done.ObservationNotesDeleted} observation note(s) deleted."));
            return 0;
        }));
        return new Command("retention", "Keep records only as long as the trust's retention periods say.") { run };
    }

    public static Command Users(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The account's email (its sign-in name).", Required = true };
        var role = new Option<UserRole>("--role") { Description = "TrustAdmin, SchoolLeader, LineManager, Staff, Coach or VirtualSchool.", Required = true };
        var trust = new Option<string?>("--trust") { Description = "The trust's code (for TrustAdmin)." };
        var school = new Option<int?>("--school") { Description = "The school's URN (for SchoolLeader, and for --staff-ref)." };
        var staffRef = new Option<string?>("--staff-ref")
        {
            Description = "Link the account to this staff record of --school (needed for LineManager and Staff; optional for TrustAdmin and SchoolLeader).",
        };
        var password = new Option<string?>("--password")
        {
            Description = $"The password ({PasswordPolicy.MinimumLength} characters or more, not a common one); a random one is made and printed if left out.",
        };
        var payAccess = new Option<bool>("--pay-access")
        {
            Description = "Let the account read and record appraisal pay recommendations in its school or trust (the head, the business manager, trust HR).",
        };
        var laCode = new Option<string?>("--la-code") { Description = "The local authority of a VirtualSchool account: its 3-digit or 9-character code (E08000012)." };
        var create = new Command("create", "Create an account.") { email, role, trust, school, staffRef, password, payAccess, laCode };
        create.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
        {
            var options = new CreateUserOptions(parse.GetValue(email)!, parse.GetValue(role), parse.GetValue(trust),
                parse.GetValue(school), parse.GetValue(staffRef), parse.GetValue(password), parse.GetValue(laCode));
            var result = await sp.GetRequiredService<AccountAdministration>().CreateAsync(options, parse.GetValue(payAccess), ct);
            if (!result.Succeeded)
            {
                foreach (var message in result.Errors)
                {
                    error.WriteLine(message);
                }
                return 1;
            }
            output.WriteLine($"Created {options.Role} account {options.Email}{(parse.GetValue(payAccess) ? ", with pay access" : "")}.");
            if (options.Password is null)
            {
                output.WriteLine($"Password: {result.Password}");
            }
            if (options.Role == UserRole.TrustAdmin || parse.GetValue(payAccess))
            {
                output.WriteLine("It sets up two-factor sign-in (an authenticator app) the first time it signs in to the pages.");
            }
            return 0;
        }));

        var today = new Option<DateOnly?>("--today") { Description = "Run as if on this date (yyyy-mm-dd); today in UK time if left out." };
        var leavers = new Command("disable-leavers",
            "Disable the accounts of staff whose leaving date has passed, revoke their API tokens and stop their calendar feeds. "
            + "The web app does this every hour; run this daily from cron if it is turned off (Lynchpin:Leavers:Hourly=false).") { today };
        leavers.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
        {
            var on = parse.GetValue(today) ?? sp.GetRequiredService<SchoolClock>().Today;
            var run = await sp.GetRequiredService<LeaverAccounts>().RunAsync(on, ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Leavers on {Dates.Long(on)}: {run.Disabled.Count} account(s) disabled, {run.FeedsStopped} calendar feed(s) stopped."));
            foreach (var account in run.Disabled)
            {
                output.WriteLine($"  {account}");
            }
            return 0;
        }));
        return new Command("users", "Manage accounts.") { create, leavers };
    }

    public static Command Tokens(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "Command line" };
        var days = new Option<int>("--days")
        {
            Description = $"How many days it lasts (1 to {ApiTokenService.MaxDays}).",
            DefaultValueFactory = _ => ApiTokenService.DefaultDays,
        };
        var write = new Option<bool>("--write") { Description = "Let it write as well as read (read only if left out)." };
        var create = new Command("create", "Create a personal API token (for the API only) and print it once.") { email, name, days, write };
        create.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(parse.GetValue(email)!);
            if (user is null)
            {
                error.WriteLine($"There is no account with the email {parse.GetValue(email)}.");
                return 1;
            }
            if (user.IsDisabled)
            {
                error.WriteLine($"The account {user.Email} is disabled: its tokens would not work.");
                return 1;
            }
            if (parse.GetValue(days) is < 1 or > ApiTokenService.MaxDays)
            {
                error.WriteLine($"--days must be 1 to {ApiTokenService.MaxDays}.");
                return 1;
            }
            var scope = parse.GetValue(write) ? ApiTokenScope.ReadWrite : ApiTokenScope.Read;
            var created = await sp.GetRequiredService<ApiTokenService>()
                .CreateAsync(new CreateApiTokenOptions(user.Id, parse.GetValue(name)!, scope, parse.GetValue(days)), ct);
            output.WriteLine(created.Secret);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ApiTokenService.ScopeName(scope)}; expires {SchoolClock.Format(created.Token.ExpiresAt, "d MMMM yyyy")}. Shown once: copy it now."));
            return 0;
        }));
        return new Command("tokens", "Manage personal API tokens.") { create };
    }

    public static Command Trusts(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var trust = new Option<string>("--trust") { Description = "The trust's code.", Required = true };
        var method = new Option<SignInMethod>("--method") { Description = "Password or SingleSignOn.", Required = true };
        var provider = new Option<SsoProvider?>("--provider") { Description = "Microsoft or Google (for SingleSignOn)." };
        var tenant = new Option<string?>("--tenant") { Description = "The Entra tenant ID, or the Google Workspace domain." };
        var claim = new Option<string?>("--email-claim") { Description = "The claim matched to the account's email: email, preferred_username or upn." };
        var signIn = new Command("sign-in", "Set how a trust's accounts sign in (the same as its admins' page).") { trust, method, provider, tenant, claim };
        signIn.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
        {
            var code = parse.GetValue(trust)!;
            var trustId = await sp.GetRequiredService<LynchpinDbContext>().Trusts.Where(t => t.Code == code).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
            if (trustId is null)
            {
                error.WriteLine($"There is no trust with the code {code}.");
                return 1;
            }
            var settings = sp.GetRequiredService<TrustSignIns>();
            var saved = await settings.SaveAsync(trustId.Value,
                new TrustSignInInput(parse.GetValue(method), parse.GetValue(provider), parse.GetValue(tenant), parse.GetValue(claim)), ct);
            foreach (var problem in saved.Errors)
            {
                error.WriteLine(problem.Message);
            }
            if (!saved.Succeeded)
            {
                return 1;
            }
            output.WriteLine($"{code}: {TrustSignIns.Describe(await settings.ForTrustAsync(trustId.Value, ct))}.");
            return 0;
        }));
        return new Command("trusts", "Trust settings.") { signIn };
    }
}
