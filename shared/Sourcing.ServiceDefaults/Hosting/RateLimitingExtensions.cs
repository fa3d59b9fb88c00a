using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, chained: one fixed window per tenant, one per client (token subject, or
/// the remote address without a token). Over a limit: 429 ProblemDetails naming the limit, with Retry-After.
/// Health checks are never limited.
/// </summary>
internal static class RateLimitingExtensions
{
    public static void AddSourcingRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.Window > TimeSpan.Zero, "RateLimiting:Window must be positive.")
            .Validate(o => o.TenantPermitLimit > 0 && o.ClientPermitLimit > 0, "RateLimiting:TenantPermitLimit and ClientPermitLimit must be positive.")
            .ValidateOnStart();

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddOperationTransformer<RateLimitOpenApiTransformer>());
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context, limits, cancellationToken);
            if (!limits.Enabled)
            {
                return;
            }

            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Tenant(http) is { } tenant
                    ? RateLimitPartition.GetFixedWindowLimiter("tenant:" + tenant, _ => Window(limits.TenantPermitLimit, limits.Window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsHealthCheck(http)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(limits.ClientPermitLimit, limits.Window))));
        });
    }

    /// <summary>The rate limiter, and the client's limit in X-RateLimit-Limit on every answer (as the OpenAPI documents say).</summary>
    public static void UseSourcingRateLimiting(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (limits.Enabled)
        {
            var limit = limits.ClientPermitLimit.ToString(CultureInfo.InvariantCulture);
            app.Use((context, next) =>
            {
                context.Response.Headers[RateLimitOpenApiTransformer.LimitHeader] = limit;
                return next(context);
            });
        }

        app.UseRateLimiter();
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string? Tenant(HttpContext http) =>
        IsHealthCheck(http) ? null : http.User.FindTenantId()?.ToString();

    private static string Client(HttpContext http) =>
        http.User.FindFirstValue("sub") is { Length: > 0 } subject
            ? $"client:{Tenant(http)}:{subject}"
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static bool IsHealthCheck(HttpContext http) => http.Request.Path.StartsWithSegments("/health");

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This tenant or client sent more requests than allowed ({limits.TenantPermitLimit} per tenant, "
                    + $"{limits.ClientPermitLimit} per client, every {limits.Window.TotalSeconds:0} s). Try again in {seconds} s.",
            },
        });
    }
}
