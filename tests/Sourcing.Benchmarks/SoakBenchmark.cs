using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Sourcing.Testing;

namespace Sourcing.Benchmarks;

/// <summary>
/// Issue 15's soak: every service as the README runs it, a tenant seeded through the public APIs, then
/// a steady mixed load for N minutes (lists, details, totals, scores; single measurements that move
/// scores through the events and the risk jobs; new providers), every service's resident memory
/// sampled every 5 s. Goal: no failed request, no growth trend of memory, each service under 300 MB.
/// Args: [minutes, default 10] [requests per second, default 100].
/// </summary>
public sealed class SoakBenchmark : IBenchmark
{
    private const double MemoryGoalMiB = 300 * 1_000_000 / 1048576.0;

    public string Name => "soak";

    public string Description => "steady mixed load for N minutes [10] at R req/s [100]: errors, latency, each service's memory and its trend (goal < 300 MB, no growth)";

    public async Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken)
    {
        var minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var services = new Dictionary<string, ServiceProcess>();
        try
        {
            await ProductRun.StartServicesAsync(context, services, cancellationToken);
            var client = new SourcingClient(services["Identity"].Url, services["Tenants"].Url, context.MailDev);
            var tenant = await client.SignUpAsync(
                "Benchmark Soak Ltd", "US", "USD", "America/New_York", "Sam Soak", $"soak-{Guid.NewGuid():N}@example.com", "Correct-Horse-42-Battery", cancellationToken);
            var seeded = await ProductRun.SeedAsync(services, tenant.AccessToken, cancellationToken);
            var clients = services.ToDictionary(s => s.Key, s => SourcingClient.Api(s.Value.Url, tenant.AccessToken));
            var logSizes = services.ToDictionary(s => s.Key, s => new FileInfo(s.Value.LogPath).Length);

            Console.WriteLine($"soak: {minutes:F1} min at {rate} req/s; memory sampled every 5 s; load average before: {ProductRun.LoadAverage()}");
            var samples = services.Keys.ToDictionary(k => k, _ => new List<(double Minute, double MiB)>());
            var stats = new Dictionary<string, OperationStats>();
            var mix = Mix(seeded, clients);
            var random = new Random(15);
            var inFlight = new SemaphoreSlim(64);
            var pending = new List<Task>();
            var watch = Stopwatch.StartNew();
            var duration = TimeSpan.FromMinutes(minutes);
            var nextSample = TimeSpan.Zero;
            var nextReport = TimeSpan.FromMinutes(1);
            long issued = 0;
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            Console.WriteLine($"{"minute",6} {"requests",9} {"failed",7} {string.Join(' ', services.Keys.Select(k => $"{k + " MiB",16}"))}");
            while (watch.Elapsed < duration && await tick.WaitForNextTickAsync(cancellationToken))
            {
                var due = (long)(watch.Elapsed.TotalSeconds * rate) - issued;
                for (var i = 0; i < due; i++)
                {
                    var operation = Pick(mix, random);
                    var stat = stats.TryGetValue(operation.Name, out var found) ? found : stats[operation.Name] = new OperationStats();
                    var seed = random.Next();
                    await inFlight.WaitAsync(cancellationToken);
                    pending.Add(RunOneAsync(operation, stat, seed, inFlight, cancellationToken));
                    issued++;
                }

                pending.RemoveAll(t => t.IsCompleted);
                if (watch.Elapsed >= nextSample)
                {
                    foreach (var (name, service) in services)
                    {
                        samples[name].Add((watch.Elapsed.TotalMinutes, service.WorkingSetBytes / 1048576.0));
                    }

                    nextSample += TimeSpan.FromSeconds(5);
                }

                if (watch.Elapsed >= nextReport)
                {
                    Console.WriteLine($"{watch.Elapsed.TotalMinutes,6:F0} {stats.Values.Sum(s => s.Count),9:N0} {stats.Values.Sum(s => s.Failed),7:N0} {string.Join(' ', services.Keys.Select(k => $"{samples[k][^1].MiB,16:F0}"))}");
                    nextReport += TimeSpan.FromMinutes(1);
                }
            }

            await Task.WhenAll(pending);
            var elapsed = watch.Elapsed;
            Console.WriteLine($"load average after: {ProductRun.LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine($"{"operation",-22} {"share",6} {"requests",9} {"failed",7} {"p50 ms",8} {"p99 ms",8}");
            foreach (var (name, stat) in stats.OrderByDescending(s => s.Value.Count))
            {
                var sorted = stat.SortedLatencies();
                Console.WriteLine($"{name,-22} {mix.Single(m => m.Name == name).Weight,6} {stat.Count,9:N0} {stat.Failed,7:N0} {Percentile(sorted, 0.5),8:F1} {Percentile(sorted, 0.99),8:F1}");
            }

            var total = stats.Values.Sum(s => s.Count);
            var failed = stats.Values.Sum(s => s.Failed);
            Console.WriteLine($"{total:N0} requests in {elapsed.TotalMinutes:F1} min ({total / elapsed.TotalSeconds:F0} req/s), {failed:N0} failed");
            foreach (var (_, stat) in stats.Where(s => s.Value.FirstFailure is not null))
            {
                Console.WriteLine($"  first failure: {stat.FirstFailure}");
            }

            Console.WriteLine();
            Console.WriteLine($"{"service",-12} {"first min",10} {"peak",8} {"last min",9} {"trend",14} {"errors in log",14}  verdict (goal < 300 MB, no growth)");
            var met = failed == 0;
            foreach (var (name, points) in samples)
            {
                var errors = CountLogErrors(services[name].LogPath, logSizes[name]);
                var firstMinute = points.Where(p => p.Minute <= 1).Average(p => p.MiB);
                var lastMinute = points.Where(p => p.Minute >= elapsed.TotalMinutes - 1).Average(p => p.MiB);
                var peak = points.Max(p => p.MiB);
                // The trend is the least-squares slope after the first minute (warm-up: JIT, pools, caches);
                // growth is a slope that would add more than 10 % of the mean over another run of the same length.
                var steady = points.Where(p => p.Minute > 1).ToList();
                var slope = Slope(steady);
                var mean = steady.Count > 0 ? steady.Average(p => p.MiB) : peak;
                var grows = slope * elapsed.TotalMinutes > 0.10 * mean;
                var ok = peak < MemoryGoalMiB && !grows && errors == 0;
                met &= ok;
                Console.WriteLine($"{name,-12} {firstMinute,10:F0} {peak,8:F0} {lastMinute,9:F0} {slope,9:+0.00;-0.00} MiB/min {errors,14}  {(ok ? "met" : "NOT met")}{(grows ? " (grows)" : "")}{(peak >= MemoryGoalMiB ? " (over 300 MB)" : "")}");
            }

            foreach (var api in clients.Values)
            {
                api.Dispose();
            }

            Console.WriteLine(met ? "soak: every goal met" : "soak: NOT every goal met");
            return met ? 0 : 1;
        }
        finally
        {
            foreach (var service in services.Values.Reverse())
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <summary>What the load is made of, with weights (out of 100).</summary>
    private static List<Operation> Mix(Seeded seeded, Dictionary<string, HttpClient> api)
    {
        Guid Any(List<Guid> ids, int seed) => ids[seed % ids.Count];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return
        [
            new("engagement list", 16, seed => api["Engagements"].GetAsync($"api/engagements?pageSize=20&page={1 + (seed % 5)}")),
            new("provider list", 8, _ => api["Engagements"].GetAsync("api/providers?pageSize=20")),
            new("risk score list", 12, seed => api["Risk"].GetAsync($"api/risk/scores?pageSize=20&page={1 + (seed % 5)}")),
            new("SLA list", 8, seed => api["Sla"].GetAsync($"api/engagements/{seeded.Slas[seed % seeded.Slas.Count].EngagementId}/slas?pageSize=20")),
            new("alert list", 8, _ => api["Risk"].GetAsync("api/risk/alerts?pageSize=20")),
            new("engagement", 12, seed => api["Engagements"].GetAsync($"api/engagements/{Any(seeded.Engagements, seed)}")),
            new("engagement scores", 10, seed => api["Risk"].GetAsync($"api/risk/engagements/{Any(seeded.Engagements, seed)}/scores")),
            new("portfolio", 6, _ => api["Risk"].GetAsync("api/risk/portfolio")),
            new("engagement totals", 4, _ => api["Engagements"].GetAsync("api/engagements/totals")),
            // A new value for one of the last 30 days of an SLA: a change the risk service scores again.
            new("measurement (write)", 12, seed =>
            {
                var (_, slaId) = seeded.Slas[seed % seeded.Slas.Count];
                var day = today.AddDays(-1 - (seed / 7 % 30));
                return api["Sla"].PostAsJsonAsync($"api/slas/{slaId}/measurements", new { period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = seed % 3 == 0 ? 97.0m : 99.9m });
            }),
            new("provider (write)", 4, seed => api["Engagements"].PostAsJsonAsync("api/providers", new
            {
                legalName = $"Soak Provider {seed:x8} Ltd",
                hqCountry = "PL",
                deliveryCountries = new[] { "PL" },
                certifications = Array.Empty<object>(),
            })),
        ];
    }

    private static Operation Pick(List<Operation> mix, Random random)
    {
        var roll = random.Next(mix.Sum(m => m.Weight));
        foreach (var operation in mix)
        {
            if ((roll -= operation.Weight) < 0)
            {
                return operation;
            }
        }

        return mix[^1];
    }

    private static async Task RunOneAsync(Operation operation, OperationStats stat, int seed, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await operation.Send(seed);
            var body = response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync(cancellationToken);
            stat.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, body is null ? null : $"{operation.Name}: {(int)response.StatusCode} {body}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            stat.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"{operation.Name}: {e.GetType().Name} {e.Message}");
        }
        finally
        {
            inFlight.Release();
        }
    }

    /// <summary>Lines the service logged at error level (or worse) since the soak began (compact JSON: the level is "@l", absent for Information).</summary>
    private static int CountLogErrors(string path, long from)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    private static double Slope(List<(double Minute, double MiB)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var meanX = points.Average(p => p.Minute);
        var meanY = points.Average(p => p.MiB);
        var numerator = points.Sum(p => (p.Minute - meanX) * (p.MiB - meanY));
        var denominator = points.Sum(p => (p.Minute - meanX) * (p.Minute - meanX));
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Operation(string Name, int Weight, Func<int, Task<HttpResponseMessage>> Send);

    private sealed class OperationStats
    {
        private readonly List<double> _latencies = [];

        public long Count { get; private set; }

        public long Failed { get; private set; }

        public string? FirstFailure { get; private set; }

        public void Record(double milliseconds, string? failure)
        {
            lock (_latencies)
            {
                Count++;
                _latencies.Add(milliseconds);
                if (failure is not null)
                {
                    Failed++;
                    FirstFailure ??= failure.Length > 300 ? failure[..300] : failure;
                }
            }
        }

        public List<double> SortedLatencies()
        {
            lock (_latencies)
            {
                var copy = new List<double>(_latencies);
                copy.Sort();
                return copy;
            }
        }
    }
}
