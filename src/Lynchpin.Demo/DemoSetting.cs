using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Lynchpin.Demo;

/// <summary>Whether start-up seeds the demo trust into an empty database.</summary>
public static class DemoSetting
{
    public const string Key = "Lynchpin:Demo";

    /// <summary>
    /// <c>Lynchpin:Demo</c> when it is set; otherwise on in Development (what <c>dotnet run</c> uses) and off everywhere
    /// else, so a production database never gets accounts with the published demo password unless someone asks for them.
    /// </summary>
    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Key) ?? environment.IsDevelopment();
}
