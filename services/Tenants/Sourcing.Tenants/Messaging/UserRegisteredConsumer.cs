using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.Tenants.Data;
using Sourcing.Tenants.Invitations;
using Sourcing.Tenants.Members;
using Sourcing.Tenants.Settings;

namespace Sourcing.Tenants.Messaging;

/// <summary>
/// An account was created: for a sign-up, the tenant is created with DOMAIN.md's default settings
/// and its admin (TenantRegistered); for an accepted invitation, the person becomes a member
/// (MemberJoined), unless the invitation was revoked meanwhile, in which case the account is
/// removed again (MemberRemoved).
/// </summary>
public sealed class UserRegisteredConsumer(TenantsDb db, ITenantContext tenant, TimeProvider clock)
    : IdempotentConsumer<UserRegistered, TenantsDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var now = clock.GetUtcNow();
        if (message.SignUp is { } signUp)
        {
            if (await Db.Tenants.AnyAsync(cancellationToken))
            {
                return;
            }

            var created = Tenant.SignUp(message.TenantId, signUp, now);
            Db.Tenants.Add(created);
            AddMember(message, now);
            Db.AddEvent(new TenantRegistered
            {
                TenantId = message.TenantId,
                Settings = created.ToSettings(),
                AdminUserId = message.UserId,
                AdminEmail = message.Email,
                AdminName = message.Name,
            });
            return;
        }

        var invitation = message.InvitationId is { } id
            ? await Db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            : null;
        if (invitation is null || invitation.Status == InvitationStatus.Revoked)
        {
            Db.AddEvent(new MemberRemoved { TenantId = message.TenantId, UserId = message.UserId, Email = message.Email });
            return;
        }

        invitation.Status = InvitationStatus.Accepted;
        invitation.AcceptedAt = now;
        if (!await Db.Members.AnyAsync(m => m.UserId == message.UserId, cancellationToken))
        {
            var member = AddMember(message, now);
            member.Role = invitation.Role;
            Db.AddEvent(new MemberJoined
            {
                TenantId = message.TenantId,
                UserId = member.UserId,
                Email = member.Email,
                Name = member.Name,
                Role = member.Role,
            });
        }
    }

    private Member AddMember(UserRegistered message, DateTimeOffset now)
    {
        var member = new Member
        {
            TenantId = message.TenantId,
            UserId = message.UserId,
            Email = message.Email.ToLowerInvariant(),
            Name = message.Name,
            Role = message.Role,
            JoinedAt = now,
        };
        Db.Members.Add(member);
        return member;
    }
}
