using System.CommandLine;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Web.Cli;

/// <summary><c>users create</c> (an account) and <c>tokens create</c> (a personal API token).</summary>
internal static class AccountCommands
{
    public static Command BuildUsers(IServiceProvider services, TextWriter output, TextWriter error)
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
        create.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
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

    public static Command BuildTokens(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "Command line" };
        var create = new Command("create", "Create a personal API token and print it once.") { email, name };
        create.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
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
}
