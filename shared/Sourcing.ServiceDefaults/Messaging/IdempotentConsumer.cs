using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Messaging;

/// <summary>
/// Base of every consumer: records the event in the inbox and handles it in one transaction with
/// the event's tenant set, so a redelivered or re-published event changes nothing the second time
/// (the inbox insert finds the row and the handler is skipped), and a failure leaves no trace.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, ITenantContext tenant) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TContext : DbContext, IOutboxDbContext
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var cancellationToken = context.CancellationToken;
        var message = context.Message;
        tenant.Set(message.TenantId);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var consumer = GetType().FullName!;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO inbox_messages (message_id, consumer, tenant_id, received_at)
            VALUES ({message.EventId}, {consumer}, {message.TenantId}, now())
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        await Handle(context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the event; changes are saved and committed by the base.</summary>
    protected abstract Task Handle(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
