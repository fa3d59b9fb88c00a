using MassTransit;
using Sourcing.Contracts;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Identity.Messaging;

/// <summary>A withdrawn invitation: its link stops working (for good; a resend of it is ignored).</summary>
public sealed class MemberInvitationRevokedConsumer(IdentityDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<MemberInvitationRevoked, IdentityDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<MemberInvitationRevoked> context, CancellationToken cancellationToken)
    {
        var invitation = await Db.Invitations.FindAsync([context.Message.InvitationId], cancellationToken);
        if (invitation is null || invitation.TenantId != context.Message.TenantId || invitation.UsedAt is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        invitation.RevokedAt ??= now;
        invitation.UpdatedAt = now;
    }
}
