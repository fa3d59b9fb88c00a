using System.Net;
using Npgsql;

namespace Sourcing.SystemTests;

/// <summary>
/// The deployment's migration job (infra/k8s: each service's image run once with <c>Database:MigrateOnly</c> before the
/// services, which then start with <c>Database:MigrateOnStartup</c> false and no owner connection): on an empty
/// database it installs everything the service needs and exits with 0 without serving, a second run changes
/// nothing, and the service then serves from that database as the run-time role alone.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MigrationJobTests(SystemFixture system)
{
    public static TheoryData<string> Services => new(SystemFixture.ServiceNames);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_migration_job_installs_an_empty_database_exits_and_the_service_then_serves_without_migrating(string name)
    {
        var database = $"sourcing_job_{name.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await CreateEmptyDatabaseAsync(database);
        try
        {
            var job = new Dictionary<string, string>
            {
                ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString(database, "sourcing_app"),
                ["ConnectionStrings__Migrations"] = TestEnvironment.ConnectionString(database, "sourcing_owner"),
                ["Database__MigrateOnStartup"] = "false",
                ["Database__MigrateOnly"] = "true",
            };
            var (exitCode, log) = await system.RunToExitAsync(name, job, TimeSpan.FromSeconds(180));
            Assert.True(exitCode == 0, $"{name}'s migration job exited with {exitCode}:\n{log}");
            Assert.Contains("exiting without serving (Database:MigrateOnly)", log, StringComparison.Ordinal);

            // Every migration the running service's own database has, in the same order.
            var expected = await MigrationsAsync(SystemFixture.DatabaseOf(name));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await MigrationsAsync(database));
            if (name == "Risk")
            {
                Assert.True(await CountAsync(database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") > 5, "Hangfire's schema is installed by the job");
                Assert.True(await CountAsync(database, "SELECT count(*) FROM reference_countries") > 100, "the WGI reference data is loaded by the job");
                Assert.True(await CountAsync(database, "SELECT count(*) FROM exchange_rates") > 1000, "the ECB rates are loaded by the job");
            }

            // JIT compilation is off for the database: a new session of the run-time role starts with it off.
            await using (var session = await SystemFixture.OpenAsync(database, "sourcing_app"))
            await using (var show = new NpgsqlCommand("SHOW jit", session))
            {
                Assert.Equal("off", await show.ExecuteScalarAsync());
            }

            // Run again: nothing pending, the same history, exit 0 (a job that reruns on every deployment).
            var (again, againLog) = await system.RunToExitAsync(name, job, TimeSpan.FromSeconds(180));
            Assert.True(again == 0, $"{name}'s second migration run exited with {again}:\n{againLog}");
            Assert.Equal(expected, await MigrationsAsync(database));

            // The service as a deployment runs it: no owner connection, no migrations; ready from the migrated database.
            await using var service = await system.StartVariantAsync(name, 40, new Dictionary<string, string>
            {
                ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString(database, "sourcing_app"),
                ["ConnectionStrings__Migrations"] = "",
                ["Database__MigrateOnStartup"] = "false",
            });
            using var http = new HttpClient { BaseAddress = service.Url };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/ready")).StatusCode);
        }
        finally
        {
            await DropDatabaseAsync(database);
        }
    }

    private static async Task CreateEmptyDatabaseAsync(string database)
    {
        await using var connection = await OpenAsSuperuserAsync("postgres");
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database} OWNER sourcing_owner ENCODING 'UTF8'", connection);
        await create.ExecuteNonQueryAsync();
        await using var grant = new NpgsqlCommand($"GRANT CONNECT ON DATABASE {database} TO sourcing_app", connection);
        await grant.ExecuteNonQueryAsync();
    }

    private static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenAsSuperuserAsync("postgres");
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsSuperuserAsync(string database)
    {
        var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={TestEnvironment.PostgresPort};Database={database};Username=postgres;Password=postgres;Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> MigrationsAsync(string database)
    {
        await using var connection = await SystemFixture.OpenAsync(database, "sourcing_owner");
        await using var command = new NpgsqlCommand("SELECT migration_id FROM __ef_migrations_history ORDER BY migration_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = await SystemFixture.OpenAsync(database, "sourcing_owner");
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
