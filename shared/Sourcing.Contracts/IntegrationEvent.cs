namespace Sourcing.Contracts;

/// <summary>
/// Base of every integration event: immutable, past tense, carrying the tenant, a unique event id
/// (also the broker message id, which consumers' inboxes deduplicate on) and when it happened.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();

    public required Guid TenantId { get; init; }

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
