using System.Diagnostics;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Errors;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>What every service calls once: logs, telemetry, errors, health, OpenAPI, limits, tenancy.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", serviceName)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        builder.AddTelemetry(serviceName);
        var requestLogging = builder.Configuration.GetSection(RequestLoggingOptions.Section).Get<RequestLoggingOptions>() ?? new RequestLoggingOptions();
        builder.Services.AddSingleton(new RequestLogLevels(requestLogging));

        builder.Services.AddOptions<LimitsOptions>()
            .Bind(builder.Configuration.GetSection(LimitsOptions.Section))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Limits:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Let minimal APIs throw on bad input, so that the handler above answers with ProblemDetails.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            // PostgreSQL text cannot hold U+0000: refuse it in every JSON string, naming the field;
            // and hold every string and array to InputLimits, as the OpenAPI documents say.
            json.Converters.Add(new NulRefusingStringConverter());
            json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(InputLimits.LimitArrays);
            // A number is a JSON number: "12" is not accepted for 12 (the documents type numbers strictly).
            json.NumberHandling = JsonNumberHandling.Strict;
        });

        // Operation transformers run in the order added: error answers first, then their headers.
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<ProblemResponsesOpenApiTransformer>());
        builder.AddSourcingRateLimiting();
        builder.AddSourcingCors();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [LiveTag]);

        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ServerlessDocumentTransformer>();
            options.AddSchemaTransformer<InputLimitsSchemaTransformer>();
            options.AddOperationTransformer<AnonymousOpenApiTransformer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ITenantContext, TenantContext>();
        return builder;
    }

    /// <summary>
    /// The request pipeline's shared head: a summary line per request, errors as ProblemDetails, client cancellations logged as
    /// such, body limit, authentication, rate limits per tenant and client, the tenant from the token, authorization.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // The summary line outside the exception handler, so that it logs the status the client got: inside, an
        // exception on its way to the handler (a malformed body, a lost race) was logged as an error 500 although
        // the handler answered 400 or 409. Unhandled errors are logged with their exception by ProblemExceptionHandler.
        var levels = app.Services.GetRequiredService<RequestLogLevels>();
        app.UseSerilogRequestLogging(options => options.GetLevel = levels.For);
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseMiddleware<ClientCancellationMiddleware>();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseSourcingRateLimiting();
        app.UseMiddleware<TenantLoggingMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<QueryStringCheckMiddleware>();
        return app;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
