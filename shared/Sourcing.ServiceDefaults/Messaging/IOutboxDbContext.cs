using Microsoft.EntityFrameworkCore;

namespace Sourcing.ServiceDefaults.Messaging;

/// <summary>A service DbContext with the transactional outbox and the consumers' inbox.</summary>
public interface IOutboxDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }
}
