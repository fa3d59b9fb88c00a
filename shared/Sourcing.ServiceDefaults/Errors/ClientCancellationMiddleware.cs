using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using IDiagnosticContext = Serilog.IDiagnosticContext;

namespace Sourcing.ServiceDefaults.Errors;

/// <summary>
/// A request the client gave up on (it closed the connection or cancelled mid-body) is not a server
/// error: whatever the handler throws once the request is aborted (an <see cref="OperationCanceledException"/>
/// from a query, an <see cref="IOException"/> from reading a cut-off body) ends here, is logged once as
/// cancelled at information level, and the request's summary line reads 499 instead of an error 500.
/// </summary>
internal sealed partial class ClientCancellationMiddleware(RequestDelegate next, ILogger<ClientCancellationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IDiagnosticContext diagnostics)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsClientCancellation(exception, context.RequestAborted))
        {
            LogCancelled(logger, context.Request.Method, context.Request.Path, exception.GetType().Name);
            diagnostics.Set("Outcome", "cancelled by the client");
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;

                // Nobody is listening: no ProblemDetails body for the 499.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }
            }
        }
    }

    /// <summary>True when the client went away and the exception is what that causes.</summary>
    internal static bool IsClientCancellation(Exception exception, CancellationToken requestAborted) =>
        requestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {Method} {Path} cancelled by the client ({Exception})")]
    private static partial void LogCancelled(ILogger logger, string method, string path, string exception);
}
