namespace Lynchpin.Tests.Infrastructure;

/// <summary>Facts about where the tests run, read from the environment.</summary>
public static class TestEnvironment
{
    /// <summary>True in CI (<c>CI=true</c>): a missing PostgreSQL server or browser fails the run instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";

    /// <summary>
    /// Skips the running test with <paramref name="reason"/>, or fails it in CI, where a missing
    /// dependency must never pass silently. The test must be a <c>[SkippableFact]</c> to show as skipped.
    /// </summary>
    public static void SkipOrFail(string reason)
    {
        if (IsCi)
        {
            throw new InvalidOperationException($"{reason} CI=true, so this fails rather than skips.");
        }
        throw new SkipException(reason);
    }
}
