namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>A DbContext whose tenant-owned entities are filtered to the current tenant.</summary>
public interface ITenantDbContext
{
    /// <summary>The unit of work's tenant, or <see cref="Guid.Empty"/> (which matches no row) when none is set.</summary>
    Guid CurrentTenantId { get; }
}
