namespace Sourcing.ServiceDefaults.Messaging;

/// <summary>A message a consumer has handled; its key makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public Guid TenantId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
