using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests;

/// <summary>A request's summary line says what the client got: cancelled (499) when it gave up, 400 for a malformed body; neither is an error 500.</summary>
[Collection(SystemCollection.Name)]
public sealed class CancellationTests(SystemFixture system)
{
    [Fact]
    public async Task A_request_whose_client_goes_away_mid_body_is_logged_as_cancelled_with_499_and_no_error()
    {
        using var t = await NewTenantAsync(system);
        var service = system.Service("Engagements");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        // An import whose body the client announces at 1 MB and stops sending after a few bytes:
        // the handler is waiting for the rest of the body when the connection closes.
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(service.Url.Host, service.Url.Port);
            var stream = socket.GetStream();
            var head = "POST /api/imports/engagements?dryRun=true HTTP/1.1\r\n"
                + $"Host: {service.Url.Authority}\r\n"
                + $"Authorization: Bearer {t.Tenant.AccessToken}\r\n"
                + $"traceparent: 00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01\r\n"
                + "Content-Type: text/csv\r\n"
                + "Content-Length: 1000000\r\n\r\n"
                + "name,providerId,deliveryCountry\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var line = await SummaryLineAsync(service.LogPath, traceId);
        Assert.Equal(499, line.GetProperty("StatusCode").GetInt32());
        Assert.Equal("cancelled by the client", line.GetProperty("Outcome").GetString());
        var lines = await LogLinesAsync(service.LogPath, traceId);
        Assert.Contains(lines, l => l.GetProperty("@m").GetString()!.Contains("cancelled by the client", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TryGetProperty("@x", out _));
        Assert.DoesNotContain(lines, l => IsError(l) && IsPipeline(Source(l)));
    }

    [Fact]
    public async Task A_request_with_a_malformed_body_is_logged_as_the_400_it_answered_not_as_an_error_500()
    {
        using var t = await NewTenantAsync(system);
        var service = system.Service("Engagements");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/providers")
        {
            Content = new StringContent("""{"legalName": "Truncated""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await t.Api.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);

        var line = await SummaryLineAsync(service.LogPath, traceId);
        Assert.Equal(400, line.GetProperty("StatusCode").GetInt32());
        Assert.False(IsError(line), $"the summary line is at level {(line.TryGetProperty("@l", out var level) ? level.GetString() : "Information")}");
        Assert.DoesNotContain(await LogLinesAsync(service.LogPath, traceId), l => IsError(l) && IsPipeline(Source(l)));
    }

    /// <summary>The request's summary line (the one with its status), once the service has written it.</summary>
    private static async Task<JsonElement> SummaryLineAsync(string logPath, string traceId) =>
        await Eventually.WaitAsync(
            async () => (await LogLinesAsync(logPath, traceId)).Where(l => l.TryGetProperty("StatusCode", out _)).Select(l => (object)l).FirstOrDefault(),
            TimeSpan.FromSeconds(15),
            "the request's summary line in the service's log") is JsonElement found ? found : default;

    private static bool IsError(JsonElement line) => line.TryGetProperty("@l", out var level) && level.GetString() is "Error" or "Fatal";

    /// <summary>
    /// The request pipeline's loggers. EF Core still logs "An error occurred using a transaction" at
    /// error level (no stack) when the request's transaction ends on an aborted request: left as it is.
    /// </summary>
    private static bool IsPipeline(string source) =>
        source is "Serilog.AspNetCore.RequestLoggingMiddleware" or "Sourcing.ServiceDefaults.Errors.ProblemExceptionHandler"
        || source.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    private static string Source(JsonElement line) =>
        line.TryGetProperty("SourceContext", out var source) ? source.GetString() ?? "" : "";

    /// <summary>The service's JSON log lines of one trace.</summary>
    private static async Task<List<JsonElement>> LogLinesAsync(string logPath, string traceId)
    {
        using var reader = new StreamReader(new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = new List<JsonElement>();
        while (await reader.ReadLineAsync() is { } text)
        {
            if (text.Contains(traceId, StringComparison.Ordinal) && text.StartsWith('{'))
            {
                lines.Add(JsonDocument.Parse(text).RootElement.Clone());
            }
        }

        return lines;
    }
}
