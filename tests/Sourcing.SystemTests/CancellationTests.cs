using System.Net.Sockets;
using System.Text;
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
        var (traceId, traceparent) = ServiceLog.NewTrace();

        // An import whose body the client announces at 1 MB and stops sending after a few bytes:
        // the handler is waiting for the rest of the body when the connection closes.
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(service.Url.Host, service.Url.Port);
            var stream = socket.GetStream();
            var head = "POST /api/imports/engagements?dryRun=true HTTP/1.1\r\n"
                + $"Host: {service.Url.Authority}\r\n"
                + $"Authorization: Bearer {t.Tenant.AccessToken}\r\n"
                + $"traceparent: {traceparent}\r\n"
                + "Content-Type: text/csv\r\n"
                + "Content-Length: 1000000\r\n\r\n"
                + "name,providerId,deliveryCountry\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var line = await ServiceLog.SummaryLineAsync(service.LogPath, traceId);
        Assert.Equal(499, line.GetProperty("StatusCode").GetInt32());
        Assert.Equal("cancelled by the client", line.GetProperty("Outcome").GetString());
        var lines = await ServiceLog.LinesAsync(service.LogPath, traceId);
        Assert.Contains(lines, l => l.GetProperty("@m").GetString()!.Contains("cancelled by the client", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TryGetProperty("@x", out _));
        Assert.DoesNotContain(lines, ServiceLog.IsError);
    }

    [Fact]
    public async Task A_request_with_a_malformed_body_is_logged_as_the_400_it_answered_not_as_an_error_500()
    {
        using var t = await NewTenantAsync(system);
        var service = system.Service("Engagements");
        var (traceId, traceparent) = ServiceLog.NewTrace();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/providers")
        {
            Content = new StringContent("""{"legalName": "Truncated""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", traceparent);

        using var response = await t.Api.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);

        var line = await ServiceLog.SummaryLineAsync(service.LogPath, traceId);
        Assert.Equal(400, line.GetProperty("StatusCode").GetInt32());
        Assert.False(ServiceLog.IsError(line), $"the summary line is at level {ServiceLog.Level(line)}");
        Assert.DoesNotContain(await ServiceLog.LinesAsync(service.LogPath, traceId), ServiceLog.IsError);
    }
}
