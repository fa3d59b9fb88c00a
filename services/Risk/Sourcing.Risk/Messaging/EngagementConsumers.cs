using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Messaging;

public sealed class EngagementCreatedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<EngagementCreated>(db, tenant, jobs)
{
    protected override Task<bool> Apply(EngagementCreated message, CancellationToken cancellationToken) =>
        EngagementCopy.ApplyAsync(Db, message.TenantId, message.Engagement, cancellationToken);
}

public sealed class EngagementChangedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<EngagementChanged>(db, tenant, jobs)
{
    protected override Task<bool> Apply(EngagementChanged message, CancellationToken cancellationToken) =>
        EngagementCopy.ApplyAsync(Db, message.TenantId, message.Engagement, cancellationToken);
}

public sealed class EngagementTerminatedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<EngagementTerminated>(db, tenant, jobs)
{
    protected override Task<bool> Apply(EngagementTerminated message, CancellationToken cancellationToken) =>
        EngagementCopy.ApplyAsync(Db, message.TenantId, message.Engagement with { Status = EngagementValues.Terminated }, cancellationToken);
}

internal static class EngagementCopy
{
    public static async Task<bool> ApplyAsync(RiskDb db, Guid tenantId, EngagementState state, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == state.Id, cancellationToken);
        if (engagement is null)
        {
            engagement = new Engagement { TenantId = tenantId, Id = state.Id };
            db.Engagements.Add(engagement);
        }
        else if (engagement.Version > state.Version || (engagement.Version == state.Version && engagement.Status == state.Status))
        {
            return false;
        }

        engagement.Apply(state);
        return true;
    }
}
