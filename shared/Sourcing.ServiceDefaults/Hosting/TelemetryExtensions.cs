using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics; exported over OTLP only when <c>Otlp:Endpoint</c> is set. With no
/// exporter, spans are not recorded (the trace context is still read and propagated, so log lines keep
/// their trace id): recording them for nobody cost a measurable share of each request's CPU.
/// </summary>
internal static class TelemetryExtensions
{
    public static void AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var endpoint = builder.Configuration["Otlp:Endpoint"];
        var exporting = !string.IsNullOrWhiteSpace(endpoint);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit")
                .SetSampler(exporting ? new ParentBasedSampler(new AlwaysOnSampler()) : new AlwaysOffSampler()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit"));

        if (exporting)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint!));
        }
    }
}
