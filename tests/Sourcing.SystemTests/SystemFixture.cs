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
    public const int IdentityPort = 5200;
    public const int TenantsPort = 5201;

    private ServiceProcess? _identity;
    private ServiceProcess? _tenants;

    public ServiceProcess IdentityService => _identity ?? throw new InvalidOperationException("Not started.");

    public ServiceProcess TenantsService => _tenants ?? throw new InvalidOperationException("Not started.");

    public SourcingClient Client { get; private set; } = null!;

    public Uri Identity => IdentityService.Url;

    public Uri Tenants => TenantsService.Url;

    public string KeysDirectory => Path.Combine(TestEnvironment.DataDirectory, "keys");

    public async Task InitializeAsync()
    {
        var common = new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__Port"] = TestEnvironment.RabbitPort.ToString(),
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = TestEnvironment.SmtpPort.ToString(),
            ["DataProtection__KeysDirectory"] = Path.Combine(KeysDirectory, "dataprotection"),
            ["Identity__Authority"] = $"http://127.0.0.1:{IdentityPort}/",
        };

        _identity = await ServiceProcess.StartAsync("Identity", "Sourcing.Identity", IdentityPort, new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString("sourcing_identity", "sourcing_app"),
            ["ConnectionStrings__Migrations"] = TestEnvironment.ConnectionString("sourcing_identity", "sourcing_owner"),
            ["Identity__Issuer"] = $"http://127.0.0.1:{IdentityPort}/",
            ["Identity__KeysDirectory"] = KeysDirectory,
        });
        _tenants = await ServiceProcess.StartAsync("Tenants", "Sourcing.Tenants", TenantsPort, new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString("sourcing_tenants", "sourcing_app"),
            ["ConnectionStrings__Migrations"] = TestEnvironment.ConnectionString("sourcing_tenants", "sourcing_owner"),
        });

        Client = new SourcingClient(Identity, Tenants, TestEnvironment.MailDev);
        Console.WriteLine(
            $"Services ready: identity {IdentityService.WorkingSetBytes / 1048576} MiB, tenants {TenantsService.WorkingSetBytes / 1048576} MiB working set after start-up.");
    }

    public async Task DisposeAsync()
    {
        if (_tenants is not null)
        {
            await _tenants.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
    }

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
    public static async Task RabbitAsync(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestEnvironment.RepoRoot, "infra", "servers.sh"), $"{verb}-rabbitmq", "test"])
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
            throw new InvalidOperationException($"servers.sh {verb}-rabbitmq test failed: {await output}{await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    // One collection: the outbox test stops the broker, which the other tests must not see.
    public const string Name = "system";
}
