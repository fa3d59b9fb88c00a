using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// What a tenant's latest recompute did and when: the time every current score of the tenant was
/// last computed (a score row itself is rewritten only when it changes).
/// </summary>
public sealed class RecomputeRecord : ITenantOwned
{
    public Guid TenantId { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public int Engagements { get; set; }

    public int Changed { get; set; }

    public int AlertsRaised { get; set; }

    public int AlertsResolved { get; set; }

    public int ElapsedMilliseconds { get; set; }
}
