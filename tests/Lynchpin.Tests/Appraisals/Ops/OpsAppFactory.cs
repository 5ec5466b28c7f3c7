using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary>A clock a test sets (and moves on), in place of the real one.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Midday UTC on <paramref name="date"/>: the same day in UK time, summer or winter.</summary>
    public void SetDate(DateOnly date) => Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

/// <summary>
/// The app with a clock the tests set and email through an in-test SMTP server (no TLS, no sign-in), with links in
/// reminders under <see cref="BaseUrl"/>.
/// </summary>
public class OpsAppFactory : LynchpinAppFactory
{
    public const string BaseUrl = "https://lynchpin.test/";
    public const string Sender = "lynchpin@school.test";

    public OpsAppFactory(DatabaseProvider provider) : base(provider)
    {
        WithSetting("Lynchpin:BaseUrl", BaseUrl);
        WithSetting("Lynchpin:Smtp:Host", "127.0.0.1");
        WithSetting("Lynchpin:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Lynchpin:Smtp:Security", "None");
        WithSetting("Lynchpin:Smtp:From", $"Lynchpin <{Sender}>");
    }

    /// <summary>20 November 2026 unless a test sets another day.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteOpsAppFactory() : OpsAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresOpsAppFactory() : OpsAppFactory(DatabaseProvider.Postgres);
