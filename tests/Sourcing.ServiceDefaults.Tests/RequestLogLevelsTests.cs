using Microsoft.AspNetCore.Http;
using Serilog.Events;
using Sourcing.ServiceDefaults.Hosting;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class RequestLogLevelsTests
{
    private static HttpContext Request(string method, string path, int status)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Response.StatusCode = status;
        return context;
    }

    [Fact]
    public void Failures_are_errors_and_slow_requests_warnings_whatever_the_method()
    {
        var levels = new RequestLogLevels(new RequestLoggingOptions { SlowRequest = TimeSpan.FromMilliseconds(500) });
        Assert.Equal(LogEventLevel.Error, levels.For(Request("GET", "/api/engagements", 500), 3, null));
        Assert.Equal(LogEventLevel.Error, levels.For(Request("GET", "/api/engagements", 200), 3, new InvalidOperationException()));
        Assert.Equal(LogEventLevel.Warning, levels.For(Request("GET", "/api/engagements", 200), 501, null));
        Assert.Equal(LogEventLevel.Warning, levels.For(Request("POST", "/api/engagements", 201), 800, null));
    }

    [Fact]
    public void Writes_and_client_errors_are_always_logged_at_information()
    {
        var levels = new RequestLogLevels(new RequestLoggingOptions { ReadSampleEvery = 1000 });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LogEventLevel.Information, levels.For(Request("POST", "/api/engagements", 201), 3, null));
            Assert.Equal(LogEventLevel.Information, levels.For(Request("GET", "/api/engagements", 404), 3, null));
            Assert.Equal(LogEventLevel.Information, levels.For(Request("GET", "/api/engagements", 499), 3, null));
        }
    }

    [Fact]
    public void One_fast_successful_read_in_n_is_logged_at_information_the_rest_at_debug()
    {
        var levels = new RequestLogLevels(new RequestLoggingOptions { ReadSampleEvery = 10 });
        var logged = Enumerable.Range(0, 100).Select(_ => levels.For(Request("GET", "/api/engagements", 200), 3, null)).ToList();
        Assert.Equal(10, logged.Count(l => l == LogEventLevel.Information));
        Assert.Equal(90, logged.Count(l => l == LogEventLevel.Debug));
        Assert.Equal(LogEventLevel.Information, logged[0]);
    }

    [Fact]
    public void Sampling_every_one_logs_every_read_and_health_probes_are_verbose()
    {
        var levels = new RequestLogLevels(new RequestLoggingOptions { ReadSampleEvery = 1 });
        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(LogEventLevel.Information, levels.For(Request("GET", "/api/providers", 200), 3, null)));
        Assert.Equal(LogEventLevel.Verbose, levels.For(Request("GET", "/health/ready", 200), 3, null));
    }
}
