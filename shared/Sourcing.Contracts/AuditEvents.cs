namespace Sourcing.Contracts;

/// <summary>
/// Someone (or the system) changed something a tenant cares about: one event per change of one
/// subject, published by the service that owns the subject. The tenants service keeps them as the
/// tenant-wide audit trail.
/// </summary>
public sealed record AuditRecorded : IntegrationEvent
{
    /// <summary>The service that made the change: identity, tenants, engagements, sla or risk.</summary>
    public required string Service { get; init; }

    /// <summary>What kind of thing changed, in the domain's words: engagement, provider, sla, alert, settings, member ...</summary>
    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    /// <summary>What a person reads for the subject (an engagement's name, a member's e-mail), when there is one.</summary>
    public string? SubjectName { get; init; }

    /// <summary>created, changed, deleted, terminated, acknowledged, resolved ...</summary>
    public required string Action { get; init; }

    /// <summary>The fields that changed, with their old and new values as text (empty for a creation or deletion).</summary>
    public IReadOnlyList<AuditFieldChange> Changes { get; init; } = [];

    /// <summary>The user (token subject) or API client; null for the system.</summary>
    public string? ActorId { get; init; }

    public string? ActorName { get; init; }
}

/// <summary>One field's value before and after a change.</summary>
public sealed record AuditFieldChange(string Field, string? OldValue, string? NewValue);
