using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Sourcing.Testing;

namespace Sourcing.Benchmarks;

/// <summary>
/// Issue 15's first goal: the authenticated list endpoints (engagements, providers, risk scores, SLAs,
/// alerts) at 50 connections against a bare minimal API that validates the same JWT, both measured in
/// this run by wrk (Debian's HTTP load generator, a separate process). Every service runs as the README
/// runs it (Release, real PostgreSQL, RabbitMQ); the tenant is created through the public APIs.
/// Goal: each list at least 0.25x the bare endpoint's requests per second, p99 under 25 ms.
/// Args: [seconds per endpoint, default 10] [connections, default 50] [endpoints, comma-separated, default all]
/// [warm-up seconds per endpoint, default 10: on two busy cores the JIT's optimised code for a service's
/// request path, compiled on a background thread, lags; after 3 s the first endpoint measured on a service
/// still used 3.5 ms of CPU per request, against 2.1 ms after 10 s (docs/benchmarks.md, api-lists)].
/// </summary>
public sealed partial class ApiListsBenchmark : IBenchmark
{
    public string Name => "api-lists";

    public string Description => "authenticated list endpoints vs a bare JWT minimal API, wrk at 50 connections (goal >= 0.25x, p99 < 25 ms)";

    public async Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var only = args.Length > 2 && args[2] != "all" ? args[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var warmUp = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        var services = new Dictionary<string, ServiceProcess>();
        try
        {
            await ProductRun.StartServicesAsync(context, services, cancellationToken);
            var client = new SourcingClient(services["Identity"].Url, services["Tenants"].Url, context.MailDev);
            var tenant = await client.SignUpAsync(
                "Benchmark Lists Ltd", "US", "USD", "America/New_York", "Lee Lists", $"lists-{Guid.NewGuid():N}@example.com", "Correct-Horse-42-Battery", cancellationToken);
            var token = tenant.AccessToken;
            var seeded = await ProductRun.SeedAsync(services, token, cancellationToken);
            var engagementIds = seeded.Engagements;
            var slaEngagement = seeded.Slas[0].EngagementId;

            await using var bare = await BareApi.StartAsync(services["Identity"].Url, context.ServicePortBase + 8, cancellationToken);
            var targets = new (string Name, ServiceProcess? Service, Uri Url)[]
            {
                ("bare JWT endpoint", null, new Uri(bare.Url, "bare")),
                ("engagements", services["Engagements"], new Uri(services["Engagements"].Url, "api/engagements?pageSize=20")),
                ("providers", services["Engagements"], new Uri(services["Engagements"].Url, "api/providers?pageSize=20")),
                ("risk scores", services["Risk"], new Uri(services["Risk"].Url, "api/risk/scores?pageSize=20")),
                ("SLAs", services["Sla"], new Uri(services["Sla"].Url, $"api/engagements/{slaEngagement}/slas?pageSize=20")),
                ("alerts", services["Risk"], new Uri(services["Risk"].Url, "api/risk/alerts?pageSize=20")),
            };

            Console.WriteLine($"data: {engagementIds.Count} engagements; wrk -t2 -c{connections} -d{seconds}s --latency per endpoint after a {warmUp} s warm-up; load average before: {ProductRun.LoadAverage()}");
            Console.WriteLine("CPU/req: CPU time of the serving process (the benchmark's own for the bare endpoint) and of PostgreSQL, per request, in ms");
            Console.WriteLine($"{"endpoint",-20} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"ratio",7} {"CPU/req",8} {"PG/req",7} {"service RSS",12}  verdict");
            double? bareRate = null;
            var failed = false;
            foreach (var (name, service, url) in targets.Where(t => t.Service is null || only is null || only.Contains(t.Name, StringComparer.OrdinalIgnoreCase)))
            {
                await Wrk.RunAsync(url, token, connections, warmUp, cancellationToken);
                long peak = 0;
                using var sampling = new CancellationTokenSource();
                var sampler = service is null ? Task.CompletedTask : Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        peak = Math.Max(peak, service.WorkingSetBytes);
                        await Task.Delay(200, CancellationToken.None);
                    }
                }, CancellationToken.None);
                var cpuBefore = service?.ProcessorTime ?? Process.GetCurrentProcess().TotalProcessorTime;
                var pgBefore = PostgresCpu(context);
                var result = await Wrk.RunAsync(url, token, connections, seconds, cancellationToken);
                var cpuPerRequest = ((service?.ProcessorTime ?? Process.GetCurrentProcess().TotalProcessorTime) - cpuBefore).TotalMilliseconds / Math.Max(1, result.Requests);
                var pgPerRequest = (PostgresCpu(context) - pgBefore).TotalMilliseconds / Math.Max(1, result.Requests);
                await sampling.CancelAsync();
                await sampler;
                bareRate ??= result.RequestsPerSecond;
                var ratio = result.RequestsPerSecond / bareRate.Value;
                var met = service is null || (ratio >= 0.25 && result.P99Ms < 25);
                var verdict = service is null ? "baseline" : met ? "met" : "NOT met";
                if (result.Errors > 0)
                {
                    verdict += $"; {result.Errors} non-2xx or socket errors";
                    failed = true;
                }

                Console.WriteLine($"{name,-20} {result.RequestsPerSecond,10:N0} {result.P50Ms,8:F1} {result.P99Ms,8:F1} {ratio,7:F3} {cpuPerRequest,8:F3} {pgPerRequest,7:F3} {(service is null ? "-" : $"{peak / 1048576.0:F0} MiB"),12}  {verdict}");
            }

            Console.WriteLine($"load average after: {ProductRun.LoadAverage()}");
            return failed ? 1 : 0;
        }
        finally
        {
            foreach (var service in services.Values.Reverse())
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <summary>CPU time used so far by this environment's PostgreSQL: the postmaster's children (backends, walwriter, ...).</summary>
    private static TimeSpan PostgresCpu(BenchmarkContext context)
    {
        var pidFile = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "pg", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
        {
            return TimeSpan.Zero;
        }

        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ... utime(14) stime(15)"; comm may hold spaces, so split after ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture);
                if (pid == postmaster || int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // not a process directory, or the process ended meanwhile
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>A minimal API with one endpoint that validates the same JWT the same way (RS256, issuer, audience, lifetime) and answers a small fixed JSON page.</summary>
    private sealed class BareApi(WebApplication app, Uri url) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        public static async Task<BareApi> StartAsync(Uri authority, int port, CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                options.Authority = authority.ToString();
                options.Audience = "engagements";
                options.RequireHttpsMetadata = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            });
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            var page = new { items = Enumerable.Range(0, 20).Select(i => new { id = Guid.NewGuid(), name = $"Item {i}" }).ToArray(), pageNumber = 1, pageSize = 20, totalCount = 20 };
            app.MapGet("/bare", () => Results.Json(page)).RequireAuthorization();
            await app.StartAsync(cancellationToken);
            return new BareApi(app, new Uri($"http://127.0.0.1:{port}/"));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    /// <summary>Runs wrk and reads its requests/s, latency percentiles and errors.</summary>
    private static partial class Wrk
    {
        public sealed record Result(double RequestsPerSecond, long Requests, double P50Ms, double P99Ms, long Errors);

        public static async Task<Result> RunAsync(Uri url, string token, int connections, int seconds, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", $"Authorization: Bearer {token}", url.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: install it (apt-get install wrk; infra/install.sh does).");
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output} {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            var rate = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var errors = 0L;
            if (NonSuccess().Match(output) is { Success: true } non2xx)
            {
                errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            if (SocketErrors().Match(output) is { Success: true } socket)
            {
                errors += socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
            }

            var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new Result(rate, requests, Percentile(output, "50"), Percentile(output, "99"), errors);
        }

        private static double Percentile(string output, string percent)
        {
            var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }

        [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
        private static partial Regex RequestsPerSecond();

        [GeneratedRegex(@"(\d+) requests in")]
        private static partial Regex Requests();

        [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
        private static partial Regex NonSuccess();

        [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
        private static partial Regex SocketErrors();
    }
}
