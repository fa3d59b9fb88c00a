using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Messaging;

/// <summary>A new tenant: keep its settings.</summary>
public sealed class TenantRegisteredConsumer(EngagementsDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<TenantRegistered, EngagementsDb>(db, tenant)
{
    protected override Task Handle(ConsumeContext<TenantRegistered> context, CancellationToken cancellationToken) =>
        TenantSettingsCopy.ApplyAsync(Db, context.Message.TenantId, context.Message.Settings, clock.GetUtcNow(), cancellationToken);
}

/// <summary>
/// A tenant's settings changed: keep the new ones and reclassify every engagement of the tenant
/// (EngagementChanged for those whose classification changed).
/// </summary>
public sealed class TenantSettingsChangedConsumer(EngagementsDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<TenantSettingsChanged, EngagementsDb>(db, tenant)
{
    protected override Task Handle(ConsumeContext<TenantSettingsChanged> context, CancellationToken cancellationToken) =>
        TenantSettingsCopy.ApplyAsync(Db, context.Message.TenantId, context.Message.Settings, clock.GetUtcNow(), cancellationToken);
}

internal static class TenantSettingsCopy
{
    public static async Task ApplyAsync(EngagementsDb db, Guid tenantId, TenantSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            profile = new TenantProfile { TenantId = tenantId };
            db.Tenants.Add(profile);
        }
        else if (settings.Version <= profile.Version)
        {
            return; // an older (or the same) state arrived late
        }

        var hqChanged = profile.HqCountry != settings.HqCountry || profile.TimeZone != settings.TimeZone;
        profile.Apply(settings);
        profile.UpdatedAt = now;
        if (hqChanged)
        {
            var engagements = await db.Engagements.ToListAsync(cancellationToken);
            var centres = await db.CaptiveCentres.ToDictionaryAsync(c => c.Id, cancellationToken);
            EngagementWrites.Reclassify(db, engagements, profile, centres, Actor.System, now);
        }
    }
}
