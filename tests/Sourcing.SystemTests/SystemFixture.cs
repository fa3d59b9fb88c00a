using System.Diagnostics;
using Npgsql;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>
/// Starts the identity and tenants services as real processes against the PostgreSQL, RabbitMQ and
/// maildev that infra/test.sh started, once for the whole test run. Each test makes its own tenant.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    /// <summary>
    /// The services the tests run, in start order: name (also the folder under services/), project,
    /// port offset from <see cref="TestEnvironment.ServicePortBase"/>, database. Later services add a line.
    /// </summary>
    private static readonly ServiceSpec[] Specs =
    [
        new("Identity", "Sourcing.Identity", 0, "sourcing_identity"),
        new("Tenants", "Sourcing.Tenants", 1, "sourcing_tenants"),
        new("Engagements", "Sourcing.Engagements", 2, "sourcing_engagements"),
        new("Sla", "Sourcing.Sla", 3, "sourcing_sla"),
        new("Risk", "Sourcing.Risk", 4, "sourcing_risk"),
    ];

    private readonly Dictionary<string, ServiceProcess> _services = new(StringComparer.Ordinal);

    /// <summary>The risk service's way to the SMTP sink: tests close it to take "the SMTP server" down for that service alone.</summary>
    public SmtpGate RiskSmtp { get; } = new(TestEnvironment.SmtpPort);

    public static IEnumerable<string> ServiceNames => Specs.Select(s => s.Name);
    private readonly Dictionary<string, Dictionary<string, string>> _environments = new(StringComparer.Ordinal);

    public ServiceProcess IdentityService => Service("Identity");

    public ServiceProcess TenantsService => Service("Tenants");

    public SourcingClient Client { get; private set; } = null!;

    public Uri Identity => IdentityService.Url;

    public Uri Tenants => TenantsService.Url;

    public string KeysDirectory => Path.Combine(TestEnvironment.DataDirectory, "keys");

    public ServiceProcess Service(string name) =>
        _services.TryGetValue(name, out var service) ? service : throw new InvalidOperationException($"{name} is not started.");

    public static int Port(string name) => TestEnvironment.ServicePortBase + Specs.Single(s => s.Name == name).PortOffset;

    public async Task InitializeAsync()
    {
        foreach (var spec in Specs)
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString(spec.Database, "sourcing_app"),
                ["ConnectionStrings__Migrations"] = TestEnvironment.ConnectionString(spec.Database, "sourcing_owner"),
                ["RabbitMq__Host"] = "127.0.0.1",
                ["RabbitMq__Port"] = TestEnvironment.RabbitPort.ToString(),
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = TestEnvironment.SmtpPort.ToString(),
                ["DataProtection__KeysDirectory"] = Path.Combine(KeysDirectory, "dataprotection"),
                ["Identity__Authority"] = $"http://127.0.0.1:{Port("Identity")}/",
                ["Identity__Issuer"] = $"http://127.0.0.1:{Port("Identity")}/",
                ["Identity__KeysDirectory"] = KeysDirectory,
                // Small upload limits, so that the SLA tests reach them with small uploads (413).
                ["Ingestion__MaxRows"] = "5000",
                ["Ingestion__MaxBodyBytes"] = "1048576",
                // Digests: due every 5 s, short critical-alert windows, quick SMTP retries, links to this run's ports.
                ["Digests__DueCron"] = "*/5 * * * * *",
                ["Digests__AlertMailWindow"] = "00:00:20",
                ["Digests__AlertMailPollInterval"] = "00:00:01",
                ["Digests__UnsubscribeBaseUrl"] = $"http://127.0.0.1:{Port("Risk")}/",
                ["Portal__BaseUrl"] = "http://portal.test/",
                ["Smtp__RetryDelay"] = "00:00:01",
                ["Smtp__MaxRetryDelay"] = "00:00:03",
            };
            if (spec.Name == "Risk")
            {
                environment["Smtp__Port"] = RiskSmtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A job whose worker was killed runs again 15 s after (production: 2 minutes), so the fault tests need not wait long.
                environment["Risk__JobInvisibilityTimeout"] = "00:00:15";
            }

            _environments[spec.Name] = environment;
            _services[spec.Name] = await ServiceProcess.StartAsync(
                spec.Name, spec.Project, Port(spec.Name), environment,
                TestEnvironment.RepoRoot, TestEnvironment.Configuration, Path.Combine(TestEnvironment.DataDirectory, "logs"));
        }

        Client = new SourcingClient(Identity, Tenants, TestEnvironment.MailDev);
        Console.WriteLine("Services ready; working set after start-up: "
            + string.Join(", ", _services.Values.Select(s => $"{s.Name} {s.WorkingSetBytes / 1048576} MiB")));
    }

    /// <summary>Kills a service's process and starts it again with the same settings (same port, same keys).</summary>
    public async Task RestartAsync(string name)
    {
        await KillAsync(name);
        await StartAgainAsync(name);
    }

    /// <summary>Kills a service's process (SIGKILL, as kill -9: no shutdown code runs); <see cref="StartAgainAsync"/> brings it back.</summary>
    public async Task KillAsync(string name)
    {
        var service = Service(name);
        _services.Remove(name);
        await service.DisposeAsync();
    }

    /// <summary>Starts a killed service again with the same settings (same port, same keys) and waits until it is ready.</summary>
    public async Task StartAgainAsync(string name)
    {
        var spec = Specs.Single(s => s.Name == name);
        _services[name] = await ServiceProcess.StartAsync(
            spec.Name, spec.Project, Port(spec.Name), _environments[name],
            TestEnvironment.RepoRoot, TestEnvironment.Configuration, Path.Combine(TestEnvironment.DataDirectory, "logs"));
    }

    /// <summary>
    /// A second process of a service on its own port (offset from <see cref="TestEnvironment.ServicePortBase"/>, 10 and up),
    /// with the same settings plus <paramref name="overrides"/>, logging to logs/variants/. The caller disposes it.
    /// </summary>
    public Task<ServiceProcess> StartVariantAsync(string name, int portOffset, IReadOnlyDictionary<string, string> overrides)
    {
        var spec = Specs.Single(s => s.Name == name);
        var environment = new Dictionary<string, string>(_environments[name]);
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }

        return ServiceProcess.StartAsync(
            spec.Name, spec.Project, TestEnvironment.ServicePortBase + portOffset, environment,
            TestEnvironment.RepoRoot, TestEnvironment.Configuration, Path.Combine(TestEnvironment.DataDirectory, "logs", "variants"));
    }

    /// <summary>
    /// Runs a service to its exit with its settings plus <paramref name="overrides"/> (a one-off mode such as
    /// <c>Database:MigrateOnly</c>), logging to logs/one-off/RUN/; returns the exit code and the log.
    /// </summary>
    public Task<(int ExitCode, string Log)> RunToExitAsync(string name, IReadOnlyDictionary<string, string> overrides, TimeSpan timeout)
    {
        var spec = Specs.Single(s => s.Name == name);
        var environment = new Dictionary<string, string>(_environments[name]);
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }

        return ServiceProcess.RunToExitAsync(
            spec.Name, spec.Project, environment, TestEnvironment.RepoRoot, TestEnvironment.Configuration,
            Path.Combine(TestEnvironment.DataDirectory, "logs", "one-off", $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{spec.Name.ToLowerInvariant()}"), timeout);
    }

    /// <summary>The database a service uses in this run.</summary>
    public static string DatabaseOf(string name) => Specs.Single(s => s.Name == name).Database;

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values.Reverse())
        {
            await service.DisposeAsync();
        }

        await RiskSmtp.DisposeAsync();
    }

    private sealed record ServiceSpec(string Name, string Project, int PortOffset, string Database);

    /// <summary>A company with a fresh, unique admin e-mail, signed up and logged in.</summary>
    public Task<SignedUpTenant> NewTenantAsync(string company = "Acme Outsourcing Ltd", string country = "US", string currency = "USD", string timeZone = "America/New_York") =>
        Client.SignUpAsync(company, country, currency, timeZone, "Ada Admin", UniqueEmail("admin"), StrongPassword);

    public const string StrongPassword = "Correct-Horse-42-Battery";

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    public HttpClient Api(string? accessToken) => SourcingClient.Api(Tenants, accessToken);

    /// <summary>A connection to a service's database as the run-time role (no BYPASSRLS, owns nothing).</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string database, string role = "sourcing_app")
    {
        var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(database, role));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// A count as the run-time role sees it, the tenant set with set_config inside a transaction the
    /// way the services set it (null: no tenant set), so row-level security applies as in production.
    /// </summary>
    public static async Task<long> CountAsTenantAsync(string database, Guid? tenantId, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant_setting, true)", connection))
        {
            set.Parameters.AddWithValue("tenant_setting", tenantId?.ToString() ?? "");
            await set.ExecuteScalarAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var count = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.RollbackAsync();
        return count;
    }

    /// <summary>Runs a scalar query as the owner (which bypasses nothing: it is for checks that span tenants, in tables without RLS or with it forced).</summary>
    public static async Task<T> ScalarAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(database, "sourcing_owner");
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the test broker (keeping its data) or starts it again, through the infra script.</summary>
    public static Task RabbitAsync(string verb) => ServerAsync(verb, "rabbitmq");

    /// <summary>Stops or starts one of the test servers (rabbitmq, postgres, maildev), keeping its data, through the infra script.</summary>
    public static async Task ServerAsync(string verb, string server)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestEnvironment.RepoRoot, "infra", "servers.sh"), $"{verb}-{server}", TestEnvironment.Name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestEnvironment.RepoRoot,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"servers.sh {verb}-{server} {TestEnvironment.Name} failed: {await output}{await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    // One collection: the outbox test stops the broker, which the other tests must not see.
    public const string Name = "system";
}
