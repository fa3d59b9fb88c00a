using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Audit;

/// <summary>One field of one provider, captive centre or engagement changed by someone at some time (or the subject was created, deleted, terminated).</summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    /// <summary>provider, captive-centre or engagement.</summary>
    public string SubjectType { get; set; } = "";

    public Guid SubjectId { get; set; }

    /// <summary>created, changed, deleted, terminated or reclassified.</summary>
    public string Action { get; set; } = "";

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>The user (token subject) or API client; null for the system (a reclassification after the tenant's HQ changed).</summary>
    public string? ChangedBy { get; set; }

    public string? ChangedByName { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
