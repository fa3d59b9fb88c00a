namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply EF migrations at start-up as the owner role (<c>ConnectionStrings:Migrations</c>).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
