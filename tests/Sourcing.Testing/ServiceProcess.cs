using System.Diagnostics;
using System.Net.Sockets;

namespace Sourcing.Testing;

/// <summary>
/// One service, run as a real process from its build output (services/NAME/PROJECT/bin/CONFIGURATION), with its log in
/// LOGDIRECTORY/name.log. Shared by the system tests and the benchmarks.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _disposed;

    private ServiceProcess(string name, Uri url, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        Url = url;
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string Name { get; }

    public Uri Url { get; }

    public string LogPath { get; }

    public static async Task<ServiceProcess> StartAsync(
        string name, string project, int port, IReadOnlyDictionary<string, string> environment, string repoRoot, string configuration, string logDirectory)
    {
        if (IsListening(port))
        {
            throw new InvalidOperationException($"Port {port} for {name} is taken: stop whatever listens there.");
        }

        var url = new Uri($"http://127.0.0.1:{port}/");
        var (process, log, logPath) = Launch(name, project, url, environment, repoRoot, configuration, logDirectory);
        var service = new ServiceProcess(name, url, process, log, logPath);
        try
        {
            // Generous: on a loaded two-core machine a service's first start (migrations, JIT) can take minutes.
            await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
        }
        catch
        {
            // Never leave a half-started service holding the port for the next run.
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>
    /// Runs a service to its exit (a one-off mode such as <c>Database:MigrateOnly</c>) and returns its exit code and
    /// its log; kills it and throws when it has not exited within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Log)> RunToExitAsync(
        string name, string project, IReadOnlyDictionary<string, string> environment, string repoRoot, string configuration, string logDirectory, TimeSpan timeout)
    {
        // A port nobody listens on: a one-off run must not serve, and if it did, nothing would answer the tests there.
        var url = new Uri("http://127.0.0.1:1/");
        var (process, log, logPath) = Launch(name, project, url, environment, repoRoot, configuration, logDirectory);
        using (process)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException($"{name} did not exit within {timeout.TotalSeconds} s; see {logPath}.");
            }

            // WaitForExitAsync returns after the redirected streams have been read to their end.
            lock (log)
            {
                log.Dispose();
            }

            return (process.ExitCode, File.ReadAllText(logPath));
        }
    }

    private static (Process Process, StreamWriter Log, string LogPath) Launch(
        string name, string project, Uri url, IReadOnlyDictionary<string, string> environment, string repoRoot, string configuration, string logDirectory)
    {
        var dll = Path.Combine(repoRoot, "services", name, project, "bin", configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first ({dll} is missing).", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"{name.ToLowerInvariant()}.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log, logPath);
    }

    /// <summary>The operating system's id of the service's process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time (user and system) the service process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {LogPath}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s; see {LogPath}:\n{Tail()}");
    }

    private string Tail()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(40));
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Kills the process (SIGKILL: no shutdown code runs) and closes the log; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
