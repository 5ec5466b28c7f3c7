using Lynchpin.Web;
using Lynchpin.Web.Cli;

// One program: with a command (migrate, import, users, tokens) it runs that and exits;
// without one it serves the web app. Both read the same configuration.
var isCommand = CommandLine.IsCommand(args);
// Commands read appsettings.json from beside the program, wherever they are run from.
var builder = isCommand
    ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory })
    : WebApplication.CreateBuilder(args);
builder.AddLynchpin();
var app = builder.Build();

if (isCommand)
{
    return await CommandLine.RunAsync(app.Services, args);
}

await app.PrepareDatabaseAsync();
app.UseLynchpin();
await app.RunAsync();
return 0;

public partial class Program;
