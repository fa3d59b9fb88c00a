using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sourcing.Contracts;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Data;
using Sourcing.Risk.Digests;
using Sourcing.Risk.ReadModel;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Messaging;

/// <summary>A member joined: kept in the member copy; a vendor manager gets the default digest subscription.</summary>
public sealed class MemberJoinedConsumer(RiskDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<MemberJoined, RiskDb>(db, tenant)
{
    protected override Task Handle(ConsumeContext<MemberJoined> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        return MemberCopy.UpsertAsync(Db, m.TenantId, m.UserId, m.Email, m.Name, m.Role, clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>A member's role changed: a new vendor manager gets the default subscription (an existing one is left as its owner set it).</summary>
public sealed class MemberRoleChangedConsumer(RiskDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<MemberRoleChanged, RiskDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<MemberRoleChanged> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        var member = await Db.Members.SingleOrDefaultAsync(x => x.UserId == m.UserId, cancellationToken);
        if (member is null)
        {
            return;
        }

        if (m.Role == Roles.Viewer)
        {
            // A viewer cannot act on alerts, so the ones waiting for them wait for no one.
            await AlertsApi.UnassignAsync(Db, m.UserId, cancellationToken);
        }

        await MemberCopy.UpsertAsync(Db, m.TenantId, m.UserId, member.Email, member.Name, m.Role, clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>A member was removed: no more e-mails to them (the subscription goes; past deliveries stay), and alerts assigned to them are unassigned.</summary>
public sealed class MemberRemovedConsumer(RiskDb db, ITenantContext tenant) : IdempotentConsumer<MemberRemoved, RiskDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<MemberRemoved> context, CancellationToken cancellationToken)
    {
        var userId = context.Message.UserId;
        await Db.DigestSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await AlertsApi.UnassignAsync(Db, userId, cancellationToken);
        await Db.Members.Where(x => x.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}

internal static class MemberCopy
{
    public static async Task UpsertAsync(
        RiskDb db, Guid tenantId, Guid userId, string email, string name, string role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(x => x.UserId == userId, cancellationToken);
        if (member is null)
        {
            member = new Member { TenantId = tenantId, UserId = userId };
            db.Members.Add(member);
        }

        (member.Email, member.Name, member.Role) = (email, name, role);
        if (role == Roles.VendorManager && !await db.DigestSubscriptions.AnyAsync(s => s.UserId == userId, cancellationToken))
        {
            var zone = (await db.Tenants.AsNoTracking().Select(t => t.Settings).SingleOrDefaultAsync(cancellationToken))?.TimeZone;
            db.DigestSubscriptions.Add(DefaultSubscription(tenantId, userId, email, name, zone, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Weekly, Monday 08:00 in the tenant's zone (members carry none of their own), "mine", medium and above.</summary>
    public static DigestSubscription DefaultSubscription(Guid tenantId, Guid userId, string email, string name, string? zone, DateTimeOffset now)
    {
        var subscription = new DigestSubscription
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Email = email,
            Name = name,
            TimeZone = zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null ? zone : "UTC",
            UnsubscribeNonce = Guid.NewGuid(),
            CreatedAt = now,
        };
        subscription.NextDueAt = DigestSchedule.NextAfter(DigestRule.Of(subscription), Instant.FromDateTimeOffset(now)).ToDateTimeOffset();
        return subscription;
    }
}
