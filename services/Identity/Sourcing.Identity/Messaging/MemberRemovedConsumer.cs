using MassTransit;
using OpenIddict.Abstractions;
using Sourcing.Contracts;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Identity.Messaging;

/// <summary>
/// A removed member: the account is disabled (no login, no refresh), its security stamp changes
/// (the login cookie dies at its next check), and its tokens and authorizations are revoked.
/// Access tokens already issued live out their 15 minutes unless an API checks token entries.
/// </summary>
public sealed class MemberRemovedConsumer(
    IdentityDb db, ITenantContext tenant, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations)
    : IdempotentConsumer<MemberRemoved, IdentityDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<MemberRemoved> context, CancellationToken cancellationToken)
    {
        var removed = context.Message;
        var user = await Db.Users.FindAsync([removed.UserId], cancellationToken);
        if (user is null || user.TenantId != removed.TenantId)
        {
            return;
        }

        user.Disabled = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var subject = user.Id.ToString();
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
    }
}
