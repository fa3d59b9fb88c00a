using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Formatting.Compact;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// The part of the service defaults that a web app serving pages (the portal) shares with the APIs:
/// structured logs, telemetry, the request summary line and health. It leaves out what only an API
/// wants (ProblemDetails answers, OpenAPI, rate limits, tenancy, JSON limits).
/// </summary>
public static class WebAppDefaultsExtensions
{
    public static WebApplicationBuilder AddWebAppDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", serviceName)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        builder.AddTelemetry(serviceName);
        var requestLogging = builder.Configuration.GetSection(RequestLoggingOptions.Section).Get<RequestLoggingOptions>() ?? new RequestLoggingOptions();
        builder.Services.AddSingleton(new RequestLogLevels(requestLogging));
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [ServiceDefaultsExtensions.LiveTag, ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>One summary line per request, at the level <see cref="RequestLogLevels"/> gives.</summary>
    public static WebApplication UseWebAppRequestLogging(this WebApplication app)
    {
        var levels = app.Services.GetRequiredService<RequestLogLevels>();
        app.UseSerilogRequestLogging(options => options.GetLevel = levels.For);
        return app;
    }

    /// <summary><c>/health/live</c> (the process runs) and <c>/health/ready</c> (the checks tagged ready pass).</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ServiceDefaultsExtensions.LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) });
        return app;
    }
}
