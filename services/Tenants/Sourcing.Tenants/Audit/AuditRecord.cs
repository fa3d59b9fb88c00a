using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Tenants.Audit;

/// <summary>One entry of the tenant-wide audit trail: who changed what, when, in which service (from an AuditRecorded event).</summary>
public sealed class AuditRecord : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The AuditRecorded event's id, so a redelivered event cannot add a second entry.</summary>
    public Guid Id { get; set; }

    public string Service { get; set; } = "";

    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string? SubjectName { get; set; }

    public string Action { get; set; } = "";

    public List<AuditFieldChange> Changes { get; set; } = [];

    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
