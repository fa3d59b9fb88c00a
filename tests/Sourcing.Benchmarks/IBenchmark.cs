namespace Sourcing.Benchmarks;

/// <summary>
/// One benchmark of the harness, run by name (<c>bash infra/bench.sh NAME</c>). Each prints its
/// figures and the machine it ran on; docs/benchmarks.md records what was measured.
/// </summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken);
}

/// <summary>Where the benchmark servers are (the environment infra/bench.sh exports).</summary>
public sealed record BenchmarkContext(string RepoRoot, string EnvironmentName, int PostgresPort, int RabbitPort, int SmtpPort, Uri MailDev, int ServicePortBase)
{
    public static BenchmarkContext FromEnvironment() => new(
        Environment.GetEnvironmentVariable("SOURCING_REPO_ROOT") ?? Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariable("SOURCING_TEST_ENV") ?? "test9",
        Int("SOURCING_TEST_PG_PORT", 54339),
        Int("SOURCING_TEST_RABBIT_PORT", 56739),
        Int("SOURCING_TEST_SMTP_PORT", 10269),
        new Uri(Environment.GetEnvironmentVariable("SOURCING_TEST_MAILDEV_URL") ?? "http://127.0.0.1:10819/"),
        Int("SOURCING_TEST_SERVICE_PORT_BASE", 6100));

    public string ConnectionString(string database, string role) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username={role};Password={role}";

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
