using Microsoft.AspNetCore.Http;
using Serilog;
using Serilog.Context;

namespace Sourcing.ServiceDefaults.Tenancy;

/// <summary>
/// Runs after authentication: takes the tenant from the verified token's claim (only there) into
/// the scoped <see cref="ITenantContext"/> and into every log line of the request.
/// </summary>
internal sealed class TenantLoggingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantContext tenant, IDiagnosticContext diagnostics)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindTenantId() is { } tenantId)
        {
            tenant.Set(tenantId);

            // The request's summary line is written by Serilog's request logging, outside this scope.
            diagnostics.Set("TenantId", tenantId);
        }

        using (LogContext.PushProperty("TenantId", tenant.TenantId))
        {
            await next(context);
        }
    }
}
