using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Options of the one summary line per request (section <c>RequestLogging</c>). Failures, client
/// errors, writes and slow requests are always logged; of the fast successful reads, which are most
/// of the traffic and tell little one by one, one in <see cref="ReadSampleEvery"/> is logged at
/// Information and the others at Debug (off by default). The request metrics
/// (http.server.request.duration) still count every request.
/// </summary>
public sealed class RequestLoggingOptions
{
    public const string Section = "RequestLogging";

    /// <summary>One fast successful GET or HEAD in this many is logged at Information (1 logs them all).</summary>
    public int ReadSampleEvery { get; set; } = 100;

    /// <summary>A request slower than this is logged at Warning, whatever its outcome.</summary>
    public TimeSpan SlowRequest { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>The level of a request's summary line, from its outcome (see <see cref="RequestLoggingOptions"/>).</summary>
public sealed class RequestLogLevels(RequestLoggingOptions options)
{
    private long _reads;

    public LogEventLevel For(HttpContext context, double elapsedMs, Exception? exception)
    {
        var status = context.Response.StatusCode;
        if (exception is not null || status >= 500)
        {
            return LogEventLevel.Error;
        }

        if (elapsedMs > options.SlowRequest.TotalMilliseconds)
        {
            return LogEventLevel.Warning;
        }

        if (context.Request.Path.StartsWithSegments("/health"))
        {
            return LogEventLevel.Verbose;
        }

        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (status >= 400 || !read)
        {
            return LogEventLevel.Information;
        }

        return Interlocked.Increment(ref _reads) % Math.Max(1, options.ReadSampleEvery) == 1 % Math.Max(1, options.ReadSampleEvery)
            ? LogEventLevel.Information
            : LogEventLevel.Debug;
    }
}
