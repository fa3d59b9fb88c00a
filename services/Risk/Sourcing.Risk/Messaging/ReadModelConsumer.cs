using Hangfire;
using MassTransit;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.Recompute;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Messaging;

/// <summary>
/// Base of the read-model consumers: applies the event through the inbox (so a redelivery changes
/// nothing), marks the tenant as needing a recompute in the same transaction, and after the commit
/// enqueues the tenant's recompute job, unless one is already pending (the debounce: a burst of
/// events for one tenant leaves one row and one job).
/// </summary>
public abstract class ReadModelConsumer<TMessage>(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : IdempotentConsumer<TMessage, RiskDb>(db, tenant), IConsumer<TMessage>
    where TMessage : IntegrationEvent
{
    private bool _enqueue;

    async Task IConsumer<TMessage>.Consume(ConsumeContext<TMessage> context)
    {
        _enqueue = false;
        await Consume(context);
        if (_enqueue)
        {
            RecomputeRequests.Enqueue(jobs, context.Message.TenantId, typeof(TMessage).Name);
        }
    }

    protected sealed override async Task Handle(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        if (await Apply(context.Message, cancellationToken))
        {
            await Db.SaveChangesAsync(cancellationToken);
            _enqueue = await RecomputeRequests.MarkPendingAsync(Db, context.Message.TenantId, cancellationToken);
        }
    }

    /// <summary>Applies the event to the read model; returns whether anything a score depends on may have changed.</summary>
    protected abstract Task<bool> Apply(TMessage message, CancellationToken cancellationToken);
}
