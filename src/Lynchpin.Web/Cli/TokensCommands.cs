using System.CommandLine;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Web.Cli;

/// <summary><c>tokens create</c>: a personal API token.</summary>
internal static class TokensCommands
{
    public static Command Build(IServiceProvider services, TextWriter output, TextWriter error)
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
