using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.ReadModel;

/// <summary>The risk service's copy of a tenant's settings (from TenantRegistered / TenantSettingsChanged).</summary>
public sealed class RiskTenant : ITenantOwned
{
    public Guid TenantId { get; set; }

    public TenantSettings Settings { get; set; } = null!;

    public int Version { get; set; }
}

/// <summary>
/// Every tenant id the service knows, without a tenant_id column (so without row-level security):
/// only the recurring job reads it, to fan out one job per tenant. Holds no business data.
/// </summary>
public sealed class TenantDirectoryEntry
{
    public Guid Id { get; set; }
}
