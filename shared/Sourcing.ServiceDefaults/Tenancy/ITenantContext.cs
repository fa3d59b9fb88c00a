namespace Sourcing.ServiceDefaults.Tenancy;

/// <summary>
/// The tenant of the current unit of work: from the verified access token's <c>tenant_id</c> claim
/// for a request, from the message for a consumer, from an explicit loop for a job. Never from
/// anything else the caller controls.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }

    /// <summary>The tenant, or an exception when none is set (a bug, not a user error).</summary>
    Guid RequiredTenantId { get; }

    void Set(Guid tenantId);
}

internal sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }

    public Guid RequiredTenantId =>
        TenantId ?? throw new InvalidOperationException("No tenant is set for this unit of work.");

    public void Set(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("The tenant of a unit of work cannot change.");
        }

        TenantId = tenantId;
    }
}
