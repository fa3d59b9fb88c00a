using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// A tenant whose inputs changed since its last recompute. One row per tenant: a burst of events
/// touches the same row, and one job picks it up (the debounce).
/// </summary>
public sealed class PendingRecompute : ITenantOwned
{
    public Guid TenantId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
}
