namespace Sourcing.SystemTests;

/// <summary>Where the servers that infra/test.sh started are (environment variables, with the documented defaults).</summary>
public static class TestEnvironment
{
    public static string RepoRoot { get; } = Environment.GetEnvironmentVariable("SOURCING_REPO_ROOT") ?? FindRepoRoot();

    public static int PostgresPort { get; } = Int("SOURCING_TEST_PG_PORT", 54330);

    public static int RabbitPort { get; } = Int("SOURCING_TEST_RABBIT_PORT", 56730);

    public static int SmtpPort { get; } = Int("SOURCING_TEST_SMTP_PORT", 10260);

    public static Uri MailDev { get; } = new(Environment.GetEnvironmentVariable("SOURCING_TEST_MAILDEV_URL") ?? "http://127.0.0.1:10810/");

    public static string Configuration { get; } = Environment.GetEnvironmentVariable("SOURCING_TEST_CONFIGURATION") ?? "Release";

    /// <summary>test (what CI runs) or test1..test9 (a second suite beside it, on other ports).</summary>
    public static string Name { get; } = Environment.GetEnvironmentVariable("SOURCING_TEST_ENV") ?? "test";

    /// <summary>The first service's port; each service takes the next (identity, tenants, engagements, sla, risk).</summary>
    public static int ServicePortBase { get; } = Int("SOURCING_TEST_SERVICE_PORT_BASE", 5200);

    public static string DataDirectory => Path.Combine(RepoRoot, ".data", Name);

    public static string ConnectionString(string database, string role) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username={role};Password={role};Pooling=true;Include Error Detail=true";

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sourcing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Sourcing.sln); set SOURCING_REPO_ROOT.");
    }
}
