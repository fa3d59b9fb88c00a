namespace Sourcing.ServiceDefaults.Tenancy;

/// <summary>An entity that belongs to one tenant; gets a query filter and row-level security.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
