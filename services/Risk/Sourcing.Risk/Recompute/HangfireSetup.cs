using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// Hangfire on PostgreSQL, in the risk database's <c>hangfire</c> schema. The schema is installed
/// at migration time by the owner role (Hangfire's own installer), which then grants the run-time
/// role DML on it; at run time Hangfire connects as the run-time role and never changes its schema
/// (PrepareSchemaIfNecessary = false), so the service's role still owns nothing.
/// </summary>
public static class HangfireSetup
{
    public const string Schema = "hangfire";

    public static WebApplicationBuilder AddRiskJobs(this WebApplicationBuilder builder, RiskOptions options)
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")!;
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = false,
                    // Polling, not LISTEN/NOTIFY long polling: with long polling a job was seen fetched
                    // and never started (hangfire-postgres/Hangfire.PostgreSql#410 describes the same).
                    QueuePollInterval = TimeSpan.FromMilliseconds(250),
                    // FetchedAt is refreshed while a job runs, so InvisibilityTimeout only detects dead workers:
                    // a job whose worker died runs again that long after (Risk:JobInvisibilityTimeout).
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = options.JobInvisibilityTimeout,
                }));
        if (options.RunsWorker)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.Queues = [JobQueues.Changes, JobQueues.Default];
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
            if (options.ChangeWorkerCount > 0)
            {
                builder.Services.AddHangfireServer(server =>
                {
                    server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:changes";
                    server.WorkerCount = options.ChangeWorkerCount;
                    server.Queues = [JobQueues.Changes];
                    server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                });
            }
        }

        builder.Services.AddScoped<TenantRecompute>();
        builder.Services.AddTransient<RecomputeJobs>();
        return builder;
    }

    /// <summary>Installs or upgrades Hangfire's schema as the owner and grants the run-time role what it needs.</summary>
    public static async Task InstallHangfireSchemaAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.AppliesMigrations)
        {
            return;
        }

        var appRole = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString("Database")).Username!;
        await using var connection = new NpgsqlConnection(app.Configuration.GetConnectionString("Migrations"));
        await connection.OpenAsync();
        PostgreSqlObjectsInstaller.Install(connection, Schema);
        await using var grant = new NpgsqlCommand(
            $"""
            GRANT USAGE ON SCHEMA {Schema} TO {appRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Schema} TO {appRole};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {Schema} TO {appRole};
            """,
            connection);
        await grant.ExecuteNonQueryAsync();
    }

    public static void ScheduleRecurringJobs(this WebApplication app, RiskOptions options)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<RecomputeJobs>(RecomputeJobs.RecurringRecomputeId, j => j.RecomputeAllTenants(null), options.RecomputeCron);
        recurring.AddOrUpdate<RecomputeJobs>(RecomputeJobs.RecurringRetentionId, j => j.PruneHistory(null), Cron.Daily(3));
    }

    /// <summary>The dashboard at /hangfire, for the platform-admin role only (a bearer token; anonymous gets 401, tenant roles 403).</summary>
    public static void MapRiskDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DisplayStorageConnectionString = false, AppPath = null })
            .RequireAuthorization(PlatformAdminPolicy);
    }

    public const string PlatformAdminPolicy = Sourcing.ServiceDefaults.Auth.Policies.PlatformAdmin;

}

/// <summary>
/// The Hangfire queues. Hangfire.PostgreSql takes a server's queues in alphabetical order, not in the
/// order listed, so the queue that must go first also sorts first.
/// </summary>
public static class JobQueues
{
    /// <summary>Recomputes a change asked for (an event, an override, an admin's request).</summary>
    public const string Changes = "changes";

    /// <summary>Everything else: the scheduled recompute of every tenant and its per-tenant jobs, retention.</summary>
    public const string Default = "default";
}
