namespace Sourcing.SystemTests.Sweeps;

/// <summary>Sends the sweep's requests, a few at a time, as the sweep tenant's admin.</summary>
public sealed class SweepSender(SystemFixture system, string accessToken) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(100) };

    public async Task<List<SweepOutcome>> SendAllAsync(IReadOnlyList<MalformedRequest> requests, int parallelism)
    {
        var outcomes = new SweepOutcome[requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, cancellationToken) => outcomes[i] = await SendAsync(requests[i], cancellationToken));
        return [.. outcomes];
    }

    private async Task<SweepOutcome> SendAsync(MalformedRequest request, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(system.Service(request.Operation.Service).Url, request.PathAndQuery));
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (request.Body is not null)
            {
                var content = new ByteArrayContent(request.Body);
                if (!string.IsNullOrEmpty(request.ContentType))
                {
                    content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }

                message.Content = content;
                message.Headers.ExpectContinue = request.ExpectContinue;
                message.Headers.TransferEncodingChunked = request.Chunked;
            }

            using var response = await _http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new SweepOutcome(request, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new SweepOutcome(request, 0, null, "", $"{e.GetType().Name}: {e.Message} {e.InnerException?.Message}", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    public void Dispose() => _http.Dispose();
}
