using System.Runtime.InteropServices;
using Sourcing.Benchmarks;

// The benchmark harness: `bash infra/bench.sh NAME [args]` starts throw-away servers and runs one
// benchmark of this project by name. Benchmarks are found by reflection, so a new one is one file.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.SingleOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.WriteLine("Usage: bash infra/bench.sh NAME [args]. Benchmarks:");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

Console.WriteLine($"{chosen.Name}: {chosen.Description}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await chosen.RunAsync(BenchmarkContext.FromEnvironment(), args[1..], cancel.Token);
