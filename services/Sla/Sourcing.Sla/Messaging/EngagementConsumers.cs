using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.Sla.Data;
using Sourcing.Sla.Engagements;

namespace Sourcing.Sla.Messaging;

/// <summary>
/// Keeps the copy of an engagement that SLAs attach to. Events carry the whole state with its
/// version, so the three events apply the same way and an older version arriving late is ignored.
/// </summary>
public abstract class EngagementCopyConsumer<TEvent>(SlaDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<TEvent, SlaDb>(db, tenant)
    where TEvent : IntegrationEvent
{
    protected abstract EngagementState StateOf(TEvent message);

    protected override async Task Handle(ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        var state = StateOf(context.Message);
        var copy = await Db.Engagements.SingleOrDefaultAsync(e => e.Id == state.Id, cancellationToken);
        if (copy is null)
        {
            copy = new KnownEngagement { TenantId = context.Message.TenantId, Id = state.Id };
            Db.Engagements.Add(copy);
        }
        else if (copy.Version > state.Version)
        {
            return;
        }

        copy.Apply(state, clock.GetUtcNow());
    }
}

public sealed class EngagementCreatedConsumer(SlaDb db, ITenantContext tenant, TimeProvider clock)
    : EngagementCopyConsumer<EngagementCreated>(db, tenant, clock)
{
    protected override EngagementState StateOf(EngagementCreated message) => message.Engagement;
}

public sealed class EngagementChangedConsumer(SlaDb db, ITenantContext tenant, TimeProvider clock)
    : EngagementCopyConsumer<EngagementChanged>(db, tenant, clock)
{
    protected override EngagementState StateOf(EngagementChanged message) => message.Engagement;
}

public sealed class EngagementTerminatedConsumer(SlaDb db, ITenantContext tenant, TimeProvider clock)
    : EngagementCopyConsumer<EngagementTerminated>(db, tenant, clock)
{
    protected override EngagementState StateOf(EngagementTerminated message) => message.Engagement;
}
