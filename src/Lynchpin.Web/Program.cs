using Lynchpin.Web;
using Lynchpin.Core.Data;
using Lynchpin.Web.Cli;

// One program: with a command (migrate, import, users, tokens) it runs that and exits;
// without one it serves the web app. Both read the same configuration.
var isCommand = CommandLine.IsCommand(args);
WebApplication app;
try
{
    // Commands read appsettings.json from beside the program, wherever they are run from.
    var builder = isCommand
        ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory })
        : WebApplication.CreateBuilder(args);
    builder.AddLynchpin();
    app = builder.Build();
    if (isCommand)
    {
        return await CommandLine.RunAsync(app.Services, args);
    }
    await app.PrepareDatabaseAsync();
}
catch (StartupFailure failure)
{
    // One line a person can act on; the details are in the log at debug level.
    Console.Error.WriteLine($"Lynchpin cannot start: {failure.Message}");
    return StartupFailure.ExitCode;
}

app.UseLynchpin();
await app.RunAsync();
return 0;

public partial class Program;
