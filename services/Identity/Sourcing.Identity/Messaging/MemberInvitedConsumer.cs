using MassTransit;
using Microsoft.Extensions.Options;
using Sourcing.Contracts;
using Sourcing.Identity.Auth;
using Sourcing.Identity.Data;
using Sourcing.Identity.Invitations;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Identity.Messaging;

/// <summary>
/// An invitation (or a resend, same InvitationId): stores a fresh token's hash, voiding the earlier
/// link, and queues the e-mail in the same transaction. A used or withdrawn invitation stays so.
/// </summary>
public sealed partial class MemberInvitedConsumer(
    IdentityDb db, ITenantContext tenant, IOptions<IdentityServerOptions> options, TimeProvider clock, ILogger<MemberInvitedConsumer> logger)
    : IdempotentConsumer<MemberInvited, IdentityDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<MemberInvited> context, CancellationToken cancellationToken)
    {
        var invited = context.Message;
        var now = clock.GetUtcNow();
        if (!Roles.TenantRoles.Contains(invited.Role, StringComparer.Ordinal))
        {
            LogIgnored(logger, invited.InvitationId, $"role '{invited.Role}' is not a tenant role");
            return;
        }

        var invitation = await Db.Invitations.FindAsync([invited.InvitationId], cancellationToken);
        if (invitation is not null && (invitation.TenantId != invited.TenantId || invitation.UsedAt is not null || invitation.RevokedAt is not null))
        {
            LogIgnored(logger, invited.InvitationId, "it is used, withdrawn or another tenant's");
            return;
        }

        var token = InvitationTokens.NewToken();
        if (invitation is null)
        {
            invitation = new Invitation
            {
                Id = invited.InvitationId,
                TenantId = invited.TenantId,
                Email = invited.Email,
                Role = invited.Role,
                TenantName = invited.TenantName,
                InvitedByName = invited.InvitedByName,
                TokenHash = InvitationTokens.Hash(token),
                CreatedAt = now,
            };
            Db.Invitations.Add(invitation);
        }

        invitation.Email = invited.Email;
        invitation.Role = invited.Role;
        invitation.TenantName = invited.TenantName;
        invitation.InvitedByName = invited.InvitedByName;
        invitation.TokenHash = InvitationTokens.Hash(token);
        invitation.ExpiresAt = invited.ExpiresAt;
        invitation.UpdatedAt = now;

        var link = new Uri(options.Value.IssuerUri, $"account/accept-invitation?token={token}");
        var (subject, html, text) = InvitationEmail.Compose(invited, link);
        Db.QueueEmail(invited.Email, subject, html, text, clock);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored invitation {InvitationId}: {Reason}")]
    private static partial void LogIgnored(ILogger logger, Guid invitationId, string reason);
}
