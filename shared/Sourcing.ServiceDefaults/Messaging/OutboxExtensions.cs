using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;

namespace Sourcing.ServiceDefaults.Messaging;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event in the outbox. It is written by the next SaveChanges, in the
    /// same transaction as the change, and published after the commit.
    /// </summary>
    public static void AddEvent<TEvent>(this IOutboxDbContext db, TEvent integrationEvent)
        where TEvent : IntegrationEvent
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            TenantId = integrationEvent.TenantId,
            MessageType = EventTypeName<TEvent>(),
            Payload = JsonSerializer.Serialize(integrationEvent, Json),
            OccurredAt = integrationEvent.OccurredAt,
        });
    }

    /// <summary>
    /// The name an event's outbox rows carry in <c>message_type</c> (and the dispatcher resolves):
    /// its type's full name. SQL that writes outbox rows itself takes it as a parameter.
    /// </summary>
    public static string EventTypeName<TEvent>()
        where TEvent : IntegrationEvent => typeof(TEvent).FullName!;

    /// <summary>Maps the outbox and inbox tables; call from OnModelCreating.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            b.Property(m => m.MessageType).HasMaxLength(300);
            b.Property(m => m.Payload).HasColumnType("jsonb");
            b.HasIndex(m => m.Sequence).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.MessageId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(300);
        });
        return modelBuilder;
    }

    internal static Type? ResolveEventType(string name)
    {
        var type = typeof(IntegrationEvent).Assembly.GetType(name, throwOnError: false);
        return type is not null && type.IsSubclassOf(typeof(IntegrationEvent)) ? type : null;
    }
}
