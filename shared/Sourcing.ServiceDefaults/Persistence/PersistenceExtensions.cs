using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sourcing.ServiceDefaults.Hosting;
using Sourcing.ServiceDefaults.Messaging;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>EF Core on PostgreSQL with the tenant set in every transaction, and migrations run as the owner.</summary>
public static partial class PersistenceExtensions
{
    public static WebApplicationBuilder AddSourcingDbContext<TContext>(
        this WebApplicationBuilder builder,
        Action<DbContextOptionsBuilder>? configure = null,
        bool rowLevelSecurity = true)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not set.");

        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(new DbContextSetup<TContext>(configure, rowLevelSecurity));
        builder.Services.TryAddSingleton<TenantTransactionInterceptor>();
        builder.Services.TryAddSingleton<TenantReadInterceptor>();
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        // The options are built once (singleton): a context per request costs its construction only.
        // The interceptors are singletons that take the tenant from the context they serve.
        builder.Services.AddDbContext<TContext>(
            (services, options) =>
            {
                services.GetRequiredService<DbContextSetup<TContext>>().Apply(options, connectionString);
                options.AddInterceptors(
                    services.GetRequiredService<TenantTransactionInterceptor>(),
                    services.GetRequiredService<TenantReadInterceptor>(),
                    services.GetRequiredService<OutboxSignalInterceptor>());
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TContext>>("postgresql", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations as the owner role, then makes sure every tenant table has
    /// row-level security and the run-time role has the privileges it needs (and no more).
    /// Several instances starting at once serialise on an advisory lock.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.AppliesMigrations)
        {
            return;
        }

        var ownerConnection = app.Configuration.GetConnectionString("Migrations")
            ?? throw new InvalidOperationException("ConnectionStrings:Migrations is not set (Database:MigrateOnStartup or Database:MigrateOnly is true).");
        var appRole = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString("Database")).Username
            ?? throw new InvalidOperationException("ConnectionStrings:Database has no Username.");
        if (!RoleName().IsMatch(appRole))
        {
            throw new InvalidOperationException($"The run-time role name '{appRole}' is not a plain identifier.");
        }

        var setup = app.Services.GetRequiredService<DbContextSetup<TContext>>();
        var options = new DbContextOptionsBuilder<TContext>();
        setup.Apply(options, ownerConnection);

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = ActivatorUtilities.CreateInstance<TContext>(scope.ServiceProvider, options.Options);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sourcing.Migrations");

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKeys.Migrations})", cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            LogMigrating(logger, typeof(TContext).Name, pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
            if (setup.RowLevelSecurity)
            {
                await db.Database.ExecuteSqlRawAsync(RowLevelSecurity.EnsurePoliciesSql(), cancellationToken);
            }

            // The role name was checked against RoleName() above: a plain identifier, safe to splice.
            var grants = $"""
                GRANT USAGE ON SCHEMA public TO {appRole};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {appRole};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {appRole};
                """;
            await db.Database.ExecuteSqlRawAsync(grants, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(NoJitSql, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKeys.Migrations})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Switches PostgreSQL's JIT compilation off for the service's database (new sessions). JIT pays off for
    /// long analytical queries; a service's queries are short, and a plan that merely looks costly (the risk
    /// recompute's window over a tenant's SLA results) spent 50 to 90 ms of its 270 ms compiling, in the
    /// leader and in each parallel worker. A database setting rather than a connection option, so that it
    /// also holds behind a connection pooler; where the migrations' role does not own the database, the
    /// server's own setting stays and a notice says so.
    /// </summary>
    internal const string NoJitSql = """
        DO $$
        BEGIN
          EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE NOTICE 'jit left as the server sets it: the migrations role does not own database %', current_database();
        END
        $$
        """;

    /// <summary>
    /// True when the process runs as a migration job (<c>Database:MigrateOnly</c>): the caller returns from Main
    /// after its owner-side installation, so that the process exits with 0 without serving.
    /// </summary>
    public static bool MigrationsOnly(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnly)
        {
            return false;
        }

        LogMigrationsOnly(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sourcing.Migrations"), app.Environment.ApplicationName);
        return true;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex RoleName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating {Context}: {Pending} pending migration(s)")]
    private static partial void LogMigrating(ILogger logger, string context, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Application}: migrations applied; exiting without serving (Database:MigrateOnly)")]
    private static partial void LogMigrationsOnly(ILogger logger, string application);
}

/// <summary>How a service's DbContext is configured, kept so that migrations use the same setup with the owner's connection.</summary>
internal sealed class DbContextSetup<TContext>(Action<DbContextOptionsBuilder>? configure, bool rowLevelSecurity)
    where TContext : DbContext
{
    public bool RowLevelSecurity { get; } = rowLevelSecurity;

    public void Apply(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(JsonColumnQueryGuard.Instance)
            .ConfigureWarnings(warnings => warnings.Log(DatabaseFailuresAsWarnings));
        configure?.Invoke(options);
    }

    /// <summary>
    /// EF Core logs a failed query, command, save, transaction or connection at error level before its exception
    /// reaches the code, which then decides what it was: a lost race answered 409, an aborted request, a database
    /// restart answered 503 (a warning), or a fault, which the code logs itself, with the exception, at the level
    /// it calls for (ProblemExceptionHandler's 500, MassTransit's fault and the e-mail dispatcher's failed round at
    /// error level, the event outbox's retried round as a warning). So EF Core's own lines are warnings: an expected
    /// conflict no longer reads as an error in the log.
    /// </summary>
    internal static readonly (EventId Id, LogLevel Level)[] DatabaseFailuresAsWarnings =
    [
        (CoreEventId.SaveChangesFailed, LogLevel.Warning),
        (CoreEventId.QueryIterationFailed, LogLevel.Warning),
        (RelationalEventId.CommandError, LogLevel.Warning),
        (RelationalEventId.TransactionError, LogLevel.Warning),
        (RelationalEventId.ConnectionError, LogLevel.Warning),
    ];

    /// <summary>
    /// The connection string with the pool's defaults for this code base, where the configuration does
    /// not say otherwise: no reset on close (nothing here leaves session state behind: the tenant is set
    /// per transaction, temporary tables drop on commit, the migrations' advisory lock is released, so
    /// the DISCARD ALL that Npgsql would send before each reuse only costs a statement and throws the
    /// prepared statements away), and automatic preparation of the statements a service repeats.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!ContainsKey(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!ContainsKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
        }

        return builder.ConnectionString;
    }

    private static bool ContainsKey(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(key => keys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
