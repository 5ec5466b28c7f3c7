using Lynchpin.Core.Data;
using Lynchpin.Tests.Appraisals.Ops;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// The app with a clock the tests move (sessions expire, leavers leave) and email through an in-test SMTP server, with
/// links under <see cref="OpsAppFactory.BaseUrl"/>.
/// </summary>
public class AccountsAppFactory : LynchpinAppFactory
{
    public AccountsAppFactory(DatabaseProvider provider) : base(provider)
    {
        WithSetting("Lynchpin:BaseUrl", OpsAppFactory.BaseUrl);
        WithSetting("Lynchpin:Smtp:Host", "127.0.0.1");
        WithSetting("Lynchpin:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Lynchpin:Smtp:Security", "None");
        WithSetting("Lynchpin:Smtp:From", $"Lynchpin <{OpsAppFactory.Sender}>");
    }

    /// <summary>Now, unless a test moves it; the sessions' idle and absolute limits are measured on it.</summary>
    public SettableClock Clock { get; } = new(DateTimeOffset.UtcNow);

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

public sealed class SqliteAccountsAppFactory() : AccountsAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAccountsAppFactory() : AccountsAppFactory(DatabaseProvider.Postgres);
