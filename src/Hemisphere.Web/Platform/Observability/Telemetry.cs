using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hemisphere.Platform.Observability;

/// <summary>
/// Traces and metrics through OpenTelemetry. Exporter: <c>Telemetry:Exporter</c> = none (default),
/// console, or otlp (with the standard OTEL_EXPORTER_OTLP_ENDPOINT variable).
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddHemisphereTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var exporter = (config["Telemetry:Exporter"] ?? "none").ToLowerInvariant();
        if (exporter == "none") return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("hemisphere", serviceInstanceId: Environment.MachineName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql();
                if (exporter == "console") t.AddConsoleExporter(); else t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (exporter == "console") m.AddConsoleExporter(); else m.AddOtlpExporter();
            });
        return services;
    }
}
