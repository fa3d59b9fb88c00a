namespace Sourcing.Portal.BrowserTests;

/// <summary>Where the servers that infra/test.sh started are (the same environment variables as the system tests read).</summary>
public static class PortalEnvironment
{
    public static string RepoRoot { get; } = Environment.GetEnvironmentVariable("SOURCING_REPO_ROOT") ?? FindRepoRoot();

    public static int PostgresPort { get; } = Int("SOURCING_TEST_PG_PORT", 54330);

    public static int RabbitPort { get; } = Int("SOURCING_TEST_RABBIT_PORT", 56730);

    public static int SmtpPort { get; } = Int("SOURCING_TEST_SMTP_PORT", 10260);

    public static Uri MailDev { get; } = new(Environment.GetEnvironmentVariable("SOURCING_TEST_MAILDEV_URL") ?? "http://127.0.0.1:10810/");

    public static string Configuration { get; } = Environment.GetEnvironmentVariable("SOURCING_TEST_CONFIGURATION") ?? "Release";

    /// <summary>test (what CI runs) or test1..test9.</summary>
    public static string Name { get; } = Environment.GetEnvironmentVariable("SOURCING_TEST_ENV") ?? "test";

    /// <summary>
    /// The system tests' first service port. The browser tests start their own services 40 above it
    /// (identity, tenants, engagements, sla, risk) and the portal 49 above it, so that they never take
    /// the system tests' ports.
    /// </summary>
    public static int ServicePortBase { get; } = Int("SOURCING_TEST_SERVICE_PORT_BASE", 5200);

    public static string DataDirectory => Path.Combine(RepoRoot, ".data", Name);

    /// <summary>Where the screenshots go, kept after the run: .data/ENV/artifacts/browser/.</summary>
    public static string ArtifactsDirectory => Path.Combine(DataDirectory, "artifacts", "browser");

    /// <summary>Debian's Chromium (installed by infra/install.sh); Playwright never downloads a browser here.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("SOURCING_CHROMIUM") ?? "/usr/bin/chromium";

    public static string ConnectionString(string database, string role) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username={role};Password={role};Pooling=true";

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
