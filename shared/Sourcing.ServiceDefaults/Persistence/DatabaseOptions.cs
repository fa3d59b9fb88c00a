namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply EF migrations at start-up as the owner role (<c>ConnectionStrings:Migrations</c>), then serve.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Apply the migrations (and whatever else the service installs as the owner: Hangfire's schema, reference data)
    /// and exit with 0 without serving: the mode of a deployment's migration job, run once before the services start
    /// with <see cref="MigrateOnStartup"/> false.
    /// </summary>
    public bool MigrateOnly { get; set; }

    /// <summary>Whether this process applies the migrations: at start-up, or as a migration job.</summary>
    public bool AppliesMigrations => MigrateOnStartup || MigrateOnly;
}
