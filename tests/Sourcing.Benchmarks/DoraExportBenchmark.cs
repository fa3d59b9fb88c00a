using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.Benchmarks;

/// <summary>
/// Issue 18's speed requirement: a bank with 5,000 contracts, 2,000 providers and 20,000 contract x
/// service x function rows (B_02.02) exports its DORA register (the xBRL-CSV ZIP of
/// <c>GET /api/registers/dora</c>) in under 5 s with flat memory, and its readiness view
/// (<c>GET /api/registers/readiness</c>) answers in under 1 s. Identity, tenants and engagements run
/// as Release processes; each tenant signs up through identity and sets its group through the API,
/// and its providers, contracts and register facts are written straight into the engagements database
/// (<see cref="DoraBankData"/>). A second bank of half the size shows whether the export's memory
/// grows with the data. Each size is measured on a freshly started engagements service: its working
/// set sampled every 50 ms during each export (growth = peak minus the level just before), the export
/// timed to the last byte over HTTP with the admin's token, the package opened and its tables counted.
/// Args: [contracts=5000] [providers=2000] [functions per contract=4] [timed runs=10].
/// </summary>
public sealed class DoraExportBenchmark : IBenchmark
{
    private const string ReferenceDate = "2026-06-30";
    private const int FunctionPool = 200;
    private static readonly TimeSpan ExportGoal = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadinessGoal = TimeSpan.FromSeconds(1);

    public string Name => "dora-export";

    public string Description => "DORA register package and readiness of a bank with 5,000 contracts, 2,000 providers, 20,000 contract x function rows, and at half size (goals: export < 5 s with flat memory, readiness < 1 s)";

    public async Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var full = new DoraBankSize(Arg(0, 5000), Arg(1, 2000), Arg(2, 4), FunctionPool);
        var half = full with { Contracts = full.Contracts / 2, Providers = full.Providers / 2 };
        var runs = Arg(3, 10);
        var owner = context.ConnectionString("sourcing_engagements", "sourcing_owner");
        var logs = ProductRun.LogDirectory(context);
        var services = new Dictionary<string, ServiceProcess>();
        try
        {
            foreach (var (name, offset, database) in ProductRun.Services.Take(3))
            {
                Console.WriteLine($"starting {name} (log: {logs}/{name.ToLowerInvariant()}.log)");
                services[name] = await StartAsync(context, name, offset, database);
            }

            var client = new SourcingClient(services["Identity"].Url, services["Tenants"].Url, context.MailDev);
            var banks = new List<(string Label, DoraBankSize Size, string Token)>();
            foreach (var (label, size) in new[] { ("half", half), ("full", full) })
            {
                var tenant = await client.SignUpAsync(
                    $"Benchmark Bank {label} AG", "DE", "EUR", "Europe/Berlin", "Dora Bench", $"dora-{label}-{Guid.NewGuid():N}@example.com", "Correct-Horse-42-Battery", cancellationToken);
                await DoraBankData.WaitForTenantAsync(owner, tenant.TenantId, cancellationToken);
                var watch = Stopwatch.StartNew();
                await DoraBankData.GenerateAsync(owner, tenant.TenantId, size, cancellationToken);
                using var api = SourcingClient.Api(services["Engagements"].Url, tenant.AccessToken);
                await SetUpGroupAsync(api, cancellationToken);
                Console.WriteLine($"{label}: {size}; generated in {watch.Elapsed.TotalSeconds:F1} s");
                banks.Add((label, size, tenant.AccessToken));
            }

            Console.WriteLine($"reference date {ReferenceDate}; {runs} timed runs after a first (cold) one, each size on a freshly started engagements service; load average before: {ProductRun.LoadAverage()}");
            var results = new List<SizeResult>();
            foreach (var (label, size, token) in banks)
            {
                await services["Engagements"].DisposeAsync();
                services["Engagements"] = await StartAsync(context, "Engagements", 2, "sourcing_engagements");
                var result = await MeasureAsync(services["Engagements"], token, label, size, runs, cancellationToken);
                if (result is null)
                {
                    return 1;
                }

                results.Add(result);
            }

            Console.WriteLine($"load average after: {ProductRun.LoadAverage()}");
            Summarise(results[0], results[1]);
            return 0;
        }
        finally
        {
            foreach (var service in services.Values.Reverse())
            {
                await service.DisposeAsync();
            }
        }
    }

    private static Task<ServiceProcess> StartAsync(BenchmarkContext context, string name, int offset, string database) =>
        ServiceProcess.StartAsync(
            name, $"Sourcing.{name}", context.ServicePortBase + offset, ProductRun.Environment(context, database), context.RepoRoot, "Release", ProductRun.LogDirectory(context));

    /// <summary>The group as a bank sets it up: a holding (ultimate parent) and the bank reporting the register, through the API (LEIs checked there).</summary>
    private static async Task SetUpGroupAsync(HttpClient api, CancellationToken cancellationToken)
    {
        var holding = DoraBankData.Lei("DORAHOLDING0000000");
        var bank = DoraBankData.Lei("DORABANK0000000000");
        object Entity(string name, string hierarchy) => new
        {
            name,
            entityType = "eba_CT:x12",
            hierarchy,
            parentLei = holding,
            country = "DE",
            currency = "EUR",
            totalAssets = 15_500_000_000m,
            integratedOn = "2025-01-17",
        };

        await PutAsync(api, $"api/registers/entities/{holding}", Entity("Benchmark Holding AG", "eba_RP:x53"), cancellationToken);
        await PutAsync(api, $"api/registers/entities/{bank}", Entity("Benchmark Bank AG", "eba_RP:x56"), cancellationToken);
        await PutAsync(api, "api/registers/settings", new { reportingEntityLei = bank, competentAuthority = "DE_BAFIN", consolidation = "CON" }, cancellationToken);
    }

    private static async Task PutAsync(HttpClient api, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await api.PutAsJsonAsync(path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private sealed record SizeResult(
        string Label, DoraBankSize Size, List<ExportRun> Exports, long RssIdle, long RssAfter, long ZipBytes, long CsvBytes, List<TimeSpan> Readiness, List<TimeSpan> ReadinessCpu, int Warnings);

    /// <summary>One export: to the headers and to the last byte, the service's CPU time meanwhile, its working set before and at the peak.</summary>
    private sealed record ExportRun(TimeSpan Headers, TimeSpan Total, TimeSpan Cpu, long RssBefore, long RssPeak)
    {
        public long Growth => RssPeak - RssBefore;
    }

    private static async Task<SizeResult?> MeasureAsync(ServiceProcess engagements, string token, string label, DoraBankSize size, int runs, CancellationToken cancellationToken)
    {
        using var api = SourcingClient.Api(engagements.Url, token);
        api.Timeout = TimeSpan.FromMinutes(10);
        var idle = engagements.WorkingSetBytes;
        var exports = new List<ExportRun>();
        byte[] package = [];
        for (var run = 0; run <= runs; run++)
        {
            var before = engagements.WorkingSetBytes;
            var cpu = engagements.ProcessorTime;
            using var sampler = new RssSampler(engagements);
            var watch = Stopwatch.StartNew();
            using var response = await api.GetAsync($"api/registers/dora?referenceDate={ReferenceDate}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var headers = watch.Elapsed;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Console.WriteLine($"{label}: the export answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return null;
            }

            package = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var total = watch.Elapsed;
            var peak = await sampler.StopAsync();
            cpu = engagements.ProcessorTime - cpu;
            exports.Add(new ExportRun(headers, total, cpu, before, peak));
            Console.WriteLine($"{label} export {(run == 0 ? "cold" : $"run {run}")}: {total.TotalSeconds:F2} s to the last byte ({headers.TotalSeconds:F2} s to the headers, service CPU {cpu.TotalSeconds:F2} s), {package.Length / 1048576.0:F1} MiB; working set {before / 1048576.0:F0} -> peak {peak / 1048576.0:F0} MiB (+{(peak - before) / 1048576.0:F0})");
        }

        var after = engagements.WorkingSetBytes;
        var (tables, csvBytes) = Tables(package);
        if (!Verify(label, size, tables))
        {
            return null;
        }

        var readiness = new List<TimeSpan>();
        var readinessCpu = new List<TimeSpan>();
        var warnings = 0;
        for (var run = 0; run <= runs; run++)
        {
            var cpu = engagements.ProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await api.GetAsync($"api/registers/readiness?referenceDate={ReferenceDate}", cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            readiness.Add(watch.Elapsed);
            readinessCpu.Add(engagements.ProcessorTime - cpu);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Console.WriteLine($"{label}: readiness answered {(int)response.StatusCode}: {body}");
                return null;
            }

            using var json = JsonDocument.Parse(body);
            var dora = json.RootElement.GetProperty("registers").EnumerateArray().First(r => r.GetProperty("register").GetString() == "dora");
            warnings = json.RootElement.GetProperty("findings").GetArrayLength();
            var mismatched = json.RootElement.GetProperty("templates").EnumerateArray()
                .Where(t => t.GetProperty("rows").GetInt32() != tables.GetValueOrDefault(t.GetProperty("template").GetString()!))
                .Select(t => t.GetProperty("template").GetString()).ToList();
            Console.WriteLine($"{label} readiness {(run == 0 ? "first" : $"run {run}")}: {watch.Elapsed.TotalSeconds:F3} s (service CPU {readinessCpu[^1].TotalSeconds:F3} s), {body.Length / 1024.0:F0} KiB; {dora.GetProperty("rows").GetInt32():N0} rows, {dora.GetProperty("blocking").GetInt32()} blocking, {warnings} findings");
            if (dora.GetProperty("blocking").GetInt32() > 0 || mismatched.Count > 0)
            {
                Console.WriteLine($"{label}: readiness disagrees with the package ({string.Join(", ", mismatched)}) or reports blocking violations");
                return null;
            }
        }

        return new SizeResult(label, size, exports, idle, after, package.Length, csvBytes, readiness, readinessCpu, warnings);
    }

    /// <summary>Rows (lines after the header) of each template's CSV in the package, by template code, and the CSVs' total size.</summary>
    private static (Dictionary<string, int> Rows, long CsvBytes) Tables(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName.Contains("/reports/b_", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var lines = 0;
            while (reader.ReadLine() is not null)
            {
                lines++;
            }

            rows["B_" + entry.Name[2..^4]] = lines - 1;
        }

        var names = zip.Entries.Select(e => e.FullName[(e.FullName.IndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);
        foreach (var required in new[] { "META-INF/reportPackage.json", "reports/report.json", "reports/parameters.csv", "reports/FilingIndicators.csv" })
        {
            if (!names.Contains(required))
            {
                throw new InvalidDataException($"The package has no {required}.");
            }
        }

        return (rows, zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.Ordinal)).Sum(e => e.Length));
    }

    private static bool Verify(string label, DoraBankSize size, Dictionary<string, int> tables)
    {
        Console.WriteLine($"{label} package rows: {string.Join(", ", tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value:N0}"))}");
        var expected = new Dictionary<string, int>
        {
            ["B_01.02"] = 2,
            ["B_02.01"] = size.Contracts,
            ["B_02.02"] = size.ContractFunctionRows,
            ["B_05.01"] = size.Providers,
            ["B_05.02"] = size.ChainRows,
            ["B_06.01"] = size.FunctionRows,
            ["B_07.01"] = size.Contracts,
        };
        var wrong = expected.Where(e => tables.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key} has {tables.GetValueOrDefault(e.Key):N0} rows, not {e.Value:N0}").ToList();
        foreach (var problem in wrong)
        {
            Console.WriteLine($"{label}: {problem}");
        }

        return wrong.Count == 0;
    }

    private static void Summarise(SizeResult half, SizeResult full)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        static double MiB(long bytes) => bytes / 1048576.0;
        Console.WriteLine();
        Console.WriteLine("timed runs' median and max; CPU = the engagements service's CPU time per request (median), less sensitive than wall time to other work on the machine");
        Console.WriteLine($"{"size",-5} {"contracts",9} {"B_02.02",8} {"export cold",11} {"median",7} {"max",6} {"to headers",10} {"CPU",5} {"zip MiB",7} {"CSV MiB",7} {"RSS idle",8} {"growth cold",11} {"growth max",10} {"RSS after",9} {"readiness median",16} {"max",6} {"CPU",5}");
        foreach (var r in new[] { half, full })
        {
            var timed = r.Exports.Skip(1).ToList();
            Console.WriteLine(
                $"{r.Label,-5} {r.Size.Contracts,9:N0} {r.Size.ContractFunctionRows,8:N0} {r.Exports[0].Total.TotalSeconds,10:F2}s {Median(timed.Select(e => e.Total.TotalSeconds)),6:F2}s {timed.Max(e => e.Total.TotalSeconds),5:F2}s " +
                $"{Median(timed.Select(e => e.Headers.TotalSeconds)),9:F2}s {Median(timed.Select(e => e.Cpu.TotalSeconds)),4:F2}s {MiB(r.ZipBytes),7:F1} {MiB(r.CsvBytes),7:F1} {MiB(r.RssIdle),8:F0} {MiB(r.Exports[0].Growth),11:F0} {MiB(r.Exports.Max(e => e.Growth)),10:F0} {MiB(r.RssAfter),9:F0} " +
                $"{Median(r.Readiness.Skip(1).Select(t => t.TotalSeconds)),15:F3}s {r.Readiness.Skip(1).Max(t => t.TotalSeconds),5:F3}s {Median(r.ReadinessCpu.Skip(1).Select(t => t.TotalSeconds)),4:F2}s");
        }

        var exportMax = full.Exports.Skip(1).Max(e => e.Total);
        var readinessMax = full.Readiness.Skip(1).Max();
        var growthFull = full.Exports.Max(e => e.Growth);
        var growthHalf = half.Exports.Max(e => e.Growth);
        var ratio = growthHalf > 0 ? (double)growthFull / growthHalf : double.PositiveInfinity;
        // Flat: the export's memory does not grow with the data. Twice the data with (nearly) the same
        // growth is flat; about twice the growth means something holds the register in memory.
        var flat = ratio <= 1.3 || growthFull <= 16 << 20;
        Console.WriteLine();
        Console.WriteLine($"goal: DORA package (full size) under {ExportGoal.TotalSeconds:F0} s: median {Median(full.Exports.Skip(1).Select(e => e.Total.TotalSeconds)):F2} s, max {exportMax.TotalSeconds:F2} s (cold {full.Exports[0].Total.TotalSeconds:F2} s): {(exportMax < ExportGoal ? "met" : "NOT met")}");
        Console.WriteLine($"goal: memory flat: the export's working-set growth {MiB(growthFull):F0} MiB at full size vs {MiB(growthHalf):F0} MiB at half size (ratio {ratio:F2}; the package's CSVs are {MiB(full.CsvBytes):F1} MiB): {(flat ? "met" : "NOT met")} (flat = ratio <= 1.3 or growth <= 16 MiB)");
        Console.WriteLine($"goal: readiness (full size) under {ReadinessGoal.TotalSeconds:F0} s: median {Median(full.Readiness.Skip(1).Select(t => t.TotalSeconds)):F3} s, max {readinessMax.TotalSeconds:F3} s (first {full.Readiness[0].TotalSeconds:F3} s): {(readinessMax < ReadinessGoal ? "met" : "NOT met")}");
    }

    /// <summary>Samples a service's working set every 50 ms until stopped; the peak includes a last sample at the stop.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public RssSampler(ServiceProcess service)
        {
            _sampling = Task.Run(async () =>
            {
                var peak = service.WorkingSetBytes;
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(50, CancellationToken.None);
                    peak = Math.Max(peak, service.WorkingSetBytes);
                }

                return peak;
            }, CancellationToken.None);
        }

        public async Task<long> StopAsync()
        {
            await _stop.CancelAsync();
            return await _sampling;
        }

        public void Dispose() => _stop.Dispose();
    }
}
