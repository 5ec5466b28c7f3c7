namespace Lynchpin.BrowserTests.Infrastructure;

public static class TestEnvironment
{
    /// <summary>True in CI (<c>CI=true</c>): a missing browser fails the run instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";

    /// <summary>The repository's TestResults folder (where CI collects results), made if missing.</summary>
    public static string ResultsFolder(string subfolder)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lynchpin.slnx")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "TestResults", subfolder);
        Directory.CreateDirectory(path);
        return path;
    }
}
