using Lynchpin.Core.Kernel;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lynchpin.Web;

/// <summary>
/// OpenTelemetry traces, metrics and logs for ASP.NET Core, EF Core (and Npgsql) and the importers, sent over OTLP once
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the standard <c>OTEL_*</c> settings itself). Off by
/// default: a school on one server has nowhere to send them, and nothing is collected then.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddTo(IServiceCollection services, IConfiguration config)
    {
        if (string.IsNullOrWhiteSpace(config[EndpointSetting]))
        {
            return;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "lynchpin",
                serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql", LynchpinTelemetry.Name)
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Npgsql", LynchpinTelemetry.Name)
                .AddOtlpExporter())
            .WithLogging(l => l.AddOtlpExporter());
    }
}
