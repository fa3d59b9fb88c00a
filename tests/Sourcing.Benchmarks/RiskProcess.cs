using System.Diagnostics;

namespace Sourcing.Benchmarks;

/// <summary>The risk service as a real process (Risk:Role=all) against the benchmark servers; its log goes to .data/test9/logs/risk.log.</summary>
public sealed class RiskProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RiskProcess(Process process) => _process = process;

    public static async Task<RiskProcess> StartAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(context.RepoRoot, "services/Risk/Sourcing.Risk/bin/Release/net10.0/Sourcing.Risk.dll");
        var port = context.ServicePortBase + 4;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ConnectionStrings__Database"] = context.ConnectionString("sourcing_risk", "sourcing_app");
        start.Environment["ConnectionStrings__Migrations"] = context.ConnectionString("sourcing_risk", "sourcing_owner");
        start.Environment["RabbitMq__Port"] = context.RabbitPort.ToString();
        start.Environment["Identity__Authority"] = $"http://127.0.0.1:{context.ServicePortBase}/";
        start.Environment["Risk__RecomputeCron"] = "0 0 31 2 *"; // never: the benchmark starts each run itself
        start.Environment["Risk__WorkerCount"] = Environment.GetEnvironmentVariable("RISK_WORKERS") ?? "4";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var logDir = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "logs");
        Directory.CreateDirectory(logDir);
        var log = new StreamWriter(Path.Combine(logDir, "risk.log"), append: true) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/live", cancellationToken)).IsSuccessStatusCode)
                {
                    return new RiskProcess(process);
                }
            }
            catch (HttpRequestException)
            {
                // Not up yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        process.Kill(true);
        throw new TimeoutException("The risk service did not start within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
