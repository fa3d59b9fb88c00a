namespace Sourcing.ServiceDefaults.Messaging;

/// <summary>
/// An integration event waiting to be published: written in the same transaction as the change it
/// announces, published by <see cref="OutboxDispatcher{TContext}"/>, then marked sent.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id; also the broker message id.</summary>
    public Guid Id { get; set; }

    /// <summary>Publication order.</summary>
    public long Sequence { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Full name of the event type in Sourcing.Contracts.</summary>
    public string MessageType { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
